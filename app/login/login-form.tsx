'use client';

import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useActionState, useRef } from 'react';
import { fmtDateTime } from '@/app/_components/format';
import { LocaleSwitch } from '@/app/_components/locale-switch';
import { loginAction, type LoginState } from './actions';

export function LoginForm({ reason, next }: { reason?: string; next?: string }) {
  const t = useTranslations('auth');
  const tc = useTranslations('common');
  const [state, action, pending] = useActionState<LoginState, FormData>(loginAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const [form] = Form.useForm();

  let error: string | null = null;
  if (state?.error === 'invalid') error = t('invalid');
  if (state?.error === 'locked') error = t('locked', { until: fmtDateTime(state.until) });
  if (state?.error === 'rate') error = t('rateLimited', { seconds: state.seconds ?? 60 });
  const notice = !error && reason === 'expired' ? t('expired') : !error && reason === 'logout' ? t('loggedOut') : null;

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'linear-gradient(160deg,#1e3a8a 0%,#1d4ed8 45%,#f5f6f8 45%)' }}>
      <div style={{ width: 400, maxWidth: '92vw' }}>
        <Typography.Title level={3} style={{ color: '#fff', textAlign: 'center', marginBottom: 24 }}>
          {tc('appName')}
        </Typography.Title>
        <Card title={t('title')} extra={<LocaleSwitch />}>
          <Typography.Paragraph type="secondary">{t('subtitle')}</Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
          {notice && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} />}
          <Form
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={() => formRef.current?.requestSubmit()}
            component={false}
          >
            <form ref={formRef} action={action} noValidate>
              <input type="hidden" name="next" value={next ?? ''} />
              <Form.Item label={t('username')} name="username" rules={[{ required: true, message: t('usernameRequired') }]}>
                <Input name="username" prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
              </Form.Item>
              <Form.Item label={t('password')} name="password" rules={[{ required: true, message: t('passwordRequired') }]}>
                <Input.Password name="password" prefix={<LockOutlined />} autoComplete="current-password" size="large" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block size="large" loading={pending} onClick={(e) => { e.preventDefault(); form.submit(); }}>
                {t('login')}
              </Button>
            </form>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
            {t('lockoutHint')}
          </Typography.Paragraph>
        </Card>
      </div>
    </main>
  );
}
