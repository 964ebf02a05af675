import { and, eq, gt, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { organizations, regions, users } from '@/db/schema';
import { keyset, likePattern, pageOf, timeCursor as iso, timeSortKey as timeKey, type Cursor } from '@/server/domain/paging';
import type { OrgFilter, UserFilter } from './schema';

/**
 * The organization and user list queries, shared by the tRPC list procedures (one keyset page) and
 * the export routes (every row of the same filter), so that an export is exactly what the list shows.
 */

export const orgColumns = {
  id: organizations.id,
  name: organizations.name,
  creditCode: organizations.creditCode,
  type: organizations.type,
  regionCode: organizations.regionCode,
  regionName: regions.name,
  regionInternal: regions.internal,
  industry: organizations.industry,
  cii: organizations.cii,
  active: organizations.active,
  version: organizations.version,
  createdAt: organizations.createdAt,
  updatedAt: organizations.updatedAt,
  userCount: sql<number>`(select count(*)::int from ${users} where ${users.orgId} = ${organizations.id})`,
};

const ORG_SORT = {
  name: organizations.name,
  creditCode: organizations.creditCode,
  regionCode: organizations.regionCode,
  type: organizations.type,
  createdAt: timeKey(organizations.createdAt),
} satisfies Record<OrgFilter['sort'], PgColumn>;

export async function selectOrgs(db: DbOrTx, f: OrgFilter, page: { cursor?: Cursor | null; limit: number }) {
  const { where, order } = keyset(ORG_SORT[f.sort], organizations.id, { cursor: page.cursor, dir: f.dir });
  const conds: (SQL | undefined)[] = [where];
  if (f.q) conds.push(or(ilike(organizations.name, likePattern(f.q)), ilike(organizations.creditCode, likePattern(f.q))));
  if (f.type) conds.push(eq(organizations.type, f.type));
  if (f.regionCode) conds.push(eq(organizations.regionCode, f.regionCode));
  if (f.active !== undefined) conds.push(eq(organizations.active, f.active));
  const rows = await db
    .select(orgColumns)
    .from(organizations)
    .innerJoin(regions, eq(regions.code, organizations.regionCode))
    .where(and(...conds))
    .orderBy(...order)
    .limit(page.limit + 1);
  return pageOf(rows, page.limit, (r) => (f.sort === 'createdAt' ? iso(r.createdAt) : r[f.sort]));
}

export const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  orgId: users.orgId,
  orgName: organizations.name,
  orgType: organizations.type,
  roles: users.roles,
  status: users.status,
  lockedUntil: users.lockedUntil,
  failedAttempts: users.failedAttempts,
  lastLoginAt: users.lastLoginAt,
  passwordChangedAt: users.passwordChangedAt,
  createdAt: users.createdAt,
  version: users.version,
};

const USER_SORT = {
  username: users.username,
  displayName: users.displayName,
  orgName: organizations.name,
  createdAt: timeKey(users.createdAt),
  lastLoginAt: timeKey(users.lastLoginAt, true),
} satisfies Record<UserFilter['sort'], PgColumn>;

export async function selectUsers(db: DbOrTx, f: UserFilter, page: { cursor?: Cursor | null; limit: number }) {
  const { where, order } = keyset(USER_SORT[f.sort], users.id, { cursor: page.cursor, dir: f.dir });
  const conds: (SQL | undefined)[] = [where];
  if (f.q) {
    const p = likePattern(f.q);
    conds.push(or(ilike(users.username, p), ilike(users.displayName, p), ilike(organizations.name, p)));
  }
  if (f.orgId) conds.push(eq(users.orgId, f.orgId));
  if (f.role) conds.push(sql`${f.role} = any(${users.roles})`);
  if (f.status === 'locked') conds.push(gt(users.lockedUntil, sql`now()`));
  else if (f.status) conds.push(eq(users.status, f.status));
  const rows = await db
    .select(userColumns)
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(and(...conds))
    .orderBy(...order)
    .limit(page.limit + 1);
  return pageOf(rows, page.limit, (r) => (f.sort === 'createdAt' ? iso(r.createdAt) : f.sort === 'lastLoginAt' ? iso(r.lastLoginAt) : r[f.sort]));
}

export async function getUserRow(db: DbOrTx, id: string) {
  const [row] = await db.select(userColumns).from(users).innerJoin(organizations, eq(organizations.id, users.orgId)).where(eq(users.id, id));
  return row ?? null;
}
