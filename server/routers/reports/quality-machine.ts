import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { deadlines, inboxItems, qualityMessages, qualityRequests } from '@/db/schema';
import { pause, resume, type DeadlineKind } from '@/server/domain/deadlines';
import { QUALITY_ANSWER_WORKING_DAYS } from '@/server/domain/filings';
import { can } from '@/server/domain/policy';
import { defineMachine, type InboxSpec, type WorkflowActor } from '@/server/domain/workflow';
import type { QualityStatus } from './terms';

type QualityRow = typeof qualityRequests.$inferSelect;

/** Kinds of entry in a request's exchange (quality_messages.kind). */
export const MESSAGE_KINDS = ['question', 'clarify_request', 'clarification', 'answer', 'followup', 'accept', 'withdraw'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface QualityStepInput {
  /** The time of the step (injectable, so that the HN-16 clock can be tested at fixed dates). */
  now: Date;
  /** The acting user (recorded as who answered). */
  by: string;
  body?: string | null;
  resourceName: string;
  /** answer: given after the deadline. */
  late?: boolean;
  /** clarify: the deadline has already passed. */
  overdue?: boolean;
}

const operatorOf = (row: QualityRow, actor: WorkflowActor) => row.operatorOrgId === actor.orgId && can(actor, 'quality.raise');
const providerOf = (row: QualityRow, actor: WorkflowActor) => row.providerOrgId === actor.orgId && can(actor, 'quality.answer');

/** HN-16: the provider's task, with a fresh clock of 7 working days from `now`. */
export function answerTask(row: { id: string; providerOrgId: string }, resourceName: string, now: Date, followUp = false): InboxSpec {
  return {
    assigneeOrgId: row.providerOrgId,
    assigneeRole: 'data_provider',
    step: 'answer',
    title: `${followUp ? '再次答复' : '答复'}数据校核需求:${resourceName}`,
    href: `/filings/quality/${row.id}`,
    basis: 'HN-16',
    deadline: { kind: 'working_days', amount: QUALITY_ANSWER_WORKING_DAYS, basis: 'HN-16', startedAt: now },
  };
}

function operatorTask(row: QualityRow, step: 'clarify' | 'review', resourceName: string): InboxSpec[] {
  return [{
    assigneeOrgId: row.operatorOrgId,
    assigneeRole: 'operator',
    step,
    title: step === 'clarify' ? `补充说明数据校核需求:${resourceName}` : `确认数据校核结果:${resourceName}`,
    href: `/filings/quality/${row.id}`,
    basis: 'HN-16',
  }];
}

export async function addMessage(tx: DbOrTx, row: { id: string }, kind: MessageKind, body: string, actor: WorkflowActor, at: Date) {
  await tx.insert(qualityMessages).values({ requestId: row.id, kind, body, authorId: actor.id, authorOrgId: actor.orgId!, createdAt: at });
}

/** The clock of the provider's open task becomes the request's clock (it is attached to that inbox item). */
export async function attachClock(tx: DbOrTx, requestId: string): Promise<void> {
  const [task] = await tx
    .select({ deadlineId: inboxItems.deadlineId })
    .from(inboxItems)
    .where(and(eq(inboxItems.entityType, 'quality_request'), eq(inboxItems.entityId, requestId), eq(inboxItems.step, 'answer'), isNull(inboxItems.closedAt)));
  if (task?.deadlineId) await tx.update(qualityRequests).set({ deadlineId: task.deadlineId }).where(eq(qualityRequests.id, requestId));
}

/** Pause or resume the request's clock (deadlines.ts: `resume` grants again the working days left). */
async function moveClock(tx: DbOrTx, deadlineId: string | null, now: Date, how: 'pause' | 'resume') {
  if (!deadlineId) return;
  const [d] = await tx.select().from(deadlines).where(eq(deadlines.id, deadlineId));
  if (!d) return;
  const state = { kind: d.kind as DeadlineKind, dueAt: d.dueAt, pausedAt: d.pausedAt, completedAt: d.completedAt };
  const next = how === 'pause' ? pause(state, now) : resume(state, now);
  await tx.update(deadlines).set({ dueAt: next.dueAt, pausedAt: next.pausedAt }).where(eq(deadlines.id, deadlineId));
}

/**
 * 数据校核 (HN-16): 待答复 → (待补充说明, clock paused) → 已答复 → 已关闭, or back to 待答复 with a
 * follow-up (a new clock of 7 working days); the operator may withdraw it while it is open.
 *
 * While the provider waits for the operator's clarification its task stays in its 我的待办 with the
 * clock shown as paused (so it keeps track of what is pending), and the operator has a task to reply.
 */
export const qualityMachine = defineMachine<QualityStatus, 'clarify' | 'reply' | 'answer' | 'close' | 'reopen' | 'withdraw', QualityRow, QualityStepInput>({
  entity: 'quality_request',
  table: qualityRequests,
  states: ['open', 'clarifying', 'answered', 'closed', 'withdrawn'],
  transitions: {
    clarify: {
      from: ['open'],
      to: 'clarifying',
      self: providerOf,
      // A clock that has run out cannot be stopped any more: the answer is late either way.
      guard: (_row, input) => (input.overdue ? { message: '已超过答复期限,不能再暂停计时,请直接答复', article: 'HN-16' } : null),
      closes: [],
      opens: (row, input) => operatorTask(row, 'clarify', input.resourceName),
      effect: async (tx, row, input, actor) => {
        await addMessage(tx, row, 'clarify_request', input.body!, actor, input.now);
        await moveClock(tx, row.deadlineId, input.now, 'pause');
      },
    },
    reply: {
      from: ['clarifying'],
      to: 'open',
      self: operatorOf,
      closes: ['clarify'],
      effect: async (tx, row, input, actor) => {
        await addMessage(tx, row, 'clarification', input.body!, actor, input.now);
        await moveClock(tx, row.deadlineId, input.now, 'resume');
      },
    },
    answer: {
      from: ['open'],
      to: 'answered',
      self: providerOf,
      // `late` stays once set: a late answer counts in the evaluations (HN-22) even after a follow-up.
      patch: (row, input) => ({ answer: input.body, answeredAt: input.now, answeredBy: input.by, late: row.late || !!input.late }),
      closes: ['answer'],
      opens: (row, input) => operatorTask(row, 'review', input.resourceName),
      effect: (tx, row, input, actor) => addMessage(tx, row, 'answer', input.body!, actor, input.now),
    },
    close: {
      from: ['answered'],
      to: 'closed',
      self: operatorOf,
      effect: (tx, row, input, actor) => addMessage(tx, row, 'accept', input.body || '确认校核结果', actor, input.now),
    },
    reopen: {
      from: ['answered'],
      to: 'open',
      self: operatorOf,
      opens: (row, input) => [answerTask(row, input.resourceName, input.now, true)],
      effect: async (tx, row, input, actor) => {
        await addMessage(tx, row, 'followup', input.body!, actor, input.now);
        await attachClock(tx, row.id);
      },
    },
    withdraw: {
      from: ['open', 'clarifying'],
      to: 'withdrawn',
      self: operatorOf,
      effect: (tx, row, input, actor) => addMessage(tx, row, 'withdraw', input.body!, actor, input.now),
    },
  },
});
