'use client';

import { Form, Input, Select, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Cite } from '@/app/_components/citation';
import { FormModal } from '@/app/_components/form-modal';
import { useMutationFeedback } from '@/app/_components/list-kit';
import { useTRPC } from '@/server/trpc/react';
import type { SelectionDetail } from './defaults';
import { useRequired } from './tags';

interface Values {
  productId: string;
  developerOrgId: string;
  criteria: string;
  capability: string;
  need: string;
  scenarioCompliance: string;
  securityRisk: string;
}
const ASSESSMENTS = ['capability', 'need', 'scenarioCompliance', 'securityRisk'] as const;

/**
 * HN-17 ¶1: 按照准入条件和应用场景公开公平选择二级开发主体,对其资质能力、需求合理性、场景合规性、
 * 安全风险性等进行评估. New (for one of the caller's registered products) or revised.
 */
export function SelectionForm({ selection, onClose }: { selection?: SelectionDetail; onClose: () => void }) {
  const tf = useTranslations('scenarios.developer.form');
  const trpc = useTRPC();
  const router = useRouter();
  const [form] = Form.useForm<Values>();
  const options = useQuery(trpc.developer.options.queryOptions());
  const { done, onError } = useMutationFeedback(trpc.developer.pathKey(), { form, onDone: onClose });
  const create = useMutation(trpc.developer.create.mutationOptions({
    onSuccess: async (row) => {
      await done(tf('created'));
      router.push(`/filings/developers/${row.id}`);
    },
    onError,
  }));
  const update = useMutation(trpc.developer.update.mutationOptions({ onSuccess: () => done(tf('saved')), onError }));
  const required = useRequired();
  const submit = ({ productId, ...v }: Values) => (selection ? update.mutate({ id: selection.id, version: selection.version, ...v }) : create.mutate({ productId, ...v }));
  const initial = selection
    ? { productId: selection.productId, developerOrgId: selection.developerOrgId, criteria: selection.criteria, capability: selection.capability, need: selection.need, scenarioCompliance: selection.scenarioCompliance, securityRisk: selection.securityRisk }
    : {};
  const products = selection ? [{ id: selection.productId, name: selection.productName, registrationNo: selection.registrationNo }] : options.data?.products ?? [];

  return (
    <FormModal form={form} title={<>{selection ? tf('editTitle') : tf('newTitle')} <Cite code="HN-17.1">HN-17 ¶1</Cite></>} okText={tf('save')} width={760}
      pending={create.isPending || update.isPending} onClose={onClose} initialValues={initial} onFinish={submit}>
      <Form.Item name="productId" label={tf('product')} extra={options.data && !products.length ? tf('noProduct') : tf('productHint')} rules={[{ required: true, message: tf('product') }]}>
        <Select aria-label={tf('product')} disabled={!!selection} loading={options.isLoading}
          options={products.map((p) => ({ value: p.id, label: `${p.name}(${p.registrationNo ?? ''})` }))} />
      </Form.Item>
      <Form.Item name="developerOrgId" label={tf('developer')} rules={[{ required: true, message: tf('developer') }]}>
        <Select aria-label={tf('developer')} showSearch={{ optionFilterProp: 'label' }} loading={options.isLoading}
          options={(options.data?.developers ?? []).map((d) => ({ value: d.id, label: d.name }))} />
      </Form.Item>
      <Form.Item name="criteria" label={<>{tf('criteria')} <Cite code="HN-17.1">HN-17 ¶1</Cite></>} rules={required(tf('criteria'))}>
        <Input.TextArea rows={2} maxLength={2000} aria-label={tf('criteria')} />
      </Form.Item>
      <Typography.Text strong>{tf('assessments')} <Cite code="HN-17.1">HN-17 ¶1</Cite></Typography.Text>
      {ASSESSMENTS.map((a) => (
        <Form.Item key={a} name={a} label={tf(a)} rules={required(tf(a))} style={{ marginTop: 8 }}>
          <Input.TextArea rows={2} maxLength={2000} aria-label={tf(a)} />
        </Form.Item>
      ))}
    </FormModal>
  );
}
