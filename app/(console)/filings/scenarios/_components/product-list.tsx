'use client';

import { Alert, Card, Checkbox, Select, Space, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { PhaseTag } from '@/app/(console)/catalog/_components/phase-tag';
import { Cite } from '@/app/_components/citation';
import { fmtDateTime } from '@/app/_components/format';
import { ExportMenu, KeysetTable, ListToolbar, sortOrderOf, useKeysetList, useListState, type SortState } from '@/app/_components/list-kit';
import { PRICING_BASES, PRODUCT_FORMS, USE_CATEGORIES } from '@/server/domain/filings-terms';
import { useTRPC } from '@/server/trpc/react';
import { mono, PRODUCT_LIST_DEFAULT, type ProductRow } from './defaults';

type Sort = 'updatedAt' | 'name' | 'registrationNo';
const PHASES = ['submitted', 'in_notice', 'effective', 'rejected', 'withdrawn'] as const;
interface Filters {
  q?: string;
  phase?: (typeof PHASES)[number];
  pricingBasis?: (typeof PRICING_BASES)[number];
  productForm?: (typeof PRODUCT_FORMS)[number];
  useCategory?: (typeof USE_CATEGORIES)[number];
  waiting?: boolean;
}
const DEFAULT_SORT: SortState<Sort> = { sort: PRODUCT_LIST_DEFAULT.sort, dir: PRODUCT_LIST_DEFAULT.dir };

/** Products and services registered after their compliance review (HN-15 ¶2), and those being registered. */
export function ProductList({ canDecide }: { canDecide: boolean }) {
  const t = useTranslations('scenarios');
  const tp = useTranslations('scenarios.product');
  const tph = useTranslations('catalog.registration.phase');
  const trpc = useTRPC();
  const state = useListState<Filters, Sort>(DEFAULT_SORT);
  const { filters, sort } = state;
  const list = useKeysetList(trpc.product.list, { ...state.query, limit: PRODUCT_LIST_DEFAULT.limit });
  const select = (key: 'phase' | 'pricingBasis' | 'productForm' | 'useCategory', options: { value: string; label: string }[], width: number) => (
    <Select aria-label={tp(`filters.${key}`)} placeholder={tp(`filters.${key}`)} allowClear value={filters[key]} style={{ width }}
      onChange={(v) => state.setFilter(key, v as never)} options={options} />
  );
  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{tp('title')}</Typography.Title>}
      extra={<Space><Link href="/open" target="_blank">{tp('publicLink')}</Link><ExportMenu path="/api/filings/products/export" params={state.query} /></Space>}
    >
      <Alert type="info" showIcon title={<>{tp('basisHint')} <Cite code="HN-15.2">HN-15 ¶2</Cite> <Cite code="HN-17.2">HN-17 ¶2</Cite></>} style={{ marginBottom: 16 }} />
      <ListToolbar state={state} searchPlaceholder={tp('searchPlaceholder')}>
        {select('phase', PHASES.map((p) => ({ value: p, label: tph(p) })), 120)}
        {select('pricingBasis', PRICING_BASES.map((p) => ({ value: p, label: t(`pricingBasis.${p}`) })), 140)}
        {select('productForm', PRODUCT_FORMS.map((p) => ({ value: p, label: t(`productForm.${p}`) })), 120)}
        {select('useCategory', USE_CATEGORIES.map((p) => ({ value: p, label: t(`useCategory.${p}`) })), 170)}
        {canDecide && <Checkbox checked={!!filters.waiting} onChange={(e) => state.setFilter('waiting', e.target.checked || undefined)}>{t('waiting')}</Checkbox>}
      </ListToolbar>
      <KeysetTable<ProductRow>
        list={list}
        state={state}
        empty={{ filteredText: tp('emptyFiltered'), emptyText: tp('empty'), hint: tp('emptyHint') }}
        columns={[
          { title: tp('cols.registrationNo'), key: 'registrationNo', dataIndex: 'registrationNo', sorter: true, sortOrder: sortOrderOf(sort, 'registrationNo'), render: (v: string | null, r) => <Link href={`/filings/products/${r.id}`} style={mono}>{v ?? '—'}</Link> },
          { title: tp('cols.name'), key: 'name', dataIndex: 'name', sorter: true, sortOrder: sortOrderOf(sort, 'name'), render: (v: string, r) => <Link href={`/filings/products/${r.id}`}>{v}</Link> },
          { title: tp('cols.phase'), dataIndex: 'phase', render: (v: string) => <PhaseTag phase={v} /> },
          { title: tp('cols.productForm'), dataIndex: 'productForm', render: (v: string) => t(`productForm.${v}`) },
          { title: tp('cols.useCategory'), dataIndex: 'useCategory', render: (v: string) => t(`useCategory.${v}`) },
          { title: <>{tp('cols.pricingBasis')} <Cite plain code="HN-21.3">HN-21 ¶3</Cite></>, dataIndex: 'pricingBasis', render: (v: string) => t(`pricingBasis.${v}`) },
          { title: tp('cols.operator'), dataIndex: 'operatorName' },
          { title: tp('cols.agency'), dataIndex: 'agencyName' },
          { title: tp('cols.notice'), key: 'notice', render: (_: unknown, r) => (r.noticeStartsOn ? `${r.noticeStartsOn} ~ ${r.noticeEndsOn}` : '—') },
          { title: tp('cols.effectiveOn'), dataIndex: 'effectiveOn', render: (v: string | null) => v ?? '—' },
          { title: tp('cols.updatedAt'), key: 'updatedAt', dataIndex: 'updatedAt', sorter: true, sortOrder: sortOrderOf(sort, 'updatedAt'), render: (v: Date) => fmtDateTime(v) },
        ]}
      />
    </Card>
  );
}
