'use client';

import { Descriptions, Drawer, Space, Spin, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { fmtDateTime } from '@/app/_components/format';
import { useTRPC } from '@/server/trpc/react';
import { UserStatusTags } from './user-bits';

/** Read-only details of one account, fresh from the server. */
export function UserDrawer({ userId, onClose }: { userId: string; onClose: () => void }) {
  const t = useTranslations('admin.users');
  const tr = useTranslations('roles');
  const trpc = useTRPC();
  const { data: u, isLoading } = useQuery(trpc.admin.user.get.queryOptions({ id: userId }));
  return (
    <Drawer open title={t('details')} onClose={onClose} size={480} destroyOnHidden>
      {isLoading || !u ? (
        <Spin />
      ) : (
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            { key: 'username', label: t('username'), children: u.username },
            { key: 'displayName', label: t('displayName'), children: u.displayName },
            { key: 'org', label: t('org'), children: `${u.orgName}(${tr(`orgTypes.${u.orgType}`)})` },
            { key: 'roles', label: t('roles'), children: <Space size={4} wrap>{u.roles.map((r) => <Tag key={r}>{tr(r)}</Tag>)}</Space> },
            { key: 'status', label: t('status'), children: <UserStatusTags status={u.status} lockedUntil={u.lockedUntil} /> },
            { key: 'failed', label: t('failedAttempts'), children: u.failedAttempts },
            { key: 'lastLogin', label: t('lastLogin'), children: u.lastLoginAt ? fmtDateTime(u.lastLoginAt) : t('never') },
            { key: 'pwd', label: t('passwordChangedAt'), children: fmtDateTime(u.passwordChangedAt) },
            { key: 'created', label: t('createdAt'), children: fmtDateTime(u.createdAt) },
          ]}
        />
      )}
    </Drawer>
  );
}
