import { eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '@/db/client';
import { organizations, passwordHistory, regions, users } from '@/db/schema';
import { hashPassword } from '@/server/auth/password';
import type { SessionUser } from '@/server/auth/session';
import { withCheckChar } from '@/server/domain/credit-code';
import type { OrgType, Role } from '@/server/domain/roles';
import type { WorkflowActor } from '@/server/domain/workflow';
import { HENAN_REGIONS } from './regions';

/**
 * Test and demo factories: the demo seed, vitest and Playwright all create rows through these.
 */
let counter = 0;
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid 统一社会信用代码 (GB 32100) for a region, distinct per call. */
export function makeCreditCode(regionCode: string, kind: 'gov' | 'company' = 'company', seq?: number): string {
  const n = seq ?? Date.now() % 1e6 * 1000 + (counter++ % 1000);
  let body = '';
  let x = n;
  for (let i = 0; i < 9; i++) {
    body = CHARSET[x % 31] + body;
    x = Math.floor(x / 31);
  }
  const region = /^\d{6}$/.test(regionCode) ? regionCode : regionCode.slice(0, 6);
  return withCheckChar(`${kind === 'gov' ? '11' : '91'}${region}${body}`);
}

export async function seedRegions(db: DbOrTx): Promise<void> {
  await db
    .insert(regions)
    .values(HENAN_REGIONS.map((r, i) => ({ ...r, internal: r.internal ?? false, sort: i })))
    .onConflictDoNothing();
}

export async function createOrg(
  db: DbOrTx,
  o: { name: string; type: OrgType; regionCode?: string; industry?: string | null; creditCode?: string; cii?: boolean },
) {
  const regionCode = o.regionCode ?? '410000';
  const [row] = await db
    .insert(organizations)
    .values({
      name: o.name,
      type: o.type,
      regionCode,
      industry: o.industry ?? null,
      cii: o.cii ?? false,
      creditCode: o.creditCode ?? makeCreditCode(regionCode, ['operator', 'secondary_developer', 'platform'].includes(o.type) ? 'company' : 'gov'),
    })
    .returning();
  return row;
}

export async function createUser(
  db: DbOrTx,
  u: { username: string; displayName?: string; orgId: string; roles: Role[]; password: string; status?: 'active' | 'pending_password' | 'disabled'; passwordHash?: string },
) {
  const passwordHash = u.passwordHash ?? (await hashPassword(u.password));
  const [row] = await db
    .insert(users)
    .values({ username: u.username, displayName: u.displayName ?? u.username, orgId: u.orgId, roles: u.roles, passwordHash, status: u.status ?? 'active' })
    .returning();
  await db.insert(passwordHistory).values({ userId: row.id, passwordHash });
  return row;
}

export async function isEmpty(db: DbOrTx): Promise<boolean> {
  const [r] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from regions`);
  return Number(r.n) === 0;
}

/** A demo account as the session and the workflow see it: caller, scope subject and actor in one. */
export async function demoSubject(tx: DbOrTx, username: string): Promise<SessionUser & WorkflowActor> {
  const [u] = await tx
    .select({ id: users.id, displayName: users.displayName, roles: users.roles, orgId: users.orgId, orgName: organizations.name, orgType: organizations.type, regionCode: organizations.regionCode, industry: organizations.industry })
    .from(users).innerJoin(organizations, eq(organizations.id, users.orgId)).where(eq(users.username, username));
  return {
    ...u, username, roles: u.roles as Role[], orgType: u.orgType as SessionUser['orgType'], status: 'active', locale: 'zh-CN', sessionId: 'seed',
    name: u.displayName, ip: null,
  };
}
