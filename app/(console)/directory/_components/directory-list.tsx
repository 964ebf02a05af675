'use client';

import { Alert, Card, Tag, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { OrgTypeFilter } from '@/app/_components/org-type-filter';
import { SuspensionTag } from '@/app/_components/suspension-tag';
import type { OrgType } from '@/server/domain/roles';
import { useTRPC } from '@/server/trpc/react';
import { DIRECTORY_LIST_DEFAULT, type DirectoryRow } from '../../admin/_components/defaults';
import { KeysetTable, ListToolbar, sortOrderOf, useKeysetList, useListState, type SortState } from '@/app/_components/list-kit';

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

  const list = useKeysetList(trpc.directory.org.list, { ...state.query, limit: DIRECTORY_LIST_DEFAULT.limit });

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}>
      <Alert type="info" showIcon title={scopeText} style={{ marginBottom: 16 }} />
      <ListToolbar state={state} searchPlaceholder={t('searchPlaceholder')} reset={false}>
        <OrgTypeFilter label={t('type')} placeholder={t('allTypes')} value={filters.type} onChange={(v) => state.setFilter('type', v)} />
      </ListToolbar>
      <KeysetTable<DirectoryRow>
        list={list}
        state={state}
        empty={{ filteredText: t('emptyFiltered'), emptyText: t('empty') }}
        columns={[
          { title: t('name'), key: 'name', dataIndex: 'name', sorter: true, sortOrder: sortOrderOf(sort, 'name'), render: (v: string, r) => <>{v}<SuspensionTag s={r.suspension} /></> },
          { title: t('creditCode'), dataIndex: 'creditCode', render: (v: string) => <span style={mono}>{v}</span> },
          { title: t('type'), dataIndex: 'type', render: (v: string) => <Tag>{tr(`orgTypes.${v}`)}</Tag> },
          { title: t('region'), key: 'regionCode', dataIndex: 'regionName', sorter: true, sortOrder: sortOrderOf(sort, 'regionCode') },
          { title: t('industry'), dataIndex: 'industry', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}
