'use client';

import { ArrowLeftOutlined, DownOutlined, PaperClipOutlined, StepForwardOutlined, UpOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, List, Progress, Row, Select, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { DueTag } from '@/app/_components/due-tag';
import { fmtDateTime } from '@/app/_components/format';
import { useMutationError } from '@/app/_components/list-kit';
import { QueryErrorView } from '@/app/_components/query-error';
import { useTRPC } from '@/server/trpc/react';
import type { CampaignNode, ScoringData } from './defaults';
import { LeafNav, LeafRubric, SaveStatus, useAutosave } from './leaf-nav';
import { FactList, KIND_ARTICLE } from './parts';

interface Draft {
  score: number | null;
  comment: string;
}
const SCORE_ID = 'score-input';

/**
 * The scoring screen (HN-22), built for a whole working day: the tree with each leaf's state and
 * the target's progress on the left; the leaf's rubric, expected evidence, article, the target's
 * self-assessment with its files and the recorded facts in the middle; the score and comment on
 * the right, autosaved. J/K or ↓/↑ (and Enter in the score) move to the next / previous leaf and
 * put the cursor in the score. Blind: other evaluators' scores show only after this evaluator has
 * submitted the target, and only theirs that are submitted.
 */
export function ScoringScreen({ campaignId, targetId }: { campaignId: string; targetId: string }) {
  const t = useTranslations('campaigns.scoring');
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const { modal, message } = App.useApp();
  const opts = trpc.campaign.scoring.get.queryOptions({ targetId });
  const q = useQuery(opts);
  const home = useQuery(trpc.campaign.scoring.targets.queryOptions({ campaignId }));
  const [current, setCurrent] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [fieldError, setFieldError] = useState<string | null>(null);
  const pending = useRef(new Map<string, Draft>());
  const save = useMutation(trpc.campaign.scoring.save.mutationOptions());
  const onError = useMutationError(trpc.campaign.pathKey());
  const submit = useMutation(trpc.campaign.scoring.submit.mutationOptions({
    onSuccess: async () => {
      message.success(t('submitted'));
      await qc.invalidateQueries({ queryKey: trpc.campaign.pathKey() });
    },
    onError: (e) => onError(e),
  }));

  const data = q.data;
  const leaves = useMemo(() => (data ? data.nodes.filter((n) => n.leaf) : []), [data]);
  const mine = useMemo(() => new Map((data?.mine ?? []).map((m) => [m.nodeCode, m])), [data]);
  const code = current ?? leaves[0]?.code ?? null;
  const valueOf = useCallback((c: string): Draft => drafts[c] ?? { score: mine.get(c)?.score ?? null, comment: mine.get(c)?.comment ?? '' }, [drafts, mine]);
  const scored = useCallback((c: string) => valueOf(c).score !== null, [valueOf]);

  const flushAll = useCallback(async () => {
    for (const [c, d] of [...pending.current]) {
      if (d.score === null) {
        pending.current.delete(c);
        throw new Error(t('needScore'));
      }
      pending.current.delete(c);
      try {
        const r = await save.mutateAsync({ targetId, nodeCode: c, score: d.score, comment: d.comment });
        setFieldError(null);
        qc.setQueryData(opts.queryKey, (old) => old && {
          ...old,
          mine: [...old.mine.filter((m) => m.nodeCode !== c), { nodeCode: r.nodeCode, score: r.score, comment: r.comment, updatedAt: r.updatedAt }],
        });
        void qc.invalidateQueries({ queryKey: trpc.campaign.scoring.targets.queryKey({ campaignId }) });
      } catch (err) {
        const fe = err instanceof TRPCClientError ? (err.data as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors : undefined;
        setFieldError(fe?.score?.[0] ?? null);
        throw err;
      }
    }
  }, [campaignId, opts.queryKey, qc, save, t, targetId, trpc.campaign.scoring.targets]);
  const auto = useAutosave(flushAll);

  const go = useCallback((c: string | undefined) => {
    if (!c) return;
    void auto.flush();
    setFieldError(null);
    setCurrent(c);
  }, [auto]);
  const move = useCallback((delta: number) => {
    const i = leaves.findIndex((l) => l.code === code);
    go(leaves[Math.min(leaves.length - 1, Math.max(0, i + delta))]?.code);
  }, [code, go, leaves]);
  const nextUnscored = useCallback(() => {
    const i = leaves.findIndex((l) => l.code === code);
    const order = [...leaves.slice(i + 1), ...leaves.slice(0, i + 1)];
    const next = order.find((l) => !scored(l.code));
    if (next) go(next.code);
    else message.info(t('allScored'));
  }, [code, go, leaves, message, scored, t]);

  // focus lands on the score whenever the leaf changes, its text selected so that typing replaces it
  // (at commit, before the next key is handled)
  useLayoutEffect(() => {
    if (!data?.editable) return;
    const el = document.getElementById(SCORE_ID) as HTMLInputElement | null;
    el?.focus();
    el?.select();
  }, [code, data?.editable]);

  // J/K or ↓/↑ anywhere but in a text field; Enter, ↓/↑ and J/K in the score field too. The listener
  // is registered once and calls the handler of the last commit (a layout effect keeps it current,
  // so that a key pressed right after a move never acts on the leaf before it).
  const onKey = useRef<(e: KeyboardEvent) => void>(() => undefined);
  useLayoutEffect(() => {
    onKey.current = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const el = e.target as HTMLElement | null;
      if (el?.closest('.ant-modal, .ant-select, .ant-dropdown')) return;
      const inScore = el?.id === SCORE_ID;
      const typing = !inScore && !!el && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' || el.isContentEditable);
      if (typing) return;
      if (inScore && e.key === 'Enter') {
        e.preventDefault();
        move(1);
      } else if (e.key === 'j' || e.key === 'J' || e.key === 'ArrowDown') {
        e.preventDefault();
        move(1);
      } else if (e.key === 'k' || e.key === 'K' || e.key === 'ArrowUp') {
        e.preventDefault();
        move(-1);
      }
    };
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  if (q.error) return <QueryErrorView error={q.error} />;
  if (!data) return <Card loading />;
  const node = data.nodes.find((n) => n.code === code) ?? null;
  const leaf = data.leaves.find((l) => l.nodeCode === code);
  const v = code ? valueOf(code) : { score: null, comment: '' };
  const done = leaves.filter((l) => scored(l.code)).length;
  const max = node?.maxScore ?? 100;
  const article = KIND_ARTICLE[data.campaign.targetKind] ?? 'HN-22';
  const change = (d: Partial<Draft>) => {
    if (!code) return;
    const next = { ...valueOf(code), ...d };
    setDrafts((all) => ({ ...all, [code]: next }));
    pending.current.set(code, next);
    auto.schedule();
  };
  const confirmSubmit = async () => {
    try {
      await auto.flush();
    } catch {
      return;
    }
    modal.confirm({
      title: t('submitTitle', { name: data.target.orgName }),
      content: t('submitConfirm'),
      okText: t('submit'),
      cancelText: t('cancel'),
      onOk: () => submit.mutateAsync({ targetId, version: data.assignment.version }).catch(() => undefined),
    });
  };
  const others = (home.data?.targets ?? []).filter((x) => x.coi === 'clear');

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Link href={`/evaluation/campaigns/${campaignId}`}><ArrowLeftOutlined /> {t('back')}</Link>
        <Space wrap>
          {data.due && <><span>{t('scoreBy', { on: data.due.on })}</span><DueTag dueAt={data.due.dueAt} status={data.due.status} basis={article} /></>}
          {others.length > 1 && (
            <Select
              aria-label={t('switchTarget')}
              value={targetId}
              style={{ width: 300 }}
              onChange={(id) => {
                void auto.flush();
                router.push(`/evaluation/campaigns/${campaignId}/score/${id}`);
              }}
              options={others.map((x) => ({ value: x.targetId, label: `${x.orgName} · ${x.scored}/${home.data?.leafCount ?? 0}${x.submittedAt ? ` · ${t('submittedShort')}` : ''}` }))}
            />
          )}
        </Space>
      </Space>
      <Card
        size="small"
        title={<Space wrap><Typography.Title level={4} style={{ margin: 0 }} data-testid="scoring-target">{data.target.orgName}</Typography.Title><Typography.Text type="secondary">{data.campaign.name}</Typography.Text></Space>}
        extra={data.editable
          ? <Button type="primary" disabled={done < leaves.length} onClick={() => void confirmSubmit()} loading={submit.isPending} data-testid="submit-target">{t('submit')}</Button>
          : data.assignment.submittedAt ? <Typography.Text data-testid="target-submitted">{t('submittedAt', { at: fmtDateTime(data.assignment.submittedAt) })}</Typography.Text> : null}
      >
        {!data.editable && !data.assignment.submittedAt && <Alert type="warning" showIcon title={t('closed')} style={{ marginBottom: 12 }} />}
        <Row gutter={16}>
          <Col xs={24} lg={8} xl={6}>
            <Card size="small" title={t('progressTitle')} styles={{ body: { padding: 8, maxHeight: '70vh', overflow: 'auto' } }}>
              <div style={{ padding: '0 8px 8px' }}>
                <Progress percent={Math.round((done / Math.max(1, leaves.length)) * 100)} size="small" aria-label={t('progressTitle')} />
                <Typography.Text data-testid="scoring-progress">{t('progress', { done, total: leaves.length })}</Typography.Text>
              </div>
              <LeafNav nodes={data.nodes} current={code} done={scored} onSelect={go} label={t('tree')} />
            </Card>
          </Col>
          <Col xs={24} lg={16} xl={18}>
            <Row gutter={16}>
              <Col xs={{ span: 24, order: 1 }} xl={{ span: 10, order: 2 }}>
                <div style={{ position: 'sticky', top: 16, marginBottom: 12 }}>
                  <Card size="small" title={<span data-testid="leaf-title">{node?.name}</span>}>
                    <Form layout="vertical" disabled={!data.editable}>
                      <Form.Item
                        label={t('score', { max })}
                        htmlFor={SCORE_ID}
                        validateStatus={fieldError ? 'error' : undefined}
                        help={fieldError ?? t('scoreHint')}
                      >
                        <InputNumber
                          id={SCORE_ID}
                          keyboard={false}
                          step={1}
                          value={v.score}
                          onChange={(x) => {
                            const n = x === null ? null : Number(x);
                            if (n !== null && (n < 0 || n > max)) {
                              // nothing half-typed is saved: the out-of-range value waits for a correction
                              if (code) pending.current.delete(code);
                              auto.reset();
                              setFieldError(t('range', { max }));
                              return;
                            }
                            setFieldError(null);
                            change({ score: n });
                          }}
                          onBlur={() => void auto.flush().catch(() => undefined)}
                          style={{ width: '100%' }}
                          size="large"
                        />
                      </Form.Item>
                      <Form.Item label={t('comment')}>
                        <Input.TextArea
                          aria-label={t('comment')}
                          rows={5}
                          maxLength={2000}
                          showCount
                          value={v.comment}
                          onChange={(e) => change({ comment: e.target.value })}
                          onBlur={() => void auto.flush().catch(() => undefined)}
                        />
                      </Form.Item>
                    </Form>
                    {data.editable && <div style={{ marginBottom: 8 }}><SaveStatus state={auto.state} /></div>}
                    <Space wrap>
                      <Button icon={<UpOutlined />} onClick={() => move(-1)}>{t('prev')}</Button>
                      <Button icon={<DownOutlined />} onClick={() => move(1)}>{t('next')}</Button>
                      <Button icon={<StepForwardOutlined />} onClick={nextUnscored} disabled={!data.editable}>{t('nextUnscored')}</Button>
                    </Space>
                    <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>{t('keys')}</Typography.Paragraph>
                  </Card>
                  {data.peers && <PeerScores peers={data.peers.filter((p) => p.nodeCode === code)} />}
                </div>
              </Col>
              <Col xs={{ span: 24, order: 2 }} xl={{ span: 14, order: 1 }}>
                {node && leaf && <LeafMiddle data={data} node={node} leaf={leaf} />}
              </Col>
            </Row>
          </Col>
        </Row>
      </Card>
    </Space>
  );
}

/** The middle column: where the leaf sits, its rubric, the target's self-assessment and files, the recorded facts. */
function LeafMiddle({ data, node, leaf }: { data: ScoringData; node: CampaignNode; leaf: ScoringData['leaves'][number] }) {
  const t = useTranslations('campaigns.scoring');
  const path: string[] = [];
  for (let p = node.parentCode; p; p = data.nodes.find((n) => n.code === p)?.parentCode ?? null) {
    path.unshift(data.nodes.find((n) => n.code === p)?.name ?? p);
  }
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={<Breadcrumb items={[...path.map((title) => ({ title })), { title: node.name }]} />}>
        <LeafRubric node={node} />
      </Card>
      <Card size="small" title={<>{t('self')} <Cite code="HN-22 ¶2" /></>} data-testid="self-assessment-panel">
        {leaf.self ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Descriptions size="small" column={1} bordered items={[
              { key: 'score', label: t('selfScore'), children: leaf.self.score ?? '—' },
              { key: 'comment', label: t('selfComment'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{leaf.self.comment || '—'}</span> },
            ]} />
            {leaf.self.files.length ? (
              <List size="small" bordered dataSource={leaf.self.files} renderItem={(f) => (
                <List.Item><Space><PaperClipOutlined /><a href={`/api/attachments/${f.id}`} download>{f.filename}</a><Typography.Text type="secondary" style={{ fontSize: 12 }}>SM3 {f.sm3.slice(0, 12)}…</Typography.Text></Space></List.Item>
              )} />
            ) : <Typography.Text type="secondary">{t('noFiles')}</Typography.Text>}
          </Space>
        ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noSelf')} />}
      </Card>
      <Card size="small" title={<>{t('facts')} <Cite code="HN-22 ¶2" /></>}>
        <FactList facts={leaf.facts} />
      </Card>
    </Space>
  );
}

/** After this evaluator's submission: the other evaluators' submitted scores of the leaf. */
function PeerScores({ peers }: { peers: NonNullable<ScoringData['peers']> }) {
  const t = useTranslations('campaigns.scoring');
  return (
    <Card size="small" title={t('peers')} style={{ marginTop: 12 }} data-testid="peer-scores">
      {peers.length ? (
        <List size="small" dataSource={peers} renderItem={(p) => (
          <List.Item>
            <List.Item.Meta title={<Space><span>{p.evaluatorName}</span><Typography.Text strong>{p.score}</Typography.Text></Space>} description={p.comment || '—'} />
          </List.Item>
        )} />
      ) : <Typography.Text type="secondary">{t('noPeers')}</Typography.Text>}
    </Card>
  );
}
