'use client';

import { Alert, Button, Card, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { fmtDateTime } from '@/app/_components/format';
import { FormModal } from '@/app/_components/form-modal';
import { useMutationFeedback } from '@/app/_components/list-kit';
import { QueryErrorView } from '@/app/_components/query-error';
import { useTRPC } from '@/server/trpc/react';
import type { DivergenceItem } from './types';

/**
 * Divergent leaves (range of the submitted scores above the campaign's threshold, HN-22) with each
 * evaluator's score and comment; the panel lead resolves each with a score and a reason while the
 * campaign is in review. Evaluators are named only once scoring is closed.
 */
export function DivergenceList({ campaignId }: { campaignId: string }) {
  const t = useTranslations('results.divergence');
  const trpc = useTRPC();
  const q = useQuery(trpc.evaluation.divergences.queryOptions({ campaignId }));
  const [resolving, setResolving] = useState<DivergenceItem | null>(null);
  if (q.error) return <QueryErrorView error={q.error} />;
  const d = q.data;
  const open = d?.items.filter((i) => !i.resolution).length ?? 0;
  return (
    <Card title={<>{t('title')} <Cite code="HN-22" /></>} loading={q.isLoading} data-testid="divergences">
      {d && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{d.items.length ? t('summary', { n: d.items.length, open }) : t('none')}</Typography.Text>
          {!d.names && d.items.length > 0 && <Alert type="info" showIcon title={t('anonymous')} />}
          <Table<DivergenceItem>
            rowKey={(r) => `${r.targetId}|${r.nodeCode}`}
            size="small"
            pagination={d.items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            dataSource={d.items}
            locale={{ emptyText: t('none') }}
            columns={[
              { title: t('cols.target'), dataIndex: 'orgName', width: 200 },
              {
                title: t('cols.leaf'), key: 'leaf',
                render: (_: unknown, r) => <>{r.nodeName}<Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{r.nodeCode} · {t('max', { n: r.maxScore })}{r.article ? <> · <Cite code={r.article} /></> : null}</Typography.Text></>,
              },
              {
                title: t('cols.scores'), key: 'scores',
                render: (_: unknown, r) => (
                  <Space orientation="vertical" size={2}>
                    {r.scores.map((s, i) => (
                      <span key={i}><Typography.Text strong>{s.name ?? s.label}</Typography.Text>:{s.score}{s.comment ? <Typography.Text type="secondary">({s.comment})</Typography.Text> : null}</span>
                    ))}
                  </Space>
                ),
              },
              { title: t('cols.range'), key: 'range', width: 110, render: (_: unknown, r) => <>{r.lo} – {r.hi}<Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{t('rangeOf', { n: r.range ?? 0 })}</Typography.Text></> },
              { title: t('cols.aggregate'), dataIndex: 'aggregate', width: 90 },
              {
                title: t('cols.resolution'), key: 'resolution', width: 240,
                render: (_: unknown, r) => (r.resolution
                  ? <><Tag color="green">{t('resolved', { score: r.resolution.score })}</Tag><Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{r.resolution.reason} — {r.resolution.by} {fmtDateTime(r.resolution.at)}</Typography.Text></>
                  : <Tag color="orange">{t('open')}</Tag>),
              },
              ...(d.canResolve ? [{
                title: t('cols.action'), key: 'action', width: 100,
                render: (_: unknown, r: DivergenceItem) => <Button size="small" type={r.resolution ? 'default' : 'primary'} onClick={() => setResolving(r)} aria-label={t('resolveFor', { target: r.orgName, leaf: r.nodeName })}>{r.resolution ? t('reResolve') : t('resolve')}</Button>,
              }] : []),
            ]}
          />
        </Space>
      )}
      {resolving && <ResolveDialog item={resolving} onClose={() => setResolving(null)} />}
    </Card>
  );
}

function ResolveDialog({ item, onClose }: { item: DivergenceItem; onClose: () => void }) {
  const t = useTranslations('results.divergence');
  const trpc = useTRPC();
  const [form] = Form.useForm<{ score: number; reason: string }>();
  const fb = useMutationFeedback(trpc.evaluation.pathKey(), { form, onDone: onClose });
  const m = useMutation(trpc.evaluation.resolve.mutationOptions({ onSuccess: () => fb.done(t('done')), onError: fb.onError }));
  return (
    <FormModal
      form={form}
      title={t('dialogTitle', { target: item.orgName, leaf: item.nodeName })}
      okText={t('resolve')}
      pending={m.isPending}
      onClose={onClose}
      initialValues={{ score: item.resolution?.score ?? (item.aggregate === null ? undefined : Math.round(item.aggregate * 100) / 100), reason: item.resolution?.reason ?? '' }}
      onFinish={(v) => m.mutate({ targetId: item.targetId, nodeCode: item.nodeCode, score: v.score, reason: v.reason })}
    >
      <Typography.Paragraph type="secondary">{t('dialogHint', { lo: item.lo ?? 0, hi: item.hi ?? 0, max: item.maxScore })}</Typography.Paragraph>
      <Form.Item name="score" label={t('score', { max: item.maxScore })} rules={[{ required: true, message: t('scoreRequired') }, { type: 'number', min: 0, max: item.maxScore, message: t('scoreRange', { max: item.maxScore }) }]}>
        <InputNumber min={0} max={item.maxScore} step={0.5} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="reason" label={t('reason')} rules={[{ required: true, min: 2, whitespace: true, message: t('reasonRequired') }]}>
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
    </FormModal>
  );
}
