'use client';

import { Alert, Button, Card, Form, Input, Progress, Radio, Space, Table, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { DueTag } from '@/app/_components/due-tag';
import { FormModal } from '@/app/_components/form-modal';
import { useMutationFeedback } from '@/app/_components/list-kit';
import { ToneTag } from '@/app/_components/tone-tag';
import { useTRPC } from '@/server/trpc/react';
import type { EvaluatorHomeData } from './defaults';
import { KIND_ARTICLE } from './parts';

type Row = EvaluatorHomeData['targets'][number];
interface DeclareValues {
  conflict: boolean;
  note?: string;
}

/**
 * A panel member's home for a campaign: its targets, each to be declared (no conflict / conflict
 * with a note; final) before it opens, then its scoring progress; the deadline with time left.
 */
export function EvaluatorHome({ campaignId }: { campaignId: string }) {
  const t = useTranslations('campaigns.panel');
  const trpc = useTRPC();
  const q = useQuery(trpc.campaign.scoring.targets.queryOptions({ campaignId }));
  const [declaring, setDeclaring] = useState<Row | null>(null);
  const [form] = Form.useForm<DeclareValues>();
  const { done, onError } = useMutationFeedback(trpc.campaign.pathKey(), { form, onDone: () => setDeclaring(null) });
  const declare = useMutation(trpc.campaign.scoring.declare.mutationOptions({ onSuccess: (r) => done(r.coi === 'conflict' ? t('declaredConflict') : t('declaredClear')), onError }));
  const conflict = Form.useWatch('conflict', form);
  const d = q.data;
  const scoringOpen = d ? d.campaign.status !== 'self_assessment' : false;
  const article = d ? KIND_ARTICLE[d.campaign.targetKind] : 'HN-22';

  return (
    <Card
      title={<>{t('title')} <Cite code={article} /></>}
      loading={q.isLoading}
      extra={d?.due && <Space size={4}><span>{t(d.campaign.status === 'scoring' ? 'scoreBy' : 'declareBy', { on: d.due.on })}</span><DueTag dueAt={d.due.dueAt} status={d.due.status} basis={article} /></Space>}
      data-testid="evaluator-home"
    >
      {d && (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={scoringOpen ? t('introScoring') : t('introDeclare')} description={t('blindHint')} />
          {d.recused > 0 && <Typography.Paragraph type="secondary">{t('recused', { n: d.recused })}</Typography.Paragraph>}
          <Table<Row>
            rowKey="targetId"
            size="middle"
            pagination={false}
            dataSource={d.targets}
            locale={{ emptyText: t('empty') }}
            columns={[
              { title: t('cols.target'), dataIndex: 'orgName' },
              {
                title: t('cols.coi'), key: 'coi',
                render: (_: unknown, r) => (r.coi === 'pending'
                  ? <ToneTag tone="orange">{t('coi.pending')}</ToneTag>
                  : <ToneTag tone="green">{t('coi.clear')}</ToneTag>),
              },
              {
                title: t('cols.progress'), key: 'progress', width: 220,
                render: (_: unknown, r) => (r.coi === 'clear'
                  ? <Space size={8}><Progress percent={Math.round((r.scored / Math.max(1, d.leafCount)) * 100)} size="small" style={{ width: 120 }} aria-label={t('cols.progress')} /><span data-testid="target-progress">{r.scored}/{d.leafCount}</span></Space>
                  : '—'),
              },
              { title: t('cols.submitted'), key: 'submitted', render: (_: unknown, r) => (r.submittedAt ? <ToneTag tone="green">{t('submitted')}</ToneTag> : r.coi === 'clear' ? t('notSubmitted') : '—') },
              {
                title: '', key: 'act', width: 200,
                render: (_: unknown, r) => (r.coi === 'pending'
                  ? <Button size="small" type="primary" disabled={d.campaign.status !== 'self_assessment' && d.campaign.status !== 'scoring'} onClick={() => { form.resetFields(); setDeclaring(r); }}>{t('declare')}</Button>
                  : scoringOpen
                    ? <Link href={`/evaluation/campaigns/${campaignId}/score/${r.targetId}`}><Button size="small" type={r.submittedAt ? 'default' : 'primary'}>{r.submittedAt ? t('view') : t('score')}</Button></Link>
                    : <Typography.Text type="secondary">{t('waitScoring')}</Typography.Text>),
              },
            ]}
          />
        </>
      )}
      {declaring && (
        <FormModal<DeclareValues>
          form={form}
          title={<>{t('declareTitle', { name: declaring.orgName })} <Cite code={article} /></>}
          okText={t('declareOk')}
          danger={conflict === true}
          warning={t('declareWarning')}
          pending={declare.isPending}
          onClose={() => setDeclaring(null)}
          initialValues={{ conflict: undefined, note: '' }}
          onFinish={(v) => declare.mutate({ targetId: declaring.targetId, version: declaring.version, conflict: v.conflict, note: v.note || null })}
        >
          <Form.Item name="conflict" label={t('question')} rules={[{ required: true, message: t('chooseOne') }]}>
            <Radio.Group aria-label={t('question')} options={[{ value: false, label: t('noConflict') }, { value: true, label: t('hasConflict') }]} />
          </Form.Item>
          {conflict === true && (
            <Form.Item name="note" label={t('note')} rules={[{ required: true, whitespace: true, min: 2, message: t('noteRequired') }]}>
              <Input.TextArea rows={3} maxLength={1000} showCount aria-label={t('note')} />
            </Form.Item>
          )}
        </FormModal>
      )}
    </Card>
  );
}
