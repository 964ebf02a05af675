import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, policies, sessions, users } from '@/db/schema';
import { DEMO_PASSWORD } from '@/db/seed/demo';
import { openSeededDb, type TestDb } from '@/server/test/harness';
import { authenticate } from './login';
import { SECURITY_POLICY_KEY } from './security-policy';
import { revokeUserSessions, validateSession } from './session';

let h: TestDb;
beforeAll(async () => {
  h = await openSeededDb();
});
afterAll(() => h.close());

const login = (username: string, password: string, ip = '10.0.0.1') => authenticate(h.db, { username, password, ip, userAgent: 'vitest' });
const actions = async (userId: string) =>
  (await h.db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, userId)).orderBy(auditLog.seq)).map((r) => r.a);

describe('login', () => {
  it('logs in with the right password, creates a session and audits it', async () => {
    const r = await login('province', DEMO_PASSWORD);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const check = await validateSession(h.db, r.sessionId);
    expect(check.user?.username).toBe('province');
    expect(check.user?.roles).toEqual(['province_admin']);
    expect(check.user?.regionCode).toBe('410000');
    expect(await actions(r.userId)).toContain('login.success');
  });

  it('the account name is case-insensitive; a wrong password or unknown account give the same answer', async () => {
    expect((await login('PROVINCE', DEMO_PASSWORD)).ok).toBe(true);
    expect(await login('province', 'wrong')).toEqual({ ok: false, error: 'invalid' });
    expect(await login('nobody', 'wrong')).toEqual({ ok: false, error: 'invalid' });
    const [unknown] = await h.db.select().from(auditLog).where(and(eq(auditLog.action, 'login.failure'), sql`${auditLog.reason} like 'unknown account%'`));
    expect(unknown).toBeDefined();
  });

  it('locks the account for 15 minutes after 5 failures, refusing even the right password', async () => {
    const [u] = await h.db.select().from(users).where(eq(users.username, 'agency'));
    for (let i = 0; i < 4; i++) expect(await login('agency', 'wrong', `10.0.1.${i}`)).toEqual({ ok: false, error: 'invalid' });
    const fifth = await login('agency', 'wrong', '10.0.1.9');
    expect(fifth.ok).toBe(false);
    if (fifth.ok || fifth.error !== 'locked') throw new Error('expected a lock');
    const minutes = (fifth.lockedUntil.getTime() - Date.now()) / 60000;
    expect(minutes).toBeGreaterThan(14.9);
    expect(minutes).toBeLessThanOrEqual(15);
    const right = await login('agency', DEMO_PASSWORD, '10.0.1.10');
    expect(right).toMatchObject({ ok: false, error: 'locked' });
    const a = await actions(u.id);
    expect(a.filter((x) => x === 'login.failure')).toHaveLength(5);
    expect(a).toContain('login.locked');
    expect(a).toContain('login.refused_locked');
  });

  it('lets the account in again once the lock has expired', async () => {
    await h.db.update(users).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(users.username, 'agency'));
    expect((await login('agency', DEMO_PASSWORD, '10.0.2.1')).ok).toBe(true);
  });

  it('follows the lockout threshold of the security policy', async () => {
    await h.db.update(policies).set({ value: sql`jsonb_set(value, '{lockoutThreshold}', '3')` }).where(eq(policies.key, SECURITY_POLICY_KEY));
    for (let i = 0; i < 2; i++) expect((await login('operator', 'wrong', `10.0.3.${i}`)).ok).toBe(false);
    expect(await login('operator', 'wrong', '10.0.3.5')).toMatchObject({ error: 'locked' });
    await h.db.update(policies).set({ value: sql`jsonb_set(value, '{lockoutThreshold}', '5')` }).where(eq(policies.key, SECURITY_POLICY_KEY));
  });

  it('rate-limits one account hammered from many addresses', async () => {
    let limited = false;
    for (let i = 0; i < 15 && !limited; i++) {
      const r = await login('ratelimited-account', 'x', `10.9.0.${i}`);
      limited = !r.ok && r.error === 'rate_limited';
    }
    expect(limited).toBe(true);
  });
});

describe('sessions', () => {
  it('end after the idle timeout', async () => {
    const r = await login('evaluator', DEMO_PASSWORD, '10.1.0.1');
    if (!r.ok) throw new Error('login failed');
    await h.db.update(sessions).set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) }).where(eq(sessions.id, r.sessionId));
    expect(await validateSession(h.db, r.sessionId)).toEqual({ user: null, reason: 'idle' });
    // and stay ended
    expect(await validateSession(h.db, r.sessionId)).toEqual({ user: null, reason: 'revoked' });
  });

  it('stay alive while used within the timeout', async () => {
    const r = await login('evaluator', DEMO_PASSWORD, '10.1.0.2');
    if (!r.ok) throw new Error('login failed');
    await h.db.update(sessions).set({ lastSeenAt: new Date(Date.now() - 29 * 60_000) }).where(eq(sessions.id, r.sessionId));
    expect((await validateSession(h.db, r.sessionId)).user?.username).toBe('evaluator');
    const [s] = await h.db.select().from(sessions).where(eq(sessions.id, r.sessionId));
    expect(Date.now() - s.lastSeenAt.getTime()).toBeLessThan(60_000); // touched
  });

  it('end at once when the account is disabled or its sessions are revoked', async () => {
    const a = await login('platform', DEMO_PASSWORD, '10.1.0.3');
    const b = await login('platform', DEMO_PASSWORD, '10.1.0.4');
    if (!a.ok || !b.ok) throw new Error('login failed');
    expect(await revokeUserSessions(h.db, a.userId, 'password_reset')).toBe(2);
    expect((await validateSession(h.db, a.sessionId)).user).toBeNull();
    const c = await login('platform', DEMO_PASSWORD, '10.1.0.5');
    if (!c.ok) throw new Error('login failed');
    await h.db.update(users).set({ status: 'disabled' }).where(eq(users.id, c.userId));
    expect(await validateSession(h.db, c.sessionId)).toEqual({ user: null, reason: 'disabled' });
    expect(await login('platform', DEMO_PASSWORD, '10.1.0.6')).toEqual({ ok: false, error: 'invalid' });
  });

  it('an unknown session id is missing', async () => {
    expect(await validateSession(h.db, '00000000-0000-0000-0000-000000000000')).toEqual({ user: null, reason: 'missing' });
  });
});
