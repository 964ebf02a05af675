'use client';

import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { fmtDateTime } from '@/app/_components/format';
import { ExportMenu, KeysetTable, ListToolbar, sortOrderOf, useKeysetList, useListState, type SortState } from '@/app/_components/list-kit';
import { QUALITY_STATUSES, QUALITY_SUBJECTS } from '@/server/routers/reports/terms';
import { useTRPC } from '@/server/trpc/react';
import { QUALITY_LIST_DEFAULT, type QualityRow } from './defaults';
import { RaiseModal } from './raise-modal';
import { ClockTag, LateTag, QualityStatusTag } from './tags';

type Sort = 'createdAt' | 'dueAt';
interface Filters {
  q?: string;
  status?: (typeof QUALITY_STATUSES)[number];
  subject?: (typeof QUALITY_SUBJECTS)[number];
  overdue?: boolean;
  late?: boolean;
}
const DEFAULT_SORT: SortState<Sort> = { sort: QUALITY_LIST_DEFAULT.sort, dir: QUALITY_LIST_DEFAULT.dir };
const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' };

/** 数据校核需求 (HN-16): raised by operators, answered by providers within 7 working days. */
export function QualityList({ scopeText, canRaise, supervises }: { scopeText: string; canRaise: boolean; supervises: boolean }) {
  const t = useTranslations('reports.quality');
  const trpc = useTRPC();
  const state = useListState<Filters, Sort>(DEFAULT_SORT);
  const { filters, sort } = state;
  const [raising, setRaising] = useState(false);
  const list = useKeysetList(trpc.quality.list, { ...state.query, limit: QUALITY_LIST_DEFAULT.limit });
  const enumSelect = (key: 'status' | 'subject', values: readonly string[], width: number) => (
    <Select
      aria-label={t(`filters.${String(key)}`)}
      placeholder={t(`filters.${String(key)}`)}
      allowClear
      value={filters[key]}
      onChange={(v) => state.setFilter(key, v)}
      options={values.map((v) => ({ value: v, label: t(`${String(key)}.${v}`) }))}
      style={{ width }}
    />
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}
        extra={
          <Space>
            <ExportMenu path="/api/filings/quality/export" params={state.query} />
            {canRaise && <Button type="primary" icon={<PlusOutlined />} onClick={() => setRaising(true)}>{t('raise')}</Button>}
          </Space>
        }
      >
        <Alert type="info" showIcon title={scopeText} description={<>{t('basisHint')} <Cite code="HN-16" /></>} style={{ marginBottom: 16 }} />
        <ListToolbar state={state} searchPlaceholder={t('searchPlaceholder')}>
          {enumSelect('status', QUALITY_STATUSES, 130)}
          {enumSelect('subject', QUALITY_SUBJECTS, 120)}
          <Checkbox checked={!!filters.overdue} onChange={(e) => state.setFilter('overdue', e.target.checked || undefined)}>{t('filters.overdue')}</Checkbox>
          <Checkbox checked={!!filters.late} onChange={(e) => state.setFilter('late', e.target.checked || undefined)}>{t('filters.late')}</Checkbox>
        </ListToolbar>
        <KeysetTable<QualityRow>
          list={list}
          state={state}
          empty={{
            filteredText: t('emptyFiltered'),
            emptyText: t('empty'),
            hint: canRaise ? t('emptyHint') : undefined,
            action: canRaise ? <Button type="primary" onClick={() => setRaising(true)}>{t('raise')}</Button> : undefined,
          }}
          columns={[
            {
              title: t('cols.resource'),
              key: 'resource',
              render: (_: unknown, r) => (
                <Link href={`/filings/quality/${r.id}`}>
                  <span style={mono}>{r.resourceCode}</span> {r.resourceName}
                </Link>
              ),
            },
            { title: t('cols.subject'), key: 'subject', render: (_: unknown, r) => `${t(`subject.${r.subject}`)}${r.itemName ? `:${r.itemName}` : ''}` },
            { title: t('cols.description'), dataIndex: 'description', ellipsis: true, width: 260 },
            { title: t('cols.provider'), dataIndex: 'providerName' },
            { title: t('cols.operator'), dataIndex: 'operatorName' },
            { title: t('cols.status'), key: 'status', render: (_: unknown, r) => <Space size={4}><QualityStatusTag status={r.status} />{r.late && <LateTag />}</Space> },
            { title: t('cols.clock'), key: 'clock', render: (_: unknown, r) => <ClockTag clock={r.clock} /> },
            { title: t('cols.dueAt'), key: 'dueAt', dataIndex: 'dueAt', sorter: true, sortOrder: sortOrderOf(sort, 'dueAt'), render: (v: Date | null) => fmtDateTime(v) },
            { title: t('cols.createdAt'), key: 'createdAt', dataIndex: 'createdAt', sorter: true, sortOrder: sortOrderOf(sort, 'createdAt'), render: (v: Date) => fmtDateTime(v) },
          ]}
        />
      </Card>
      {supervises && <ProviderRecord />}
      {raising && <RaiseModal onClose={() => setRaising(false)} />}
    </Space>
  );
}

/** Per provider in the caller's scope: requests of a year, answered late, open past due (HN-16; counted in HN-22 evaluations). */
function ProviderRecord() {
  const t = useTranslations('reports.quality.record');
  const trpc = useTRPC();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const q = useQuery(trpc.quality.providerRecord.queryOptions({ year }));
  return (
    <Card
      size="small"
      title={<>{t('title')} <Cite code="HN-16" /> <Cite code="HN-22" /></>}
      extra={<Select aria-label={t('year')} value={year} onChange={setYear} options={[0, 1, 2].map((d) => ({ value: thisYear - d, label: t('yearOption', { year: thisYear - d }) }))} style={{ width: 110 }} />}
    >
      <Table
        rowKey="providerOrgId"
        size="small"
        loading={q.isLoading}
        pagination={false}
        dataSource={q.data ?? []}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: t('provider'), dataIndex: 'providerName' },
          { title: t('total'), dataIndex: 'total', align: 'right' },
          { title: t('answered'), dataIndex: 'answered', align: 'right' },
          { title: t('late'), dataIndex: 'late', align: 'right', render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0) },
          { title: t('overdue'), dataIndex: 'overdue', align: 'right', render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0) },
        ]}
      />
    </Card>
  );
}
