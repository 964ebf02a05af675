'use client';

import { Form, Input } from 'antd';
import { useTranslations } from 'next-intl';
import { Cite } from '@/app/_components/citation';
import { FormModal } from '@/app/_components/form-modal';

export interface RejectValues {
  reason: string;
  basis: string;
}

/**
 * HN-15 ¶2: 审核不通过的,应当说明理由和依据. Both are required here and on the server, each with its
 * own field error; the applicant reads both.
 */
export function RejectModal({ title, pending, onClose, onSubmit }: {
  title: React.ReactNode;
  pending: boolean;
  onClose: () => void;
  onSubmit: (values: RejectValues, form: ReturnType<typeof Form.useForm<RejectValues>>[0]) => void;
}) {
  const t = useTranslations('scenarios.reject');
  const [form] = Form.useForm<RejectValues>();
  return (
    <FormModal form={form} title={title} okText={t('ok')} danger warning={t('warning')} pending={pending} onClose={onClose}
      initialValues={{ reason: '', basis: '' }} onFinish={(v) => onSubmit(v, form)}>
      <Form.Item name="reason" label={<>{t('reason')} <Cite code="HN-15.2">HN-15 ¶2</Cite></>} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }]}>
        <Input.TextArea rows={3} maxLength={1000} showCount aria-label={t('reason')} />
      </Form.Item>
      <Form.Item name="basis" label={<>{t('basis')} <Cite code="HN-15.2">HN-15 ¶2</Cite></>} extra={t('basisHint')} rules={[{ required: true, whitespace: true, message: t('basisRequired') }]}>
        <Input.TextArea rows={2} maxLength={500} showCount aria-label={t('basis')} />
      </Form.Item>
    </FormModal>
  );
}
