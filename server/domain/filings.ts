import { and, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { operatingAgreements, organizations } from '@/db/schema';
import { PROVINCE_REGION } from './roles';

/** The filings' terms and date rules (pure), and the lookups that need the database. */
export * from './filings-terms';

/** Who stands for "the same-level public data authority" of an organization's region (HN-4, HN-22 ¶3). */
export interface Authority {
  orgId: string;
  role: 'province_admin' | 'municipal_admin';
}

/**
 * The public data authority at the level of an organization: the province's for provincial
 * organizations, the city's for municipal ones. Null when the region has no active authority.
 */
export async function authorityOf(db: DbOrTx, orgId: string): Promise<Authority | null> {
  const [org] = await db.select({ regionCode: organizations.regionCode }).from(organizations).where(eq(organizations.id, orgId));
  if (!org) return null;
  const provincial = org.regionCode === PROVINCE_REGION;
  const [a] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(
      eq(organizations.type, provincial ? 'province_authority' : 'municipal_authority'),
      eq(organizations.regionCode, provincial ? PROVINCE_REGION : org.regionCode),
      eq(organizations.active, true),
    ))
    .limit(1);
  return a ? { orgId: a.id, role: provincial ? 'province_admin' : 'municipal_admin' } : null;
}

/**
 * An operating agreement is in force from its first acknowledged filing (HN-13 ¶2) until it ends. A
 * filed agreement whose working copy is being revised and refiled stays in force meanwhile: its
 * status leaves 已备案 but `filed_version_no` keeps naming the version in force.
 */
export function isInForce(a: { status: string; filedVersionNo: number | null }): boolean {
  return a.filedVersionNo !== null && a.status !== 'ended';
}

export const agreementInForceSql = (): SQL => sql`(${operatingAgreements.filedVersionNo} is not null and ${operatingAgreements.status} <> 'ended')`;

/** Filed at some time (in force now or ended): its periods are owed reports (HN-22 ¶3). */
export const agreementEverFiledSql = (): SQL => isNotNull(operatingAgreements.filedVersionNo);
