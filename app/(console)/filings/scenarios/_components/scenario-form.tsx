'use client';

import { Alert, App, Button, Checkbox, Form, Input, Radio, Select, Space, Tooltip, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Cite } from '@/app/_components/citation';
import { useMutationFeedback } from '@/app/_components/list-kit';
import { ToneTag } from '@/app/_components/tone-tag';
import type { ProductForm, UseCategory } from '@/server/domain/filings-terms';
import { PRODUCT_FORMS, USE_CATEGORIES } from '@/server/domain/filings-terms';
import { useTRPC } from '@/server/trpc/react';
import { mono, type ScenarioDetail } from './defaults';
import { useRequired } from './tags';

interface Values {
  agreementId: string;
  name: string;
  description: string;
  purpose: string;
  productForm: ProductForm;
  useCategory: UseCategory;
  resourceIds: string[];
}

/**
 * The scenario and data-demand application of HN-15 ¶1, new or revised: under one of the caller's
 * filed agreements in force (HN-13 ¶2, HN-14(2)), the data picked from that agreement's resources.
 */
export function ScenarioForm({ scenario, onDone }: { scenario?: ScenarioDetail; onDone?: () => void }) {
  const t = useTranslations('scenarios');
  const tf = useTranslations('scenarios.scenario.form');
  const trpc = useTRPC();
  const router = useRouter();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const options = useQuery(trpc.scenario.agreementOptions.queryOptions());
  const agreementId = Form.useWatch('agreementId', form) ?? scenario?.agreement.id;
  const agreement = options.data?.find((a) => a.id === agreementId);
  // on revision the agreement may have left its term: its resources are the scenario's own
  const resources = agreement?.resources ?? scenario?.resources ?? [];
  const { onError } = useMutationFeedback(trpc.scenario.pathKey(), { form });
  const create = useMutation(trpc.scenario.create.mutationOptions({
    onSuccess: (row) => {
      message.success(tf('created'));
      router.push(`/filings/scenarios/${row.id}`);
    },
    onError,
  }));
  const { done, onError: onUpdateError } = useMutationFeedback(trpc.scenario.pathKey(), { form, onDone });
  const update = useMutation(trpc.scenario.update.mutationOptions({ onSuccess: () => done(t('scenario.detail.done.update')), onError: onUpdateError }));

  const submit = (v: Values) => {
    if (scenario) update.mutate({ id: scenario.id, version: scenario.version, ...v });
    else create.mutate(v);
  };
  const required = useRequired();
  const initial: Partial<Values> = scenario
    ? { agreementId: scenario.agreement.id, name: scenario.name, description: scenario.description, purpose: scenario.purpose, productForm: scenario.productForm as ProductForm, useCategory: scenario.useCategory as UseCategory, resourceIds: scenario.resourceIds }
    : { agreementId: options.data?.length === 1 ? options.data[0].id : undefined, resourceIds: [] };

  if (!scenario && options.data && options.data.length === 0) return <Alert type="warning" showIcon title={tf('noAgreement')} description={<Cite code="HN-15" />} />;
  if (!scenario && !options.data) return null;

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="scenario-form" style={{ maxWidth: 880 }}>
      <Form.Item name="agreementId" label={<>{tf('agreement')} <Cite code="HN-13.2">HN-13 ¶2</Cite></>} extra={tf('agreementHint')} rules={[{ required: true, message: tf('agreement') }]}>
        <Select aria-label={tf('agreement')} disabled={!!scenario} onChange={() => form.setFieldValue('resourceIds', [])}
          options={(options.data ?? (scenario ? [{ id: scenario.agreement.id, name: scenario.agreement.name, agencyName: scenario.agencyName, startsOn: scenario.agreement.startsOn, endsOn: scenario.agreement.endsOn }] : [])).map((a) => ({
            value: a.id, label: `${a.name}(${tf('agreementTerm', { agency: a.agencyName, start: a.startsOn, end: a.endsOn })})`,
          }))} />
      </Form.Item>
      <Form.Item name="name" label={<>{tf('name')} <Cite code="HN-15" /></>} rules={required(tf('name'))}>
        <Input maxLength={100} aria-label={tf('name')} />
      </Form.Item>
      <Form.Item name="description" label={<>{tf('description')} <Cite code="HN-15" /></>} extra={tf('descriptionHint')} rules={required(tf('description'))}>
        <Input.TextArea rows={3} maxLength={2000} showCount aria-label={tf('description')} />
      </Form.Item>
      <Form.Item name="purpose" label={<>{tf('purpose')} <Cite code="HN-15" /></>} rules={required(tf('purpose'))}>
        <Input.TextArea rows={2} maxLength={1000} aria-label={tf('purpose')} />
      </Form.Item>
      <Space size={24} wrap align="start">
        <Form.Item name="productForm" label={tf('productForm')} rules={[{ required: true, message: tf('productForm') }]}>
          <Select aria-label={tf('productForm')} style={{ width: 200 }} options={PRODUCT_FORMS.map((f) => ({ value: f, label: t(`productForm.${f}`) }))} />
        </Form.Item>
        <Form.Item name="useCategory" label={<>{tf('useCategory')} <Cite code="HN-12(6)" /></>} rules={[{ required: true, message: tf('useCategory') }]}>
          <Radio.Group aria-label={tf('useCategory')} options={USE_CATEGORIES.map((c) => ({ value: c, label: t(`useCategory.${c}`) }))} />
        </Form.Item>
      </Space>
      <Form.Item name="resourceIds" label={<>{tf('resources')} <Cite code="HN-15" /> <Cite code="HN-10.2">HN-10 ¶2</Cite></>} extra={tf('resourcesHint')} rules={[{ required: true, type: 'array', min: 1, message: tf('resources') }]}>
        <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          {resources.map((r) => (
            <Checkbox key={r.id} value={r.id} disabled={!r.operability.operable && !scenario?.resourceIds.includes(r.id)} aria-label={r.name}>
              <Typography.Text style={mono}>{r.code}</Typography.Text> {r.name}{' '}
              {!r.operability.operable && <Tooltip title={r.operability.message}><ToneTag tone="red">{tf('notOperable')}</ToneTag></Tooltip>}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>{tf('save')}</Button>
    </Form>
  );
}
