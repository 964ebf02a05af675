'use client';

import { Alert, Form, Modal, type FormInstance, type FormProps } from 'antd';
import { useTranslations } from 'next-intl';

/**
 * A dialog around one vertical form, mounted while open: OK submits the form (so that its rules run
 * first) and spins while `pending`; Cancel and the close button call `onClose`. A `warning` stands
 * above the form, for what OK is about to do.
 */
export function FormModal<V extends object>({ form, title, okText, danger, warning, width, pending, onClose, initialValues, onFinish, requiredMark, children }: {
  form: FormInstance<V>;
  title: React.ReactNode;
  /** 保存 unless said otherwise. */
  okText?: string;
  /** A red OK button. */
  danger?: boolean;
  warning?: string;
  width?: number;
  pending: boolean;
  onClose: () => void;
  initialValues: FormProps<V>['initialValues'];
  onFinish: (values: V) => void;
  requiredMark?: FormProps<V>['requiredMark'];
  children: React.ReactNode;
}) {
  const tc = useTranslations('common');
  return (
    <Modal
      open
      title={title}
      okText={okText ?? tc('save')}
      okButtonProps={danger ? { danger: true } : undefined}
      cancelText={tc('cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={pending}
      width={width}
      destroyOnHidden
    >
      {warning && <Alert type="warning" showIcon title={warning} style={{ marginBottom: 16 }} />}
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} requiredMark={requiredMark} style={warning ? undefined : { marginTop: 16 }}>
        {children}
      </Form>
    </Modal>
  );
}
