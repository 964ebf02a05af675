import { and, eq, inArray, isNull, isNotNull } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { deadlines, inboxItems, rectificationEntries, rectificationExtensions, rectificationOrders } from '@/db/schema';
import { can } from '@/server/domain/policy';
import { OPEN_STATUSES, RESPONDER_ROLE, type EntryKind, type OrderStatus } from '@/server/domain/rectification';
import { defineMachine, type InboxSpec, type WorkflowActor } from '@/server/domain/workflow';

export type OrderRow = typeof rectificationOrders.$inferSelect;
export type ExtensionRow = typeof rectificationExtensions.$inferSelect;

/** The order's parties: the issuer (HN-20 督促整改) and the target that rectifies. */
export const isIssuer = (row: { issuerOrgId: string }, actor: { orgId: string | null; roles: readonly string[] }) =>
  row.issuerOrgId === actor.orgId && can(actor, 'rectification.issue');
export const isTarget = (row: { targetOrgId: string }, actor: { orgId: string | null; roles: readonly string[] }) =>
  row.targetOrgId === actor.orgId && can(actor, 'rectification.respond');

/** The role of an organization type that acts for it in 我的待办. */
export function roleOfOrgType(type: string): string | null {
  switch (type) {
    case 'province_authority': return 'province_admin';
    case 'municipal_authority': return 'municipal_admin';
    default: return (RESPONDER_ROLE as Record<string, string>)[type] ?? null;
  }
}

export interface OrderStepInput {
  now: Date;
  /** Text of the entry recorded with the step (the plan's measures, a reason, a remark). */
  body: string;
  data?: Record<string, unknown> | null;
  /** Roles that act for the two parties in 我的待办. */
  issuerRole: string | null;
  targetRole: string | null;
  /** The id of the entry the step recorded (set by the effect, for the caller). */
  entryId?: string;
}

export async function addEntry(
  tx: DbOrTx, orderId: string, kind: EntryKind, body: string, data: Record<string, unknown> | null | undefined, actor: WorkflowActor, at: Date,
): Promise<string> {
  const [e] = await tx.insert(rectificationEntries).values({
    orderId, kind, body, data: data ?? null, authorId: actor.id, authorOrgId: actor.orgId!, createdAt: at,
  }).returning({ id: rectificationEntries.id });
  return e.id;
}

const href = (row: OrderRow) => `/rectification/${row.id}`;

/** The target's task, carrying the order's due time (HN-22 ¶2 限期整改). */
export function targetTask(row: OrderRow, step: 'plan' | 'progress', role: string | null): InboxSpec {
  return {
    assigneeOrgId: row.targetOrgId,
    assigneeRole: role,
    step,
    title: step === 'plan' ? `提交整改方案:${row.no} ${row.title}` : `报送整改进展并申请验收:${row.no} ${row.title}`,
    href: href(row),
    basis: row.article,
    // the clock is created from the order's deadline, then set to its effective due time (syncDeadlines)
    deadline: { kind: row.deadlineKind as 'calendar_days' | 'working_days', amount: row.deadlineAmount, basis: row.article, startedAt: row.issuedAt },
  };
}

export function issuerTask(row: OrderRow, step: 'review_plan' | 'verify' | 'extension', role: string | null): InboxSpec {
  const what = { review_plan: '审核整改方案', verify: '验收整改情况', extension: '审批延期申请' }[step];
  return { assigneeOrgId: row.issuerOrgId, assigneeRole: role, step, title: `${what}:${row.no} ${row.title}`, href: href(row), basis: row.article };
}

/** The open tasks of the order carry its effective due time (it moves only by a granted extension). */
export async function syncDeadlines(tx: DbOrTx, row: Pick<OrderRow, 'id' | 'dueAt'>): Promise<void> {
  const open = await tx.select({ deadlineId: inboxItems.deadlineId }).from(inboxItems)
    .where(and(eq(inboxItems.entityType, 'rectification_order'), eq(inboxItems.entityId, row.id), isNull(inboxItems.closedAt), isNotNull(inboxItems.deadlineId)));
  const ids = open.map((o) => o.deadlineId!);
  if (ids.length) await tx.update(deadlines).set({ dueAt: row.dueAt }).where(inArray(deadlines.id, ids));
}

const withEntry = (kind: EntryKind) => async (tx: Tx, row: OrderRow, input: OrderStepInput, actor: WorkflowActor) => {
  input.entryId = await addEntry(tx, row.id, kind, input.body, input.data, actor, input.now);
  await syncDeadlines(tx, row);
};

export type OrderAction = 'submitPlan' | 'acceptPlan' | 'returnPlan' | 'requestVerify' | 'acceptVerify' | 'returnVerify' | 'cancel';

/**
 * 整改通知 (HN-20, HN-22 ¶2): 待提交方案 → 方案待审核 → (退回: 待提交方案 | 通过: 整改中) → 待验收 →
 * (退回: 整改中 | 通过: 已办结); the issuer may cancel an open order. Progress updates and extension
 * requests are entries, not steps (orders.ts).
 */
export const orderMachine = defineMachine<OrderStatus, OrderAction, OrderRow, OrderStepInput>({
  entity: 'rectification_order',
  table: rectificationOrders,
  states: ['plan_pending', 'plan_submitted', 'in_progress', 'verifying', 'closed', 'cancelled'],
  transitions: {
    submitPlan: {
      from: ['plan_pending'], to: 'plan_submitted', self: isTarget,
      closes: ['plan'],
      opens: (row, input) => [issuerTask(row, 'review_plan', input.issuerRole)],
      effect: withEntry('plan'),
    },
    acceptPlan: {
      from: ['plan_submitted'], to: 'in_progress', self: isIssuer,
      closes: ['review_plan'],
      opens: (row, input) => [targetTask(row, 'progress', input.targetRole)],
      effect: withEntry('plan_accepted'),
    },
    returnPlan: {
      from: ['plan_submitted'], to: 'plan_pending', self: isIssuer,
      closes: ['review_plan'],
      opens: (row, input) => [targetTask(row, 'plan', input.targetRole)],
      effect: withEntry('plan_returned'),
    },
    requestVerify: {
      from: ['in_progress'], to: 'verifying', self: isTarget,
      closes: ['progress'],
      opens: (row, input) => [issuerTask(row, 'verify', input.issuerRole)],
      effect: withEntry('verify_request'),
    },
    acceptVerify: {
      from: ['verifying'], to: 'closed', self: isIssuer,
      patch: (_row, input) => ({ closedAt: input.now }),
      closes: 'all',
      effect: withEntry('verify_accepted'),
    },
    returnVerify: {
      from: ['verifying'], to: 'in_progress', self: isIssuer,
      closes: ['verify'],
      opens: (row, input) => [targetTask(row, 'progress', input.targetRole)],
      effect: withEntry('verify_returned'),
    },
    cancel: {
      from: [...OPEN_STATUSES], to: 'cancelled', self: isIssuer,
      closes: 'all',
      effect: withEntry('cancelled'),
    },
  },
});

export type ExtensionStatus = 'pending' | 'granted' | 'refused';

export interface ExtensionStepInput {
  now: Date;
  by: string;
  order: OrderRow;
  reason: string | null;
}

/**
 * A request for a later due date: pending → granted (the order's due time moves to the end of that
 * day — the only way it moves) | refused. Only the issuer decides; one pending at a time.
 */
export const extensionMachine = defineMachine<ExtensionStatus, 'grant' | 'refuse', ExtensionRow, ExtensionStepInput>({
  entity: 'rectification_extension',
  table: rectificationExtensions,
  states: ['pending', 'granted', 'refused'],
  transitions: {
    grant: {
      from: ['pending'], to: 'granted', self: (_row, actor) => can(actor, 'rectification.issue'),
      patch: (_row, input) => ({ decidedAt: input.now, decidedBy: input.by, decisionReason: input.reason }),
      closes: [],
    },
    refuse: {
      from: ['pending'], to: 'refused', self: (_row, actor) => can(actor, 'rectification.issue'),
      patch: (_row, input) => ({ decidedAt: input.now, decidedBy: input.by, decisionReason: input.reason }),
      closes: [],
    },
  },
});
