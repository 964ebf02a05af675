'use client';

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Attachments } from '@/app/_components/attachments';
import { Cite } from '@/app/_components/citation';
import { DueTag } from '@/app/_components/due-tag';
import { fmtDateTime } from '@/app/_components/format';
import { useMutationError } from '@/app/_components/list-kit';
import { QueryErrorView } from '@/app/_components/query-error';
import { useTRPC } from '@/server/trpc/react';
import type { SelfView } from './defaults';
import { LeafNav, LeafRubric, SaveStatus, useAutosave } from './leaf-nav';
import { FactList } from './parts';

type Entry = SelfView['entries'][number];
interface Draft {
  score?: number | null;
  comment?: string | null;
}

/**
 * 自评 (HN-22 ¶2: 如实提供有关资料): leaf by leaf, a self-score (optional), a comment and evidence
 * files, beside the facts the console recorded. Autosaved; submitting freezes it (with the facts).
 */
export function SelfAssessment({ campaignId }: { campaignId: string }) {
  const t = useTranslations('campaigns.self');
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const opts = trpc.campaign.self.get.queryOptions({ campaignId });
  const q = useQuery(opts);
  const [current, setCurrent] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [fieldError, setFieldError] = useState<string | null>(null);
  const pending = useRef(new Map<string, Draft>());
  const save = useMutation(trpc.campaign.self.save.mutationOptions());
  const onError = useMutationError(trpc.campaign.pathKey());
  const submit = useMutation(trpc.campaign.self.submit.mutationOptions({
    onSuccess: async () => {
      message.success(t('submitted'));
      // the evidence lists close with the submission
      await Promise.all([qc.invalidateQueries({ queryKey: trpc.campaign.pathKey() }), qc.invalidateQueries({ queryKey: trpc.attachment.pathKey() })]);
    },
    onError: (e) => onError(e),
  }));

  const flushAll = useCallback(async () => {
    for (const [code, d] of [...pending.current]) {
      pending.current.delete(code);
      try {
        const r = await save.mutateAsync({ campaignId, nodeCode: code, ...d });
        setFieldError(null);
        qc.setQueryData(opts.queryKey, (old) => old && { ...old, entries: old.entries.map((e) => (e.nodeCode === code ? { ...e, score: r.score, comment: r.comment, updatedAt: r.updatedAt } : e)) });
      } catch (err) {
        const fe = err instanceof TRPCClientError ? (err.data as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors : undefined;
        setFieldError(fe?.score?.[0] ?? fe?.comment?.[0] ?? null);
        throw err;
      }
    }
  }, [campaignId, opts.queryKey, qc, save]);
  const auto = useAutosave(flushAll);

  const data = q.data;
  const leaves = useMemo(() => (data ? data.nodes.filter((n) => n.leaf) : []), [data]);
  if (q.error) return <QueryErrorView error={q.error} />;
  if (!data) return <Card loading />;
  const code = current ?? leaves[0]?.code ?? null;
  const node = data.nodes.find((n) => n.code === code) ?? null;
  const entry: Entry | undefined = data.entries.find((e) => e.nodeCode === code);
  const value = (c: string): Draft => ({ score: entry?.score ?? null, comment: entry?.comment ?? null, ...(c === code ? drafts[c] : {}) });
  const filled = (e: Entry) => e.score !== null || !!(e.comment ?? '').trim();
  const done = (c: string) => {
    const e = data.entries.find((x) => x.nodeCode === c);
    const d = drafts[c];
    return !!e && (filled(e) || (d !== undefined && (d.score != null || !!(d.comment ?? '').trim())));
  };
  const change = (d: Draft) => {
    if (!code) return;
    setDrafts((all) => ({ ...all, [code]: { ...all[code], ...d } }));
    pending.current.set(code, { ...pending.current.get(code), ...d });
    auto.schedule();
  };
  const go = (c: string) => {
    void auto.flush();
    setFieldError(null);
    setCurrent(c);
  };
  const v = code ? value(code) : {};
  const filledCount = data.entries.filter(filled).length;

  const confirmSubmit = async () => {
    await auto.flush();
    modal.confirm({
      title: t('submitTitle'),
      content: t('submitConfirm', { filled: filledCount, total: data.entries.length }),
      okText: t('submit'),
      cancelText: t('cancel'),
      onOk: () => submit.mutateAsync({ campaignId, version: data.target.version }).catch(() => undefined),
    });
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link href={`/evaluation/campaigns/${campaignId}`}><ArrowLeftOutlined /> {t('back')}</Link>
      <Card
        title={<Space wrap><Typography.Title level={4} style={{ margin: 0 }}>{t('title', { name: data.campaign.name })}</Typography.Title><Cite code="HN-22 ¶2" /></Space>}
        extra={
          <Space wrap>
            {data.campaign.due && <DueTag dueAt={data.campaign.due.dueAt} status={data.campaign.due.status} basis="HN-22 ¶2" />}
            <Typography.Text data-testid="self-progress">{t('progress', { filled: filledCount, total: data.entries.length })}</Typography.Text>
            {data.editable && <Button type="primary" onClick={() => void confirmSubmit()} loading={submit.isPending}>{t('submit')}</Button>}
          </Space>
        }
      >
        {data.target.selfStatus === 'submitted'
          ? <Alert type="success" showIcon title={t('submittedAt', { at: fmtDateTime(data.target.selfSubmittedAt) })} style={{ marginBottom: 16 }} data-testid="self-submitted" />
          : !data.editable
            ? <Alert type="warning" showIcon title={t('closed')} style={{ marginBottom: 16 }} />
            : <Alert type="info" showIcon title={t('intro')} style={{ marginBottom: 16 }} />}
        <Row gutter={16}>
          <Col xs={24} lg={7}>
            <Card size="small" title={t('tree')}>
              <LeafNav nodes={data.nodes} current={code} done={done} onSelect={go} label={t('tree')} />
            </Card>
          </Col>
          <Col xs={24} lg={17}>
            {node && (
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <Card size="small" title={<span data-testid="leaf-title">{node.name}</span>}>
                  <LeafRubric node={node} />
                </Card>
                <Card size="small" title={<>{t('facts')} <Cite code="HN-22 ¶2" /></>}>
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('factsHint')}</Typography.Paragraph>
                  <FactList facts={entry?.facts ?? []} links />
                </Card>
                <Card size="small" title={t('yours')} extra={data.editable && <SaveStatus state={auto.state} />}>
                  <Form layout="vertical" disabled={!data.editable}>
                    <Form.Item label={t('score', { max: node.maxScore ?? 100 })} validateStatus={fieldError ? 'error' : undefined} help={fieldError ?? t('scoreHint')}>
                      <InputNumber
                        aria-label={t('score', { max: node.maxScore ?? 100 })}
                        step={0.5}
                        value={v.score ?? null}
                        onChange={(x) => {
                          const n = x === null ? null : Number(x);
                          if (n !== null && (n < 0 || n > (node.maxScore ?? 100))) {
                            // nothing half-typed is saved: the out-of-range value waits for a correction
                            const p = code ? pending.current.get(code) : undefined;
                            if (code && p) {
                              delete p.score;
                              if (p.comment === undefined) pending.current.delete(code);
                            }
                            setFieldError(t('range', { max: node.maxScore ?? 100 }));
                            return;
                          }
                          setFieldError(null);
                          change({ score: n });
                        }}
                        onBlur={() => void auto.flush()}
                        style={{ width: 160 }}
                        data-testid="self-score"
                      />
                    </Form.Item>
                    <Form.Item label={t('comment')}>
                      <Input.TextArea
                        aria-label={t('comment')}
                        rows={4}
                        maxLength={2000}
                        showCount
                        value={v.comment ?? ''}
                        onChange={(e) => change({ comment: e.target.value })}
                        onBlur={() => void auto.flush()}
                        data-testid="self-comment"
                      />
                    </Form.Item>
                  </Form>
                  {entry?.id && (
                    <>
                      <Typography.Title level={5}>{t('evidenceFiles')}</Typography.Title>
                      <Attachments entityType="self_assessment" entityId={entry.id} />
                    </>
                  )}
                </Card>
              </Space>
            )}
          </Col>
        </Row>
      </Card>
    </Space>
  );
}
