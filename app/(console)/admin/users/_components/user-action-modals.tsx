'use client';

import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { ROLES_BY_ORG_TYPE, type OrgType, type Role } from '@/server/domain/roles';
import { useTRPC } from '@/server/trpc/react';
import type { UserRow } from '../../_components/defaults';
import { useMutationError } from '@/app/_components/list-kit';
import { InitialPasswordInput, type PasswordRule } from './user-bits';

/** The row actions that need input: 停用 (with a reason), 重置密码 (a new initial password), 分配角色. */
export type UserAction = { kind: 'disable' | 'reset' | 'roles'; user: UserRow };

function useDone(onClose: () => void) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  return async (text: string) => {
    message.success(text);
    await qc.invalidateQueries({ queryKey: trpc.admin.pathKey() });
    onClose();
  };
}

export function UserActionModal({ action, passwordRule, onClose }: { action: UserAction; passwordRule: PasswordRule; onClose: () => void }) {
  if (action.kind === 'disable') return <DisableModal user={action.user} onClose={onClose} />;
  if (action.kind === 'reset') return <ResetPasswordModal user={action.user} passwordRule={passwordRule} onClose={onClose} />;
  return <RolesModal user={action.user} onClose={onClose} />;
}

function DisableModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const t = useTranslations('admin.users');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const [form] = Form.useForm<{ reason: string }>();
  const onError = useMutationError(trpc.admin.pathKey());
  const done = useDone(onClose);
  const m = useMutation(trpc.admin.user.disable.mutationOptions({ onSuccess: () => done(t('disabledDone')), onError: (e) => onError(e, form) }));
  return (
    <Modal
      open
      title={t('disableTitle', { name: `${user.displayName}(${user.username})` })}
      okText={t('disableConfirm')}
      okButtonProps={{ danger: true }}
      cancelText={tc('cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('disableWarning')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" initialValues={{ reason: '' }} onFinish={(v) => m.mutate({ id: user.id, version: user.version, reason: v.reason })}>
        <Form.Item label={t('disableReason')} name="reason" rules={[{ required: true, whitespace: true, message: t('disableReasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResetPasswordModal({ user, passwordRule, onClose }: { user: UserRow; passwordRule: PasswordRule; onClose: () => void }) {
  const t = useTranslations('admin.users');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const [form] = Form.useForm<{ password: string }>();
  const onError = useMutationError(trpc.admin.pathKey());
  const done = useDone(onClose);
  const m = useMutation(trpc.admin.user.resetPassword.mutationOptions({ onSuccess: () => done(t('resetDone')), onError: (e) => onError(e, form) }));
  return (
    <Modal
      open
      title={t('resetTitle', { name: `${user.displayName}(${user.username})` })}
      okText={t('resetConfirm')}
      okButtonProps={{ danger: true }}
      cancelText={tc('cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('resetWarning')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" initialValues={{ password: '' }} onFinish={(v) => m.mutate({ id: user.id, version: user.version, password: v.password })}>
        <Form.Item
          label={t('resetNewPassword')}
          name="password"
          extra={t('passwordRule', { min: passwordRule.min, classes: passwordRule.classes })}
          rules={[{ required: true, message: t('passwordRequired') }]}
        >
          <InitialPasswordInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RolesModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const t = useTranslations('admin.users');
  const tr = useTranslations('roles');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const [form] = Form.useForm<{ roles: Role[] }>();
  const onError = useMutationError(trpc.admin.pathKey());
  const done = useDone(onClose);
  const m = useMutation(trpc.admin.user.setRoles.mutationOptions({ onSuccess: () => done(t('rolesSaved')), onError: (e) => onError(e, form) }));
  const allowed = ROLES_BY_ORG_TYPE[user.orgType as OrgType] ?? [];
  return (
    <Modal
      open
      title={t('setRolesTitle', { name: `${user.displayName}(${user.username})` })}
      okText={tc('save')}
      cancelText={tc('cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ roles: user.roles }} onFinish={(v) => m.mutate({ id: user.id, version: user.version, roles: v.roles })} style={{ marginTop: 16 }}>
        <Form.Item label={t('org')}>
          <span>{user.orgName}({tr(`orgTypes.${user.orgType}`)})</span>
        </Form.Item>
        <Form.Item label={t('roles')} name="roles" extra={t('rolesHint')} rules={[{ required: true, type: 'array', min: 1, message: t('rolesRequired') }]}>
          <Select mode="multiple" showSearch={{ optionFilterProp: "label" }} options={allowed.map((r) => ({ value: r, label: tr(r) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
