import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { organizations } from '@/db/schema';
import type { Role } from './roles';

/**
 * Data scope (DESIGN §1), in one place. The caller's org, region and industry always come from the
 * session, never from the client. A row outside the scope is simply not selected, so it surfaces as
 * NOT_FOUND and other organizations' names and counts never leak.
 */
export interface ScopeSubject {
  orgId: string;
  regionCode: string;
  industry: string | null;
  roles: readonly Role[];
}

export type ScopeLevel = 'province' | 'industry' | 'region' | 'org';

/** The widest scope any of the user's roles gives. */
export function scopeLevel(user: ScopeSubject): ScopeLevel {
  const r = user.roles;
  if (r.includes('province_admin') || r.includes('regulator')) return 'province';
  if (r.includes('industry_dept') && user.industry) return 'industry';
  if (r.includes('municipal_admin')) return 'region';
  return 'org';
}

/** Condition on the organizations table: which organizations this user may see. */
export function visibleOrgs(user: ScopeSubject): SQL {
  switch (scopeLevel(user)) {
    case 'province':
      return sql`true`;
    case 'industry':
      return or(eq(organizations.industry, user.industry!), eq(organizations.id, user.orgId))!;
    case 'region':
      return or(eq(organizations.regionCode, user.regionCode), eq(organizations.id, user.orgId))!;
    case 'org':
      return eq(organizations.id, user.orgId);
  }
}

/** Condition for any table with an owning-organization column: the row's org must be visible. */
export function inScope(user: ScopeSubject, orgIdColumn: PgColumn): SQL {
  if (scopeLevel(user) === 'province') return sql`true`;
  if (scopeLevel(user) === 'org') return eq(orgIdColumn, user.orgId);
  return sql`${orgIdColumn} in (select ${organizations.id} from ${organizations} where ${visibleOrgs(user)})`;
}

export function andScope(user: ScopeSubject, orgIdColumn: PgColumn, ...conds: (SQL | undefined)[]): SQL {
  return and(inScope(user, orgIdColumn), ...conds)!;
}
