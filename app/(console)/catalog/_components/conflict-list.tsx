'use client';

import { Alert, Card, Checkbox, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { ToneTag } from '@/app/_components/tone-tag';
import Link from 'next/link';
import { Cite } from '@/app/_components/citation';
import { ExportMenu, KeysetTable, ListToolbar, useKeysetList, useListState, type SortState } from '@/app/_components/list-kit';
import { useTRPC } from '@/server/trpc/react';
import { CONFLICT_LIST_DEFAULT, type ConflictRow } from './defaults';

const NO_SORT: SortState<'id'> = { sort: 'id', dir: 'asc' };

/** 一数一源 conflicts province-wide (HN-9), for the province. */
export function ConflictList() {
  const t = useTranslations('catalog.conflicts');
  const trpc = useTRPC();
  const state = useListState<{ q?: string; unresolved?: boolean }, 'id'>(NO_SORT);
  const list = useKeysetList(trpc.catalog.conflicts.list, { ...state.active, limit: CONFLICT_LIST_DEFAULT.limit });
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>} extra={<ExportMenu path="/api/catalog/conflicts/export" params={state.active} />}>
      <Alert type="info" showIcon title={<>{t('hint')} <Cite code="HN-9" /></>} style={{ marginBottom: 16 }} />
      <ListToolbar state={state} searchPlaceholder={t('searchPlaceholder')}>
        <Checkbox checked={!!state.filters.unresolved} onChange={(e) => state.setFilter('unresolved', e.target.checked || undefined)}>{t('unresolved')}</Checkbox>
      </ListToolbar>
      <KeysetTable<ConflictRow>
        list={list}
        state={state}
        empty={{ filteredText: t('emptyFiltered'), emptyText: t('empty') }}
        columns={[
          { title: t('item'), dataIndex: 'itemName', render: (v: string, r) => <>{v}{r.fieldCode ? <Typography.Text type="secondary"> ({r.fieldCode})</Typography.Text> : null}</> },
          { title: t('resource'), key: 'res', render: (_: unknown, r) => <Link href={`/catalog/${r.resourceId}`}>{r.resourceCode} {r.resourceName}</Link> },
          { title: t('provider'), dataIndex: 'providerName' },
          { title: t('other'), key: 'other', render: (_: unknown, r) => <><Link href={`/catalog/${r.otherResourceId}`}>{r.otherResourceCode} {r.otherResourceName}</Link> · {r.otherProviderName}「{r.otherItemName}」</> },
          {
            title: t('resolution'),
            key: 'resolution',
            render: (_: unknown, r) => r.resolution === 'link' ? <ToneTag tone="blue">{t('link')}</ToneTag>
              : r.resolution === 'second' ? <ToneTag tone="gold" title={r.justification ?? ''}>{t('second')}:{r.justification}</ToneTag>
              : <ToneTag tone="red">{t('pending')}</ToneTag>,
          },
        ]}
      />
    </Card>
  );
}
