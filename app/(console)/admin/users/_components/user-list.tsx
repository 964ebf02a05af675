'use client';

import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNow, useTranslations } from 'next-intl';
import { useState } from 'react';
import { fmtDateTime } from '@/app/_components/format';
import { ROLES, type Role } from '@/server/domain/roles';
import { useTRPC } from '@/server/trpc/react';
import { USER_LIST_DEFAULT, type UserRow } from '../../_components/defaults';
import { ExportMenu, KeysetTable, ListToolbar, sortOrderOf, useKeysetList, useListState, useMutationFeedback, type SortState } from '@/app/_components/list-kit';
import { UserActionModal, type UserAction } from './user-action-modals';
import { isLocked, UserStatusTags, type PasswordRule } from './user-bits';
import { UserCreateModal } from './user-create-modal';
import { UserDrawer } from './user-drawer';

type UserSort = 'username' | 'displayName' | 'orgName' | 'createdAt' | 'lastLoginAt';
type StatusFilter = 'active' | 'pending_password' | 'disabled' | 'locked';
interface Filters {
  q?: string;
  orgId?: string;
  role?: Role;
  status?: StatusFilter;
}
const DEFAULT_SORT: SortState<UserSort> = { sort: USER_LIST_DEFAULT.sort, dir: USER_LIST_DEFAULT.dir };

export function UserList({ canWrite, selfId, passwordRule }: { canWrite: boolean; selfId: string; passwordRule: PasswordRule }) {
  const t = useTranslations('admin.users');
  const tr = useTranslations('roles');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const { modal } = App.useApp();
  const { done, onError } = useMutationFeedback(trpc.admin.pathKey());
  const now = useNow({ updateInterval: 30_000 });

  const state = useListState<Filters, UserSort>(DEFAULT_SORT);
  const { filters, sort } = state;
  const [creating, setCreating] = useState(false);
  const [action, setAction] = useState<UserAction | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);

  const list = useKeysetList(trpc.admin.user.list, { ...state.query, limit: USER_LIST_DEFAULT.limit });
  const orgs = useQuery(trpc.admin.org.options.queryOptions());

  const enable = useMutation(trpc.admin.user.enable.mutationOptions({ onSuccess: () => done(t('enabledDone')), onError }));
  const unlock = useMutation(trpc.admin.user.unlock.mutationOptions({ onSuccess: () => done(t('unlockedDone')), onError }));
  const who = (u: UserRow) => `${u.displayName}(${u.username})`;

  const confirmEnable = (u: UserRow) =>
    modal.confirm({
      title: t('enableTitle', { name: who(u) }),
      content: t('enableBody'),
      okText: t('enable'),
      onOk: () => enable.mutateAsync({ id: u.id, version: u.version }).catch(() => undefined),
    });
  const confirmUnlock = (u: UserRow) =>
    modal.confirm({
      title: t('unlockTitle', { name: who(u) }),
      content: t('unlockBody', { at: fmtDateTime(u.lockedUntil) }),
      okText: t('unlock'),
      onOk: () => unlock.mutateAsync({ id: u.id, version: u.version }).catch(() => undefined),
    });


  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>}
      extra={
        <Space>
          <ExportMenu path="/api/admin/users/export" params={state.query} />
          {canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('create')}</Button>}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>{t('subtitle')}</Typography.Paragraph>
      <ListToolbar state={state} searchPlaceholder={t('searchPlaceholder')}>
        <Select
          aria-label={t('org')}
          placeholder={t('allOrgs')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={filters.orgId}
          onChange={(v) => state.setFilter('orgId', v)}
          options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          style={{ width: 240 }}
          popupMatchSelectWidth={320}
        />
        <Select
          aria-label={t('roles')}
          placeholder={t('allRoles')}
          allowClear
          value={filters.role}
          onChange={(v) => state.setFilter('role', v)}
          options={ROLES.map((r) => ({ value: r, label: tr(r) }))}
          style={{ width: 180 }}
        />
        <Select
          aria-label={t('status')}
          placeholder={t('allStatus')}
          allowClear
          value={filters.status}
          onChange={(v) => state.setFilter('status', v)}
          options={[
            { value: 'active', label: tr('userStatus.active') },
            { value: 'pending_password', label: tr('userStatus.pending_password') },
            { value: 'disabled', label: tr('userStatus.disabled') },
            { value: 'locked', label: t('statusLocked') },
          ]}
          style={{ width: 160 }}
        />
      </ListToolbar>
      <KeysetTable<UserRow>
        list={list}
        state={state}
        empty={{
          filteredText: t('emptyFiltered'),
          emptyText: t('empty'),
          hint: t('emptyHint'),
          action: canWrite && <Button type="primary" onClick={() => setCreating(true)}>{t('create')}</Button>,
        }}
        columns={[
          {
            title: t('username'),
            key: 'username',
            dataIndex: 'username',
            sorter: true,
            sortOrder: sortOrderOf(sort, 'username'),
            render: (v: string, r) => (
              <Space size={4}>
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setViewing(r.id)}>{v}</Button>
                {r.id === selfId && <Tag color="blue">{t('self')}</Tag>}
              </Space>
            ),
          },
          { title: t('displayName'), key: 'displayName', dataIndex: 'displayName', sorter: true, sortOrder: sortOrderOf(sort, 'displayName') },
          { title: t('org'), key: 'orgName', dataIndex: 'orgName', sorter: true, sortOrder: sortOrderOf(sort, 'orgName') },
          {
            title: t('roles'),
            dataIndex: 'roles',
            width: 160,
            render: (v: string[]) => <Space size={[4, 4]} wrap>{v.map((r) => <Tag key={r}>{tr(r)}</Tag>)}</Space>,
          },
          { title: t('status'), dataIndex: 'status', render: (v: string, r) => <UserStatusTags status={v} lockedUntil={r.lockedUntil} /> },
          {
            title: t('lastLogin'),
            key: 'lastLoginAt',
            dataIndex: 'lastLoginAt',
            sorter: true,
            sortOrder: sortOrderOf(sort, 'lastLoginAt'),
            render: (v: Date | null) => (v ? fmtDateTime(v) : <Typography.Text type="secondary">{t('never')}</Typography.Text>),
          },
          ...(canWrite
            ? [
                {
                  title: tc('actions'),
                  key: 'actions',
                  fixed: 'right' as const,
                  render: (_: unknown, r: UserRow) => {
                    const self = r.id === selfId;
                    const disabled = r.status === 'disabled';
                    return (
                      <Space size={0} wrap>
                        <Tooltip title={self ? t('selfRoles') : undefined}>
                          <Button type="link" size="small" disabled={self} onClick={() => setAction({ kind: 'roles', user: r })}>{t('setRoles')}</Button>
                        </Tooltip>
                        {!disabled && <Button type="link" size="small" onClick={() => setAction({ kind: 'reset', user: r })}>{t('resetPassword')}</Button>}
                        {isLocked(r.lockedUntil, now) && <Button type="link" size="small" onClick={() => confirmUnlock(r)}>{t('unlock')}</Button>}
                        {disabled ? (
                          <Button type="link" size="small" onClick={() => confirmEnable(r)}>{t('enable')}</Button>
                        ) : (
                          !self && <Button type="link" size="small" danger onClick={() => setAction({ kind: 'disable', user: r })}>{t('disable')}</Button>
                        )}
                      </Space>
                    );
                  },
                },
              ]
            : []),
        ]}
      />
      {creating && <UserCreateModal passwordRule={passwordRule} onClose={() => setCreating(false)} />}
      {action && <UserActionModal action={action} passwordRule={passwordRule} onClose={() => setAction(null)} />}
      {viewing && <UserDrawer userId={viewing} onClose={() => setViewing(null)} />}
    </Card>
  );
}
