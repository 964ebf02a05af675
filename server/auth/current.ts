import 'server-only';
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/server/db';
import { can, type Permission } from '@/server/domain/policy';
import { validateSession, type SessionCheck } from './session';

/** next-auth's session cookie (the __Secure- name is used over HTTPS). */
const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'];

/**
 * The session id carried by the next-auth JWT cookie. Decoded here directly (same secret, same
 * salt as next-auth) rather than through `auth()`, which would also run the callbacks and
 * re-encode the cookie on every API call; the session itself is validated against the database.
 */
async function sessionIdFromCookie(): Promise<string | null> {
  const jar = await cookies();
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (!token) continue;
    try {
      const payload = await decode({ token, secret, salt: name });
      if (typeof payload?.sid === 'string') return payload.sid;
    } catch {
      // tampered or expired token: no session
    }
  }
  return null;
}

/** The validated session of the current request (once per request). */
export const currentSession = cache(async (): Promise<SessionCheck> => {
  const sid = await sessionIdFromCookie();
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
