'use client';

import { Cite } from '@/app/_components/citation';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { fmtDateTime } from '@/app/_components/format';
import { SuspensionTag } from '@/app/_components/suspension-tag';
import { ExportMenu, KeysetTable, ListToolbar, sortOrderOf, useKeysetList, useListState, type SortState } from '@/app/_components/list-kit';
import { AGREEMENT_STATUSES } from '@/server/routers/plans/terms';
import { useTRPC } from '@/server/trpc/react';
import { AGREEMENT_LIST_DEFAULT, type AgreementRow } from '../../plans/_components/defaults';
import { FilingFilters, FilingStatusTags, ReceiptProgress } from '../../plans/_components/filing-parts';
import { ViewSwitch } from '../../plans/_components/view-switch';
import { ExceptionTag, ExpiryTag } from './agreement-parts';

type Sort = 'updatedAt' | 'name' | 'endsOn';
type View = 'all' | 'awaiting' | 'expiring' | 'exceptionPending';
interface Filters {
  q?: string;
  status?: (typeof AGREEMENT_STATUSES)[number];
  regionCode?: string;
  awaiting?: boolean;
  expiring?: boolean;
  exceptionPending?: boolean;
  mine?: boolean;
}
const DEFAULT_SORT: SortState<Sort> = { sort: AGREEMENT_LIST_DEFAULT.sort, dir: AGREEMENT_LIST_DEFAULT.dir };
const VIEWS: Exclude<View, 'all'>[] = ['awaiting', 'expiring', 'exceptionPending'];

/** Operating agreements (HN-13, HN-14) with their term, days left and filing state. */
export function AgreementList({ scopeText, canWrite, canAck, canDecide, wide }: { scopeText: string; canWrite: boolean; canAck: boolean; canDecide: boolean; wide: boolean }) {
  const t = useTranslations('plans');
  const ta = useTranslations('plans.agreement');
  const trpc = useTRPC();
  const state = useListState<Filters, Sort>(DEFAULT_SORT);
  const { filters, sort } = state;
  const list = useKeysetList(trpc.agreement.list, { ...state.query, limit: AGREEMENT_LIST_DEFAULT.limit });
  const facets = useQuery({ ...trpc.agreement.facets.queryOptions(), enabled: wide });
  const view: View = VIEWS.find((v) => filters[v]) ?? 'all';
  const views: View[] = ['all', ...(canAck ? ['awaiting' as const] : []), 'expiring', ...(canDecide ? ['exceptionPending' as const] : [])];
  const setView = (v: View) => VIEWS.forEach((k) => state.setFilter(k, k === v || undefined));
  const newButton = canWrite ? <Link href="/filings/agreements/new"><Button type="primary" icon={<PlusOutlined />}>{ta('new')}</Button></Link> : undefined;

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{ta('title')}</Typography.Title>}
      extra={<Space><ExportMenu path="/api/filings/agreements/export" params={state.query} />{newButton}</Space>}
    >
      <Alert type="info" showIcon title={scopeText} description={<>{ta('basisHint')} <Cite code="HN-13" /> <Cite code="HN-14(2)" /></>} style={{ marginBottom: 16 }} />
      <ViewSwitch value={view} options={views} onChange={setView} />
      <ListToolbar state={state} searchPlaceholder={ta('searchPlaceholder')}>
        <FilingFilters statuses={AGREEMENT_STATUSES} filters={filters} setFilter={(k, v) => state.setFilter(k, v as never)} regions={facets.data?.regions ?? []} wide={wide} canWrite={canWrite} />
      </ListToolbar>
      <KeysetTable<AgreementRow>
        list={list}
        state={state}
        empty={{ filteredText: t('list.emptyFiltered'), emptyText: ta('empty'), hint: canWrite ? ta('emptyHint') : undefined, action: newButton }}
        columns={[
          { title: t('cols.name'), key: 'name', dataIndex: 'name', sorter: true, sortOrder: sortOrderOf(sort, 'name'), render: (v: string, r) => <Link href={`/filings/agreements/${r.id}`}>{v}</Link> },
          { title: t('cols.status'), dataIndex: 'status', render: (v: string, r) => <FilingStatusTags status={v} filedVersionNo={r.filedVersionNo} /> },
          { title: <>{t('cols.term')} <Cite plain code="HN-14(2)" /></>, key: 'term', render: (_: unknown, r) => `${r.startsOn} ~ ${r.endsOn}` },
          {
            title: <>{t('cols.daysLeft')} <Cite plain code="HN-14(9)" /></>,
            key: 'endsOn',
            dataIndex: 'endsOn',
            sorter: true,
            sortOrder: sortOrderOf(sort, 'endsOn'),
            render: (_: unknown, r) => (r.status === 'filed' ? <ExpiryTag status={r.status} daysLeft={r.daysLeft} expiry={r.expiry} /> : '—'),
          },
          { title: t('cols.exception'), dataIndex: 'exceptionStatus', render: (v: string) => (v === 'none' ? '—' : <ExceptionTag status={v} />) },
          { title: <>{t('cols.receipts')} <Cite plain code="HN-13 ¶2" /></>, key: 'receipts', render: (_: unknown, r) => <ReceiptProgress receipts={r.receipts} awaitingMe={r.awaitingMe} /> },
          { title: t('cols.agency'), dataIndex: 'agencyName' },
          { title: t('cols.operator'), dataIndex: 'operatorName', render: (v: string, r) => <>{v}<SuspensionTag s={r.operatorSuspension} /></> },
          ...(wide ? [{ title: t('cols.region'), dataIndex: 'regionName' }] : []),
          { title: t('cols.updatedAt'), key: 'updatedAt', dataIndex: 'updatedAt', sorter: true, sortOrder: sortOrderOf(sort, 'updatedAt'), render: (v: Date) => fmtDateTime(v) },
        ]}
      />
    </Card>
  );
}
