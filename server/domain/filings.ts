import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { organizations } from '@/db/schema';
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
