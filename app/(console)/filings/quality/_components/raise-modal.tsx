'use client';

import { Alert, App, Form, Input, Radio, Select } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Cite } from '@/app/_components/citation';
import { FormModal } from '@/app/_components/form-modal';
import { useMutationError } from '@/app/_components/list-kit';
import { QUALITY_SUBJECTS } from '@/server/routers/reports/terms';
import { useTRPC } from '@/server/trpc/react';

interface Values {
  resourceId: string;
  subject: (typeof QUALITY_SUBJECTS)[number];
  itemName?: string | null;
  description: string;
}

/**
 * 提出数据校核需求 (HN-16): a resource of the operator's agreements in force, what the issue is
 * about (a data item picked from the resource's catalog items, the description, or sample data)
 * and the description. Submitting starts the provider's 7-working-day clock, so it is confirmed.
 */
export function RaiseModal({ onClose }: { onClose: () => void }) {
  const t = useTranslations('reports.quality.form');
  const ts = useTranslations('reports.quality.subject');
  const trpc = useTRPC();
  const router = useRouter();
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const resources = useQuery(trpc.quality.resourceOptions.queryOptions());
  const onError = useMutationError(trpc.quality.pathKey());
  const raise = useMutation(trpc.quality.raise.mutationOptions({
    onSuccess: async (r) => {
      message.success(t('done'));
      await qc.invalidateQueries({ queryKey: trpc.quality.pathKey() });
      router.push(`/filings/quality/${r.id}`);
    },
    onError: (err) => onError(err, form),
  }));
  const resourceId = Form.useWatch('resourceId', form);
  const subject = Form.useWatch('subject', form);
  const items = resources.data?.find((r) => r.id === resourceId)?.items ?? [];
  const noResources = resources.isSuccess && resources.data.length === 0;

  const onFinish = (v: Values) =>
    modal.confirm({
      title: t('confirmTitle'),
      content: t('confirmBody'),
      okText: t('submit'),
      onOk: () => raise.mutateAsync({ ...v, itemName: v.subject === 'item' ? v.itemName : null }).catch(() => undefined),
    });

  return (
    <FormModal<Values>
      form={form}
      title={<>{t('title')} <Cite code="HN-16" /></>}
      okText={t('submit')}
      width={640}
      pending={raise.isPending}
      onClose={onClose}
      initialValues={{ subject: 'item' }}
      onFinish={onFinish}
    >
      {noResources && <Alert type="warning" showIcon title={t('noResources')} style={{ marginBottom: 16 }} />}
      <Form.Item name="resourceId" label={t('resource')} extra={t('resourceHint')} rules={[{ required: true, message: t('resourceRequired') }]}>
        <Select
          aria-label={t('resource')}
          loading={resources.isLoading}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={() => form.setFieldValue('itemName', undefined)}
          options={(resources.data ?? []).map((r) => ({ value: r.id, label: `${r.code} ${r.name}(${r.providerName})` }))}
        />
      </Form.Item>
      <Form.Item name="subject" label={t('subject')} rules={[{ required: true, message: t('subject') }]}>
        <Radio.Group options={QUALITY_SUBJECTS.map((s) => ({ value: s, label: ts(s) }))} />
      </Form.Item>
      {subject === 'item' && (
        <Form.Item name="itemName" label={t('item')} extra={t('itemHint')} rules={[{ required: true, message: t('itemRequired') }]}>
          <Select aria-label={t('item')} disabled={!resourceId} options={items.map((n) => ({ value: n, label: n }))} />
        </Form.Item>
      )}
      <Form.Item
        name="description"
        label={subject === 'sample' ? t('sample') : t('description')}
        extra={subject === 'sample' ? t('sampleHint') : undefined}
        rules={[{ required: true, whitespace: true, min: 5, message: t('descriptionRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={4000} showCount aria-label={subject === 'sample' ? t('sample') : t('description')} />
      </Form.Item>
      <Alert type="info" showIcon title={<>{t('deadlineHint')} <Cite code="HN-16" /></>} />
    </FormModal>
  );
}
