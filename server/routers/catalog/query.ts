import { and, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { catalogItems, catalogResources, organizations, regions, registrations } from '@/db/schema';
import { catalogScope, operabilityFrom, registrationStateSql } from '@/server/domain/catalog';
import { keyset, likePattern, pageOf, timeCursor, timeSortKey, type Cursor } from '@/server/domain/paging';
import { scopeLevel, type ScopeSubject } from '@/server/domain/scope';
import type { ConflictFilter, RegistrationFilter, ResourceFilter } from './schema';

/**
 * The catalog and registration list queries, shared by the tRPC list procedures (one keyset page)
 * and the export routes (every row of the same filter), so that an export is what the list shows.
 */

const owner = alias(organizations, 'owner');
const provider = alias(organizations, 'provider');

export function resourceColumns(today: string) {
  return {
    id: catalogResources.id,
    code: catalogResources.code,
    name: catalogResources.name,
    regionCode: catalogResources.regionCode,
    regionName: regions.name,
    ownerOrgId: catalogResources.ownerOrgId,
    ownerName: owner.name,
    providerOrgId: catalogResources.providerOrgId,
    providerName: provider.name,
    format: catalogResources.format,
    updateCycle: catalogResources.updateCycle,
    shareType: catalogResources.shareType,
    openType: catalogResources.openType,
    grade: catalogResources.grade,
    status: catalogResources.status,
    itemCount: catalogResources.itemCount,
    lastVersionNo: catalogResources.lastVersionNo,
    publishedVersionNo: catalogResources.publishedVersionNo,
    updatedAt: catalogResources.updatedAt,
    version: catalogResources.version,
    registrationState: registrationStateSql(catalogResources.id, today),
  };
}

/**
 * Sort keys of the resource list. updated_at is stored at millisecond precision (db/schema/catalog.ts),
 * so the column itself is the key (the (updated_at, id) indexes serve it; `timeSortKey`'s
 * date_trunc would not be served by any index); wrapped in sql so that the cursor's ISO string is
 * bound as it is.
 */
const RESOURCE_SORT = {
  updatedAt: sql`${catalogResources.updatedAt}` as unknown as PgColumn,
  name: catalogResources.name,
  code: catalogResources.code,
  itemCount: catalogResources.itemCount,
} satisfies Record<ResourceFilter['sort'], PgColumn>;

/**
 * Chinese substring search (name, code, provider, item names): the GIN-indexed gram set narrows the
 * rows, the LIKE on the text removes false positives (see migration 0002). The LIKE comes first: when
 * the planner walks the updated_at index instead (a common word fills a page within a few rows), each
 * row is tested by the cheap LIKE on the short text, and the compressed gram array is not unpacked.
 */
export function searchCondition(q: string): SQL {
  const needle = q.toLowerCase();
  return sql`(${catalogResources.searchText} like ${likePattern(needle)} and ${catalogResources.searchGrams} @> catalog_query_grams(${needle}))`;
}

export function resourceConditions(user: ScopeSubject, f: ResourceFilter): (SQL | undefined)[] {
  return [catalogScope(user), ...filterConditions(user, f)];
}

/** The list's filters, without the scope. */
function filterConditions(user: ScopeSubject, f: ResourceFilter): (SQL | undefined)[] {
  const conds: (SQL | undefined)[] = [];
  if (f.q) conds.push(searchCondition(f.q));
  if (f.mine) conds.push(eq(catalogResources.ownerOrgId, user.orgId));
  if (f.regionCode) conds.push(eq(catalogResources.regionCode, f.regionCode));
  if (f.providerOrgId) conds.push(eq(catalogResources.providerOrgId, f.providerOrgId));
  if (f.grade) conds.push(eq(catalogResources.grade, f.grade));
  if (f.shareType) conds.push(eq(catalogResources.shareType, f.shareType));
  if (f.status) conds.push(eq(catalogResources.status, f.status));
  if (f.updateCycle) conds.push(eq(catalogResources.updateCycle, f.updateCycle));
  return conds;
}

const elsewhere = alias(catalogResources, 'elsewhere');

/**
 * The ids of one page (sort and limit applied): `page(scope)` is the page among the rows of `scope`.
 *
 * The scope is `catalogScope(user)` (server/domain/catalog.ts), cut into parts that an index reads in
 * sort order, whose pages are merged (query.test.ts checks that the parts are the scope). As one OR
 * ("its region or its own organization's"; "its industry's organizations or its own") no index
 * yields the scope in sort order, so the planner either sorts all of it or walks the province-wide
 * sort index past every other row: 0.1–0.3 s at 100k resources when the scope's names sort last.
 * - a municipal authority: its region, read from the (region_code, sort, id) indexes; and its own
 *   resources outside the region (only after the organization moved: a resource takes its owner's
 *   region), a part skipped at once by a one-time filter on the (owner_org_id, region_code) index;
 * - an industry department: one part per organization of the industry (and its own), each from an
 *   (owner_org_id, sort, id) index (a LATERAL join over the organizations);
 * - the province and a single organization: the scope is one index prefix already.
 */
function pageIds(user: ScopeSubject, page: (scope: SQL) => SQL): SQL {
  switch (scopeLevel(user)) {
    case 'region': {
      // Two ranges of the index rather than one "<>", which the index could only filter.
      const owned = (op: '<' | '>') =>
        sql`exists (select 1 from ${catalogResources} ${elsewhere} where ${elsewhere.ownerOrgId} = ${user.orgId} and ${elsewhere.regionCode} ${sql.raw(op)} ${user.regionCode})`;
      const moved = sql`(${catalogResources.ownerOrgId} = ${user.orgId} and ${catalogResources.regionCode} <> ${user.regionCode} and (${owned('<')} or ${owned('>')}))`;
      return sql`(${page(eq(catalogResources.regionCode, user.regionCode))} union all ${page(moved)})`;
    }
    case 'industry': {
      const orgs = sql`(select ${organizations.id} as org_id from ${organizations} where ${organizations.industry} = ${user.industry} union select ${user.orgId}::uuid)`;
      return sql`(select p.id from ${orgs} o cross join lateral ${page(sql`${catalogResources.ownerOrgId} = o.org_id`)} p)`;
    }
    default:
      return page(catalogScope(user));
  }
}

/**
 * One keyset page. The page's ids are chosen on catalog_resources alone (scope, filters, sort,
 * limit), and only those rows are joined to their owner, provider, region and registration: when the
 * planner has to sort (a search through the gram index), it sorts the matching resources, not the
 * matching resources joined three times. The joins are on NOT NULL foreign keys, so they never drop a row.
 */
export async function selectResources(db: DbOrTx, user: ScopeSubject, f: ResourceFilter, page: { cursor?: Cursor | null; limit: number }, today: string) {
  const { where, order } = keyset(RESOURCE_SORT[f.sort], catalogResources.id, { cursor: page.cursor, dir: f.dir });
  const filters = filterConditions(user, f);
  const ids = pageIds(user, (scope) =>
    sql`${db.select({ id: catalogResources.id }).from(catalogResources).where(and(where, scope, ...filters)).orderBy(...order).limit(page.limit + 1)}`);
  const rows = await db
    .select(resourceColumns(today))
    .from(catalogResources)
    .innerJoin(owner, eq(owner.id, catalogResources.ownerOrgId))
    .innerJoin(provider, eq(provider.id, catalogResources.providerOrgId))
    .innerJoin(regions, eq(regions.code, catalogResources.regionCode))
    .where(inArray(catalogResources.id, ids))
    .orderBy(...order)
    .limit(page.limit + 1);
  const withOp = rows.map(({ registrationState, ...r }) => ({ ...r, operability: operabilityFrom(r, registrationState) }));
  return pageOf(withOp, page.limit, (r) => (f.sort === 'updatedAt' ? timeCursor(r.updatedAt) : r[f.sort]));
}

/** One resource in the caller's scope, with its items and operability (null when out of scope). */
export async function getResource(db: DbOrTx, user: ScopeSubject, id: string, today: string) {
  const [r] = await db
    .select({
      ...resourceColumns(today),
      summary: catalogResources.summary,
      shareCondition: catalogResources.shareCondition,
      rejectReason: catalogResources.rejectReason,
      createdAt: catalogResources.createdAt,
    })
    .from(catalogResources)
    .innerJoin(owner, eq(owner.id, catalogResources.ownerOrgId))
    .innerJoin(provider, eq(provider.id, catalogResources.providerOrgId))
    .innerJoin(regions, eq(regions.code, catalogResources.regionCode))
    .where(and(eq(catalogResources.id, id), catalogScope(user)));
  if (!r) return null;
  const conflictItem = alias(catalogItems, 'conflict_item');
  const conflictRes = alias(catalogResources, 'conflict_res');
  const conflictProvider = alias(organizations, 'conflict_provider');
  const items = await db
    .select({
      id: catalogItems.id,
      seq: catalogItems.seq,
      name: catalogItems.name,
      fieldCode: catalogItems.fieldCode,
      dataType: catalogItems.dataType,
      description: catalogItems.description,
      sensitive: catalogItems.sensitive,
      grade: catalogItems.grade,
      sourceResolution: catalogItems.sourceResolution,
      justification: catalogItems.justification,
      conflict: sql<{ itemId: string; itemName: string; resourceName: string; resourceCode: string; providerName: string } | null>`case when ${conflictItem.id} is null then null else json_build_object(
        'itemId', ${conflictItem.id}, 'itemName', ${conflictItem.name}, 'resourceName', ${conflictRes.name},
        'resourceCode', ${conflictRes.code}, 'providerName', ${conflictProvider.name}) end`,
    })
    .from(catalogItems)
    .leftJoin(conflictItem, eq(conflictItem.id, catalogItems.conflictItemId))
    .leftJoin(conflictRes, eq(conflictRes.id, conflictItem.resourceId))
    .leftJoin(conflictProvider, eq(conflictProvider.id, conflictRes.providerOrgId))
    .where(eq(catalogItems.resourceId, id))
    .orderBy(catalogItems.seq);
  const { registrationState, ...rest } = r;
  return { ...rest, items, operability: operabilityFrom(r, registrationState) };
}

// ---- registrations

const applicant = alias(organizations, 'applicant');

export function registrationColumns() {
  return {
    id: registrations.id,
    resourceId: registrations.resourceId,
    resourceCode: catalogResources.code,
    resourceName: catalogResources.name,
    applicantOrgId: registrations.applicantOrgId,
    applicantName: applicant.name,
    regionCode: registrations.regionCode,
    regionName: regions.name,
    kind: registrations.kind,
    status: registrations.status,
    description: registrations.description,
    assetOwner: registrations.assetOwner,
    bookValue: registrations.bookValue,
    notAsset: registrations.notAsset,
    notAssetBasis: registrations.notAssetBasis,
    registrationNo: registrations.registrationNo,
    noticeStartsOn: registrations.noticeStartsOn,
    noticeEndsOn: registrations.noticeEndsOn,
    effectiveOn: registrations.effectiveOn,
    decidedAt: registrations.decidedAt,
    decisionReason: registrations.decisionReason,
    createdAt: registrations.createdAt,
    updatedAt: registrations.updatedAt,
    version: registrations.version,
  };
}

/** submitted / in_notice / effective / rejected / withdrawn, as the officials say it. */
export function registrationPhase(r: { status: string; effectiveOn: string | null }, today: string) {
  if (r.status !== 'approved') return r.status as 'submitted' | 'rejected' | 'withdrawn';
  return r.effectiveOn && r.effectiveOn <= today ? 'effective' : 'in_notice';
}

const REG_SORT = {
  updatedAt: timeSortKey(registrations.updatedAt),
  registrationNo: sql`coalesce(${registrations.registrationNo}, '')` as unknown as PgColumn,
} satisfies Record<RegistrationFilter['sort'], PgColumn>;

export function registrationConditions(user: ScopeSubject, f: RegistrationFilter, today: string): (SQL | undefined)[] {
  const conds: (SQL | undefined)[] = [catalogScope(user, registrations.applicantOrgId, registrations.regionCode)];
  if (f.q) {
    const p = likePattern(f.q.toLowerCase());
    conds.push(sql`(lower(${catalogResources.name}) like ${p} or lower(${catalogResources.code}) like ${p} or lower(coalesce(${registrations.registrationNo}, '')) like ${p})`);
  }
  if (f.kind) conds.push(eq(registrations.kind, f.kind));
  if (f.regionCode) conds.push(eq(registrations.regionCode, f.regionCode));
  if (f.status === 'in_notice') conds.push(sql`${registrations.status} = 'approved' and ${registrations.effectiveOn} > ${today}::date`);
  else if (f.status === 'effective') conds.push(sql`${registrations.status} = 'approved' and ${registrations.effectiveOn} <= ${today}::date`);
  else if (f.status) conds.push(eq(registrations.status, f.status));
  return conds;
}

export async function selectRegistrations(db: DbOrTx, user: ScopeSubject, f: RegistrationFilter, page: { cursor?: Cursor | null; limit: number }, today: string, extra?: SQL) {
  const { where, order } = keyset(REG_SORT[f.sort], registrations.id, { cursor: page.cursor, dir: f.dir });
  const rows = await db
    .select(registrationColumns())
    .from(registrations)
    .innerJoin(catalogResources, eq(catalogResources.id, registrations.resourceId))
    .innerJoin(applicant, eq(applicant.id, registrations.applicantOrgId))
    .innerJoin(regions, eq(regions.code, registrations.regionCode))
    .where(and(where, extra, ...registrationConditions(user, f, today)))
    .orderBy(...order)
    .limit(page.limit + 1);
  const withPhase = rows.map((r) => ({ ...r, phase: registrationPhase(r, today) }));
  return pageOf(withPhase, page.limit, (r) => (f.sort === 'updatedAt' ? timeCursor(r.updatedAt) : r.registrationNo ?? ''));
}

// ---- 一数一源 conflicts (HN-9), province-wide

const conflictOther = alias(catalogItems, 'other_item');
const conflictOtherRes = alias(catalogResources, 'other_res');
const conflictProv = alias(organizations, 'prov');
const conflictOtherProv = alias(organizations, 'other_prov');

/** Items saved as repeats of another provider's item, with both sides; keyset on the item id. */
export async function selectConflicts(db: DbOrTx, f: ConflictFilter, page: { cursor?: Cursor | null; limit: number }) {
  const { where, order } = keyset(catalogItems.id, catalogItems.id, { cursor: page.cursor, dir: 'asc' });
  const p = f.q ? likePattern(f.q.toLowerCase()) : null;
  const rows = await db
    .select({
      id: catalogItems.id,
      itemName: catalogItems.name,
      fieldCode: catalogItems.fieldCode,
      resolution: catalogItems.sourceResolution,
      justification: catalogItems.justification,
      resourceId: catalogResources.id,
      resourceName: catalogResources.name,
      resourceCode: catalogResources.code,
      resourceStatus: catalogResources.status,
      providerName: conflictProv.name,
      otherItemName: conflictOther.name,
      otherResourceId: conflictOtherRes.id,
      otherResourceName: conflictOtherRes.name,
      otherResourceCode: conflictOtherRes.code,
      otherProviderName: conflictOtherProv.name,
    })
    .from(catalogItems)
    .innerJoin(catalogResources, eq(catalogResources.id, catalogItems.resourceId))
    .innerJoin(conflictProv, eq(conflictProv.id, catalogResources.providerOrgId))
    .innerJoin(conflictOther, eq(conflictOther.id, catalogItems.conflictItemId))
    .innerJoin(conflictOtherRes, eq(conflictOtherRes.id, conflictOther.resourceId))
    .innerJoin(conflictOtherProv, eq(conflictOtherProv.id, conflictOtherRes.providerOrgId))
    .where(and(
      where,
      isNotNull(catalogItems.conflictItemId),
      f.unresolved ? isNull(catalogItems.sourceResolution) : undefined,
      p ? sql`(lower(${catalogItems.name}) like ${p} or lower(${catalogResources.name}) like ${p} or lower(${conflictProv.name}) like ${p} or lower(${conflictOtherProv.name}) like ${p})` : undefined,
    ))
    .orderBy(...order)
    .limit(page.limit + 1);
  return pageOf(rows, page.limit, (r) => r.id);
}
