'use client';

import { Cite } from '@/app/_components/citation';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { fmtDateTime } from '@/app/_components/format';
import { ExportMenu, KeysetTable, ListToolbar, sortOrderOf, useKeysetList, useListState, type SortState } from '@/app/_components/list-kit';
import { PLAN_STATUSES } from '@/server/routers/plans/terms';
import { useTRPC } from '@/server/trpc/react';
import { PLAN_LIST_DEFAULT, type PlanRow } from './defaults';
import { FilingFilters, FilingStatusTags, ReceiptProgress } from './filing-parts';
import { ViewSwitch } from './view-switch';

type Sort = 'updatedAt' | 'name';
interface Filters {
  q?: string;
  status?: (typeof PLAN_STATUSES)[number];
  regionCode?: string;
  awaiting?: boolean;
  mine?: boolean;
}
const DEFAULT_SORT: SortState<Sort> = { sort: PLAN_LIST_DEFAULT.sort, dir: PLAN_LIST_DEFAULT.dir };

/** Implementation plans (HN-11): the province's all, a department's filed to it, a city's own; 待我备案 for recipients. */
export function PlanList({ scopeText, canWrite, canAck, wide }: { scopeText: string; canWrite: boolean; canAck: boolean; wide: boolean }) {
  const t = useTranslations('plans');
  const tp = useTranslations('plans.plan');
  const trpc = useTRPC();
  const state = useListState<Filters, Sort>(DEFAULT_SORT);
  const { filters, sort } = state;
  const list = useKeysetList(trpc.plan.list, { ...state.query, limit: PLAN_LIST_DEFAULT.limit });
  const facets = useQuery({ ...trpc.plan.facets.queryOptions(), enabled: wide });
  const newButton = canWrite ? <Link href="/filings/plans/new"><Button type="primary" icon={<PlusOutlined />}>{tp('new')}</Button></Link> : undefined;

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{tp('title')}</Typography.Title>}
      extra={<Space><ExportMenu path="/api/filings/plans/export" params={state.query} />{newButton}</Space>}
    >
      <Alert type="info" showIcon title={scopeText} description={<>{tp('basisHint')} <Cite code="HN-11" /> <Cite code="HN-12" /></>} style={{ marginBottom: 16 }} />
      {canAck && (
        <ViewSwitch
          value={filters.awaiting ? 'awaiting' : 'all'}
          options={['all', 'awaiting']}
          onChange={(v) => state.setFilter('awaiting', v === 'awaiting' || undefined)}
        />
      )}
      <ListToolbar state={state} searchPlaceholder={tp('searchPlaceholder')}>
        <FilingFilters statuses={PLAN_STATUSES} filters={filters} setFilter={(k, v) => state.setFilter(k, v as never)} regions={facets.data?.regions ?? []} wide={wide} canWrite={canWrite} />
      </ListToolbar>
      <KeysetTable<PlanRow>
        list={list}
        state={state}
        empty={{ filteredText: t('list.emptyFiltered'), emptyText: tp('empty'), hint: canWrite ? tp('emptyHint') : undefined, action: newButton }}
        columns={[
          { title: t('cols.name'), key: 'name', dataIndex: 'name', sorter: true, sortOrder: sortOrderOf(sort, 'name'), render: (v: string, r) => <Link href={`/filings/plans/${r.id}`}>{v}</Link> },
          { title: t('cols.status'), dataIndex: 'status', render: (v: string, r) => <FilingStatusTags status={v} filedVersionNo={r.filedVersionNo} /> },
          { title: <>{t('cols.receipts')} <Cite plain code="HN-11 ¶2" /></>, key: 'receipts', render: (_: unknown, r) => <ReceiptProgress receipts={r.receipts} awaitingMe={r.awaitingMe} /> },
          { title: t('cols.owner'), dataIndex: 'ownerName' },
          ...(wide ? [{ title: t('cols.region'), dataIndex: 'regionName' }] : []),
          { title: t('cols.industry'), dataIndex: 'industryName', render: (v: string | null) => v ?? '—' },
          { title: t('cols.version'), dataIndex: 'lastVersionNo', render: (n: number) => (n ? t('versionNo', { n }) : '—') },
          { title: t('cols.updatedAt'), key: 'updatedAt', dataIndex: 'updatedAt', sorter: true, sortOrder: sortOrderOf(sort, 'updatedAt'), render: (v: Date) => fmtDateTime(v) },
        ]}
      />
    </Card>
  );
}
