'use client';

import { Form, Input, Select } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { ROLES_BY_ORG_TYPE, type OrgType, type Role } from '@/server/domain/roles';
import { useTRPC } from '@/server/trpc/react';
import { FormModal } from '@/app/_components/form-modal';
import { useMutationFeedback } from '@/app/_components/list-kit';
import { InitialPasswordInput, type PasswordRule } from './user-bits';

interface Values {
  username: string;
  displayName: string;
  orgId?: string;
  roles: Role[];
  password: string;
}

/** New account: the roles on offer are those the chosen organization's type allows (server/domain/roles.ts). */
export function UserCreateModal({ passwordRule, onClose }: { passwordRule: PasswordRule; onClose: () => void }) {
  const t = useTranslations('admin.users');
  const tr = useTranslations('roles');
  const trpc = useTRPC();
  const [form] = Form.useForm<Values>();
  const { done, onError } = useMutationFeedback(trpc.admin.pathKey(), { form, onDone: onClose });
  const orgs = useQuery(trpc.admin.org.options.queryOptions());
  const orgId = Form.useWatch('orgId', form);
  const orgType = orgs.data?.find((o) => o.id === orgId)?.type as OrgType | undefined;
  const allowed = orgType ? ROLES_BY_ORG_TYPE[orgType] : [];

  const create = useMutation(trpc.admin.user.create.mutationOptions({ onSuccess: () => done(t('created')), onError }));

  const onOrgChange = (id: string) => {
    const type = orgs.data?.find((o) => o.id === id)?.type as OrgType | undefined;
    const fit = type ? ROLES_BY_ORG_TYPE[type] : [];
    const kept = (form.getFieldValue('roles') as Role[]).filter((r) => fit.includes(r));
    // an organization type with a single possible role gets it preselected
    form.setFieldValue('roles', kept.length ? kept : fit.length === 1 ? [...fit] : []);
  };

  return (
    <FormModal
      form={form}
      title={t('createTitle')}
      pending={create.isPending}
      onClose={onClose}
      width={600}
      initialValues={{ username: '', displayName: '', orgId: undefined, roles: [], password: '' }}
      onFinish={(v) => create.mutate({ username: v.username, displayName: v.displayName, orgId: v.orgId!, roles: v.roles, password: v.password })}
    >
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', columnGap: 16 }}>
        <Form.Item label={t('username')} name="username" tooltip={t('usernameHint')} rules={[{ required: true, whitespace: true, message: t('usernameRequired') }]}>
          <Input maxLength={32} autoComplete="off" autoFocus />
        </Form.Item>
        <Form.Item label={t('displayName')} name="displayName" rules={[{ required: true, whitespace: true, message: t('displayNameRequired') }]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
      </div>
      <Form.Item label={t('org')} name="orgId" rules={[{ required: true, message: t('orgRequired') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('orgPlaceholder')}
          loading={orgs.isLoading}
          onChange={onOrgChange}
          options={(orgs.data ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.name, title: tr(`orgTypes.${o.type}`) }))}
        />
      </Form.Item>
      <Form.Item
        label={t('roles')}
        name="roles"
        extra={orgType ? `${t('rolesHint')}(${tr(`orgTypes.${orgType}`)})` : t('rolesPickOrgFirst')}
        rules={[{ required: true, type: 'array', min: 1, message: t('rolesRequired') }]}
      >
        <Select mode="multiple" showSearch={{ optionFilterProp: "label" }} disabled={!orgType} options={allowed.map((r) => ({ value: r, label: tr(r) }))} />
      </Form.Item>
      <InitialPasswordItem label={t('password')} passwordRule={passwordRule} />
    </FormModal>
  );
}

/** The initial-password field (new account, reset): typed or generated, with the policy's rule below. */
export function InitialPasswordItem({ label, passwordRule }: { label: string; passwordRule: PasswordRule }) {
  const t = useTranslations('admin.users');
  return (
    <Form.Item label={label} name="password" extra={t('passwordRule', { min: passwordRule.min, classes: passwordRule.classes })} rules={[{ required: true, message: t('passwordRequired') }]}>
      <InitialPasswordInput />
    </Form.Item>
  );
}
