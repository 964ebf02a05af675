'use client';

import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Cite } from '@/app/_components/citation';
import { DueTag } from '@/app/_components/due-tag';
import { fmtDateTime } from '@/app/_components/format';
import { ExportMenu, KeysetTable, ListToolbar, sortOrderOf, useKeysetList, useListState, type SortState } from '@/app/_components/list-kit';
import { useTRPC } from '@/server/trpc/react';
import { CAMPAIGN_LIST_DEFAULT, type CampaignRow } from './defaults';
import { CAMPAIGN_STEPS, CampaignStatusTag, KindText } from './parts';

type Sort = 'createdAt' | 'year' | 'name' | 'selfEndsOn';
interface Filters {
  q?: string;
  year?: number;
  targetKind?: 'agency' | 'operator';
  status?: (typeof CAMPAIGN_STEPS)[number];
}
const DEFAULT_SORT: SortState<Sort> = { sort: CAMPAIGN_LIST_DEFAULT.sort, dir: CAMPAIGN_LIST_DEFAULT.dir };

/** 年度评价 campaigns (HN-22): the owner's and the province's, the panel member's, the target's own. */
export function CampaignList({ scopeText, canManage }: { scopeText: string; canManage: boolean }) {
  const t = useTranslations('campaigns');
  const tl = useTranslations('campaigns.list');
  const trpc = useTRPC();
  const state = useListState<Filters, Sort>(DEFAULT_SORT);
  const { filters, sort } = state;
  const list = useKeysetList(trpc.campaign.list, { ...state.query, limit: CAMPAIGN_LIST_DEFAULT.limit });
  const thisYear = new Date().getFullYear();
  const createButton = canManage ? <Link href="/evaluation/campaigns/new"><Button type="primary" icon={<PlusOutlined />}>{tl('create')}</Button></Link> : undefined;

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}
      extra={<Space><ExportMenu path="/api/evaluation/campaigns/export" params={state.query} />{createButton}</Space>}
    >
      <Alert type="info" showIcon title={scopeText} description={<>{tl('basisHint')} <Cite code="HN-22" /></>} style={{ marginBottom: 16 }} />
      <ListToolbar state={state} searchPlaceholder={tl('searchPlaceholder')}>
        <Select
          aria-label={tl('filters.year')}
          placeholder={tl('filters.year')}
          allowClear
          value={filters.year}
          onChange={(v) => state.setFilter('year', v)}
          options={[0, 1, 2, 3].map((d) => ({ value: thisYear - d, label: tl('yearOption', { year: thisYear - d }) }))}
          style={{ width: 120 }}
        />
        <Select
          aria-label={tl('filters.kind')}
          placeholder={tl('filters.kind')}
          allowClear
          value={filters.targetKind}
          onChange={(v) => state.setFilter('targetKind', v)}
          options={(['agency', 'operator'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          style={{ width: 150 }}
        />
        <Select
          aria-label={tl('filters.status')}
          placeholder={tl('filters.status')}
          allowClear
          value={filters.status}
          onChange={(v) => state.setFilter('status', v)}
          options={CAMPAIGN_STEPS.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          style={{ width: 130 }}
        />
      </ListToolbar>
      <KeysetTable<CampaignRow>
        list={list}
        state={state}
        empty={{ filteredText: tl('emptyFiltered'), emptyText: tl('empty'), hint: canManage ? tl('emptyHint') : tl('emptyHintOther'), action: createButton }}
        columns={[
          {
            title: tl('cols.name'), key: 'name', dataIndex: 'name', sorter: true, sortOrder: sortOrderOf(sort, 'name'),
            render: (v: string, r) => <Link href={`/evaluation/campaigns/${r.id}`}>{v}</Link>,
          },
          { title: tl('cols.year'), key: 'year', dataIndex: 'year', sorter: true, sortOrder: sortOrderOf(sort, 'year'), width: 90 },
          { title: <>{tl('cols.kind')} <Cite plain code="HN-22" /></>, key: 'kind', render: (_: unknown, r) => <KindText kind={r.targetKind} cite={false} /> },
          { title: tl('cols.status'), key: 'status', render: (_: unknown, r) => <CampaignStatusTag status={r.status} /> },
          { title: tl('cols.role'), key: 'role', render: (_: unknown, r) => t(`viewer.${r.viewer}`) },
          { title: tl('cols.owner'), dataIndex: 'ownerName' },
          { title: tl('cols.targets'), key: 'targets', align: 'right', render: (_: unknown, r) => (r.targetCount ?? '—') },
          { title: tl('cols.panel'), key: 'panel', align: 'right', render: (_: unknown, r) => (r.panelCount ?? '—') },
          {
            title: tl('cols.due'), key: 'selfEndsOn', sorter: true, sortOrder: sortOrderOf(sort, 'selfEndsOn'),
            render: (_: unknown, r) => (r.due ? <Space size={4} wrap><span>{r.due.on}</span><DueTag dueAt={r.due.dueAt} status={r.due.status} basis="HN-22" /></Space> : '—'),
          },
          { title: tl('cols.createdAt'), key: 'createdAt', dataIndex: 'createdAt', sorter: true, sortOrder: sortOrderOf(sort, 'createdAt'), render: (v: Date) => fmtDateTime(v) },
        ]}
      />
    </Card>
  );
}
