'use server';

import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { currentSession } from '@/server/auth/current';
import { signIn, signOut } from '@/server/auth/config';
import { revokeSession } from '@/server/auth/session';
import { clientIp } from '@/server/auth/request';
import { getDb } from '@/server/db';
import { appendAudit } from '@/server/domain/audit';

export type LoginState = { error?: 'invalid' | 'locked' | 'rate'; until?: number; seconds?: number } | null;

function parseCode(code: string | null | undefined): LoginState {
  if (!code) return { error: 'invalid' };
  const [kind, value] = code.split('.');
  if (kind === 'locked') return { error: 'locked', until: Number(value) };
  if (kind === 'rate') return { error: 'rate', seconds: Number(value) };
  return { error: 'invalid' };
}

/** Only same-site paths are followed after login (no open redirect). */
function safeNext(next: FormDataEntryValue | null): string {
  const s = typeof next === 'string' ? next : '';
  return s.startsWith('/') && !s.startsWith('//') && !s.startsWith('/login') ? s : '/';
}

export async function loginAction(_prev: LoginState, form: FormData): Promise<LoginState> {
  let url: string;
  try {
    url = await signIn('credentials', { username: form.get('username'), password: form.get('password'), redirect: false });
  } catch (err) {
    if (err instanceof AuthError) return parseCode((err as AuthError & { code?: string }).code);
    throw err;
  }
  const params = new URL(url, 'http://localhost').searchParams;
  if (params.get('error')) return parseCode(params.get('code'));
  redirect(safeNext(form.get('next')));
}

export async function logoutAction(): Promise<void> {
  const check = await currentSession();
  if (check.user) {
    const db = await getDb();
    await revokeSession(db, check.user.sessionId, 'logout');
    await appendAudit(db, { id: check.user.id, name: check.user.displayName, orgId: check.user.orgId, ip: clientIp(await headers()) }, { action: 'logout', entityType: 'user', entityId: check.user.id });
  }
  await signOut({ redirect: false });
  redirect('/login?reason=logout');
}
