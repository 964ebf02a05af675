import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { catalogItems, catalogResources, deadlines, operatingAgreements, organizations, qualityMessages, qualityRequests, users } from '@/db/schema';
import { appendAudit } from '@/server/domain/audit';
import { deadlineStatus, shanghaiDate, workingDaysBetween } from '@/server/domain/deadlines';
import { agreementInForceSql, isInForce } from '@/server/domain/filings';
import { invalidField, notFound, precondition } from '@/server/domain/errors';
import { keyset, likePattern, pageOf, timeCursor, timeSortKey, type Cursor } from '@/server/domain/paging';
import { scopeLevel, type ScopeSubject } from '@/server/domain/scope';
import { timelineOf } from '@/server/domain/timeline';
import { availableTransitions, openInbox, transition, type WorkflowActor } from '@/server/domain/workflow';
import { addMessage, answerTask, attachClock, qualityMachine } from './quality-machine';
import type { QualityFilter, RaiseQualityInput } from './schema';

/**
 * 数据校核 (HN-16): the operator raises a quality issue on a resource it operates; the resource's
 * 数据提供单位 answers within 7 working days. Every function takes `now`, so that the clock can be
 * tested at fixed dates; the router passes `new Date()`.
 */
type QualityRow = typeof qualityRequests.$inferSelect;
export type QualityAction = 'clarify' | 'reply' | 'answer' | 'close' | 'reopen' | 'withdraw';

/**
 * Who sees a request: the operator that raised it, the provider that answers, the catalog owner
 * (implementing agency); the municipal authority of the provider's region (its supervisor); the
 * province all of them. Anything else is NOT_FOUND.
 */
export function qualityScope(user: ScopeSubject): SQL {
  const own = or(eq(qualityRequests.operatorOrgId, user.orgId), eq(qualityRequests.providerOrgId, user.orgId), eq(qualityRequests.ownerOrgId, user.orgId))!;
  switch (scopeLevel(user)) {
    case 'province':
      return sql`true`;
    case 'region':
      return or(eq(qualityRequests.regionCode, user.regionCode), own)!;
    default:
      return own;
  }
}

/** Open, with its clock running past the due time. */
export const overdueSql = (now: Date) =>
  sql`(${qualityRequests.status} = 'open' and ${deadlines.pausedAt} is null and ${deadlines.dueAt} < ${now.toISOString()}::timestamptz)`;

/** Agreements under which `operatorOrgId` operates, in force on `today` (filed and within the term). */
const inForce = (operatorOrgId: string, today: string) => and(
  eq(operatingAgreements.operatorOrgId, operatorOrgId),
  agreementInForceSql(),
  sql`${operatingAgreements.startsOn} <= ${today}::date`,
  sql`${operatingAgreements.endsOn} >= ${today}::date`,
);

/** The resources an operator may raise a request on (HN-16), with their data items for the form. */
export async function raisableResources(db: DbOrTx, operatorOrgId: string, today: string) {
  const provider = alias(organizations, 'provider');
  const rows = await db
    .selectDistinct({ id: catalogResources.id, code: catalogResources.code, name: catalogResources.name, providerName: provider.name })
    .from(operatingAgreements)
    .innerJoin(catalogResources, sql`${catalogResources.id} = any(${operatingAgreements.resourceIds})`)
    .innerJoin(provider, eq(provider.id, catalogResources.providerOrgId))
    .where(inForce(operatorOrgId, today))
    .orderBy(asc(catalogResources.code));
  if (!rows.length) return [];
  const items = await db
    .select({ resourceId: catalogItems.resourceId, name: catalogItems.name })
    .from(catalogItems)
    .where(inArray(catalogItems.resourceId, rows.map((r) => r.id)))
    .orderBy(asc(catalogItems.seq));
  return rows.map((r) => ({ ...r, items: items.filter((i) => i.resourceId === r.id).map((i) => i.name) }));
}

/**
 * Raise a request. A resource outside every agreement of the operator is outside its scope
 * (NOT_FOUND, nothing about it leaks); one covered only by an agreement that is not filed or not
 * in its term is refused with the article (the operator knows its own agreements).
 */
export async function raiseQuality(db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, input: RaiseQualityInput, now: Date): Promise<QualityRow> {
  return db.transaction(async (tx) => {
    const today = shanghaiDate(now);
    const covering = await tx
      .select({ status: operatingAgreements.status, filedVersionNo: operatingAgreements.filedVersionNo, startsOn: operatingAgreements.startsOn, endsOn: operatingAgreements.endsOn })
      .from(operatingAgreements)
      .where(and(eq(operatingAgreements.operatorOrgId, user.orgId), sql`${input.resourceId}::uuid = any(${operatingAgreements.resourceIds})`));
    if (!covering.length) throw notFound('数据资源');
    if (!covering.some((a) => isInForce(a) && a.startsOn <= today && a.endsOn >= today)) {
      throw precondition('该数据资源所在的运营协议未备案或不在运营期限内,不能提出数据校核需求', 'HN-16');
    }
    const [res] = await tx
      .select({ id: catalogResources.id, name: catalogResources.name, ownerOrgId: catalogResources.ownerOrgId, providerOrgId: catalogResources.providerOrgId, providerRegion: organizations.regionCode })
      .from(catalogResources)
      .innerJoin(organizations, eq(organizations.id, catalogResources.providerOrgId))
      .where(eq(catalogResources.id, input.resourceId));
    if (!res) throw notFound('数据资源');
    let itemName: string | null = null;
    if (input.subject === 'item') {
      const [it] = await tx.select({ name: catalogItems.name }).from(catalogItems)
        .where(and(eq(catalogItems.resourceId, res.id), eq(catalogItems.name, input.itemName ?? '')));
      if (!it) throw invalidField('itemName', '该数据资源没有这个数据项,请从目录的数据项中选择');
      itemName = it.name;
    } else if (input.itemName) {
      itemName = input.itemName;
    }
    const [row] = await tx.insert(qualityRequests).values({
      resourceId: res.id,
      operatorOrgId: user.orgId,
      providerOrgId: res.providerOrgId,
      ownerOrgId: res.ownerOrgId,
      regionCode: res.providerRegion,
      subject: input.subject,
      itemName,
      description: input.description,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    }).returning();
    await addMessage(tx, row, 'question', input.description, actor, now);
    await appendAudit(tx, actor, {
      action: 'quality_request.raise', entityType: 'quality_request', entityId: row.id,
      after: { resource: res.name, subject: input.subject, itemName, status: 'open' },
    });
    // HN-16: 相关单位应当在7个工作日内反馈校核结果 — the provider's task carries the clock.
    await openInbox(tx, 'quality_request', row.id, [answerTask(row, res.name, now)]);
    await attachClock(tx, row.id);
    const [fresh] = await tx.select().from(qualityRequests).where(eq(qualityRequests.id, row.id));
    return fresh;
  });
}

/**
 * One step of a request, through the workflow: the clock's state decides `late` (an answer after
 * the due time) and `overdue` (no pause once the time is up).
 */
export async function qualityStep(
  db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, action: QualityAction,
  ref: { id: string; version: number; body?: string | null }, now: Date,
): Promise<QualityRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ resourceName: catalogResources.name, dueAt: deadlines.dueAt, pausedAt: deadlines.pausedAt })
      .from(qualityRequests)
      .innerJoin(catalogResources, eq(catalogResources.id, qualityRequests.resourceId))
      .leftJoin(deadlines, eq(deadlines.id, qualityRequests.deadlineId))
      .where(and(eq(qualityRequests.id, ref.id), qualityScope(user)));
    if (!row) throw notFound('数据校核需求');
    const pastDue = !!row.dueAt && !row.pausedAt && now.getTime() > row.dueAt.getTime();
    return transition(tx, qualityMachine, actor, {
      id: ref.id,
      version: ref.version,
      action,
      reason: action === 'withdraw' ? ref.body ?? null : null,
      scope: qualityScope(user),
      input: { now, by: actor.id, body: ref.body ?? null, resourceName: row.resourceName, late: pastDue, overdue: pastDue },
    });
  });
}

// ---- reading

const operatorOrg = alias(organizations, 'operator_org');
const providerOrg = alias(organizations, 'provider_org');
const ownerOrg = alias(organizations, 'owner_org');

function columns() {
  return {
    id: qualityRequests.id,
    resourceId: qualityRequests.resourceId,
    resourceCode: catalogResources.code,
    resourceName: catalogResources.name,
    operatorOrgId: qualityRequests.operatorOrgId,
    operatorName: operatorOrg.name,
    providerOrgId: qualityRequests.providerOrgId,
    providerName: providerOrg.name,
    ownerOrgId: qualityRequests.ownerOrgId,
    ownerName: ownerOrg.name,
    regionCode: qualityRequests.regionCode,
    subject: qualityRequests.subject,
    itemName: qualityRequests.itemName,
    description: qualityRequests.description,
    status: qualityRequests.status,
    answer: qualityRequests.answer,
    answeredAt: qualityRequests.answeredAt,
    late: qualityRequests.late,
    deadlineId: qualityRequests.deadlineId,
    dueAt: deadlines.dueAt,
    pausedAt: deadlines.pausedAt,
    completedAt: deadlines.completedAt,
    createdAt: qualityRequests.createdAt,
    updatedAt: qualityRequests.updatedAt,
    version: qualityRequests.version,
  };
}

function baseQuery(db: DbOrTx) {
  return db
    .select(columns())
    .from(qualityRequests)
    .innerJoin(catalogResources, eq(catalogResources.id, qualityRequests.resourceId))
    .innerJoin(operatorOrg, eq(operatorOrg.id, qualityRequests.operatorOrgId))
    .innerJoin(providerOrg, eq(providerOrg.id, qualityRequests.providerOrgId))
    .innerJoin(ownerOrg, eq(ownerOrg.id, qualityRequests.ownerOrgId))
    .leftJoin(deadlines, eq(deadlines.id, qualityRequests.deadlineId));
}

/**
 * The state of the HN-16 clock: running / due soon / paused / overdue / done, and the working days
 * left (paused: left when it stopped; overdue: working days past the due day).
 */
export function clockOf(r: { dueAt: Date | null; pausedAt: Date | null; completedAt: Date | null }, now: Date) {
  if (!r.dueAt) return null;
  const status = deadlineStatus({ kind: 'working_days', dueAt: r.dueAt, pausedAt: r.pausedAt, completedAt: r.completedAt }, now);
  const workingDays = status === 'paused' ? workingDaysBetween(r.pausedAt!, r.dueAt)
    : status === 'overdue' ? workingDaysBetween(r.dueAt, now)
    : status === 'done' ? 0
    : workingDaysBetween(now, r.dueAt);
  return { status, dueAt: r.dueAt, pausedAt: r.pausedAt, workingDays };
}

const SORT = {
  createdAt: timeSortKey(qualityRequests.createdAt),
  updatedAt: timeSortKey(qualityRequests.updatedAt),
  dueAt: timeSortKey(deadlines.dueAt, true),
} satisfies Record<QualityFilter['sort'], PgColumn>;

export function qualityConditions(user: ScopeSubject, f: QualityFilter, now: Date): (SQL | undefined)[] {
  const conds: (SQL | undefined)[] = [qualityScope(user)];
  if (f.q) {
    const p = likePattern(f.q.toLowerCase());
    conds.push(sql`(lower(${catalogResources.name}) like ${p} or lower(${catalogResources.code}) like ${p} or lower(${qualityRequests.description}) like ${p} or lower(coalesce(${qualityRequests.itemName}, '')) like ${p} or lower(${providerOrg.name}) like ${p})`);
  }
  if (f.status) conds.push(eq(qualityRequests.status, f.status));
  if (f.subject) conds.push(eq(qualityRequests.subject, f.subject));
  if (f.overdue) conds.push(overdueSql(now));
  if (f.late) conds.push(eq(qualityRequests.late, true));
  return conds;
}

/** One keyset page of the requests in the caller's scope (the list and its export). */
export async function selectQuality(db: DbOrTx, user: ScopeSubject, f: QualityFilter, page: { cursor?: Cursor | null; limit: number }, now: Date) {
  const { where, order } = keyset(SORT[f.sort], qualityRequests.id, { cursor: page.cursor, dir: f.dir });
  const rows = await baseQuery(db)
    .where(and(where, ...qualityConditions(user, f, now)))
    .orderBy(...order)
    .limit(page.limit + 1);
  const items = rows.map((r) => ({ ...r, clock: clockOf(r, now) }));
  return pageOf(items, page.limit, (r) => timeCursor(f.sort === 'dueAt' ? r.dueAt : f.sort === 'updatedAt' ? r.updatedAt : r.createdAt));
}

/** One request with its exchange, clock, the caller's possible steps and the timeline; null outside the scope. */
export async function getQuality(db: DbOrTx, user: ScopeSubject, actor: WorkflowActor, id: string, now: Date) {
  const [r] = await baseQuery(db).where(and(eq(qualityRequests.id, id), qualityScope(user)));
  if (!r) return null;
  const messages = await db
    .select({
      id: qualityMessages.id, kind: qualityMessages.kind, body: qualityMessages.body, createdAt: qualityMessages.createdAt,
      authorName: users.displayName, orgName: organizations.name,
    })
    .from(qualityMessages)
    .innerJoin(users, eq(users.id, qualityMessages.authorId))
    .innerJoin(organizations, eq(organizations.id, qualityMessages.authorOrgId))
    .where(eq(qualityMessages.requestId, id))
    .orderBy(asc(qualityMessages.createdAt), asc(qualityMessages.id));
  const row = r as unknown as QualityRow;
  const timeline = await timelineOf(db, [{ type: 'quality_request', id }]);
  return { ...r, clock: clockOf(r, now), messages, actions: availableTransitions(qualityMachine, row, actor), timeline };
}

/**
 * For the evaluations (HN-22): per provider, the requests raised in a year (Asia/Shanghai), how
 * many were answered late, and how many are open past their due time at `now`. Scoped like the list.
 */
export async function qualityAnswerRecord(db: DbOrTx, user: ScopeSubject, year: number, now: Date) {
  const rows = await db
    .select({
      providerOrgId: qualityRequests.providerOrgId,
      providerName: providerOrg.name,
      total: sql<number>`count(*)::int`,
      answered: sql<number>`count(*) filter (where ${qualityRequests.answeredAt} is not null)::int`,
      late: sql<number>`count(*) filter (where ${qualityRequests.late})::int`,
      overdue: sql<number>`count(*) filter (where ${overdueSql(now)})::int`,
    })
    .from(qualityRequests)
    .innerJoin(providerOrg, eq(providerOrg.id, qualityRequests.providerOrgId))
    .leftJoin(deadlines, eq(deadlines.id, qualityRequests.deadlineId))
    .where(and(qualityScope(user), sql`extract(year from ${qualityRequests.createdAt} at time zone 'Asia/Shanghai') = ${year}`))
    .groupBy(qualityRequests.providerOrgId, providerOrg.name)
    .orderBy(sql`count(*) filter (where ${qualityRequests.late}) + count(*) filter (where ${overdueSql(now)}) desc`, asc(providerOrg.name));
  return rows;
}
