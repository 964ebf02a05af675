'use client';

import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Select, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { fmtDateTime } from '@/app/_components/format';
import { ExportMenu, KeysetTable, ListToolbar, sortOrderOf, useKeysetList, useListState, type SortState } from '@/app/_components/list-kit';
import { GRADES, RESOURCE_STATUSES, SHARE_TYPES, UPDATE_CYCLES } from '@/server/domain/catalog-terms';
import { useTRPC } from '@/server/trpc/react';
import { CATALOG_LIST_DEFAULT, type ResourceRow } from './defaults';
import { ImportDialog } from './import-dialog';
import { GradeTag, OperabilityTag, StatusTags } from './tags';

type Sort = 'updatedAt' | 'name' | 'code' | 'itemCount';
interface Filters {
  q?: string;
  regionCode?: string;
  providerOrgId?: string;
  grade?: (typeof GRADES)[number];
  shareType?: (typeof SHARE_TYPES)[number];
  status?: (typeof RESOURCE_STATUSES)[number];
  updateCycle?: (typeof UPDATE_CYCLES)[number];
  mine?: boolean;
}
const DEFAULT_SORT: SortState<Sort> = { sort: CATALOG_LIST_DEFAULT.sort, dir: CATALOG_LIST_DEFAULT.dir };
const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' };

/** The catalog (HN-9): province-wide for the province, the city's for a city, one's own for an agency. */
export function CatalogList({ scopeText, canWrite, wide }: { scopeText: string; canWrite: boolean; wide: boolean }) {
  const t = useTranslations('catalog');
  const trpc = useTRPC();
  const state = useListState<Filters, Sort>(DEFAULT_SORT);
  const { filters, sort } = state;
  const [importing, setImporting] = useState(false);
  const list = useKeysetList(trpc.catalog.resource.list, { ...state.query, limit: CATALOG_LIST_DEFAULT.limit });
  const facets = useQuery(trpc.catalog.resource.facets.queryOptions());

  /** A filter select; searchable when its options are many (regions, providers). */
  const filterSelect = <K extends keyof Filters>(key: K, label: string, options: { value: string; label: string }[], width: number, searchable = false) => (
    <Select
      aria-label={label}
      placeholder={label}
      allowClear
      showSearch={searchable ? { optionFilterProp: 'label' } : undefined}
      value={filters[key] as string | undefined}
      onChange={(v) => state.setFilter(key, v as Filters[K])}
      options={options}
      style={{ width }}
    />
  );
  const enumSelect = <K extends keyof Filters>(key: K, values: readonly string[], prefix: string, width = 130) =>
    filterSelect(key, t(`filters.${String(key)}`), values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) })), width);

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}
      extra={
        <Space>
          <ExportMenu path="/api/catalog/export" params={state.query} />
          {canWrite && <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>{t('importButton')}</Button>}
          {canWrite && <Link href="/catalog/new"><Button type="primary" icon={<PlusOutlined />}>{t('new')}</Button></Link>}
        </Space>
      }
    >
      <Alert type="info" showIcon title={scopeText} description={<>{t('basisHint')} <Cite code="HN-9" /></>} style={{ marginBottom: 16 }} />
      <ListToolbar state={state} searchPlaceholder={t('searchPlaceholder')}>
        {wide && filterSelect('regionCode', t('filters.region'), (facets.data?.regions ?? []).map((r) => ({ value: r.code, label: r.name })), 150, true)}
        {filterSelect('providerOrgId', t('filters.provider'), (facets.data?.providers ?? []).map((p) => ({ value: p.id, label: p.name })), 200, true)}
        {enumSelect('grade', GRADES, 'grade', 100)}
        {enumSelect('shareType', SHARE_TYPES, 'shareType')}
        {enumSelect('status', RESOURCE_STATUSES, 'status', 110)}
        {enumSelect('updateCycle', UPDATE_CYCLES, 'updateCycle', 120)}
        {canWrite && <Checkbox checked={!!filters.mine} onChange={(e) => state.setFilter('mine', e.target.checked || undefined)}>{t('mine')}</Checkbox>}
      </ListToolbar>
      <KeysetTable<ResourceRow>
        list={list}
        state={state}
        empty={{
          filteredText: t('emptyFiltered'),
          emptyText: t('empty'),
          hint: canWrite ? t('emptyHint') : undefined,
          action: canWrite ? <Link href="/catalog/new"><Button type="primary">{t('new')}</Button></Link> : undefined,
        }}
        columns={[
          { title: t('cols.code'), key: 'code', dataIndex: 'code', sorter: true, sortOrder: sortOrderOf(sort, 'code'), render: (v: string, r) => <Link href={`/catalog/${r.id}`} style={mono}>{v}</Link> },
          { title: t('cols.name'), key: 'name', dataIndex: 'name', sorter: true, sortOrder: sortOrderOf(sort, 'name'), render: (v: string, r) => <Link href={`/catalog/${r.id}`}>{v}</Link> },
          { title: t('cols.status'), dataIndex: 'status', render: (v: string, r) => <StatusTags status={v} publishedVersionNo={r.publishedVersionNo} /> },
          { title: t('cols.operability'), key: 'op', render: (_: unknown, r) => <OperabilityTag op={r.operability} /> },
          { title: t('cols.grade'), dataIndex: 'grade', render: (v: string) => <GradeTag grade={v} /> },
          ...(wide ? [{ title: t('cols.region'), dataIndex: 'regionName' }] : []),
          { title: t('cols.owner'), dataIndex: 'ownerName' },
          { title: t('cols.provider'), dataIndex: 'providerName' },
          { title: t('cols.shareType'), dataIndex: 'shareType', render: (v: string) => t(`shareType.${v}`) },
          { title: t('cols.updateCycle'), dataIndex: 'updateCycle', render: (v: string) => t(`updateCycle.${v}`) },
          { title: t('cols.itemCount'), key: 'itemCount', dataIndex: 'itemCount', sorter: true, sortOrder: sortOrderOf(sort, 'itemCount'), align: 'right' as const },
          { title: t('cols.updatedAt'), key: 'updatedAt', dataIndex: 'updatedAt', sorter: true, sortOrder: sortOrderOf(sort, 'updatedAt'), render: (v: Date) => fmtDateTime(v) },
        ]}
      />
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </Card>
  );
}
