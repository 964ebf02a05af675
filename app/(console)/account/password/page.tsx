import type { Metadata } from 'next';
import { currentUser } from '@/server/auth/current';
import { loadSecurityPolicy } from '@/server/auth/security-policy';
import { getDb } from '@/server/db';
import { ChangePasswordForm } from './change-password-form';

export const metadata: Metadata = { title: '修改密码' };

export default async function ChangePasswordPage() {
  const user = await currentUser();
  const policy = await loadSecurityPolicy(await getDb());
  return (
    <ChangePasswordForm
      mustChange={user?.status === 'pending_password'}
      rules={{ min: policy.passwordMinLength, classes: policy.passwordMinClasses, history: policy.passwordHistory }}
    />
  );
}
