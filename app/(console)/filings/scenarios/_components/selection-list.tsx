'use client';

import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Select, Space, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { fmtDateTime } from '@/app/_components/format';
import { ExportMenu, KeysetTable, ListToolbar, sortOrderOf, useKeysetList, useListState, type SortState } from '@/app/_components/list-kit';
import { useTRPC } from '@/server/trpc/react';
import { SELECTION_LIST_DEFAULT, type SelectionRow } from './defaults';
import { SelectionForm } from './selection-form';
import { OpenStepDue, StatusTag } from './tags';

type Sort = 'updatedAt';
const STATUSES = ['draft', 'submitted', 'approved', 'returned', 'contracted'] as const;
interface Filters {
  q?: string;
  status?: (typeof STATUSES)[number];
  waiting?: boolean;
}
const DEFAULT_SORT: SortState<Sort> = { sort: SELECTION_LIST_DEFAULT.sort, dir: SELECTION_LIST_DEFAULT.dir };

/** Secondary developers selected for registered products (HN-17 ¶1), their review and application agreements. */
export function SelectionList({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations('scenarios');
  const td = useTranslations('scenarios.developer');
  const trpc = useTRPC();
  const state = useListState<Filters, Sort>(DEFAULT_SORT);
  const { filters, sort } = state;
  const [creating, setCreating] = useState(false);
  const list = useKeysetList(trpc.developer.list, { ...state.query, limit: SELECTION_LIST_DEFAULT.limit });
  const newButton = <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{td('new')}</Button>;
  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{td('title')}</Typography.Title>}
      extra={<Space><ExportMenu path="/api/filings/developers/export" params={state.query} />{canWrite && newButton}</Space>}
    >
      <Alert type="info" showIcon title={<>{td('basisHint')} <Cite code="HN-17.1">HN-17 ¶1</Cite></>} style={{ marginBottom: 16 }} />
      <ListToolbar state={state} searchPlaceholder={td('searchPlaceholder')}>
        <Select aria-label={td('filters.status')} placeholder={td('filters.status')} allowClear value={filters.status} style={{ width: 160 }}
          onChange={(v) => state.setFilter('status', v)} options={STATUSES.map((s) => ({ value: s, label: t(`selectionStatus.${s}`) }))} />
        <Checkbox checked={!!filters.waiting} onChange={(e) => state.setFilter('waiting', e.target.checked || undefined)}>{t('waiting')}</Checkbox>
      </ListToolbar>
      <KeysetTable<SelectionRow>
        list={list}
        state={state}
        empty={{ filteredText: td('emptyFiltered'), emptyText: td('empty'), hint: canWrite ? td('emptyHint') : undefined, action: canWrite ? newButton : undefined }}
        columns={[
          { title: td('cols.developer'), dataIndex: 'developerName', render: (v: string, r) => <Link href={`/filings/developers/${r.id}`}>{v}</Link> },
          { title: td('cols.product'), dataIndex: 'productName' },
          { title: td('cols.status'), dataIndex: 'status', render: (v: string) => <StatusTag kind="selectionStatus" status={v} /> },
          { title: td('cols.due'), key: 'due', render: (_: unknown, r) => <OpenStepDue due={r.due} /> },
          { title: td('cols.operator'), dataIndex: 'operatorName' },
          { title: td('cols.agency'), dataIndex: 'agencyName' },
          { title: td('cols.term'), key: 'term', render: (_: unknown, r) => (r.agreement ? `${r.agreement.startsOn} ~ ${r.agreement.endsOn}` : '—') },
          { title: td('cols.updatedAt'), key: 'updatedAt', dataIndex: 'updatedAt', sorter: true, sortOrder: sortOrderOf(sort, 'updatedAt'), render: (v: Date) => fmtDateTime(v) },
        ]}
      />
      {creating && <SelectionForm onClose={() => setCreating(false)} />}
    </Card>
  );
}
