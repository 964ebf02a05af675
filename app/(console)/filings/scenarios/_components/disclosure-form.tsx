'use client';

import { Form, Input, Select, Space } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { Cite } from '@/app/_components/citation';
import { FormModal } from '@/app/_components/form-modal';
import { useMutationFeedback } from '@/app/_components/list-kit';
import { parsePeriod } from '@/server/routers/scenarios/terms';
import { useTRPC } from '@/server/trpc/react';
import type { DisclosureDetail } from './defaults';
import { useRequired } from './tags';

const PARTS = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', 'Y'] as const;

/** A disclosure period: a year and a quarter, a half or the whole year. */
function PeriodInput({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  const t = useTranslations('scenarios');
  const v = value ? parsePeriod(value) : null;
  const thisYear = new Date().getFullYear();
  const year = v?.year ?? thisYear;
  const part = v?.part ?? 'Q1';
  const emit = (y: number, p: string) => onChange?.(p === 'Y' ? String(y) : `${y}-${p}`);
  return (
    <Space>
      <Select aria-label={t('disclosure.form.year')} value={year} style={{ width: 110 }} onChange={(y) => emit(y, part)}
        options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: String(y) }))} />
      <Select aria-label={t('disclosure.form.part')} value={part} style={{ width: 130 }} onChange={(p) => emit(year, p)}
        options={PARTS.map((p) => ({ value: p, label: t(`periodPart.${p}`) }))} />
    </Space>
  );
}

interface Values {
  period: string;
  title: string;
  body: string;
}

/** HN-17 ¶2: 定期向社会披露公共数据资源使用情况 — a draft for one period, new or revised. */
export function DisclosureForm({ disclosure, defaultPeriod, onClose }: { disclosure?: DisclosureDetail; defaultPeriod: string; onClose: () => void }) {
  const tf = useTranslations('scenarios.disclosure.form');
  const trpc = useTRPC();
  const router = useRouter();
  const [form] = Form.useForm<Values>();
  const { done, onError } = useMutationFeedback(trpc.disclosure.pathKey(), { form, onDone: onClose });
  const create = useMutation(trpc.disclosure.create.mutationOptions({
    onSuccess: async (row) => {
      await done(tf('created'));
      router.push(`/filings/disclosures/${row.id}`);
    },
    onError,
  }));
  const update = useMutation(trpc.disclosure.update.mutationOptions({ onSuccess: () => done(tf('saved')), onError }));
  const required = useRequired();
  const initial = disclosure ? { period: disclosure.period, title: disclosure.title, body: disclosure.body } : { period: defaultPeriod, title: '', body: '' };
  return (
    <FormModal form={form} title={<>{disclosure ? tf('editTitle') : tf('newTitle')} <Cite code="HN-17.2">HN-17 ¶2</Cite></>} okText={tf('save')} width={760}
      pending={create.isPending || update.isPending} onClose={onClose} initialValues={initial}
      onFinish={(v) => (disclosure ? update.mutate({ id: disclosure.id, version: disclosure.version, ...v }) : create.mutate(v))}>
      <Form.Item name="period" label={tf('period')} rules={[{ required: true, message: tf('period') }]}>
        <PeriodInput />
      </Form.Item>
      <Form.Item name="title" label={tf('title')} rules={required(tf('title'))}>
        <Input maxLength={100} aria-label={tf('title')} />
      </Form.Item>
      <Form.Item name="body" label={<>{tf('body')} <Cite code="HN-17.2">HN-17 ¶2</Cite></>} extra={tf('bodyHint')} rules={required(tf('body'))}>
        <Input.TextArea rows={8} maxLength={20000} showCount aria-label={tf('body')} />
      </Form.Item>
    </FormModal>
  );
}
