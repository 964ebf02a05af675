'use client';

import { Alert, App, Checkbox, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Cite } from '@/app/_components/citation';
import { FormModal } from '@/app/_components/form-modal';
import { applyServerErrors } from '@/app/_components/use-form-errors';
import { REGISTRATION_KINDS } from '@/server/domain/catalog-terms';
import { useTRPC } from '@/server/trpc/react';

interface Values {
  resourceId: string;
  kind: (typeof REGISTRATION_KINDS)[number];
  description?: string;
  notAsset: boolean;
  assetOwner?: string | null;
  bookValue?: number | null;
  notAssetBasis?: string | null;
}

/**
 * 资源登记申请 (HN-10). The form does not pre-empt the authority: a refusal (catalog entry not
 * published, asset-management record missing; HN-10 ¶2) comes from the server and is shown here
 * with its article.
 */
export function RegistrationFormModal({ resourceId, onClose }: { resourceId?: string; onClose: () => void }) {
  const t = useTranslations('catalog.registration');
  const tk = useTranslations('catalog.registration.kind');
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const options = useQuery({ ...trpc.catalog.registration.resourceOptions.queryOptions({ q: search || undefined }), enabled: !resourceId });
  const notAsset = Form.useWatch('notAsset', form);
  const create = useMutation(trpc.catalog.registration.create.mutationOptions({
    onSuccess: async () => {
      message.success(t('form.submitted'));
      await qc.invalidateQueries({ queryKey: trpc.catalog.pathKey() });
      onClose();
    },
    onError: (err) => setRefusal(applyServerErrors(form, err)),
  }));

  return (
    <FormModal<Values>
      form={form}
      title={<>{t('form.title')} <Cite code="HN-10" /></>}
      okText={t('form.submit')}
      width={640}
      pending={create.isPending}
      onClose={onClose}
      initialValues={{ resourceId, kind: 'initial', notAsset: false }}
      onFinish={(v) => {
        setRefusal(null);
        create.mutate({ ...v, description: v.description ?? '', bookValue: v.bookValue ?? null });
      }}
    >
      {refusal && <Alert type="error" showIcon data-testid="registration-refusal" title={refusal} style={{ marginBottom: 16 }} />}
      {!resourceId && (
        <Form.Item name="resourceId" label={t('form.resource')} extra={t('form.resourceHint')} rules={[{ required: true, message: t('form.resource') }]}>
          <Select
            aria-label={t('form.resource')}
            showSearch={{ filterOption: false, onSearch: setSearch }}
            loading={options.isFetching}
            options={(options.data ?? []).map((r) => ({ value: r.id, label: `${r.code} ${r.name}${r.publishedVersionNo ? '' : `(${t('form.unpublished')})`}` }))}
          />
        </Form.Item>
      )}
      <Form.Item name="kind" label={t('form.kind')} rules={[{ required: true }]}>
        <Radio.Group options={REGISTRATION_KINDS.map((k) => ({ value: k, label: tk(k) }))} />
      </Form.Item>
      <Form.Item name="description" label={t('form.description')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      <Form.Item label={<>{t('form.asset')} <Cite code="HN-10" /></>} style={{ marginBottom: 0 }}>
        <Form.Item name="notAsset" valuePropName="checked"><Checkbox>{t('form.notAsset')}</Checkbox></Form.Item>
        {notAsset ? (
          <Form.Item name="notAssetBasis" label={t('form.notAssetBasis')}><Input.TextArea rows={2} maxLength={500} aria-label={t('form.notAssetBasis')} /></Form.Item>
        ) : (
          <>
            <Form.Item name="assetOwner" label={t('form.assetOwner')}><Input maxLength={100} aria-label={t('form.assetOwner')} /></Form.Item>
            <Form.Item name="bookValue" label={t('form.bookValue')}><InputNumber min={0} precision={2} style={{ width: 220 }} aria-label={t('form.bookValue')} /></Form.Item>
          </>
        )}
      </Form.Item>
    </FormModal>
  );
}
