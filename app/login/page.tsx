import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/current';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: '登录' };
export const dynamic = 'force-dynamic';

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ reason?: string; next?: string }> }) {
  if (await currentUser()) redirect('/');
  const sp = await searchParams;
  return <LoginForm reason={sp.reason} next={sp.next} />;
}
