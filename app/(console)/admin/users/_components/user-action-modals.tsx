'use client';

import { Form, Input, Select } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { ROLES_BY_ORG_TYPE, type OrgType, type Role } from '@/server/domain/roles';
import { useTRPC } from '@/server/trpc/react';
import type { UserRow } from '../../_components/defaults';
import { FormModal } from '@/app/_components/form-modal';
import { useMutationFeedback } from '@/app/_components/list-kit';
import type { PasswordRule } from './user-bits';
import { InitialPasswordItem } from './user-create-modal';

/** The row actions that need input: 停用 (with a reason), 重置密码 (a new initial password), 分配角色. */
export type UserAction = { kind: 'disable' | 'reset' | 'roles'; user: UserRow };

export function UserActionModal({ action, passwordRule, onClose }: { action: UserAction; passwordRule: PasswordRule; onClose: () => void }) {
  if (action.kind === 'disable') return <DisableModal user={action.user} onClose={onClose} />;
  if (action.kind === 'reset') return <ResetPasswordModal user={action.user} passwordRule={passwordRule} onClose={onClose} />;
  return <RolesModal user={action.user} onClose={onClose} />;
}

const who = (user: UserRow) => `${user.displayName}(${user.username})`;

function DisableModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const t = useTranslations('admin.users');
  const trpc = useTRPC();
  const [form] = Form.useForm<{ reason: string }>();
  const { done, onError } = useMutationFeedback(trpc.admin.pathKey(), { form, onDone: onClose });
  const m = useMutation(trpc.admin.user.disable.mutationOptions({ onSuccess: () => done(t('disabledDone')), onError }));
  return (
    <FormModal
      form={form}
      title={t('disableTitle', { name: who(user) })}
      okText={t('disableConfirm')}
      danger
      warning={t('disableWarning')}
      pending={m.isPending}
      onClose={onClose}
      initialValues={{ reason: '' }}
      onFinish={(v) => m.mutate({ id: user.id, version: user.version, reason: v.reason })}
    >
      <Form.Item label={t('disableReason')} name="reason" rules={[{ required: true, whitespace: true, message: t('disableReasonRequired') }]}>
        <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
      </Form.Item>
    </FormModal>
  );
}

function ResetPasswordModal({ user, passwordRule, onClose }: { user: UserRow; passwordRule: PasswordRule; onClose: () => void }) {
  const t = useTranslations('admin.users');
  const trpc = useTRPC();
  const [form] = Form.useForm<{ password: string }>();
  const { done, onError } = useMutationFeedback(trpc.admin.pathKey(), { form, onDone: onClose });
  const m = useMutation(trpc.admin.user.resetPassword.mutationOptions({ onSuccess: () => done(t('resetDone')), onError }));
  return (
    <FormModal
      form={form}
      title={t('resetTitle', { name: who(user) })}
      okText={t('resetConfirm')}
      danger
      warning={t('resetWarning')}
      pending={m.isPending}
      onClose={onClose}
      initialValues={{ password: '' }}
      onFinish={(v) => m.mutate({ id: user.id, version: user.version, password: v.password })}
    >
      <InitialPasswordItem label={t('resetNewPassword')} passwordRule={passwordRule} />
    </FormModal>
  );
}

function RolesModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const t = useTranslations('admin.users');
  const tr = useTranslations('roles');
  const trpc = useTRPC();
  const [form] = Form.useForm<{ roles: Role[] }>();
  const { done, onError } = useMutationFeedback(trpc.admin.pathKey(), { form, onDone: onClose });
  const m = useMutation(trpc.admin.user.setRoles.mutationOptions({ onSuccess: () => done(t('rolesSaved')), onError }));
  const allowed = ROLES_BY_ORG_TYPE[user.orgType as OrgType] ?? [];
  return (
    <FormModal
      form={form}
      title={t('setRolesTitle', { name: who(user) })}
      pending={m.isPending}
      onClose={onClose}
      initialValues={{ roles: user.roles }}
      onFinish={(v) => m.mutate({ id: user.id, version: user.version, roles: v.roles })}
    >
      <Form.Item label={t('org')}>
        <span>{user.orgName}({tr(`orgTypes.${user.orgType}`)})</span>
      </Form.Item>
      <Form.Item label={t('roles')} name="roles" extra={t('rolesHint')} rules={[{ required: true, type: 'array', min: 1, message: t('rolesRequired') }]}>
        <Select mode="multiple" showSearch={{ optionFilterProp: "label" }} options={allowed.map((r) => ({ value: r, label: tr(r) }))} />
      </Form.Item>
    </FormModal>
  );
}
