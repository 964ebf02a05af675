'use client';

import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { FormModal } from '@/app/_components/form-modal';
import { ExportMenu, KeysetTable, ListToolbar, sortOrderOf, useKeysetList, useListState, useMutationFeedback, type SortState } from '@/app/_components/list-kit';
import { DateItem } from '@/app/(console)/filings/plans/_components/filing-parts';
import { DEADLINE_MAX, DEADLINE_MIN, ORDER_DEADLINE_KINDS } from '@/server/domain/rectification-terms';
import { useTRPC } from '@/server/trpc/react';
import { CRITICISM_LIST_DEFAULT, type CriticismRow } from './defaults';

type Sort = 'publishedOn' | 'approvedOn';
const DEFAULT_SORT: SortState<Sort> = { sort: CRITICISM_LIST_DEFAULT.sort, dir: CRITICISM_LIST_DEFAULT.dir };

/**
 * 通报批评 (HN-24 对违反本办法规定开展相关授权运营活动的单位和个人,公共数据主管部门报本级政府同意后予以
 * 通报批评并责令整改): recorded with the government's approval; the criticised organization sees its own.
 */
export function CriticismList({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations('rectification.criticisms');
  const trpc = useTRPC();
  const state = useListState<{ q?: string; year?: number }, Sort>(DEFAULT_SORT);
  const { filters, sort } = state;
  const list = useKeysetList(trpc.criticism.list, { ...state.query, limit: CRITICISM_LIST_DEFAULT.limit });
  const [creating, setCreating] = useState(false);
  const thisYear = new Date().getFullYear();
  const newButton = canWrite ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('new')}</Button> : null;
  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}
      extra={<Space><ExportMenu path="/api/rectification/criticisms/export" params={state.query} />{newButton}</Space>}
    >
      <Alert type="info" showIcon title={t('basisHint')} description={<>{t('basisText')} <Cite code="HN-24" /></>} style={{ marginBottom: 16 }} />
      <ListToolbar state={state} searchPlaceholder={t('searchPlaceholder')}>
        <Select
          aria-label={t('filters.year')}
          placeholder={t('filters.year')}
          allowClear
          value={filters.year}
          onChange={(v) => state.setFilter('year', v)}
          options={[0, 1, 2, 3].map((d) => ({ value: thisYear - d, label: String(thisYear - d) }))}
          style={{ width: 120 }}
        />
      </ListToolbar>
      <KeysetTable<CriticismRow>
        list={list}
        state={state}
        empty={{ filteredText: t('emptyFiltered'), emptyText: t('empty'), hint: canWrite ? t('emptyHint') : undefined, action: newButton ?? undefined }}
        columns={[
          { title: t('cols.org'), dataIndex: 'orgName' },
          { title: t('cols.violation'), dataIndex: 'violation', width: 320, render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
          { title: <>{t('cols.approval')} <Cite plain code="HN-24" /></>, key: 'approvalRef', render: (_: unknown, r) => <>{r.approvalRef}<Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{r.approvedOn}</Typography.Text></> },
          { title: t('cols.approvedOn'), key: 'approvedOn', dataIndex: 'approvedOn', sorter: true, sortOrder: sortOrderOf(sort, 'approvedOn') },
          { title: t('cols.publishedOn'), key: 'publishedOn', dataIndex: 'publishedOn', sorter: true, sortOrder: sortOrderOf(sort, 'publishedOn') },
          { title: t('cols.issuer'), dataIndex: 'issuerName' },
          { title: t('cols.order'), key: 'order', render: (_: unknown, r) => (r.orderId ? <Link href={`/rectification/${r.orderId}`}>{r.orderNo}</Link> : '—') },
        ]}
      />
      {creating && <CriticismModal onClose={() => setCreating(false)} />}
    </Card>
  );
}

interface Values {
  orgId: string;
  violation: string;
  approvalRef: string;
  approvedOn: string;
  publishedOn: string;
  orderId?: string | null;
  withOrder: boolean;
  order?: { title: string; deadlineKind: (typeof ORDER_DEADLINE_KINDS)[number]; deadlineAmount: number };
}

/** 新增通报批评: the government's approval reference and date are required (HN-24); optionally 同时责令整改. */
function CriticismModal({ onClose }: { onClose: () => void }) {
  const t = useTranslations('rectification.criticisms.form');
  const tk = useTranslations('rectification.form.kinds');
  const trpc = useTRPC();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const orgs = useQuery(trpc.criticism.orgOptions.queryOptions({}));
  const orgId = Form.useWatch('orgId', form);
  const withOrder = Form.useWatch('withOrder', form);
  const orders = useQuery({ ...trpc.criticism.orders.queryOptions({ orgId: orgId ?? '' }), enabled: !!orgId });
  const { done, onError } = useMutationFeedback(trpc.criticism.pathKey(), { form, onDone: onClose });
  const create = useMutation(trpc.criticism.create.mutationOptions({ onSuccess: () => done(t('done')), onError }));
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <FormModal<Values>
      form={form}
      title={<>{t('title')} <Cite code="HN-24" /></>}
      okText={t('submit')}
      warning={t('warning')}
      width={720}
      pending={create.isPending}
      onClose={onClose}
      initialValues={{ withOrder: false, publishedOn: today, order: { title: '', deadlineKind: 'working_days', deadlineAmount: 20 } }}
      onFinish={(v) => modal.confirm({
        title: t('confirmTitle'),
        content: v.withOrder ? t('confirmWithOrder') : t('confirmBody'),
        okText: t('submit'),
        onOk: () => create.mutateAsync({
          orgId: v.orgId, violation: v.violation, approvalRef: v.approvalRef, approvedOn: v.approvedOn, publishedOn: v.publishedOn,
          orderId: v.withOrder ? null : v.orderId ?? null, order: v.withOrder ? v.order : null,
        }).catch(() => undefined),
      })}
    >
      <Form.Item name="orgId" label={t('org')} extra={t('orgHint')} rules={[{ required: true, message: t('org') }]}>
        <Select aria-label={t('org')} loading={orgs.isLoading} showSearch={{ optionFilterProp: 'label' }} onChange={() => form.setFieldValue('orderId', null)}
          options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
      </Form.Item>
      <Form.Item name="violation" label={t('violation')} rules={[{ required: true, whitespace: true, min: 5, message: t('violationRequired') }]}>
        <Input.TextArea rows={3} maxLength={4000} showCount aria-label={t('violation')} />
      </Form.Item>
      <Space align="start" wrap>
        <Form.Item name="approvalRef" label={t('approvalRef')} extra={t('approvalRefHint')} rules={[{ required: true, whitespace: true, min: 2, message: t('approvalRefRequired') }]}>
          <Input maxLength={100} style={{ width: 260 }} aria-label={t('approvalRef')} />
        </Form.Item>
        <div style={{ width: 180 }}><DateItem name="approvedOn" label={t('approvedOn')} required message={t('approvedOnRequired')} /></div>
        <div style={{ width: 180 }}><DateItem name="publishedOn" label={t('publishedOn')} required message={t('publishedOn')} /></div>
      </Space>
      <Form.Item name="withOrder" valuePropName="checked" extra={t('withOrderHint')}>
        <Checkbox>{t('withOrder')}</Checkbox>
      </Form.Item>
      {withOrder ? (
        <>
          <Form.Item name={['order', 'title']} label={t('orderTitle')} rules={[{ required: true, whitespace: true, min: 2, message: t('orderTitle') }]}>
            <Input maxLength={200} aria-label={t('orderTitle')} />
          </Form.Item>
          <Space align="start" wrap>
            <Form.Item name={['order', 'deadlineKind']} label={t('deadlineKind')}>
              <Radio.Group options={ORDER_DEADLINE_KINDS.map((k) => ({ value: k, label: tk(k) }))} />
            </Form.Item>
            <Form.Item name={['order', 'deadlineAmount']} label={t('deadlineAmount')} rules={[{ required: true, message: t('deadlineAmount') }]}>
              <InputNumber min={DEADLINE_MIN} max={DEADLINE_MAX} precision={0} aria-label={t('deadlineAmount')} style={{ width: 140 }} />
            </Form.Item>
          </Space>
        </>
      ) : (
        <Form.Item name="orderId" label={t('linkOrder')} extra={t('linkOrderHint')}>
          <Select aria-label={t('linkOrder')} allowClear disabled={!orgId} loading={orders.isLoading}
            options={(orders.data ?? []).map((o) => ({ value: o.id, label: `${o.no} ${o.title}` }))} />
        </Form.Item>
      )}
    </FormModal>
  );
}
