import { and, asc, eq, isNotNull, isNull, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '@/db/client';
import { catalogItems, catalogResources, organizations } from '@/db/schema';
import { appendAudit, type AuditActor } from '@/server/domain/audit';
import { gradeOf, normalizeItemName, reviewerOrgOf, searchTextOf, type Grade } from '@/server/domain/catalog';
import { DomainError, invalidField, isUniqueViolation } from '@/server/domain/errors';
import type { ItemInput, ResourceInput } from './schema';

/**
 * Writing a resource's working copy: shared by create, update, restore and the spreadsheet import,
 * so that every path computes the grade, the 一数一源 matches and the search text the same way.
 */

export interface SourceMatch {
  itemId: string;
  itemName: string;
  fieldCode: string | null;
  resourceId: string;
  resourceName: string;
  resourceCode: string;
  providerName: string;
}

/** The owner organization of a catalog (the caller's own). */
export interface Owner {
  id: string;
  regionCode: string;
}

/**
 * 数据提供单位: an active organization of the owner's region (a city catalog lists its city's
 * providers; a provincial catalog the provincial ones).
 */
export async function checkProvider(db: DbOrTx, providerOrgId: string, owner: Owner, field = 'providerOrgId') {
  const [p] = await db
    .select({ id: organizations.id, name: organizations.name, regionCode: organizations.regionCode, active: organizations.active })
    .from(organizations)
    .where(eq(organizations.id, providerOrgId));
  if (!p || !p.active || p.regionCode !== owner.regionCode) throw invalidField(field, '数据提供单位须为本地区在用的机构');
  return p;
}

/**
 * 一数一源 (HN-9): for each item, the first item of another provider with the same standard field
 * code or the same normalized name. Only authoritative items count: an item that was itself saved
 * as a repeat (linked, justified as a second source, or not yet resolved) is not a source, so that
 * re-saving the original never flags it against its own duplicates.
 */
export async function findSourceMatches(
  db: DbOrTx,
  providerOrgId: string,
  selfResourceId: string | null,
  items: readonly { name: string; fieldCode?: string | null }[],
): Promise<(SourceMatch | null)[]> {
  if (!items.length) return [];
  // One probe per item: a match on the standard field code first, else on the normalized name; each
  // probe walks its partial index in catalogue order and stops at the first other provider's item.
  const keys = sql.join(items.map((it, i) => sql`(${i}::int, ${it.fieldCode || null}::text, ${normalizeItemName(it.name)}::text)`), sql`, `);
  const probe = (key: SQL) => sql`(select ci.id, ci.name, ci.field_code, r.id as resource_id, r.name as resource_name, r.code as resource_code, o.name as provider_name
      from ${catalogItems} ci
      join ${catalogResources} r on r.id = ci.resource_id
      join ${organizations} o on o.id = r.provider_org_id
     where ${key} and ci.conflict_item_id is null and r.provider_org_id <> ${providerOrgId}::uuid
       ${selfResourceId ? sql`and r.id <> ${selfResourceId}::uuid` : sql``}
     order by ci.created_at, ci.id limit 1)`;
  const rows = await queryRows<{ i: number; id: string; name: string; field_code: string | null; resource_id: string; resource_name: string; resource_code: string; provider_name: string }>(db, sql`
    select k.i, m.* from (values ${keys}) as k(i, code, norm)
    cross join lateral (
      select * from (${probe(sql`k.code is not null and ci.field_code = k.code and ci.field_code is not null`)}
                     union all
                     ${probe(sql`ci.norm_name = k.norm`)}) both_ limit 1
    ) m`);
  const byIndex = new Map(rows.map((r) => [Number(r.i), r]));
  return items.map((_, i) => {
    const m = byIndex.get(i);
    return m
      ? { itemId: m.id, itemName: m.name, fieldCode: m.field_code, resourceId: m.resource_id, resourceName: m.resource_name, resourceCode: m.resource_code, providerName: m.provider_name }
      : null;
  });
}

export interface Snapshot {
  code: string;
  name: string;
  providerOrgId: string;
  providerName: string;
  summary: string;
  format: string;
  updateCycle: string;
  shareType: string;
  shareCondition: string | null;
  openType: string;
  grade: string;
  items: {
    id: string;
    name: string;
    fieldCode: string | null;
    dataType: string;
    description: string;
    sensitive: boolean;
    grade: string;
    sourceResolution: string | null;
    justification: string | null;
  }[];
}

/** The working copy as a frozen record (what a version stores and the diff compares). */
export async function snapshotOf(db: DbOrTx, resourceId: string): Promise<Snapshot> {
  const [r] = await db
    .select({
      code: catalogResources.code, name: catalogResources.name, providerOrgId: catalogResources.providerOrgId, providerName: organizations.name,
      summary: catalogResources.summary, format: catalogResources.format, updateCycle: catalogResources.updateCycle,
      shareType: catalogResources.shareType, shareCondition: catalogResources.shareCondition, openType: catalogResources.openType, grade: catalogResources.grade,
    })
    .from(catalogResources)
    .innerJoin(organizations, eq(organizations.id, catalogResources.providerOrgId))
    .where(eq(catalogResources.id, resourceId));
  const items = await db
    .select({
      id: catalogItems.id, name: catalogItems.name, fieldCode: catalogItems.fieldCode, dataType: catalogItems.dataType, description: catalogItems.description,
      sensitive: catalogItems.sensitive, grade: catalogItems.grade, sourceResolution: catalogItems.sourceResolution, justification: catalogItems.justification,
    })
    .from(catalogItems)
    .where(eq(catalogItems.resourceId, resourceId))
    .orderBy(asc(catalogItems.seq));
  return { ...r, items };
}

/** A resolution only counts where there is a match; a link makes the matched item the source. */
function itemRow(it: ItemInput, seq: number, match: SourceMatch | null) {
  const resolution = match ? it.sourceResolution ?? null : null;
  return {
    seq,
    name: it.name,
    normName: normalizeItemName(it.name),
    fieldCode: it.fieldCode ?? null,
    dataType: it.dataType,
    description: it.description ?? '',
    sensitive: it.sensitive ?? false,
    grade: it.grade as Grade,
    conflictItemId: match?.itemId ?? null,
    sourceResolution: resolution,
    justification: resolution === 'second' ? it.justification ?? null : null,
  };
}

export const duplicateCode = () => new DomainError('conflict', '该资源代码已被使用', { field: 'code', fieldErrors: { code: ['该资源代码已被使用'] } });

/**
 * Write the working copy (insert when `existingId` is null). Items keep their ids (an item id that
 * is not this resource's is treated as new); removed items are deleted. Returns the resource id.
 * The caller runs it inside a transaction and has checked the version and the scope.
 */
export async function writeResource(
  tx: DbOrTx,
  actor: AuditActor & { id: string },
  owner: Owner,
  input: ResourceInput,
  existingId: string | null,
  audit: { action: string; reason?: string | null } | null,
): Promise<{ id: string; unresolved: number }> {
  const provider = await checkProvider(tx, input.providerOrgId, owner);
  const [taken] = await tx
    .select({ id: catalogResources.id })
    .from(catalogResources)
    .where(and(eq(catalogResources.code, input.code), existingId ? ne(catalogResources.id, existingId) : undefined));
  if (taken) throw duplicateCode();

  const matches = await findSourceMatches(tx, input.providerOrgId, existingId, input.items);
  const rows = input.items.map((it, i) => itemRow(it, i + 1, matches[i]));
  const fields = {
    code: input.code,
    name: input.name,
    providerOrgId: input.providerOrgId,
    summary: input.summary ?? '',
    format: input.format,
    updateCycle: input.updateCycle,
    shareType: input.shareType,
    shareCondition: input.shareType === 'unconditional' ? null : input.shareCondition ?? null,
    openType: input.openType,
    grade: gradeOf(rows),
    itemCount: rows.length,
    searchText: searchTextOf({ code: input.code, name: input.name, providerName: provider.name, itemNames: rows.map((r) => r.name) }),
  };

  const before = existingId ? await snapshotOf(tx, existingId) : null;
  let id: string;
  try {
    if (existingId) {
      id = existingId;
      await tx.update(catalogResources).set({ ...fields, updatedAt: new Date() }).where(eq(catalogResources.id, id));
    } else {
      const [row] = await tx
        .insert(catalogResources)
        .values({ ...fields, ownerOrgId: owner.id, regionCode: owner.regionCode, createdBy: actor.id })
        .returning({ id: catalogResources.id });
      id = row.id;
    }
  } catch (err) {
    if (isUniqueViolation(err, 'catalog_resources_code_uq')) throw duplicateCode();
    throw err;
  }

  const mine = existingId
    ? new Set((await tx.select({ id: catalogItems.id }).from(catalogItems).where(eq(catalogItems.resourceId, id))).map((r) => r.id))
    : new Set<string>();
  const kept: string[] = [];
  const keeps: boolean[] = [];
  for (const [i, it] of input.items.entries()) {
    // An id given twice keeps its row once; the repeat is a new item (otherwise one item would be lost).
    keeps[i] = !!it.id && mine.has(it.id) && !kept.includes(it.id);
    if (keeps[i]) {
      kept.push(it.id!);
      await tx.update(catalogItems).set(rows[i]).where(eq(catalogItems.id, it.id!));
    }
  }
  await tx.delete(catalogItems).where(and(eq(catalogItems.resourceId, id), kept.length ? notInArray(catalogItems.id, kept) : undefined));
  const fresh = rows.filter((_row, i) => !keeps[i]);
  if (fresh.length) await tx.insert(catalogItems).values(fresh.map((row) => ({ ...row, resourceId: id })));

  if (audit) {
    const after = await snapshotOf(tx, id);
    await appendAudit(tx, actor, {
      action: audit.action,
      entityType: 'catalog_resource',
      entityId: id,
      before: before ? changedFields(before, after).before : null,
      after: before ? changedFields(before, after).after : { code: after.code, name: after.name, grade: after.grade, items: after.items.length },
      reason: audit.reason ?? null,
    });
  }
  return { id, unresolved: rows.filter((r) => r.conflictItemId && !r.sourceResolution).length };
}

/** Before/after of the fields that changed (items summarized by name), for the audit row. */
function changedFields(a: Snapshot, b: Snapshot) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const k of Object.keys(a) as (keyof Snapshot)[]) {
    if (k === 'items') continue;
    if (a[k] !== b[k]) {
      before[k] = a[k];
      after[k] = b[k];
    }
  }
  const names = (s: Snapshot) => s.items.map((i) => `${i.name}:${i.grade}${i.sensitive ? ':敏感' : ''}`).join(',');
  if (names(a) !== names(b)) {
    before.items = names(a);
    after.items = names(b);
  }
  return { before, after };
}

/**
 * What a submission for review carries (resourceMachine's submit step): the frozen working copy,
 * how many 一数一源 matches are still unresolved (the step's HN-9 guard), and the reviewer's inbox.
 */
export async function submissionOf(db: DbOrTx, row: { id: string; ownerOrgId: string; regionCode: string }, restoredFrom: number | null = null) {
  const [u] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(catalogItems)
    .where(and(eq(catalogItems.resourceId, row.id), isNotNull(catalogItems.conflictItemId), isNull(catalogItems.sourceResolution)));
  return { snapshot: await snapshotOf(db, row.id), unresolved: u.n, reviewer: await reviewerOrgOf(db, row), restoredFrom };
}
