'use client';

import { Form, Input } from 'antd';
import { FormModal } from '@/app/_components/form-modal';

/** A step that needs a reason (退回, 停用, 不予登记): the reason is required and shown to the other side. */
export function ReasonModal({ title, label, warning, okText, pending, onClose, onSubmit }: {
  title: React.ReactNode;
  label: string;
  warning?: string;
  okText?: string;
  pending: boolean;
  onClose: () => void;
  onSubmit: (reason: string, form: ReturnType<typeof Form.useForm<{ reason: string }>>[0]) => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal form={form} title={title} okText={okText} danger warning={warning} pending={pending} onClose={onClose} initialValues={{ reason: '' }} onFinish={(v) => onSubmit(v.reason, form)}>
      <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, min: 2, message: label }]}>
        <Input.TextArea rows={3} maxLength={500} showCount aria-label={label} />
      </Form.Item>
    </FormModal>
  );
}
