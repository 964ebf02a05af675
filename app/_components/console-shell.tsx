'use client';

import { AlertOutlined, ApartmentOutlined, AuditOutlined, BookOutlined, DatabaseOutlined, FileProtectOutlined, InboxOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined, SettingOutlined, TrophyOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Layout, Menu, Space, Tag, Typography, type MenuProps } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useMemo } from 'react';
import { logoutAction } from '@/app/login/actions';
import { LocaleSwitch } from './locale-switch';
import { visibleMenu, type MenuEntry } from './menu';

export interface ShellUser {
  displayName: string;
  username: string;
  orgName: string;
  roles: string[];
  permissions: string[];
}

const ICONS: Record<string, React.ReactNode> = {
  home: <InboxOutlined />,
  directory: <ApartmentOutlined />,
  regulations: <BookOutlined />,
  catalogGroup: <DatabaseOutlined />,
  filingGroup: <FileProtectOutlined />,
  evaluationGroup: <TrophyOutlined />,
  supervisionGroup: <AlertOutlined />,
  adminGroup: <SettingOutlined />,
  securityGroup: <SafetyOutlined />,
  auditGroup: <AuditOutlined />,
};

export function ConsoleShell({ user, children }: { user: ShellUser; children: React.ReactNode }) {
  const t = useTranslations('nav');
  const tc = useTranslations('common');
  const tr = useTranslations('roles');
  const pathname = usePathname();

  const items = useMemo<MenuProps['items']>(() => {
    const entries = visibleMenu(user.permissions);
    const out: NonNullable<MenuProps['items']> = [];
    const groups = new Map<string, MenuEntry[]>();
    for (const e of entries) {
      if (!e.group) {
        out.push({ key: e.href, icon: ICONS[e.label], label: <Link href={e.href}>{t(e.label)}</Link> });
        continue;
      }
      if (!groups.has(e.group)) {
        groups.set(e.group, []);
        out.push({ key: e.group, icon: ICONS[e.group], label: t(e.group), children: [] });
      }
      groups.get(e.group)!.push(e);
    }
    for (const item of out) {
      if (item && 'children' in item && groups.has(String(item.key))) {
        item.children = groups.get(String(item.key))!.map((e) => ({ key: e.href, label: <Link href={e.href}>{t(e.label)}</Link> }));
      }
    }
    return out;
  }, [user.permissions, t]);

  const selected = useMemo(() => {
    const all = visibleMenu(user.permissions).map((e) => e.href).sort((a, b) => b.length - a.length);
    return all.find((h) => (h === '/' ? pathname === '/' : pathname.startsWith(h))) ?? '/';
  }, [pathname, user.permissions]);
  const openGroups = visibleMenu(user.permissions).filter((e) => e.group).map((e) => e.group!);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={220} breakpoint="lg" collapsedWidth={64} theme="light" style={{ borderRight: '1px solid #eef0f3' }} className="no-print">
        <div style={{ padding: '16px 16px 8px', fontWeight: 600, color: '#1d4ed8', lineHeight: 1.3 }}>
          <Link href="/">{tc('appShort')}</Link>
        </div>
        <Menu mode="inline" items={items} selectedKeys={[selected]} defaultOpenKeys={[...new Set(openGroups)]} aria-label="主导航" />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="no-print" style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #eef0f3' }}>
          <Typography.Text strong ellipsis style={{ minWidth: 0, flex: '1 1 auto', marginRight: 16 }}>{tc('appName')}</Typography.Text>
          <Space size="middle" style={{ flex: '0 0 auto' }}>
            <LocaleSwitch />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'pw', icon: <KeyOutlined />, label: <Link href="/account/password">{t('changePassword')}</Link> },
                  { type: 'divider' },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('logout'), onClick: () => void logoutAction() },
                ],
              }}
            >
              <Space style={{ cursor: 'pointer' }} data-testid="user-menu" role="button" aria-label={t('account')} align="center">
                <Avatar size="small" icon={<UserOutlined />} />
                <span style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.35 }}>
                  <span data-testid="user-name">{user.displayName}</span>
                  <Typography.Text type="secondary" data-testid="user-org" ellipsis style={{ maxWidth: 240, fontSize: 12 }} title={user.orgName}>{user.orgName}</Typography.Text>
                </span>
                {user.roles.map((r) => (
                  <Tag key={r} color="blue" data-testid="user-role" style={{ marginInlineEnd: 0 }}>{tr(r)}</Tag>
                ))}
              </Space>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
