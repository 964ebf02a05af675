import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { queryRows, type DbOrTx } from '@/db/client';
import { catalogResources, organizations, policies } from '@/db/schema';
import { addDays, addWorkingDays, shanghaiDate } from './deadlines';
import { PROVINCE_REGION } from './roles';
import { scopeLevel, type ScopeSubject } from './scope';

/**
 * The catalog's vocabulary and rules (HN-9, HN-10) that do not belong to one procedure:
 * grades (GB/T 43697-2024), the 一数一源 match key, the catalog scope, who reviews whose catalog,
 * and the one answer to "may this resource be operated?" that later domains ask.
 */

export * from './catalog-terms';

/**
 * Which resources the user may see: the province (and regulators) all; an industry department its
 * industry's catalogs; a municipal authority its city's; everyone else its own organization's.
 */
export function catalogScope(user: ScopeSubject, owner: PgColumn = catalogResources.ownerOrgId, region: PgColumn = catalogResources.regionCode): SQL {
  switch (scopeLevel(user)) {
    case 'province':
      return sql`true`;
    case 'industry':
      // one IN over "the industry's organizations and its own" (an OR would defeat the owner index)
      return sql`${owner} in (select ${organizations.id} from ${organizations} where ${organizations.industry} = ${user.industry} union select ${user.orgId}::uuid)`;
    case 'region':
      return sql`(${region} = ${user.regionCode} or ${owner} = ${user.orgId})`;
    case 'org':
      return eq(owner, user.orgId);
  }
}

/**
 * Who reviews a catalog (DESIGN §2 catalog): the municipal authority reviews its city's agencies;
 * the province reviews provincial catalogs and a municipal authority's own catalog (nobody reviews
 * their own submission), and may act on every catalog.
 */
export function reviewsResource(user: ScopeSubject, r: { ownerOrgId: string; regionCode: string }): boolean {
  if (user.roles.includes('province_admin')) return true;
  if (!user.roles.includes('municipal_admin')) return false;
  return r.regionCode === user.regionCode && r.regionCode !== PROVINCE_REGION && r.ownerOrgId !== user.orgId;
}

/** The organization whose inbox receives a submitted resource or registration. */
export async function reviewerOrgOf(db: DbOrTx, r: { ownerOrgId: string; regionCode: string }): Promise<{ orgId: string; role: 'province_admin' | 'municipal_admin' } | null> {
  if (r.regionCode !== PROVINCE_REGION) {
    const [city] = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.type, 'municipal_authority'), eq(organizations.regionCode, r.regionCode), eq(organizations.active, true)))
      .limit(1);
    if (city && city.id !== r.ownerOrgId) return { orgId: city.id, role: 'municipal_admin' };
  }
  const [prov] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.type, 'province_authority'), eq(organizations.active, true)))
    .limit(1);
  return prov ? { orgId: prov.id, role: 'province_admin' } : null;
}

/** Public notice period after an approved registration (HN-10; 10 working days unless configured). */
export const DEFAULT_NOTICE_WORKING_DAYS = 10;
export const CATALOG_POLICY_KEY = 'catalog.registration';

/** The configured notice period (HN-10), with the policy row's version for optimistic updates. */
export async function noticeDays(db: DbOrTx): Promise<{ noticeWorkingDays: number; version: number }> {
  const [p] = await db.select().from(policies).where(eq(policies.key, CATALOG_POLICY_KEY));
  const v = (p?.value ?? {}) as { noticeWorkingDays?: number };
  return { noticeWorkingDays: v.noticeWorkingDays ?? DEFAULT_NOTICE_WORKING_DAYS, version: p?.version ?? 0 };
}

/**
 * 豫数登 + year + 6-digit sequence, unique; serialized by an advisory lock. One register for public data
 * resources (HN-10) and the products registered like them (HN-15 ¶2): the sequence runs over both, so
 * that a number names one thing.
 */
export async function nextRegistrationNo(tx: DbOrTx, year: string): Promise<string> {
  await queryRows(tx, sql`select pg_advisory_xact_lock(hashtext('catalog_registration_no'))`);
  const prefix = `豫数登${year}`;
  const pattern = `${prefix}%`;
  const [r] = await queryRows<{ n: number | null }>(tx, sql`select max(substr(registration_no, ${prefix.length + 1})::int) as n from (
    select registration_no from catalog_registrations where registration_no like ${pattern}
    union all select registration_no from data_products where registration_no like ${pattern}) numbers`);
  return `${prefix}${String((r?.n ?? 0) + 1).padStart(6, '0')}`;
}

/** Notice dates for a registration approved at `at`: the notice runs N working days, and it takes effect the day after. */
export function noticeDates(at: Date, workingDays: number) {
  const start = shanghaiDate(at);
  const end = addWorkingDays(start, workingDays);
  return { noticeStartsOn: start, noticeEndsOn: end, effectiveOn: addDays(end, 1) };
}

export type Operability =
  | { operable: true; registrationNo: string; effectiveOn: string }
  | { operable: false; reason: 'not_published' | 'not_registered' | 'in_notice' | 'cancelled'; message: string; article: 'HN-10' };

const REASONS = {
  not_published: '目录未发布',
  not_registered: '未完成公共数据资源登记',
  in_notice: '登记尚在公示期',
  cancelled: '登记已注销',
} as const;

/**
 * The registration state of each resource, as a SQL fragment usable in list queries (read it with
 * `operabilityFrom`): the latest registration in force, unless it is a cancellation; else a newer
 * approved registration still in its notice period; else the cancellation; else null.
 */
export function registrationStateSql(resourceId: SQL | typeof catalogResources.id, today: string): SQL<string | null> {
  return sql<string | null>`coalesce(
    (select case when r.kind <> 'cancel' then r.kind || ':' || r.registration_no || ':' || r.effective_on end
       from catalog_registrations r
      where r.resource_id = ${resourceId} and r.status = 'approved' and r.effective_on <= ${today}::date
      order by r.effective_on desc, r.decided_at desc limit 1),
    (select 'notice:' || r.registration_no || ':' || r.effective_on
       from catalog_registrations r
      where r.resource_id = ${resourceId} and r.status = 'approved' and r.effective_on > ${today}::date and r.kind <> 'cancel'
      order by r.decided_at desc limit 1),
    (select 'cancel:' || r.registration_no || ':' || r.effective_on
       from catalog_registrations r
      where r.resource_id = ${resourceId} and r.status = 'approved' and r.effective_on <= ${today}::date and r.kind = 'cancel'
      order by r.effective_on desc, r.decided_at desc limit 1))`;
}

/** Read the `registrationStateSql` value together with the resource's catalog state. */
export function operabilityFrom(r: { status: string; publishedVersionNo: number | null }, state: string | null): Operability {
  const no = (reason: keyof typeof REASONS): Operability => ({
    operable: false, reason, message: `不得投入运营:${REASONS[reason]}(HN-10)`, article: 'HN-10',
  });
  if (r.publishedVersionNo === null || r.status === 'disabled') return no('not_published');
  if (!state) return no('not_registered');
  const [kind, registrationNo, effectiveOn] = state.split(':');
  if (kind === 'notice') return no('in_notice');
  if (kind === 'cancel') return no('cancelled');
  return { operable: true, registrationNo, effectiveOn };
}

/**
 * "May this resource be operated?" (HN-10 ¶2): only when its catalog entry is published and it has
 * a registration in force (approved, notice period over, not cancelled). The one function later
 * domains (filings, scenario reviews) call.
 */
export async function mayOperate(db: DbOrTx, resourceId: string, at = new Date()): Promise<Operability> {
  return (await mayOperateEach(db, [resourceId], at)).get(resourceId)!;
}

/** `mayOperate` for many resources in one query; an unknown id is not operable (not published). */
export async function mayOperateEach(db: DbOrTx, resourceIds: readonly string[], at = new Date()): Promise<Map<string, Operability>> {
  const today = shanghaiDate(at);
  const ids = [...new Set(resourceIds)];
  const rows = ids.length
    ? await queryRows<{ id: string; status: string; published_version_no: number | null; state: string | null }>(
      db,
      sql`select id, status, published_version_no, ${registrationStateSql(sql`catalog_resources.id`, today)} as state
          from catalog_resources where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`,
    )
    : [];
  const byId = new Map(rows.map((r) => [r.id, operabilityFrom({ status: r.status, publishedVersionNo: r.published_version_no }, r.state)]));
  return new Map(ids.map((id) => [id, byId.get(id) ?? operabilityFrom({ status: 'draft', publishedVersionNo: null }, null)]));
}
