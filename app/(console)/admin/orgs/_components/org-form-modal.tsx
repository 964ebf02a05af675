'use client';

import { App, Form, Input, Select, Switch, Tag } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { ORG_TYPES, type OrgType } from '@/server/domain/roles';
import { useTRPC } from '@/server/trpc/react';
import type { OrgRow, RegionRow } from '../../_components/defaults';
import { FormModal } from '@/app/_components/form-modal';
import { useMutationFeedback } from '@/app/_components/list-kit';

interface OrgFormValues {
  name: string;
  creditCode: string;
  type?: OrgType;
  regionCode?: string;
  industry?: string | null;
  cii: boolean;
  active: boolean;
}

/** Create or edit an organization. Mounted while open, so that each opening starts from the row. */
export function OrgFormModal({ org, regions, onClose }: { org: OrgRow | null; regions: RegionRow[]; onClose: () => void }) {
  const t = useTranslations('admin.orgs');
  const tr = useTranslations('roles');
  const trpc = useTRPC();
  const { modal } = App.useApp();
  const [form] = Form.useForm<OrgFormValues>();
  const { done, onError } = useMutationFeedback(trpc.admin.pathKey(), { form, onDone: onClose });
  const type = Form.useWatch('type', form);

  const create = useMutation(trpc.admin.org.create.mutationOptions({ onSuccess: () => done(t('created')), onError }));
  const update = useMutation(trpc.admin.org.update.mutationOptions({ onSuccess: () => done(t('updated')), onError }));

  const submit = (v: OrgFormValues) => {
    const fields = { name: v.name, creditCode: v.creditCode, type: v.type!, regionCode: v.regionCode!, industry: v.industry || null, cii: v.cii };
    if (!org) return create.mutate(fields);
    const save = () => update.mutate({ ...fields, id: org.id, version: org.version, active: v.active });
    if (org.active && !v.active) {
      modal.confirm({
        title: t('disableConfirmTitle', { name: org.name }),
        content: t('disableConfirmBody', { n: org.userCount }),
        okText: t('disable'),
        okButtonProps: { danger: true },
        onOk: save,
      });
      return;
    }
    save();
  };

  const initialValues: OrgFormValues = org
    ? { name: org.name, creditCode: org.creditCode, type: org.type as OrgType, regionCode: org.regionCode, industry: org.industry, cii: org.cii, active: org.active }
    : { name: '', creditCode: '', type: undefined, regionCode: undefined, industry: '', cii: false, active: true };

  return (
    <FormModal
      form={form}
      title={org ? t('editTitle') : t('createTitle')}
      pending={create.isPending || update.isPending}
      onClose={onClose}
      width={600}
      initialValues={initialValues}
      onFinish={submit}
      requiredMark
    >
      <Form.Item label={t('name')} name="name" rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}>
        <Input maxLength={100} autoFocus />
      </Form.Item>
      <Form.Item
        label={t('creditCode')}
        name="creditCode"
        extra={t('creditCodeHint')}
        normalize={(v: string) => v?.toUpperCase().replace(/\s/g, '')}
        rules={[
          { required: true, message: t('creditCodeRequired') },
          { len: 18, message: t('creditCodeLength') },
        ]}
      >
        <Input maxLength={18} style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', letterSpacing: 1 }} autoComplete="off" />
      </Form.Item>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', columnGap: 16 }}>
        <Form.Item label={t('type')} name="type" rules={[{ required: true, message: t('typeRequired') }]}>
          <Select options={ORG_TYPES.map((v) => ({ value: v, label: tr(`orgTypes.${v}`) }))} />
        </Form.Item>
        <Form.Item label={t('region')} name="regionCode" rules={[{ required: true, message: t('regionRequired') }]} tooltip={t('regionHint')}>
          <Select
            showSearch={{ optionFilterProp: 'search' }}
            options={regions.map((r) => ({
              value: r.code,
              search: `${r.name} ${r.code}`,
              label: (
                <span>
                  {r.name} <span style={{ color: '#8c8c8c', fontSize: 12 }}>{r.code}</span>
                  {r.internal && <Tag style={{ marginLeft: 6 }}>{t('internal')}</Tag>}
                </span>
              ),
            }))}
          />
        </Form.Item>
      </div>
      <Form.Item
        label={t('industry')}
        name="industry"
        extra={t('industryHint')}
        dependencies={['type']}
        rules={[{ required: type === 'industry_dept', whitespace: true, message: t('industryRequired') }]}
      >
        <Input maxLength={50} placeholder={t('industryPlaceholder')} />
      </Form.Item>
      <Form.Item label={t('cii')} name="cii" valuePropName="checked" extra={t('ciiHint')}>
        <Switch />
      </Form.Item>
      {org && (
        <Form.Item label={t('active')} name="active" valuePropName="checked" extra={t('activeHint')}>
          <Switch checkedChildren={t('enabled')} unCheckedChildren={t('disabled')} />
        </Form.Item>
      )}
    </FormModal>
  );
}
