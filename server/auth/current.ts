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
    const sid = await decodeSid(token, secret, name);
    if (sid) return sid;
  }
  return null;
}

/**
 * Decrypting the JWE (HKDF + AES on the crypto thread pool) is the most expensive step of a
 * request, so a token already decrypted is remembered until its own expiry. Only the token → sid
 * mapping is cached; the session row is still checked on every request.
 */
const DECODED_MAX = 10_000;
const g = globalThis as unknown as { __decoded?: Map<string, { sid: string; exp: number }> };
const decoded = (g.__decoded ??= new Map());

async function decodeSid(token: string, secret: string, salt: string): Promise<string | null> {
  const hit = decoded.get(token);
  if (hit) {
    if (hit.exp * 1000 > Date.now()) return hit.sid;
    decoded.delete(token);
    return null;
  }
  try {
    const payload = await decode({ token, secret, salt });
    if (typeof payload?.sid !== 'string' || typeof payload.exp !== 'number') return null;
    if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
    decoded.set(token, { sid: payload.sid, exp: payload.exp });
    return payload.sid;
  } catch {
    return null; // tampered or expired token: no session
  }
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
