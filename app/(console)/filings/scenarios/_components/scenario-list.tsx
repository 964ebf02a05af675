'use client';

import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Select, Space, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Cite } from '@/app/_components/citation';
import { fmtDateTime } from '@/app/_components/format';
import { SuspensionTag } from '@/app/_components/suspension-tag';
import { ExportMenu, KeysetTable, ListToolbar, sortOrderOf, useKeysetList, useListState, type SortState } from '@/app/_components/list-kit';
import { PRODUCT_FORMS, USE_CATEGORIES } from '@/server/domain/filings-terms';
import { useTRPC } from '@/server/trpc/react';
import { SCENARIO_LIST_DEFAULT, type ScenarioRow } from './defaults';
import { OpenStepDue, StatusTag } from './tags';

type Sort = 'updatedAt' | 'name';
const STATUSES = ['draft', 'agency_review', 'authority_review', 'approved', 'rejected', 'withdrawn'] as const;
interface Filters {
  q?: string;
  status?: (typeof STATUSES)[number];
  useCategory?: (typeof USE_CATEGORIES)[number];
  productForm?: (typeof PRODUCT_FORMS)[number];
  waiting?: boolean;
}
const DEFAULT_SORT: SortState<Sort> = { sort: SCENARIO_LIST_DEFAULT.sort, dir: SCENARIO_LIST_DEFAULT.dir };

/** 一场景一审核 (HN-15): every scenario application in the caller's scope, with its review stage and clock. */
export function ScenarioList({ scopeText, canApply }: { scopeText: string; canApply: boolean }) {
  const t = useTranslations('scenarios');
  const ts = useTranslations('scenarios.scenario');
  const tp = useTranslations('catalog.registration.phase');
  const trpc = useTRPC();
  const state = useListState<Filters, Sort>(DEFAULT_SORT);
  const { filters, sort } = state;
  const list = useKeysetList(trpc.scenario.list, { ...state.query, limit: SCENARIO_LIST_DEFAULT.limit });
  const enumSelect = (key: 'status' | 'useCategory' | 'productForm', values: readonly string[], prefix: string, width: number) => (
    <Select aria-label={ts(`filters.${key}`)} placeholder={ts(`filters.${key}`)} allowClear value={filters[key]} style={{ width }}
      onChange={(v) => state.setFilter(key, v as never)} options={values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }))} />
  );
  const newButton = <Link href="/filings/scenarios/new"><Button type="primary" icon={<PlusOutlined />}>{ts('new')}</Button></Link>;
  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{ts('title')}</Typography.Title>}
      extra={<Space><ExportMenu path="/api/filings/scenarios/export" params={state.query} />{canApply && newButton}</Space>}
    >
      <Alert type="info" showIcon title={scopeText} description={<>{ts('basisHint')} <Cite code="HN-15" /></>} style={{ marginBottom: 16 }} />
      <ListToolbar state={state} searchPlaceholder={ts('searchPlaceholder')}>
        {enumSelect('status', STATUSES, 'status', 150)}
        {enumSelect('useCategory', USE_CATEGORIES, 'useCategory', 170)}
        {enumSelect('productForm', PRODUCT_FORMS, 'productForm', 140)}
        <Checkbox checked={!!filters.waiting} onChange={(e) => state.setFilter('waiting', e.target.checked || undefined)}>{t('waiting')}</Checkbox>
      </ListToolbar>
      <KeysetTable<ScenarioRow>
        list={list}
        state={state}
        empty={{ filteredText: ts('emptyFiltered'), emptyText: ts('empty'), hint: canApply ? ts('emptyHint') : undefined, action: canApply ? newButton : undefined }}
        columns={[
          { title: ts('cols.name'), key: 'name', dataIndex: 'name', sorter: true, sortOrder: sortOrderOf(sort, 'name'), render: (v: string, r) => <Link href={`/filings/scenarios/${r.id}`}>{v}</Link> },
          { title: ts('cols.status'), dataIndex: 'status', render: (v: string) => <StatusTag kind="status" status={v} /> },
          {
            title: <>{ts('cols.compliance')} <Cite plain code="HN-15.2">HN-15 ¶2</Cite></>, key: 'round',
            render: (_: unknown, r) => (r.latestRound ? ts('roundTag', { round: r.latestRound.round, status: t(`roundStatus.${r.latestRound.status}`) }) : '—'),
          },
          { title: ts('cols.product'), key: 'product', render: (_: unknown, r) => (r.latestProduct ? <Link href={`/filings/products/${r.latestProduct.id}`}>{r.latestProduct.registrationNo ?? tp(r.latestProduct.status)}</Link> : '—') },
          { title: ts('cols.due'), key: 'due', render: (_: unknown, r) => <OpenStepDue due={r.due} /> },
          { title: ts('cols.productForm'), dataIndex: 'productForm', render: (v: string) => t(`productForm.${v}`) },
          { title: ts('cols.useCategory'), dataIndex: 'useCategory', render: (v: string) => t(`useCategory.${v}`) },
          { title: ts('cols.resources'), dataIndex: 'resourceCount', align: 'right' as const, render: (n: number) => ts('resourceCount', { n }) },
          { title: ts('cols.operator'), dataIndex: 'operatorName', render: (v: string, r) => <>{v}<SuspensionTag s={r.operatorSuspension} /></> },
          { title: ts('cols.agency'), dataIndex: 'agencyName' },
          { title: ts('cols.updatedAt'), key: 'updatedAt', dataIndex: 'updatedAt', sorter: true, sortOrder: sortOrderOf(sort, 'updatedAt'), render: (v: Date) => fmtDateTime(v) },
        ]}
      />
    </Card>
  );
}
