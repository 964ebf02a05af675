'use client';

import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { applyServerErrors } from '@/app/_components/use-form-errors';
import { useTRPC } from '@/server/trpc/react';

export function ChangePasswordForm({ mustChange, rules }: { mustChange: boolean; rules: { min: number; classes: number; history: number } }) {
  const t = useTranslations('auth');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const mutation = useMutation(
    trpc.me.changePassword.mutationOptions({
      onSuccess: async () => {
        message.success(t('passwordChanged'));
        form.resetFields();
        await qc.invalidateQueries({ queryKey: trpc.me.pathKey() });
        router.refresh();
      },
      onError: (err) => {
        const msg = applyServerErrors(form, err);
        if (msg) message.error(msg);
      },
    }),
  );
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('changePassword')}</Typography.Title>} style={{ maxWidth: 560 }}>
      {mustChange && <Alert type="warning" showIcon title={t('mustChange')} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">{t('passwordRules', rules)}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)} requiredMark>
        <Form.Item label={t('current')} name="current" rules={[{ required: true, message: t('passwordRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label={t('next')} name="next" rules={[{ required: true, message: t('passwordRequired') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('confirmNext')}
          name="confirm"
          dependencies={['next']}
          rules={[
            { required: true, message: t('passwordRequired') },
            ({ getFieldValue }) => ({ validator: (_, v) => (!v || v === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))) }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>{tc('save')}</Button>
      </Form>
    </Card>
  );
}
