import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import {
  criticisms, interviews, operationSuspensions, organizations, rectificationEntries, rectificationExtensions, rectificationOrders, users,
} from '@/db/schema';
import { appendAudit } from '@/server/domain/audit';
import { shanghaiDate } from '@/server/domain/deadlines';
import { conflict, DomainError, invalidField, notFound, precondition } from '@/server/domain/errors';
import { keyset, likePattern, pageOf, timeCursor, timeSortKey, type Cursor } from '@/server/domain/paging';
import {
  DUE_SOON_DAYS, dueState, extendedDueAt, isOpenStatus, ORDER_NO_PREFIX, orderDueAt, orderNo, OPEN_STATUSES, planDateProblem,
  shanghaiYear, SOURCE_INFO, TARGET_ORG_TYPES,
} from '@/server/domain/rectification';
import type { ScopeSubject } from '@/server/domain/scope';
import { timelineOf, type EntityRef } from '@/server/domain/timeline';
import { availableTransitions, closeInbox, openInbox, transition, type WorkflowActor } from '@/server/domain/workflow';
import { escalate } from './escalate';
import { issuableTargets, orderScope } from './access';
import {
  addEntry, extensionMachine, isIssuer, isTarget, issuerTask, orderMachine, roleOfOrgType, syncDeadlines, targetTask,
  type OrderAction, type OrderRow,
} from './order-machine';
import { sweepOverdueOrders } from './overdue';
import { suspensionTags } from './suspensions';
import { ZIssueOrderInput, type IssueOrderInput, type OrderFilter } from './schema';

/**
 * 整改通知 (HN-20, HN-22 ¶2, HN-24, ID-14). Every function takes `now`, so that the due time and
 * the overdue check can be tested at fixed dates; the router passes `new Date()`.
 */

/** The zod errors of an input as one field-level domain error (nothing is written). */
function fieldErrorsOf(error: { issues: { path: PropertyKey[]; message: string }[] }): DomainError {
  const fieldErrors: Record<string, string[]> = {};
  for (const i of error.issues) (fieldErrors[i.path.map(String).join('.') || '_'] ??= []).push(i.message);
  const first = error.issues[0]?.message ?? '输入有误';
  return new DomainError('invalid', first, { field: Object.keys(fieldErrors)[0], fieldErrors });
}

/** The next number of the year, under a transaction-scoped lock (numbers are sequential, never reused). */
async function nextOrderNo(tx: DbOrTx, year: number): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(7310600, ${year})`);
  const prefix = ORDER_NO_PREFIX(year);
  const [{ n }] = await tx.select({
    n: sql<number>`coalesce(max(substring(${rectificationOrders.no} from '〕([0-9]+)号')::int), 0)::int`,
  }).from(rectificationOrders).where(sql`${rectificationOrders.no} like ${`${prefix}%`}`);
  return orderNo(year, Number(n) + 1);
}

/**
 * Issue an order (HN-20 督促整改落实). For other domains too (an evaluation finding becomes an order
 * in one step, HN-22 ¶2): the caller has authorized the issuer (`actor.orgId`) and the target; the
 * input is still validated here (field errors), the target must exist and be an organization that
 * answers orders. Opens the target's task 提交整改方案 with the due time; an order raised for a major
 * security risk suspends the operator at once (HN-22 ¶2). Returns the order row.
 */
export async function issueOrder(tx: DbOrTx, actor: WorkflowActor, input: IssueOrderInput, now: Date): Promise<OrderRow> {
  const parsed = ZIssueOrderInput.safeParse(input);
  if (!parsed.success) throw fieldErrorsOf(parsed.error);
  const v = parsed.data;
  if (!actor.orgId) throw precondition('签发单位不明,不能签发整改通知', 'HN-20');
  return tx.transaction(async (t) => {
    const [target] = await t.select({ id: organizations.id, type: organizations.type, regionCode: organizations.regionCode, name: organizations.name })
      .from(organizations).where(eq(organizations.id, v.targetOrgId));
    if (!target) throw notFound('整改对象');
    if (!(TARGET_ORG_TYPES as readonly string[]).includes(target.type)) throw invalidField('targetOrgId', '整改对象应为一级开发主体、实施机构或接入平台');
    if (target.id === actor.orgId) throw invalidField('targetOrgId', '不能向本单位签发整改通知');
    const no = await nextOrderNo(t, shanghaiYear(now));
    const dueAt = orderDueAt(now, v.deadlineKind, v.deadlineAmount);
    const [row] = await t.insert(rectificationOrders).values({
      no, source: v.source, sourceRef: v.sourceRef ?? null, issuerOrgId: actor.orgId!, issuedBy: actor.id, targetOrgId: target.id,
      regionCode: target.regionCode, title: v.title, findings: v.findings.map((text) => ({ text })), article: v.article,
      majorRisk: v.majorRisk, deadlineKind: v.deadlineKind, deadlineAmount: v.deadlineAmount, issuedAt: now, dueAt,
      createdAt: now, updatedAt: now,
    }).returning();
    await appendAudit(t, actor, {
      action: 'rectification_order.issue', entityType: 'rectification_order', entityId: row.id,
      after: {
        no, source: v.source, sourceRef: v.sourceRef ?? null, target: target.name, title: v.title, findings: v.findings.length, article: v.article,
        majorRisk: v.majorRisk, deadline: `${v.deadlineAmount} ${v.deadlineKind}`, dueAt: dueAt.toISOString(), status: row.status,
      },
    });
    await openInbox(t, 'rectification_order', row.id, [targetTask(row, 'plan', roleOfOrgType(target.type))]);
    // HN-22 ¶2: 评价发现重大安全风险的,应当暂停公共数据资源授权运营工作
    if (v.majorRisk) await escalate(t, row, 'major_risk', now, actor.id, actor);
    return row;
  });
}

/** Issue, after the HN-20 scope check: a target the issuer may not order is NOT_FOUND. */
export async function issueScoped(db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, input: IssueOrderInput, now: Date): Promise<OrderRow> {
  const [t] = await db.select({ id: organizations.id }).from(organizations).where(and(eq(organizations.id, input.targetOrgId), issuableTargets(user)));
  if (!t) throw notFound('整改对象');
  return issueOrder(db, actor, input, now);
}

/** Organizations the caller may order to rectify (the form's choices). */
export async function targetOptions(db: DbOrTx, user: ScopeSubject, q?: string) {
  const conds: (SQL | undefined)[] = [issuableTargets(user), eq(organizations.active, true)];
  if (q) conds.push(sql`lower(${organizations.name}) like ${likePattern(q.toLowerCase())}`);
  return db.select({ id: organizations.id, name: organizations.name, type: organizations.type, regionCode: organizations.regionCode })
    .from(organizations).where(and(...conds)).orderBy(asc(organizations.type), asc(organizations.name)).limit(200);
}

// ---- steps

/** The order in the caller's scope, locked, with the organization types of its two parties. */
async function orderInScope(tx: DbOrTx, user: ScopeSubject, id: string) {
  const issuer = alias(organizations, 'issuer_org');
  const target = alias(organizations, 'target_org');
  const [r] = await tx.select({ order: rectificationOrders, issuerType: issuer.type, targetType: target.type })
    .from(rectificationOrders)
    .innerJoin(issuer, eq(issuer.id, rectificationOrders.issuerOrgId))
    .innerJoin(target, eq(target.id, rectificationOrders.targetOrgId))
    .where(and(eq(rectificationOrders.id, id), orderScope(user)));
  if (!r) throw notFound('整改通知');
  return r;
}

async function pendingExtension(tx: DbOrTx, orderId: string) {
  const [e] = await tx.select().from(rectificationExtensions)
    .where(and(eq(rectificationExtensions.orderId, orderId), eq(rectificationExtensions.status, 'pending'))).limit(1);
  return e ?? null;
}

const ISSUER_STEPS: readonly OrderAction[] = ['acceptPlan', 'returnPlan', 'acceptVerify', 'returnVerify', 'cancel'];
const partyProblem = (action: OrderAction | 'progress' | 'extension' | 'decideExtension') =>
  (ISSUER_STEPS as readonly string[]).includes(action) || action === 'decideExtension'
    ? precondition('只有签发整改通知的单位可以办理此步骤', 'HN-20')
    : precondition('只有被责令整改的单位可以办理此步骤', 'HN-22 ¶2');

export interface StepRef {
  id: string;
  version: number;
  body?: string | null;
  reason?: string | null;
  measures?: string;
  responsible?: string;
  plannedOn?: string;
}

/** One step of an order's workflow, by the party it belongs to (another party in scope: a precondition, not FORBIDDEN). */
export async function orderStep(db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, action: OrderAction, ref: StepRef, now: Date) {
  return db.transaction(async (tx) => {
    const { order, issuerType, targetType } = await orderInScope(tx, user, ref.id);
    const mine = (ISSUER_STEPS as readonly string[]).includes(action) ? isIssuer(order, actor) : isTarget(order, actor);
    if (!mine) throw partyProblem(action);
    let body = ref.body ?? ref.reason ?? '';
    let data: Record<string, unknown> | null = null;
    if (action === 'submitPlan') {
      const pending = await pendingExtension(tx, order.id);
      const problem = planDateProblem(ref.plannedOn!, order.dueAt, pending?.requestedDueOn ?? null);
      if (problem) throw invalidField('plannedOn', problem);
      body = ref.measures!;
      data = { measures: ref.measures, responsible: ref.responsible, plannedOn: ref.plannedOn };
    }
    if (!body) body = { acceptPlan: '整改方案审核通过', acceptVerify: '整改验收通过,予以办结' }[action as string] ?? '';
    const input = { now, body, data, issuerRole: roleOfOrgType(issuerType), targetRole: roleOfOrgType(targetType) };
    const updated = await transition(tx, orderMachine, actor, {
      id: order.id, version: ref.version, action, input, scope: orderScope(user),
      reason: ['returnPlan', 'returnVerify', 'cancel'].includes(action) ? ref.reason ?? null : null,
    });
    return { ...updated, entryId: (input as { entryId?: string }).entryId ?? null };
  });
}

/** Lock the order, check the party and the version; bump the version (an entry changes what the parties see). */
async function touchOrder(tx: DbOrTx, user: ScopeSubject, actor: WorkflowActor, ref: { id: string; version: number }, party: 'target', what: 'progress' | 'extension', now: Date) {
  const { order, issuerType } = await orderInScope(tx, user, ref.id);
  if (party === 'target' && !isTarget(order, actor)) throw partyProblem(what);
  await tx.select({ id: rectificationOrders.id }).from(rectificationOrders).where(eq(rectificationOrders.id, order.id)).for('update');
  if (order.version !== ref.version) throw conflict();
  if (!isOpenStatus(order.status)) throw precondition('整改通知已办结或已撤销', 'HN-20');
  const [fresh] = await tx.update(rectificationOrders).set({ version: order.version + 1, updatedAt: now })
    .where(and(eq(rectificationOrders.id, order.id), eq(rectificationOrders.version, ref.version))).returning();
  if (!fresh) throw conflict();
  return { order: fresh, issuerType };
}

/** A progress update (text, % done; evidence files are attached to the entry): an entry, not a step. */
export async function addProgress(db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, ref: { id: string; version: number; body: string; percent: number }, now: Date) {
  return db.transaction(async (tx) => {
    const { order } = await touchOrder(tx, user, actor, ref, 'target', 'progress', now);
    if (order.status !== 'in_progress') throw precondition('整改方案审核通过后才能报送整改进展', 'HN-22 ¶2');
    const entryId = await addEntry(tx, order.id, 'progress', ref.body, { percent: ref.percent }, actor, now);
    await appendAudit(tx, actor, {
      action: 'rectification_order.progress', entityType: 'rectification_order', entityId: order.id,
      after: { entryId, percent: ref.percent, version: order.version },
    });
    return { ...order, entryId };
  });
}

/** The target asks for a later due date (one pending at a time); the issuer decides. */
export async function requestExtension(db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, ref: { id: string; version: number; requestedDueOn: string; reason: string }, now: Date) {
  return db.transaction(async (tx) => {
    const { order, issuerType } = await touchOrder(tx, user, actor, ref, 'target', 'extension', now);
    if (await pendingExtension(tx, order.id)) throw precondition('已有一项延期申请待审批,请等待签发单位决定', 'HN-22 ¶2');
    if (ref.requestedDueOn <= shanghaiDate(order.dueAt)) throw invalidField('requestedDueOn', `申请延长至的日期应晚于当前整改期限(${shanghaiDate(order.dueAt)})`);
    if (ref.requestedDueOn <= shanghaiDate(now)) throw invalidField('requestedDueOn', '申请延长至的日期应晚于今天');
    const [ext] = await tx.insert(rectificationExtensions).values({
      orderId: order.id, requestedDueOn: ref.requestedDueOn, reason: ref.reason, requestedBy: actor.id, createdAt: now,
    }).returning();
    await addEntry(tx, order.id, 'extension_request', ref.reason, { extensionId: ext.id, requestedDueOn: ref.requestedDueOn }, actor, now);
    await appendAudit(tx, actor, {
      action: 'rectification_extension.request', entityType: 'rectification_extension', entityId: ext.id,
      after: { orderId: order.id, orderNo: order.no, requestedDueOn: ref.requestedDueOn, currentDueAt: order.dueAt.toISOString(), status: 'pending' }, reason: ref.reason,
    });
    await openInbox(tx, 'rectification_order', order.id, [issuerTask(order, 'extension', roleOfOrgType(issuerType))]);
    return ext;
  });
}

/**
 * The issuer grants (the order's due time moves to the end of the requested day: the only way it
 * moves) or refuses (with a reason) an extension. If the order had gone overdue and the new due
 * time is in the future it is no longer overdue; `overdueAt` stays as history.
 */
export async function decideExtension(
  db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, ref: { id: string; version: number; grant: boolean; reason?: string | null }, now: Date,
) {
  return db.transaction(async (tx) => {
    const [ext] = await tx.select({ orderId: rectificationExtensions.orderId }).from(rectificationExtensions).where(eq(rectificationExtensions.id, ref.id));
    if (!ext) throw notFound('延期申请');
    const { order } = await orderInScope(tx, user, ext.orderId).catch(() => {
      throw notFound('延期申请');
    });
    if (!isIssuer(order, actor)) throw partyProblem('decideExtension');
    if (!isOpenStatus(order.status)) throw precondition('整改通知已办结或已撤销,不能再审批延期', 'HN-20');
    const decided = await transition(tx, extensionMachine, actor, {
      id: ref.id, version: ref.version, action: ref.grant ? 'grant' : 'refuse', reason: ref.reason ?? null,
      input: { now, by: actor.id, order, reason: ref.reason ?? null },
    });
    const [locked] = await tx.select().from(rectificationOrders).where(eq(rectificationOrders.id, order.id)).for('update');
    let updated = locked;
    if (ref.grant) {
      const dueAt = extendedDueAt(decided.requestedDueOn);
      [updated] = await tx.update(rectificationOrders).set({ dueAt, version: locked.version + 1, updatedAt: now })
        .where(eq(rectificationOrders.id, order.id)).returning();
      await appendAudit(tx, actor, {
        action: 'rectification_order.extend', entityType: 'rectification_order', entityId: order.id,
        before: { dueAt: locked.dueAt.toISOString(), version: locked.version },
        after: { dueAt: dueAt.toISOString(), version: locked.version + 1, extensionId: decided.id, overdueBefore: !!locked.overdueAt && locked.dueAt < now },
        reason: ref.reason ?? null,
      });
      await syncDeadlines(tx, updated);
    } else {
      [updated] = await tx.update(rectificationOrders).set({ version: locked.version + 1, updatedAt: now })
        .where(eq(rectificationOrders.id, order.id)).returning();
    }
    await addEntry(tx, order.id, ref.grant ? 'extension_granted' : 'extension_refused', ref.reason || (ref.grant ? '同意延期' : '不同意延期'),
      { extensionId: decided.id, requestedDueOn: decided.requestedDueOn }, actor, now);
    await closeInbox(tx, 'rectification_order', order.id, ['extension']);
    return { order: updated, extension: decided };
  });
}

// ---- reading

const issuerOrg = alias(organizations, 'issuer_org');
const targetOrg = alias(organizations, 'target_org');

function columns() {
  return {
    id: rectificationOrders.id,
    no: rectificationOrders.no,
    source: rectificationOrders.source,
    sourceRef: rectificationOrders.sourceRef,
    issuerOrgId: rectificationOrders.issuerOrgId,
    issuerName: issuerOrg.name,
    issuedBy: rectificationOrders.issuedBy,
    targetOrgId: rectificationOrders.targetOrgId,
    targetName: targetOrg.name,
    targetType: targetOrg.type,
    regionCode: rectificationOrders.regionCode,
    title: rectificationOrders.title,
    findings: rectificationOrders.findings,
    article: rectificationOrders.article,
    majorRisk: rectificationOrders.majorRisk,
    status: rectificationOrders.status,
    deadlineKind: rectificationOrders.deadlineKind,
    deadlineAmount: rectificationOrders.deadlineAmount,
    issuedAt: rectificationOrders.issuedAt,
    dueAt: rectificationOrders.dueAt,
    overdueAt: rectificationOrders.overdueAt,
    closedAt: rectificationOrders.closedAt,
    version: rectificationOrders.version,
    createdAt: rectificationOrders.createdAt,
    updatedAt: rectificationOrders.updatedAt,
  };
}

const baseQuery = (db: DbOrTx) => db.select(columns()).from(rectificationOrders)
  .innerJoin(issuerOrg, eq(issuerOrg.id, rectificationOrders.issuerOrgId))
  .innerJoin(targetOrg, eq(targetOrg.id, rectificationOrders.targetOrgId));

const SORT = {
  issuedAt: timeSortKey(rectificationOrders.issuedAt),
  dueAt: timeSortKey(rectificationOrders.dueAt),
  updatedAt: timeSortKey(rectificationOrders.updatedAt),
  no: rectificationOrders.no,
} satisfies Record<OrderFilter['sort'], PgColumn>;

const openSql = inArray(rectificationOrders.status, [...OPEN_STATUSES]);

export function orderConditions(user: ScopeSubject, f: OrderFilter, now: Date): (SQL | undefined)[] {
  const conds: (SQL | undefined)[] = [orderScope(user)];
  if (f.q) {
    const p = likePattern(f.q.toLowerCase());
    conds.push(sql`(lower(${rectificationOrders.no}) like ${p} or lower(${rectificationOrders.title}) like ${p} or lower(${targetOrg.name}) like ${p} or lower(${issuerOrg.name}) like ${p})`);
  }
  if (f.status) conds.push(eq(rectificationOrders.status, f.status));
  if (f.source) conds.push(eq(rectificationOrders.source, f.source));
  if (f.regionCode) conds.push(eq(rectificationOrders.regionCode, f.regionCode));
  if (f.targetOrgId) conds.push(eq(rectificationOrders.targetOrgId, f.targetOrgId));
  switch (f.view) {
    case 'open':
      conds.push(openSql);
      break;
    case 'overdue':
      conds.push(openSql, sql`${rectificationOrders.dueAt} < ${now.toISOString()}::timestamptz`);
      break;
    case 'due_soon':
      // due within 7 days (calendar), not yet past
      conds.push(openSql, sql`${rectificationOrders.dueAt} >= ${now.toISOString()}::timestamptz`,
        sql`${rectificationOrders.dueAt} < ${new Date(now.getTime() + (DUE_SOON_DAYS + 1) * 86_400_000).toISOString()}::timestamptz`);
      break;
    case 'mine':
      conds.push(sql`(${rectificationOrders.targetOrgId} = ${user.orgId} or ${rectificationOrders.issuerOrgId} = ${user.orgId})`);
      break;
    default:
      break;
  }
  return conds;
}

/** One keyset page of the orders in the caller's scope (the lists and the export). Runs the overdue check first. */
export async function selectOrders(db: DbOrTx, user: ScopeSubject, f: OrderFilter, page: { cursor?: Cursor | null; limit: number }, now: Date) {
  await sweepOverdueOrders(db, now);
  const { where, order } = keyset(SORT[f.sort], rectificationOrders.id, { cursor: page.cursor, dir: f.dir });
  const rows = await baseQuery(db).where(and(where, ...orderConditions(user, f, now))).orderBy(...order).limit(page.limit + 1);
  const suspended = await suspensionTags(db, [...new Set(rows.map((r) => r.targetOrgId))]);
  const items = rows.map((r) => ({ ...r, due: dueState(r, now), suspension: suspended.get(r.targetOrgId) ?? null }));
  return pageOf(items, page.limit, (r) => (f.sort === 'no' ? r.no : timeCursor(f.sort === 'dueAt' ? r.dueAt : f.sort === 'updatedAt' ? r.updatedAt : r.issuedAt)));
}

/** Counts per view for the tabs (one aggregate query). */
export async function orderCounts(db: DbOrTx, user: ScopeSubject, now: Date) {
  await sweepOverdueOrders(db, now);
  const soon = new Date(now.getTime() + (DUE_SOON_DAYS + 1) * 86_400_000).toISOString();
  const nowIso = now.toISOString();
  const [c] = await db.select({
    all: sql<number>`count(*)::int`,
    open: sql<number>`count(*) filter (where ${openSql})::int`,
    overdue: sql<number>`count(*) filter (where ${openSql} and ${rectificationOrders.dueAt} < ${nowIso}::timestamptz)::int`,
    dueSoon: sql<number>`count(*) filter (where ${openSql} and ${rectificationOrders.dueAt} >= ${nowIso}::timestamptz and ${rectificationOrders.dueAt} < ${soon}::timestamptz)::int`,
  }).from(rectificationOrders).innerJoin(targetOrg, eq(targetOrg.id, rectificationOrders.targetOrgId)).innerJoin(issuerOrg, eq(issuerOrg.id, rectificationOrders.issuerOrgId))
    .where(orderScope(user));
  return c;
}

/** One order with its exchange, extensions, the caller's possible steps and the timeline; null outside the scope. */
export async function getOrder(db: DbOrTx, user: ScopeSubject, actor: WorkflowActor, id: string, now: Date) {
  await sweepOverdueOrders(db, now);
  const [r] = await baseQuery(db).where(and(eq(rectificationOrders.id, id), orderScope(user)));
  if (!r) return null;
  const entries = await db.select({
    id: rectificationEntries.id, kind: rectificationEntries.kind, body: rectificationEntries.body, data: rectificationEntries.data,
    createdAt: rectificationEntries.createdAt, authorName: users.displayName, orgName: organizations.name, authorOrgId: rectificationEntries.authorOrgId,
  }).from(rectificationEntries)
    .innerJoin(users, eq(users.id, rectificationEntries.authorId))
    .innerJoin(organizations, eq(organizations.id, rectificationEntries.authorOrgId))
    .where(eq(rectificationEntries.orderId, id))
    .orderBy(asc(rectificationEntries.createdAt), asc(rectificationEntries.id));
  const extensions = await db.select().from(rectificationExtensions).where(eq(rectificationExtensions.orderId, id)).orderBy(desc(rectificationExtensions.createdAt));
  const issuedByName = (await db.select({ n: users.displayName }).from(users).where(eq(users.id, r.issuedBy)))[0]?.n ?? null;
  const suspensions = await db.select({ id: operationSuspensions.id, cause: operationSuspensions.cause, startedAt: operationSuspensions.startedAt, resumedAt: operationSuspensions.resumedAt, basis: operationSuspensions.basis })
    .from(operationSuspensions).where(eq(operationSuspensions.orderId, id));
  const ivs = await db.select({ id: interviews.id, status: interviews.status, heldOn: interviews.heldOn }).from(interviews).where(eq(interviews.orderId, id));
  const crit = await db.select({ id: criticisms.id }).from(criticisms).where(eq(criticisms.orderId, id));
  const refs: EntityRef[] = [
    { type: 'rectification_order', id },
    ...extensions.map((e) => ({ type: 'rectification_extension', id: e.id })),
    ...entries.map((e) => ({ type: 'rectification_entry', id: e.id })),
    ...suspensions.map((s) => ({ type: 'operation_suspension', id: s.id })),
    ...ivs.map((i) => ({ type: 'interview', id: i.id })),
    ...crit.map((c) => ({ type: 'criticism', id: c.id })),
  ];
  const timeline = await timelineOf(db, refs);
  const row = r as unknown as OrderRow;
  const pending = extensions.find((e) => e.status === 'pending') ?? null;
  const open = isOpenStatus(r.status);
  const suspension = (await suspensionTags(db, [r.targetOrgId])).get(r.targetOrgId) ?? null;
  return {
    ...r,
    sourceLabel: SOURCE_INFO[r.source as keyof typeof SOURCE_INFO]?.label ?? r.source,
    issuedByName,
    due: dueState(r, now),
    entries,
    extensions,
    pendingExtension: pending,
    suspensions,
    interviews: ivs,
    suspension,
    actions: availableTransitions(orderMachine, row, actor),
    can: {
      progress: open && r.status === 'in_progress' && isTarget(r, actor),
      requestExtension: open && !pending && isTarget(r, actor),
      decideExtension: open && !!pending && isIssuer(r, actor),
    },
    timeline,
  };
}
