'use client';

import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Segmented, Select, Space, Statistic, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useEffect } from 'react';
import { Cite } from '@/app/_components/citation';
import { fmtDateTime } from '@/app/_components/format';
import { ExportMenu, KeysetTable, ListToolbar, sortOrderOf, useKeysetList, useListState, type SortState } from '@/app/_components/list-kit';
import { HENAN_REGIONS } from '@/db/seed/regions';
import { INCIDENT_STATUSES, INCIDENT_TYPES, INCIDENT_VIEWS, SEVERITIES } from '@/server/domain/incidents';
import { useTRPC } from '@/server/trpc/react';
import { INCIDENT_LIST_DEFAULT, type IncidentRow } from './defaults';
import { IncidentCharts } from './incident-charts';
import { HourClock, LateTag, SeverityTag, StatusTag, SummaryClock } from './tags';

type Sort = 'discoveredAt' | 'severity' | 'updatedAt';
type View = (typeof INCIDENT_VIEWS)[number];
interface Filters {
  q?: string;
  view?: View;
  status?: (typeof INCIDENT_STATUSES)[number];
  severity?: (typeof SEVERITIES)[number];
  type?: (typeof INCIDENT_TYPES)[number];
  regime?: 'HN' | 'ID';
  regionCode?: string;
}
const DEFAULT_SORT: SortState<Sort> = { sort: INCIDENT_LIST_DEFAULT.sort, dir: INCIDENT_LIST_DEFAULT.dir };

/**
 * 安全事件与风险报告 (HN-18, ID-12 ¶3): the reporter's and the recipients' list, with the running
 * clocks, 迟报, the counters and the charts of the same filters.
 */
export function IncidentList({ scopeText, canReport, initialView }: { scopeText: string; canReport: boolean; initialView?: View }) {
  const t = useTranslations('incidents');
  const trpc = useTRPC();
  const state = useListState<Filters, Sort>(DEFAULT_SORT);
  const { filters, sort, setFilter } = state;
  useEffect(() => {
    if (initialView && initialView !== 'all') setFilter('view', initialView);
  }, [initialView, setFilter]);
  const list = useKeysetList(trpc.incident.list, { ...state.query, limit: INCIDENT_LIST_DEFAULT.limit });
  const { sort: _s, dir: _d, ...statFilters } = state.query;
  const stats = useQuery({ ...trpc.incident.stats.queryOptions({ ...statFilters, months: 12 }), placeholderData: keepPreviousData });
  const totals = stats.data?.totals;
  const enumSelect = <K extends 'status' | 'severity' | 'type' | 'regime'>(key: K, values: readonly string[], width: number) => (
    <Select
      aria-label={t(`filters.${String(key)}`)}
      placeholder={t(`filters.${String(key)}`)}
      allowClear
      value={filters[key]}
      onChange={(v) => setFilter(key, v as Filters[K])}
      options={values.map((v) => ({ value: v, label: t(`${String(key)}.${v}`) }))}
      style={{ width }}
    />
  );
  const counter = (key: 'open' | 'running' | 'late' | 'summaryOverdue', view: View, danger = false) => (
    <Col xs={12} md={6}>
      <Card size="small" hoverable onClick={() => setFilter('view', view)} data-testid={`counter-${key}`}>
        <Statistic title={t(`counters.${key}`)} value={totals?.[key] ?? 0} styles={danger && totals?.[key] ? { content: { color: '#a8071a' } } : undefined} />
      </Card>
    </Col>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}
        extra={
          <Space>
            <ExportMenu path="/api/incidents/export" params={state.query} />
            {canReport && <Link href="/incidents/new"><Button type="primary" icon={<PlusOutlined />}>{t('report')}</Button></Link>}
          </Space>
        }
      >
        <Alert type="info" showIcon title={scopeText} description={<>{t('basisHint')} <Cite code="HN-18" /> <Cite code="ID-12 ¶3" /></>} style={{ marginBottom: 16 }} />
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {counter('open', 'open')}
          {counter('running', 'running')}
          {counter('late', 'late', true)}
          {counter('summaryOverdue', 'summary_overdue', true)}
        </Row>
        <Segmented
          aria-label={t('filters.view')}
          value={filters.view ?? 'all'}
          onChange={(v) => setFilter('view', v === 'all' ? undefined : (v as View))}
          options={INCIDENT_VIEWS.map((v) => ({ value: v, label: t(`views.${v}`) }))}
          style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
        />
        <ListToolbar state={state} searchPlaceholder={t('searchPlaceholder')}>
          {enumSelect('severity', SEVERITIES, 110)}
          {enumSelect('type', INCIDENT_TYPES, 170)}
          {enumSelect('status', INCIDENT_STATUSES, 150)}
          {enumSelect('regime', ['HN', 'ID'], 150)}
          <Select
            aria-label={t('filters.region')}
            placeholder={t('filters.region')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={filters.regionCode}
            onChange={(v) => setFilter('regionCode', v)}
            options={HENAN_REGIONS.map((r) => ({ value: r.code, label: r.name }))}
            style={{ width: 150 }}
          />
        </ListToolbar>
        <KeysetTable<IncidentRow>
          list={list}
          state={state}
          empty={{
            filteredText: t('emptyFiltered'),
            emptyText: t('empty'),
            hint: canReport ? t('emptyHint') : t('emptyHintRecipient'),
            action: canReport ? <Link href="/incidents/new"><Button type="primary">{t('report')}</Button></Link> : undefined,
          }}
          columns={[
            {
              title: t('cols.title'),
              key: 'title',
              render: (_: unknown, r) => (
                <Space size={4} wrap>
                  <Link href={`/incidents/${r.id}`}>{r.title}</Link>
                  {r.lateCount > 0 && <LateTag n={r.lateCount} />}
                </Space>
              ),
            },
            { title: t('cols.reporter'), dataIndex: 'reporterName' },
            { title: t('cols.type'), key: 'type', render: (_: unknown, r) => t(`type.${r.type}`) },
            { title: t('cols.severity'), key: 'severity', sorter: true, sortOrder: sortOrderOf(sort, 'severity'), render: (_: unknown, r) => <SeverityTag severity={r.severity} /> },
            { title: t('cols.status'), key: 'status', render: (_: unknown, r) => <StatusTag status={r.status} /> },
            { title: t('cols.region'), dataIndex: 'regionName' },
            { title: t('cols.discoveredAt'), key: 'discoveredAt', dataIndex: 'discoveredAt', sorter: true, sortOrder: sortOrderOf(sort, 'discoveredAt'), render: (v: Date) => fmtDateTime(v) },
            { title: t('cols.recipients'), key: 'recipients', render: (_: unknown, r) => t('ackCount', { ack: r.ackCount, n: r.recipientCount }) },
            {
              title: t('cols.clock'),
              key: 'clock',
              render: (_: unknown, r) => <HourClock clock={r.myClock ?? r.clock ?? (r.recipientCount ? { status: 'done', dueAt: r.discoveredAt, leftMs: 0 } : null)} />,
            },
            { title: t('cols.summary'), key: 'summary', render: (_: unknown, r) => <SummaryClock clock={r.summaryClock} late={r.summaryLate} /> },
          ]}
        />
      </Card>
      <IncidentCharts stats={stats.data} />
    </Space>
  );
}
