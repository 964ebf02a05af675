import { and, eq, inArray, isNull, isNotNull, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { interviews, operationSuspensions, organizations, rectificationOrders, users } from '@/db/schema';
import { appendAudit } from '@/server/domain/audit';
import { shanghaiDate } from '@/server/domain/deadlines';
import { conflict, notFound, precondition } from '@/server/domain/errors';
import { keyset, likePattern, pageOf, timeCursor, timeSortKey, type Cursor } from '@/server/domain/paging';
import { SUSPENSION_BASIS } from '@/server/domain/rectification';
import type { ScopeSubject } from '@/server/domain/scope';
import { closeInbox, type WorkflowActor } from '@/server/domain/workflow';
import { decidableSuspensions, suspensionScope } from './access';
import { sweepOverdueOrders } from './overdue';
import type { SuspensionFilter } from './schema';

/**
 * 暂停公共数据资源授权运营 (HN-22 ¶2). A suspension is active while `resumedAt` is null; while it lasts
 * the operator cannot apply for new scenarios (HN-15) nor register products, and it shows as 暂停运营
 * wherever the operator is listed. Resumption is an explicit, audited decision with a reason.
 */
export type SuspensionRow = typeof operationSuspensions.$inferSelect;

/** The organization's active suspension, if any. */
export async function activeSuspension(db: DbOrTx, orgId: string): Promise<SuspensionRow | null> {
  const [s] = await db.select().from(operationSuspensions)
    .where(and(eq(operationSuspensions.orgId, orgId), isNull(operationSuspensions.resumedAt))).limit(1);
  return s ?? null;
}

/** Which of these organizations are suspended now (one query, for list pages). */
export async function suspendedOrgIds(db: DbOrTx, orgIds: readonly string[]): Promise<Set<string>> {
  if (!orgIds.length) return new Set();
  const rows = await db.selectDistinct({ orgId: operationSuspensions.orgId }).from(operationSuspensions)
    .where(and(inArray(operationSuspensions.orgId, [...new Set(orgIds)]), isNull(operationSuspensions.resumedAt)));
  return new Set(rows.map((r) => r.orgId));
}

/** SQL: is this organization column suspended now (for list queries that add one column). */
export const suspendedSql = (orgCol: PgColumn): SQL<boolean> =>
  sql<boolean>`exists (select 1 from ${operationSuspensions} where ${operationSuspensions.orgId} = ${orgCol} and ${operationSuspensions.resumedAt} is null)`;

/** The active suspension of each organization, with what the 暂停运营 tag's tooltip shows. */
export async function suspensionTags(db: DbOrTx, orgIds: readonly string[]) {
  const m = new Map<string, { startedAt: Date; basis: string; reason: string; issuerName: string }>();
  if (!orgIds.length) return m;
  const rows = await db.select({
    orgId: operationSuspensions.orgId, startedAt: operationSuspensions.startedAt, basis: operationSuspensions.basis,
    reason: operationSuspensions.reason, issuerName: organizations.name,
  }).from(operationSuspensions).innerJoin(organizations, eq(organizations.id, operationSuspensions.issuerOrgId))
    .where(and(inArray(operationSuspensions.orgId, [...new Set(orgIds)]), isNull(operationSuspensions.resumedAt)));
  for (const r of rows) m.set(r.orgId, { startedAt: r.startedAt, basis: r.basis, reason: r.reason, issuerName: r.issuerName });
  return m;
}

/**
 * HN-22 ¶2: refuse a new scenario application or product registration while the operator is
 * suspended. Runs the overdue check first, so that an order that just passed its due time counts
 * even if nobody has opened a list since.
 */
export async function assertNotSuspended(db: DbOrTx, orgId: string, what: string, now: Date = new Date()): Promise<void> {
  await sweepOverdueOrders(db, now);
  const s = await activeSuspension(db, orgId);
  if (s) {
    throw precondition(`本单位自 ${shanghaiDate(s.startedAt)} 起已被暂停公共数据资源授权运营(${s.reason}),暂停期间不能${what};整改到位并经公共数据主管部门决定恢复后方可办理`, SUSPENSION_BASIS);
  }
}

// ---- the list

const org = alias(organizations, 'suspended_org');
const issuer = alias(organizations, 'suspension_issuer');
const resumer = alias(users, 'resumer');

function columns(user: ScopeSubject) {
  return {
    id: operationSuspensions.id,
    orgId: operationSuspensions.orgId,
    orgName: org.name,
    regionCode: org.regionCode,
    orderId: operationSuspensions.orderId,
    orderNo: rectificationOrders.no,
    orderTitle: rectificationOrders.title,
    cause: operationSuspensions.cause,
    basis: operationSuspensions.basis,
    reason: operationSuspensions.reason,
    issuerOrgId: operationSuspensions.issuerOrgId,
    issuerName: issuer.name,
    issuedBy: operationSuspensions.issuedBy,
    startedAt: operationSuspensions.startedAt,
    resumedAt: operationSuspensions.resumedAt,
    resumedByName: resumer.displayName,
    resumeReason: operationSuspensions.resumeReason,
    version: operationSuspensions.version,
    canDecide: sql<boolean>`(${operationSuspensions.resumedAt} is null and ${decidableSuspensions(user, operationSuspensions.orgId, operationSuspensions.issuerOrgId)})`,
  };
}

const baseQuery = (db: DbOrTx, user: ScopeSubject) => db.select(columns(user)).from(operationSuspensions)
  .innerJoin(org, eq(org.id, operationSuspensions.orgId))
  .innerJoin(issuer, eq(issuer.id, operationSuspensions.issuerOrgId))
  .leftJoin(rectificationOrders, eq(rectificationOrders.id, operationSuspensions.orderId))
  .leftJoin(resumer, eq(resumer.id, operationSuspensions.resumedBy));

const SORT = {
  startedAt: timeSortKey(operationSuspensions.startedAt),
  resumedAt: timeSortKey(operationSuspensions.resumedAt, true),
} satisfies Record<SuspensionFilter['sort'], PgColumn>;

export async function selectSuspensions(db: DbOrTx, user: ScopeSubject, f: SuspensionFilter, page: { cursor?: Cursor | null; limit: number }, now: Date) {
  await sweepOverdueOrders(db, now);
  const conds: (SQL | undefined)[] = [suspensionScope(user)];
  if (f.q) {
    const p = likePattern(f.q.toLowerCase());
    conds.push(sql`(lower(${org.name}) like ${p} or lower(${operationSuspensions.reason}) like ${p} or lower(coalesce(${rectificationOrders.no}, '')) like ${p})`);
  }
  if (f.active === true) conds.push(isNull(operationSuspensions.resumedAt));
  if (f.active === false) conds.push(isNotNull(operationSuspensions.resumedAt));
  const { where, order } = keyset(SORT[f.sort], operationSuspensions.id, { cursor: page.cursor, dir: f.dir });
  const rows = await baseQuery(db, user).where(and(where, ...conds)).orderBy(...order).limit(page.limit + 1);
  return pageOf(rows, page.limit, (r) => timeCursor(f.sort === 'resumedAt' ? r.resumedAt : r.startedAt));
}

/** The caller's own organization's active suspension (the console home's alert). */
export async function mySuspension(db: DbOrTx, user: ScopeSubject, now: Date) {
  await sweepOverdueOrders(db, now);
  const s = await activeSuspension(db, user.orgId);
  if (!s) return null;
  const [i] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, s.issuerOrgId));
  const [o] = s.orderId ? await db.select({ no: rectificationOrders.no, id: rectificationOrders.id }).from(rectificationOrders).where(eq(rectificationOrders.id, s.orderId)) : [];
  return { id: s.id, startedAt: s.startedAt, basis: s.basis, reason: s.reason, cause: s.cause, issuerName: i?.name ?? '', orderNo: o?.no ?? null, orderId: o?.id ?? null };
}

/**
 * Resume operation: an explicit decision by the data authority (the province, or the municipal
 * authority that issued it or of the operator's region), with a reason; a guarded update with the
 * version (stale → CONFLICT), audited. Someone in scope who may not decide gets a precondition.
 */
export async function resumeSuspension(db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, ref: { id: string; version: number; reason: string }, now: Date) {
  return db.transaction(async (tx) => {
    const [s] = await tx.select({
      row: operationSuspensions,
      mayDecide: sql<boolean>`${decidableSuspensions(user, operationSuspensions.orgId, operationSuspensions.issuerOrgId)}`,
      orgName: organizations.name,
    }).from(operationSuspensions).innerJoin(organizations, eq(organizations.id, operationSuspensions.orgId))
      .where(and(eq(operationSuspensions.id, ref.id), suspensionScope(user))).for('update', { of: operationSuspensions });
    if (!s) throw notFound('暂停运营记录');
    if (!s.mayDecide) throw precondition('恢复授权运营由作出暂停的公共数据主管部门或省公共数据主管部门决定', SUSPENSION_BASIS);
    if (s.row.version !== ref.version) throw conflict();
    if (s.row.resumedAt) throw precondition('该暂停已恢复', SUSPENSION_BASIS);
    const [updated] = await tx.update(operationSuspensions)
      .set({ resumedAt: now, resumedBy: actor.id, resumeReason: ref.reason, version: s.row.version + 1, updatedAt: now })
      .where(and(eq(operationSuspensions.id, ref.id), eq(operationSuspensions.version, ref.version), isNull(operationSuspensions.resumedAt)))
      .returning();
    if (!updated) throw conflict();
    await appendAudit(tx, actor, {
      action: 'operation_suspension.resume', entityType: 'operation_suspension', entityId: ref.id,
      before: { active: true, version: s.row.version },
      after: { active: false, org: s.orgName, resumedAt: now.toISOString(), version: updated.version },
      reason: ref.reason,
    });
    await closeInbox(tx, 'operation_suspension', ref.id, 'all');
    return updated;
  });
}

/** The 约谈 records of a suspension (for its row). */
export async function interviewsOf(db: DbOrTx, suspensionIds: string[]) {
  if (!suspensionIds.length) return [];
  return db.select({ id: interviews.id, suspensionId: interviews.suspensionId, status: interviews.status, heldOn: interviews.heldOn })
    .from(interviews).where(inArray(interviews.suspensionId, suspensionIds));
}
