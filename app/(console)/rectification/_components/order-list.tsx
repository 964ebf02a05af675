'use client';

import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Tabs, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Cite } from '@/app/_components/citation';
import { fmtDateTime } from '@/app/_components/format';
import { ExportMenu, KeysetTable, ListToolbar, sortOrderOf, useKeysetList, useListState, type SortState } from '@/app/_components/list-kit';
import { SuspensionTag } from '@/app/_components/suspension-tag';
import { HENAN_REGIONS } from '@/db/seed/regions';
import { ORDER_SOURCES, ORDER_STATUSES } from '@/server/domain/rectification-terms';
import { useTRPC } from '@/server/trpc/react';
import { ORDER_LIST_DEFAULT, type OrderRow } from './defaults';
import { MajorRiskTag, OrderDue, OrderStatusTag } from './tags';

type Sort = 'issuedAt' | 'dueAt' | 'no';
type View = 'all' | 'open' | 'due_soon' | 'overdue';
interface Filters {
  q?: string;
  status?: (typeof ORDER_STATUSES)[number];
  source?: (typeof ORDER_SOURCES)[number];
  regionCode?: string;
  view?: View;
}
const DEFAULT_SORT: SortState<Sort> = { sort: ORDER_LIST_DEFAULT.sort, dir: ORDER_LIST_DEFAULT.dir };
const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' };

/**
 * 整改通知 (HN-20, HN-22 ¶2, ID-14): for the issuer, every order it may see with tabs by due state and
 * filters by status, source and region; for the target, its own orders in the same view.
 */
export function OrderList({ scopeText, canIssue, wide }: { scopeText: string; canIssue: boolean; wide: boolean }) {
  const t = useTranslations('rectification');
  const trpc = useTRPC();
  const state = useListState<Filters, Sort>(DEFAULT_SORT);
  const { filters, sort } = state;
  const view: View = filters.view ?? 'all';
  const list = useKeysetList(trpc.rectification.list, { ...state.query, view, limit: ORDER_LIST_DEFAULT.limit });
  const counts = useQuery(trpc.rectification.counts.queryOptions());
  const c = counts.data;
  const newButton = canIssue ? <Link href="/rectification/new"><Button type="primary" icon={<PlusOutlined />}>{t('list.issue')}</Button></Link> : null;

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('list.title')}</Typography.Title>}
      extra={<Space><ExportMenu path="/api/rectification/orders/export" params={{ ...state.query, view }} />{newButton}</Space>}
    >
      <Alert type="info" showIcon title={scopeText} description={<>{t('list.basisHint')} <Cite code="HN-20" /> <Cite code="HN-22 ¶2" /></>} style={{ marginBottom: 16 }} />
      <Tabs
        activeKey={view}
        onChange={(k) => state.setFilter('view', k === 'all' ? undefined : (k as View))}
        items={(['all', 'open', 'due_soon', 'overdue'] as const).map((k) => ({
          key: k,
          label: c ? t('list.tabCount', { label: t(`list.views.${k}`), n: { all: c.all, open: c.open, due_soon: c.dueSoon, overdue: c.overdue }[k] }) : t(`list.views.${k}`),
        }))}
      />
      <ListToolbar state={state} searchPlaceholder={t('list.searchPlaceholder')}>
        <Select
          aria-label={t('list.filters.status')}
          placeholder={t('list.filters.status')}
          allowClear
          value={filters.status}
          onChange={(v) => state.setFilter('status', v)}
          options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          style={{ width: 150 }}
        />
        <Select
          aria-label={t('list.filters.source')}
          placeholder={t('list.filters.source')}
          allowClear
          value={filters.source}
          onChange={(v) => state.setFilter('source', v)}
          options={ORDER_SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))}
          style={{ width: 170 }}
        />
        {wide && (
          <Select
            aria-label={t('list.filters.region')}
            placeholder={t('list.filters.region')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={filters.regionCode}
            onChange={(v) => state.setFilter('regionCode', v)}
            options={HENAN_REGIONS.map((r) => ({ value: r.code, label: r.name }))}
            style={{ width: 170 }}
          />
        )}
      </ListToolbar>
      <KeysetTable<OrderRow>
        list={list}
        state={state}
        empty={{
          filteredText: t('list.emptyFiltered'),
          emptyText: canIssue ? t('list.emptyIssuer') : t('list.emptyTarget'),
          hint: canIssue ? t('list.emptyHint') : undefined,
          action: newButton ?? undefined,
        }}
        columns={[
          {
            title: t('cols.no'), key: 'no', dataIndex: 'no', sorter: true, sortOrder: sortOrderOf(sort, 'no'),
            render: (v: string, r) => <Link href={`/rectification/${r.id}`}><span style={mono}>{v}</span></Link>,
          },
          {
            title: t('cols.title'), dataIndex: 'title', width: 280,
            render: (v: string, r) => <Space size={4} wrap><Link href={`/rectification/${r.id}`}>{v}</Link>{r.majorRisk && <MajorRiskTag />}</Space>,
          },
          // the target sees only its own orders: the column would repeat its own name
          {
            title: t('cols.target'), key: 'target', hidden: !canIssue,
            render: (_: unknown, r) => <>{r.targetName}<SuspensionTag s={r.suspension} /></>,
          },
          { title: t('cols.issuer'), dataIndex: 'issuerName' },
          { title: t('cols.source'), dataIndex: 'source', render: (v: string) => t(`source.${v}`) },
          { title: <>{t('cols.article')}</>, dataIndex: 'article', render: (v: string) => <Cite code={v} /> },
          { title: t('cols.status'), dataIndex: 'status', render: (v: string) => <OrderStatusTag status={v} /> },
          { title: t('cols.due'), key: 'dueAt', dataIndex: 'dueAt', sorter: true, sortOrder: sortOrderOf(sort, 'dueAt'), render: (_: unknown, r) => <OrderDue due={r.due} article={r.article} /> },
          { title: t('cols.issuedAt'), key: 'issuedAt', dataIndex: 'issuedAt', sorter: true, sortOrder: sortOrderOf(sort, 'issuedAt'), render: (v: Date) => fmtDateTime(v) },
        ]}
      />
    </Card>
  );
}
