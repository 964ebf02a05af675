import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/server/db';
import { can, type Permission } from '@/server/domain/policy';
import { auth } from './config';
import { validateSession, type SessionCheck } from './session';

/** The validated session of the current request (once per request). */
export const currentSession = cache(async (): Promise<SessionCheck> => {
  const session = await auth();
  const sid = (session as { sid?: string } | null)?.sid;
  if (!sid) return { user: null, reason: 'missing' };
  const db = await getDb();
  return validateSession(db, sid);
});

export async function currentUser() {
  return (await currentSession()).user;
}

/** Page guard: the page exists only for holders of the permission (others get 404, as for rows out of scope). */
export async function requirePermission(permission: Permission) {
  const user = await currentUser();
  if (!user) redirect('/login');
  if (!can(user, permission)) notFound();
  return user;
}
