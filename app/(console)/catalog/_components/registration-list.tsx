'use client';

import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, InputNumber, Select, Space, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { fmtDateTime } from '@/app/_components/format';
import { FormModal } from '@/app/_components/form-modal';
import { ExportMenu, KeysetTable, ListToolbar, sortOrderOf, useKeysetList, useListState, useMutationFeedback, type SortState } from '@/app/_components/list-kit';
import { REGISTRATION_KINDS } from '@/server/domain/catalog-terms';
import { useTRPC } from '@/server/trpc/react';
import { REGISTRATION_LIST_DEFAULT, type RegistrationRow } from './defaults';
import { PhaseTag } from './phase-tag';
import { RegistrationFormModal } from './registration-form';

type Sort = 'updatedAt' | 'registrationNo';
const PHASES = ['submitted', 'in_notice', 'effective', 'rejected', 'withdrawn'] as const;
interface Filters {
  q?: string;
  kind?: (typeof REGISTRATION_KINDS)[number];
  status?: (typeof PHASES)[number];
}
const DEFAULT_SORT: SortState<Sort> = { sort: REGISTRATION_LIST_DEFAULT.sort, dir: REGISTRATION_LIST_DEFAULT.dir };

/** 资源登记 (HN-10): applications in the caller's scope; agencies apply, authorities decide. */
export function RegistrationList({ canApply, canSetPolicy }: { canApply: boolean; canSetPolicy: boolean }) {
  const t = useTranslations('catalog.registration');
  const trpc = useTRPC();
  const state = useListState<Filters, Sort>(DEFAULT_SORT);
  const { filters, sort } = state;
  const list = useKeysetList(trpc.catalog.registration.list, { ...state.query, limit: REGISTRATION_LIST_DEFAULT.limit });
  const [applying, setApplying] = useState(false);
  const [policyOpen, setPolicyOpen] = useState(false);

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}
      extra={
        <Space>
          <ExportMenu path="/api/catalog/registrations/export" params={state.query} />
          {canSetPolicy && <Button icon={<SettingOutlined />} onClick={() => setPolicyOpen(true)}>{t('policy.title')}</Button>}
          {canApply && <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)}>{t('new')}</Button>}
        </Space>
      }
    >
      <Alert type="info" showIcon title={<>{t('hint')} <Cite code="HN-10" /></>} style={{ marginBottom: 16 }} />
      <ListToolbar state={state} searchPlaceholder={t('searchPlaceholder')}>
        <Select aria-label={t('cols.kind')} placeholder={t('cols.kind')} allowClear value={filters.kind} onChange={(v) => state.setFilter('kind', v)} options={REGISTRATION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} style={{ width: 130 }} />
        <Select aria-label={t('cols.phase')} placeholder={t('cols.phase')} allowClear value={filters.status} onChange={(v) => state.setFilter('status', v)} options={PHASES.map((p) => ({ value: p, label: t(`phase.${p}`) }))} style={{ width: 130 }} />
      </ListToolbar>
      <KeysetTable<RegistrationRow>
        list={list}
        state={state}
        empty={{ filteredText: t('emptyFiltered'), emptyText: t('empty'), action: canApply ? <Button type="primary" onClick={() => setApplying(true)}>{t('new')}</Button> : undefined }}
        columns={[
          { title: t('cols.no'), key: 'registrationNo', dataIndex: 'registrationNo', sorter: true, sortOrder: sortOrderOf(sort, 'registrationNo'), render: (v: string | null, r) => <Link href={`/catalog/registrations/${r.id}`}>{v ?? t('phase.submitted')}</Link> },
          { title: t('cols.resource'), key: 'resource', render: (_: unknown, r) => <Link href={`/catalog/${r.resourceId}`}>{r.resourceCode} {r.resourceName}</Link> },
          { title: t('cols.applicant'), dataIndex: 'applicantName' },
          { title: t('cols.region'), dataIndex: 'regionName' },
          { title: t('cols.kind'), dataIndex: 'kind', render: (v: string) => t(`kind.${v}`) },
          { title: t('cols.phase'), dataIndex: 'phase', render: (v: string) => <PhaseTag phase={v} /> },
          { title: t('cols.notice'), key: 'notice', render: (_: unknown, r) => (r.noticeStartsOn ? `${r.noticeStartsOn} ~ ${r.noticeEndsOn}` : '—') },
          { title: t('cols.effectiveOn'), dataIndex: 'effectiveOn', render: (v: string | null) => v ?? '—' },
          { title: t('cols.createdAt'), key: 'updatedAt', dataIndex: 'createdAt', sorter: true, sortOrder: sortOrderOf(sort, 'updatedAt'), render: (v: Date) => fmtDateTime(v) },
        ]}
      />
      {applying && <RegistrationFormModal onClose={() => setApplying(false)} />}
      {policyOpen && <NoticePolicyModal onClose={() => setPolicyOpen(false)} />}
    </Card>
  );
}

function NoticePolicyModal({ onClose }: { onClose: () => void }) {
  const t = useTranslations('catalog.registration.policy');
  const trpc = useTRPC();
  const [form] = Form.useForm<{ noticeWorkingDays: number }>();
  const policy = useQuery(trpc.catalog.registration.policy.get.queryOptions());
  const { done, onError } = useMutationFeedback(trpc.catalog.registration.policy.pathKey(), { form, onDone: onClose });
  const save = useMutation(trpc.catalog.registration.policy.update.mutationOptions({ onSuccess: () => done(t('saved')), onError }));
  if (!policy.data) return null;
  return (
    <FormModal form={form} title={<>{t('title')} <Cite code="HN-10" /></>} pending={save.isPending} onClose={onClose} initialValues={{ noticeWorkingDays: policy.data.noticeWorkingDays }}
      onFinish={(v) => save.mutate({ noticeWorkingDays: v.noticeWorkingDays, version: policy.data.version })}>
      <Form.Item name="noticeWorkingDays" label={t('days')} extra={t('hint')} rules={[{ required: true, message: t('days') }]}>
        <InputNumber min={1} max={60} precision={0} aria-label={t('days')} />
      </Form.Item>
    </FormModal>
  );
}
