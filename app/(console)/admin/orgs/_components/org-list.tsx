'use client';

import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { fmtDateTime } from '@/app/_components/format';
import { OrgTypeFilter } from '@/app/_components/org-type-filter';
import type { OrgType } from '@/server/domain/roles';
import { useTRPC } from '@/server/trpc/react';
import { ORG_LIST_DEFAULT, type OrgRow } from '../../_components/defaults';
import { ExportMenu, KeysetTable, ListToolbar, sortOrderOf, useKeysetList, useListState, useMutationFeedback, type SortState } from '@/app/_components/list-kit';
import { OrgFormModal } from './org-form-modal';

type OrgSort = 'name' | 'creditCode' | 'regionCode' | 'type' | 'createdAt';
interface Filters {
  q?: string;
  type?: OrgType;
  regionCode?: string;
  active?: boolean;
}
const DEFAULT_SORT: SortState<OrgSort> = { sort: ORG_LIST_DEFAULT.sort, dir: ORG_LIST_DEFAULT.dir };
const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' };

export function OrgList({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations('admin.orgs');
  const tr = useTranslations('roles');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const { modal } = App.useApp();
  const { done, onError } = useMutationFeedback(trpc.admin.pathKey());

  const state = useListState<Filters, OrgSort>(DEFAULT_SORT);
  const { filters, sort } = state;
  const [editing, setEditing] = useState<OrgRow | 'new' | null>(null);

  const list = useKeysetList(trpc.admin.org.list, { ...state.query, limit: ORG_LIST_DEFAULT.limit });
  const regions = useQuery(trpc.admin.region.list.queryOptions());

  const toggle = useMutation(trpc.admin.org.update.mutationOptions({ onSuccess: (row) => done(row.active ? t('enabledDone') : t('disabledDone')), onError }));
  const setActive = (r: OrgRow, active: boolean) => {
    const payload = {
      id: r.id, version: r.version, active, name: r.name, creditCode: r.creditCode, type: r.type as OrgType,
      regionCode: r.regionCode, industry: r.industry, cii: r.cii,
    };
    modal.confirm({
      title: active ? t('enableConfirmTitle', { name: r.name }) : t('disableConfirmTitle', { name: r.name }),
      content: active ? undefined : t('disableConfirmBody', { n: r.userCount }),
      okText: active ? t('enable') : t('disable'),
      okButtonProps: { danger: !active },
      onOk: () => toggle.mutateAsync(payload).catch(() => undefined),
    });
  };


  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}
      extra={
        <Space>
          <ExportMenu path="/api/admin/orgs/export" params={state.query} />
          {canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('create')}</Button>}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>{t('subtitle')}</Typography.Paragraph>
      <ListToolbar state={state} searchPlaceholder={t('searchPlaceholder')}>
        <OrgTypeFilter label={t('type')} placeholder={t('allTypes')} value={filters.type} onChange={(v) => state.setFilter('type', v)} />
        <Select
          aria-label={t('region')}
          placeholder={t('allRegions')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={filters.regionCode}
          onChange={(v) => state.setFilter('regionCode', v)}
          options={(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
          style={{ width: 200 }}
        />
        <Select
          aria-label={t('status')}
          placeholder={t('allStatus')}
          allowClear
          value={filters.active === undefined ? undefined : String(filters.active)}
          onChange={(v?: string) => state.setFilter('active', v === undefined ? undefined : v === 'true')}
          options={[{ value: 'true', label: t('enabled') }, { value: 'false', label: t('disabled') }]}
          style={{ width: 130 }}
        />
      </ListToolbar>
      <KeysetTable<OrgRow>
        list={list}
        state={state}
        empty={{
          filteredText: t('emptyFiltered'),
          emptyText: t('empty'),
          hint: t('emptyHint'),
          action: canWrite && <Button type="primary" onClick={() => setEditing('new')}>{t('create')}</Button>,
        }}
        columns={[
          {
            title: t('name'),
            key: 'name',
            dataIndex: 'name',
            sorter: true,
            sortOrder: sortOrderOf(sort, 'name'),
            render: (v: string, r) => (
              <Space size={4} wrap>
                <span>{v}</span>
                {r.cii && (
                  <Tooltip title={t('ciiHint')}>
                    <Tag color="volcano">{t('ciiShort')}</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          { title: t('creditCode'), key: 'creditCode', dataIndex: 'creditCode', sorter: true, sortOrder: sortOrderOf(sort, 'creditCode'), render: (v: string) => <span style={mono}>{v}</span> },
          { title: t('type'), key: 'type', dataIndex: 'type', sorter: true, sortOrder: sortOrderOf(sort, 'type'), render: (v: string) => tr(`orgTypes.${v}`) },
          {
            title: t('region'),
            key: 'regionCode',
            dataIndex: 'regionName',
            sorter: true,
            sortOrder: sortOrderOf(sort, 'regionCode'),
            render: (v: string, r) => (
              <span>
                {v} <Typography.Text type="secondary" style={{ fontSize: 12, ...mono }}>{r.regionCode}</Typography.Text>
              </span>
            ),
          },
          { title: t('industry'), dataIndex: 'industry', render: (v: string | null) => v ?? '—' },
          { title: t('users'), dataIndex: 'userCount', align: 'right' },
          { title: t('status'), dataIndex: 'active', render: (v: boolean) => (v ? <Tag color="green">{t('enabled')}</Tag> : <Tag>{t('disabled')}</Tag>) },
          { title: t('createdAt'), key: 'createdAt', dataIndex: 'createdAt', sorter: true, sortOrder: sortOrderOf(sort, 'createdAt'), render: (v: Date) => fmtDateTime(v) },
          ...(canWrite
            ? [
                {
                  title: tc('actions'),
                  key: 'actions',
                  width: 120,
                  fixed: 'right' as const,
                  render: (_: unknown, r: OrgRow) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditing(r)}>{tc('edit')}</Button>
                      {r.active ? (
                        <Button type="link" size="small" danger onClick={() => setActive(r, false)}>{t('disable')}</Button>
                      ) : (
                        <Button type="link" size="small" onClick={() => setActive(r, true)}>{t('enable')}</Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <OrgFormModal org={editing === 'new' ? null : editing} regions={regions.data ?? []} onClose={() => setEditing(null)} />}
    </Card>
  );
}
