'use client';

import { SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, InputNumber, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { DueTag } from '@/app/_components/due-tag';
import { FormModal } from '@/app/_components/form-modal';
import { fmtDateTime } from '@/app/_components/format';
import { ExportMenu, KeysetTable, ListToolbar, sortOrderOf, useKeysetList, useListState, useMutationFeedback, type SortState } from '@/app/_components/list-kit';
import { REPORT_KINDS, REPORT_STATES, type ReportKind, type ReportState } from '@/server/routers/reports/terms';
import { useTRPC } from '@/server/trpc/react';
import { REPORT_LIST_DEFAULT, type Overview, type PeriodRow } from './defaults';
import { FillButton, ReportStateTag, usePeriodLabel } from './tags';

type Sort = 'dueOn' | 'period' | 'submittedAt' | 'agreement';
interface Filters {
  q?: string;
  agreementId?: string;
  kind?: ReportKind;
  year?: number;
  state?: ReportState;
}
const DEFAULT_SORT: SortState<Sort> = { sort: REPORT_LIST_DEFAULT.sort, dir: REPORT_LIST_DEFAULT.dir };
const COUNTED: readonly ReportState[] = ['submitted', 'late', 'missing', 'pending'];

/**
 * 运营报告 (HN-22 ¶3): every period the agreements in the caller's scope had to report, with the
 * filed reports, 迟报 and 缺报; the operator also sees what is to be reported next.
 */
export function ReportList({ scopeText, canWrite, canSetPolicy, viewer }: { scopeText: string; canWrite: boolean; canSetPolicy: boolean; viewer: 'operator' | 'agency' | 'authority' }) {
  const t = useTranslations('reports.periodic');
  const trpc = useTRPC();
  const label = usePeriodLabel();
  const state = useListState<Filters, Sort>(DEFAULT_SORT);
  const { filters, sort } = state;
  const [policyOpen, setPolicyOpen] = useState(false);
  const list = useKeysetList(trpc.report.list, { ...state.query, limit: REPORT_LIST_DEFAULT.limit });
  const overview = useQuery(trpc.report.overview.queryOptions());
  const agreements = useQuery(trpc.report.agreements.queryOptions());
  const thisYear = new Date().getFullYear();
  const days = overview.data?.quarterlyDueDays;
  /** A counter filters the list by its state (a second click clears it). */
  const toggleState = (s: ReportState) => state.setFilter('state', filters.state === s ? undefined : s);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {canWrite && overview.data && <ToDo overview={overview.data} />}
      <Card
        title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}
        extra={
          <Space>
            <ExportMenu path="/api/filings/reports/export" params={state.query} />
            {canSetPolicy && <Button icon={<SettingOutlined />} onClick={() => setPolicyOpen(true)}>{t('policy.title')}</Button>}
          </Space>
        }
      >
        <Alert
          type="info"
          showIcon
          title={scopeText}
          description={<>{days ? t('basisHint', { days }) : null} <Cite code="HN-22.3">HN-22 ¶3</Cite></>}
          style={{ marginBottom: 16 }}
        />
        <Row gutter={16} style={{ marginBottom: 16 }}>
          {COUNTED.map((s) => (
            <Col key={s} xs={12} md={6}>
              <Card size="small" hoverable role="button" tabIndex={0} aria-pressed={filters.state === s} data-testid={`count-${s}`}
                onClick={() => toggleState(s)} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') toggleState(s); }}
                style={filters.state === s ? { borderColor: '#1677ff' } : undefined}>
                <Statistic title={t(`state.${s}`)} value={overview.data?.counts[s] ?? 0} styles={s === 'missing' || s === 'late' ? { content: { color: '#a8071a' } } : undefined} />
              </Card>
            </Col>
          ))}
        </Row>
        <ListToolbar state={state} searchPlaceholder={t('searchPlaceholder')}>
          <Select aria-label={t('filters.agreement')} placeholder={t('filters.agreement')} allowClear showSearch={{ optionFilterProp: 'label' }} value={filters.agreementId}
            onChange={(v) => state.setFilter('agreementId', v)} options={(agreements.data ?? []).map((a) => ({ value: a.id, label: a.name }))} style={{ width: 260 }} />
          <Select aria-label={t('filters.kind')} placeholder={t('filters.kind')} allowClear value={filters.kind} onChange={(v) => state.setFilter('kind', v)}
            options={REPORT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} style={{ width: 120 }} />
          <Select aria-label={t('filters.year')} placeholder={t('filters.year')} allowClear value={filters.year} onChange={(v) => state.setFilter('year', v)}
            options={[0, 1, 2, 3].map((d) => ({ value: thisYear - d, label: String(thisYear - d) }))} style={{ width: 100 }} />
          <Select aria-label={t('filters.state')} placeholder={t('filters.state')} allowClear value={filters.state} onChange={(v) => state.setFilter('state', v)}
            options={REPORT_STATES.filter((s) => canWrite || s !== 'draft').map((s) => ({ value: s, label: t(`state.${s}`) }))} style={{ width: 120 }} />
        </ListToolbar>
        <KeysetTable<PeriodRow>
          list={list}
          state={state}
          empty={{ filteredText: t('emptyFiltered'), emptyText: t('empty'), hint: t('emptyHint') }}
          columns={[
            {
              title: t('cols.period'), key: 'period', sorter: true, sortOrder: sortOrderOf(sort, 'period'),
              render: (_: unknown, r) => (r.reportId ? <Link href={`/filings/reports/${r.reportId}`}>{label(r)}</Link> : label(r)),
            },
            { title: t('cols.kind'), dataIndex: 'kind', render: (v: string) => t(`kind.${v}`) },
            { title: t('cols.agreement'), key: 'agreement', dataIndex: 'agreementName', sorter: true, sortOrder: sortOrderOf(sort, 'agreement') },
            // the caller's own organization is not repeated on every row
            ...(viewer !== 'operator' ? [{ title: t('cols.operator'), dataIndex: 'operatorName' }] : []),
            ...(viewer !== 'agency' ? [{ title: t('cols.agency'), dataIndex: 'agencyName' }] : []),
            { title: t('cols.state'), dataIndex: 'state', render: (v: string) => <ReportStateTag state={v} /> },
            {
              title: t('cols.dueOn'), key: 'dueOn', sorter: true, sortOrder: sortOrderOf(sort, 'dueOn'),
              render: (_: unknown, r) => <Space size={4} wrap><span style={{ whiteSpace: 'nowrap' }}>{r.dueOn}</span>{r.due.status !== 'done' && <DueTag dueAt={r.due.dueAt} status={r.due.status} basis="HN-22 ¶3" />}</Space>,
            },
            { title: t('cols.submittedAt'), key: 'submittedAt', dataIndex: 'submittedAt', sorter: true, sortOrder: sortOrderOf(sort, 'submittedAt'), render: (v: Date | null) => fmtDateTime(v) },
            { title: t('cols.version'), dataIndex: 'lastVersionNo', render: (v: number) => (v ? `v${v}` : '—') },
            {
              title: '', key: 'open',
              render: (_: unknown, r) => (canWrite ? <FillButton p={r} /> : r.reportId && <Link href={`/filings/reports/${r.reportId}`}><Button size="small">{t('view')}</Button></Link>),
            },
          ]}
        />
      </Card>
      {policyOpen && <PolicyModal onClose={() => setPolicyOpen(false)} />}
    </Space>
  );
}

/** The operator's 应报事项: ended periods not yet submitted (soonest due first), and the running quarter of each agreement. */
function ToDo({ overview }: { overview: Overview }) {
  const t = useTranslations('reports.periodic.todo');
  const label = usePeriodLabel();
  return (
    <Card size="small" title={<>{t('title')} <Cite code="HN-22.3">HN-22 ¶3</Cite></>} data-testid="report-todo">
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={overview.open}
        locale={{ emptyText: t('none') }}
        columns={[
          { title: t('period'), key: 'p', render: (_: unknown, r) => label(r) },
          { title: t('agreement'), dataIndex: 'agreementName' },
          { title: t('state'), dataIndex: 'state', render: (v: string) => <ReportStateTag state={v} /> },
          { title: t('due'), key: 'due', render: (_: unknown, r) => <Space size={4}><span style={{ whiteSpace: 'nowrap' }}>{r.dueOn}</span><DueTag dueAt={r.due.dueAt} status={r.due.status} basis="HN-22 ¶3" /></Space> },
          { title: '', key: 'go', render: (_: unknown, r) => <FillButton p={r} /> },
        ]}
      />
      {overview.upcoming.length > 0 && (
        <Space orientation="vertical" size={4} style={{ marginTop: 12 }}>
          {overview.upcoming.map((u) => (
            <Space key={u.agreementId} size={4} wrap data-testid="report-upcoming">
              <Typography.Text type="secondary">{t('upcoming', { period: label(u), agreement: u.agreementName, opens: u.opensOn, due: u.dueOn })}</Typography.Text>
              <DueTag dueAt={u.due.dueAt} status={u.due.status} basis="HN-22 ¶3" />
            </Space>
          ))}
        </Space>
      )}
    </Card>
  );
}

/** The province's setting: how many days after a quarter ends its report is due (HN-22 ¶3: 按季度报送). */
function PolicyModal({ onClose }: { onClose: () => void }) {
  const t = useTranslations('reports.periodic.policy');
  const trpc = useTRPC();
  const [form] = Form.useForm<{ quarterlyDueDays: number }>();
  const policy = useQuery(trpc.report.policy.get.queryOptions());
  const { done, onError } = useMutationFeedback(trpc.report.pathKey(), { form, onDone: onClose });
  const save = useMutation(trpc.report.policy.update.mutationOptions({ onSuccess: () => done(t('saved')), onError }));
  if (!policy.data) return null;
  return (
    <FormModal form={form} title={<>{t('title')} <Cite code="HN-22.3">HN-22 ¶3</Cite></>} pending={save.isPending} onClose={onClose}
      initialValues={{ quarterlyDueDays: policy.data.quarterlyDueDays }}
      onFinish={(v) => save.mutate({ quarterlyDueDays: v.quarterlyDueDays, version: policy.data.version })}>
      <Form.Item name="quarterlyDueDays" label={t('days')} extra={t('hint')} rules={[{ required: true, message: t('days') }]}>
        <InputNumber min={1} max={90} precision={0} aria-label={t('days')} />
      </Form.Item>
    </FormModal>
  );
}
