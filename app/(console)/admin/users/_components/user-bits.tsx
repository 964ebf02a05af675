'use client';

import { Button, Input, Space, Tag, Tooltip } from 'antd';
import { useNow, useTranslations } from 'next-intl';
import { useState } from 'react';
import { fmtDateTime } from '@/app/_components/format';
import { randomPassword } from '@/app/_components/list-kit';

/** Security-policy numbers for the password hint, read on the server from the secadmin's policy. */
export interface PasswordRule {
  min: number;
  classes: number;
}

/** Whether a login lockout is still running (the lockout itself is set by server/auth/login.ts). */
export function isLocked(lockedUntil: Date | null | undefined, now: Date): boolean {
  return !!lockedUntil && new Date(lockedUntil).getTime() > now.getTime();
}

const STATUS_COLOR: Record<string, string> = { active: 'green', pending_password: 'orange', disabled: 'default' };

/** 正常 / 待修改初始密码 / 已停用, plus 已锁定至 … while a lockout runs. */
export function UserStatusTags({ status, lockedUntil }: { status: string; lockedUntil: Date | null }) {
  const t = useTranslations('admin.users');
  const tr = useTranslations('roles');
  const now = useNow({ updateInterval: 30_000 });
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLOR[status] ?? 'default'}>{tr(`userStatus.${status}`)}</Tag>
      {isLocked(lockedUntil, now) && <Tag color="red">{t('lockedUntil', { at: fmtDateTime(lockedUntil) })}</Tag>}
    </Space>
  );
}

/**
 * The initial-password field: typed or generated from the browser's CSPRNG. Forwards the Form.Item
 * id to the input, so that the label names the field.
 */
export function InitialPasswordInput({ id, value, onChange }: { id?: string; value?: string; onChange?: (v: string) => void }) {
  const t = useTranslations('common.list');
  const [visible, setVisible] = useState(false);
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input.Password
        id={id}
        value={value}
        onChange={(e) => onChange?.(e.target.value)}
        autoComplete="new-password"
        visibilityToggle={{ visible, onVisibleChange: setVisible }}
      />
      <Tooltip title={t('generated')}>
        <Button
          onClick={() => {
            onChange?.(randomPassword());
            setVisible(true);
          }}
        >
          {t('generate')}
        </Button>
      </Tooltip>
    </Space.Compact>
  );
}
