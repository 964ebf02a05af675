'use client';

import { Alert, Card, Select, Space, Tag, Typography } from 'antd';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { ORG_TYPES, type OrgType } from '@/server/domain/roles';
import { useTRPC } from '@/server/trpc/react';
import { DIRECTORY_LIST_DEFAULT, type DirectoryRow } from '../../admin/_components/defaults';
import { ListEmpty, KeysetTable, SearchBox, sortOrderOf, useListState, type SortState } from '@/app/_components/list-kit';

type DirSort = 'name' | 'regionCode';
const DEFAULT_SORT: SortState<DirSort> = { sort: DIRECTORY_LIST_DEFAULT.sort, dir: DIRECTORY_LIST_DEFAULT.dir };
const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' };

/** The organizations the caller may see (the server scopes the list; DESIGN §1). Read-only. */
export function DirectoryList({ scopeText }: { scopeText: string }) {
  const t = useTranslations('admin.directory');
  const tr = useTranslations('roles');
  const trpc = useTRPC();
  const state = useListState<{ q?: string; type?: OrgType }, DirSort>(DEFAULT_SORT);
  const { filters, sort } = state;

  const input = { ...state.active, ...sort, limit: DIRECTORY_LIST_DEFAULT.limit };
  const list = useInfiniteQuery({
    ...trpc.directory.org.list.infiniteQueryOptions(input, { getNextPageParam: (p) => p.nextCursor }),
    placeholderData: keepPreviousData,
  });

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}>
      <Alert type="info" showIcon title={scopeText} style={{ marginBottom: 16 }} />
      <Space wrap style={{ marginBottom: 16 }}>
        <SearchBox placeholder={t('searchPlaceholder')} {...state.search} />
        <Select
          aria-label={t('type')}
          placeholder={t('allTypes')}
          allowClear
          value={filters.type}
          onChange={(v) => state.setFilter('type', v)}
          options={ORG_TYPES.map((v) => ({ value: v, label: tr(`orgTypes.${v}`) }))}
          style={{ width: 200 }}
        />
      </Space>
      <KeysetTable<DirectoryRow>
        list={list}
        onChange={state.onTableChange}
        empty={<ListEmpty filtered={state.filtered} filteredText={t('emptyFiltered')} emptyText={t('empty')} onClear={state.clear} />}
        columns={[
          { title: t('name'), key: 'name', dataIndex: 'name', sorter: true, sortOrder: sortOrderOf(sort, 'name') },
          { title: t('creditCode'), dataIndex: 'creditCode', render: (v: string) => <span style={mono}>{v}</span> },
          { title: t('type'), dataIndex: 'type', render: (v: string) => <Tag>{tr(`orgTypes.${v}`)}</Tag> },
          { title: t('region'), key: 'regionCode', dataIndex: 'regionName', sorter: true, sortOrder: sortOrderOf(sort, 'regionCode') },
          { title: t('industry'), dataIndex: 'industry', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}
