'use client';

import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { fmtDateTime } from '@/app/_components/format';
import { ExportMenu, KeysetTable, ListToolbar, sortOrderOf, useKeysetList, useListState, type SortState } from '@/app/_components/list-kit';
import { useTRPC } from '@/server/trpc/react';
import { DISCLOSURE_LIST_DEFAULT, type DisclosureRow } from './defaults';
import { DisclosureForm } from './disclosure-form';
import { usePeriodLabel } from './period-label';
import { StatusTag } from './tags';

type Sort = 'updatedAt' | 'period';
interface Filters {
  q?: string;
  status?: 'draft' | 'published';
}
const DEFAULT_SORT: SortState<Sort> = { sort: DISCLOSURE_LIST_DEFAULT.sort, dir: DISCLOSURE_LIST_DEFAULT.dir };

/** Usage disclosures (HN-17 ¶2): the operator's drafts and published ones; others read the published. */
export function DisclosureList({ canWrite, defaultPeriod }: { canWrite: boolean; defaultPeriod: string }) {
  const t = useTranslations('scenarios');
  const td = useTranslations('scenarios.disclosure');
  const trpc = useTRPC();
  const period = usePeriodLabel();
  const state = useListState<Filters, Sort>(DEFAULT_SORT);
  const { filters, sort } = state;
  const [creating, setCreating] = useState(false);
  const list = useKeysetList(trpc.disclosure.list, { ...state.query, limit: DISCLOSURE_LIST_DEFAULT.limit });
  const newButton = <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{td('new')}</Button>;
  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{td('title')}</Typography.Title>}
      extra={<Space><Link href="/open" target="_blank">{t('product.publicLink')}</Link><ExportMenu path="/api/filings/disclosures/export" params={state.query} />{canWrite && newButton}</Space>}
    >
      <Alert type="info" showIcon title={<>{td('basisHint')} <Cite code="HN-17.2">HN-17 ¶2</Cite></>} style={{ marginBottom: 16 }} />
      <ListToolbar state={state} searchPlaceholder={td('searchPlaceholder')}>
        <Select aria-label={td('filters.status')} placeholder={td('filters.status')} allowClear value={filters.status} style={{ width: 120 }}
          onChange={(v) => state.setFilter('status', v)} options={(['draft', 'published'] as const).map((s) => ({ value: s, label: t(`disclosureStatus.${s}`) }))} />
      </ListToolbar>
      <KeysetTable<DisclosureRow>
        list={list}
        state={state}
        empty={{ filteredText: td('emptyFiltered'), emptyText: td('empty'), hint: canWrite ? td('emptyHint') : undefined, action: canWrite ? newButton : undefined }}
        columns={[
          { title: td('cols.period'), key: 'period', dataIndex: 'period', sorter: true, sortOrder: sortOrderOf(sort, 'period'), render: (v: string) => period(v) },
          { title: td('cols.title'), dataIndex: 'title', render: (v: string, r) => <Link href={`/filings/disclosures/${r.id}`}>{v}</Link> },
          { title: td('cols.status'), dataIndex: 'status', render: (v: string) => <StatusTag kind="disclosureStatus" status={v} /> },
          { title: td('cols.operator'), dataIndex: 'operatorName' },
          { title: td('cols.publishedAt'), dataIndex: 'publishedAt', render: (v: Date | null) => fmtDateTime(v) },
          { title: td('cols.updatedAt'), key: 'updatedAt', dataIndex: 'updatedAt', sorter: true, sortOrder: sortOrderOf(sort, 'updatedAt'), render: (v: Date) => fmtDateTime(v) },
        ]}
      />
      {creating && <DisclosureForm defaultPeriod={defaultPeriod} onClose={() => setCreating(false)} />}
    </Card>
  );
}
