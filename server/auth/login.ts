import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { organizations, users } from '@/db/schema';
import { appendAudit } from '@/server/domain/audit';
import { verifyPassword } from './password';
import { hit } from './rate-limit';
import { loadSecurityPolicy } from './security-policy';
import { createSession } from './session';

export type LoginResult =
  | { ok: true; sessionId: string; userId: string }
  | { ok: false; error: 'invalid' }
  | { ok: false; error: 'locked'; lockedUntil: Date }
  | { ok: false; error: 'rate_limited'; retryAfterSeconds: number };

/** A fixed hash so an unknown account costs the same time as a known one (no account enumeration). */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$6l2z6L9cmQj1y6Doo5hA5Q$BDPm9+NHLpUoGVWvi4QHGCat2cWewZ2xdzvLKiTuz6A';

/**
 * Password login with the account lockout of the security policy (default: 5 failures → 15 min).
 * Every outcome is audited: login.success, login.failure, login.locked (the lockout itself),
 * login.refused_locked.
 */
export async function authenticate(db: DbOrTx, input: { username: string; password: string; ip: string | null; userAgent: string | null }): Promise<LoginResult> {
  const username = input.username.trim();
  const ipWait = await hit('loginIp', input.ip ?? 'unknown');
  const acctWait = await hit('loginAccount', username.toLowerCase());
  if (ipWait || acctWait) return { ok: false, error: 'rate_limited', retryAfterSeconds: Math.max(ipWait, acctWait) };

  const policy = await loadSecurityPolicy(db);
  const [user] = await db
    .select({ u: users, orgActive: organizations.active })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(sql`lower(${users.username}) = lower(${username})`);
  const now = new Date();
  const actor = { id: user?.u.id ?? null, name: user?.u.displayName ?? username, orgId: user?.u.orgId ?? null, ip: input.ip };

  if (!user) {
    await verifyPassword(DUMMY_HASH, input.password);
    await appendAudit(db, actor, { action: 'login.failure', entityType: 'user', reason: `unknown account ${username.slice(0, 64)}` });
    return { ok: false, error: 'invalid' };
  }
  const u = user.u;
  if (u.lockedUntil && u.lockedUntil > now) {
    await appendAudit(db, actor, { action: 'login.refused_locked', entityType: 'user', entityId: u.id });
    return { ok: false, error: 'locked', lockedUntil: u.lockedUntil };
  }
  const passwordOk = await verifyPassword(u.passwordHash, input.password);
  if (!passwordOk || u.status === 'disabled' || !user.orgActive) {
    const failures = (u.lockedUntil && u.lockedUntil <= now ? 0 : u.failedAttempts) + 1;
    const lock = failures >= policy.lockoutThreshold;
    const lockedUntil = lock ? new Date(now.getTime() + policy.lockoutMinutes * 60_000) : null;
    await db.transaction(async (tx) => {
      await tx.update(users).set({ failedAttempts: lock ? 0 : failures, lockedUntil }).where(eq(users.id, u.id));
      await appendAudit(tx, actor, {
        action: 'login.failure',
        entityType: 'user',
        entityId: u.id,
        reason: !passwordOk ? 'bad password' : 'account disabled',
        after: { failedAttempts: failures },
      });
      if (lock) await appendAudit(tx, actor, { action: 'login.locked', entityType: 'user', entityId: u.id, after: { lockedUntil: lockedUntil!.toISOString() } });
    });
    return lock ? { ok: false, error: 'locked', lockedUntil: lockedUntil! } : { ok: false, error: 'invalid' };
  }
  return db.transaction(async (tx) => {
    await tx.update(users).set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, u.id));
    const sessionId = await createSession(tx, u.id, input.ip, input.userAgent);
    await appendAudit(tx, actor, { action: 'login.success', entityType: 'user', entityId: u.id, after: { sessionId } });
    return { ok: true as const, sessionId, userId: u.id };
  });
}
