import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { organizations, sessions, users } from '@/db/schema';
import type { OrgType, Role } from '@/server/domain/roles';
import { idleTimeoutMinutes } from './security-policy';

/**
 * Server-side sessions (等保 L3): the next-auth JWT carries only the session id. Every request
 * checks the row, so that an idle timeout, a disabled account or an admin password reset ends the
 * session at once.
 */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  status: string;
  orgId: string;
  orgName: string;
  orgType: OrgType;
  regionCode: string;
  industry: string | null;
  locale: string;
  sessionId: string;
}

/** Only refresh last_seen_at once a minute, so that reads do not each write. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The one query every request runs, prepared once per database handle (PGlite runs queries on the
 * main thread, so parse and plan time is request time).
 */
function sessionQuery(db: DbOrTx) {
  return db
    .select({
      s: sessions,
      u: { id: users.id, username: users.username, displayName: users.displayName, roles: users.roles, status: users.status, orgId: users.orgId, locale: users.locale },
      o: { name: organizations.name, type: organizations.type, regionCode: organizations.regionCode, industry: organizations.industry, active: organizations.active },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(eq(sessions.id, sql.placeholder('sid')))
    .prepare('validate_session');
}

const prepared = new WeakMap<object, ReturnType<typeof sessionQuery>>();
function preparedFor(db: DbOrTx) {
  let q = prepared.get(db);
  if (!q) prepared.set(db, (q = sessionQuery(db)));
  return q;
}

export type SessionCheck = { user: SessionUser } | { user: null; reason: 'missing' | 'revoked' | 'idle' | 'disabled' };

export async function validateSession(db: DbOrTx, sessionId: string, now = new Date()): Promise<SessionCheck> {
  const [row] = await preparedFor(db).execute({ sid: sessionId });
  if (!row) return { user: null, reason: 'missing' };
  if (row.s.revokedAt) return { user: null, reason: 'revoked' };
  if (row.u.status === 'disabled' || !row.o.active) {
    await revokeSession(db, sessionId, 'disabled');
    return { user: null, reason: 'disabled' };
  }
  if (now.getTime() - row.s.lastSeenAt.getTime() > (await idleTimeoutMinutes(db)) * 60_000) {
    await revokeSession(db, sessionId, 'idle');
    return { user: null, reason: 'idle' };
  }
  if (now.getTime() - row.s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  return {
    user: {
      id: row.u.id,
      username: row.u.username,
      displayName: row.u.displayName,
      roles: row.u.roles as Role[],
      status: row.u.status,
      orgId: row.u.orgId,
      orgName: row.o.name,
      orgType: row.o.type as OrgType,
      regionCode: row.o.regionCode,
      industry: row.o.industry,
      locale: row.u.locale,
      sessionId,
    },
  };
}

export async function createSession(db: DbOrTx, userId: string, ip: string | null, userAgent: string | null): Promise<string> {
  const [s] = await db.insert(sessions).values({ userId, ip, userAgent: userAgent?.slice(0, 500) ?? null }).returning({ id: sessions.id });
  return s.id;
}

export async function revokeSession(db: DbOrTx, sessionId: string, reason: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: new Date(), revokedReason: reason }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** End every open session of a user (account disabled, password reset by an admin). */
export async function revokeUserSessions(db: DbOrTx, userId: string, reason: string): Promise<number> {
  const r = await db
    .update(sessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return r.length;
}
