'use client';

import { DeleteOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { FormModal } from '@/app/_components/form-modal';
import { useMutationError, useMutationFeedback } from '@/app/_components/list-kit';
import { QueryErrorView } from '@/app/_components/query-error';
import { DEADLINE_MAX, DEADLINE_MIN, ORDER_DEADLINE_KINDS } from '@/server/domain/rectification-terms';
import { useTRPC } from '@/server/trpc/react';
import type { Finding, Overview } from './types';

/**
 * Findings of the evaluation per target (HN-22 ¶2), recorded by the owner during review or after
 * publication; each becomes a rectification order in one step (转整改通知), once.
 */
export function FindingsPanel({ o }: { o: Overview }) {
  const t = useTranslations('results.findings');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const q = useQuery(trpc.evaluation.findings.queryOptions({ campaignId: o.campaign.id }));
  const [adding, setAdding] = useState(false);
  const [ordering, setOrdering] = useState<Finding | null>(null);
  const onError = useMutationError(trpc.evaluation.pathKey());
  const remove = useMutation(trpc.evaluation.removeFinding.mutationOptions({
    onSuccess: async () => {
      message.success(t('removed'));
      await qc.invalidateQueries({ queryKey: trpc.evaluation.pathKey() });
    },
    onError: (e) => onError(e),
  }));
  const writable = o.viewer.owner && (o.campaign.status === 'review' || o.campaign.status === 'published');
  const leafName = new Map(o.leaves.map((l) => [l.code, l.name]));
  if (q.error) return <QueryErrorView error={q.error} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="findings">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('intro')} <Cite code="HN-22 ¶2" /></Typography.Text>
        {writable && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>{t('add')}</Button>}
      </Space>
      {!writable && o.viewer.owner && <Typography.Text type="secondary">{t('whenWritable')}</Typography.Text>}
      <Table<Finding>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data ?? []}
        pagination={(q.data?.length ?? 0) > 30 ? { pageSize: 30, showSizeChanger: false } : false}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: t('cols.target'), dataIndex: 'orgName', width: 200 },
          { title: t('cols.leaf'), key: 'leaf', width: 180, render: (_: unknown, r) => (r.nodeCode ? <>{leafName.get(r.nodeCode) ?? r.nodeCode}<Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{r.nodeCode}</Typography.Text></> : '—') },
          { title: t('cols.body'), key: 'body', render: (_: unknown, r) => <><span style={{ whiteSpace: 'pre-wrap' }}>{r.body}</span>{r.majorRisk && <Tag color="red" style={{ marginInlineStart: 8 }}>{t('majorRisk')}</Tag>}</> },
          {
            title: t('cols.order'), key: 'order', width: 200,
            render: (_: unknown, r) => (r.orderId ? <Link href={`/rectification/${r.orderId}`} data-testid="finding-order">{r.orderNo}</Link> : <Typography.Text type="secondary">{t('noOrder')}</Typography.Text>),
          },
          ...(writable ? [{
            title: t('cols.action'), key: 'action', width: 200,
            render: (_: unknown, r: Finding) => (r.orderId ? null : (
              <Space>
                <Button size="small" type="primary" icon={<SendOutlined />} onClick={() => setOrdering(r)} aria-label={t('toOrderFor', { target: r.orgName })}>{t('toOrder')}</Button>
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('removeFor', { target: r.orgName })}
                  onClick={() => modal.confirm({
                    title: t('removeTitle'), content: r.body, okText: t('remove'), okButtonProps: { danger: true }, cancelText: tc('cancel'),
                    onOk: () => remove.mutateAsync({ id: r.id }).catch(() => undefined),
                  })}
                />
              </Space>
            )),
          }] : []),
        ]}
      />
      {adding && <AddFindingDialog o={o} onClose={() => setAdding(false)} />}
      {ordering && <ToOrderDialog o={o} finding={ordering} onClose={() => setOrdering(null)} />}
    </Space>
  );
}

function AddFindingDialog({ o, onClose }: { o: Overview; onClose: () => void }) {
  const t = useTranslations('results.findings');
  const trpc = useTRPC();
  const [form] = Form.useForm<{ targetId: string; nodeCode?: string; body: string; majorRisk: boolean }>();
  const fb = useMutationFeedback(trpc.evaluation.pathKey(), { form, onDone: onClose });
  const m = useMutation(trpc.evaluation.addFinding.mutationOptions({ onSuccess: () => fb.done(t('added')), onError: fb.onError }));
  return (
    <FormModal form={form} title={t('add')} pending={m.isPending} onClose={onClose} initialValues={{ majorRisk: false }} onFinish={(v) => m.mutate({ ...v, nodeCode: v.nodeCode ?? null })}>
      <Form.Item name="targetId" label={t('cols.target')} rules={[{ required: true, message: t('targetRequired') }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={o.targets.map((r) => ({ value: r.id, label: r.orgName }))} aria-label={t('cols.target')} />
      </Form.Item>
      <Form.Item name="nodeCode" label={t('cols.leaf')} extra={t('leafHint')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={o.leaves.map((l) => ({ value: l.code, label: `${l.code} ${l.name}` }))} aria-label={t('cols.leaf')} />
      </Form.Item>
      <Form.Item name="body" label={t('cols.body')} rules={[{ required: true, min: 2, whitespace: true, message: t('bodyRequired') }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="majorRisk" valuePropName="checked" extra={t('majorRiskHint')}>
        <Checkbox>{t('majorRisk')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

function ToOrderDialog({ o, finding, onClose }: { o: Overview; finding: Finding; onClose: () => void }) {
  const t = useTranslations('results.findings');
  const trpc = useTRPC();
  const [form] = Form.useForm<{ deadlineKind: (typeof ORDER_DEADLINE_KINDS)[number]; deadlineAmount: number; article: string; title?: string }>();
  const [created, setCreated] = useState<{ id: string; no: string } | null>(null);
  const fb = useMutationFeedback(trpc.evaluation.pathKey(), { form });
  const m = useMutation(trpc.evaluation.findingToOrder.mutationOptions({
    onSuccess: async (r) => {
      setCreated({ id: r.order.id, no: r.order.no });
      await fb.done(t('ordered', { no: r.order.no }));
    },
    onError: fb.onError,
  }));
  const kind = Form.useWatch('deadlineKind', form);
  const leaf = o.leaves.find((l) => l.code === finding.nodeCode);
  if (created) {
    return (
      <FormModal form={form} title={t('toOrder')} okText={t('close')} pending={false} onClose={onClose} initialValues={{}} onFinish={onClose}>
        <Typography.Paragraph data-testid="order-created">{t('orderedBody', { no: created.no })}</Typography.Paragraph>
        <Link href={`/rectification/${created.id}`}>{t('openOrder')}</Link>
      </FormModal>
    );
  }
  return (
    <FormModal
      form={form}
      title={t('toOrderTitle', { target: finding.orgName })}
      okText={t('issue')}
      warning={finding.majorRisk ? t('majorRiskWarning') : undefined}
      pending={m.isPending}
      onClose={onClose}
      initialValues={{ deadlineKind: 'working_days', deadlineAmount: 15, article: leaf?.article ?? 'HN-22 ¶2' }}
      onFinish={(v) => m.mutate({ id: finding.id, deadlineKind: v.deadlineKind, deadlineAmount: v.deadlineAmount, article: v.article, title: v.title || null })}
    >
      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>{finding.body}</Typography.Paragraph>
      <Form.Item name="title" label={t('orderTitle')} extra={t('orderTitleHint')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="deadlineKind" label={t('deadlineKind')} rules={[{ required: true }]}>
        <Radio.Group options={ORDER_DEADLINE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="deadlineAmount" label={t('deadlineAmount')} rules={[{ required: true, message: t('deadlineRequired') }]}>
        <InputNumber min={DEADLINE_MIN} max={DEADLINE_MAX} precision={0} aria-label={t('deadlineAmount')} suffix={kind === 'calendar_days' ? t('daysUnit') : t('workingDaysUnit')} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="article" label={t('article')} extra={t('articleHint')} rules={[{ required: true, message: t('articleRequired') }]}>
        <Input maxLength={32} style={{ width: 200 }} />
      </Form.Item>
    </FormModal>
  );
}
