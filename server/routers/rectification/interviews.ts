import { and, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { interviews, organizations, rectificationOrders } from '@/db/schema';
import { appendAudit } from '@/server/domain/audit';
import { shanghaiDate } from '@/server/domain/deadlines';
import { conflict, invalidField, notFound, precondition } from '@/server/domain/errors';
import { keyset, likePattern, pageOf, timeCursor, timeSortKey, type Cursor } from '@/server/domain/paging';
import { SUSPENSION_BASIS, type InterviewStatus } from '@/server/domain/rectification';
import type { ScopeSubject } from '@/server/domain/scope';
import { defineMachine, transition, type WorkflowActor } from '@/server/domain/workflow';
import { decidableSuspensions, interviewScope } from './access';
import type { InterviewFilter } from './schema';

/**
 * 约谈主要负责人 (HN-22 ¶2 必要时约谈主要负责人): opened with a suspension, scheduled → held (date,
 * attendees and minutes all required) | cancelled (with a reason). The data authority that decides on
 * the suspension records it.
 */
type InterviewRow = typeof interviews.$inferSelect;

interface InterviewStepInput {
  heldOn?: string;
  attendees?: string;
  minutes?: string;
}

const mayRecord = (_row: InterviewRow, actor: WorkflowActor) => actor.roles.includes('province_admin') || actor.roles.includes('municipal_admin');

export const interviewMachine = defineMachine<InterviewStatus, 'hold' | 'cancel', InterviewRow, InterviewStepInput>({
  entity: 'interview',
  table: interviews,
  states: ['scheduled', 'held', 'cancelled'],
  transitions: {
    hold: {
      from: ['scheduled'], to: 'held', self: mayRecord,
      patch: (_row, input) => ({ heldOn: input.heldOn, attendees: input.attendees, minutes: input.minutes }),
    },
    cancel: { from: ['scheduled'], to: 'cancelled', self: mayRecord },
  },
});

/** The interview in the caller's scope, and whether the caller may record it (else a precondition, not FORBIDDEN). */
async function decidable(tx: DbOrTx, user: ScopeSubject, id: string) {
  const [r] = await tx.select({ row: interviews, mayDecide: sql<boolean>`${decidableSuspensions(user, interviews.orgId, interviews.issuerOrgId)}` })
    .from(interviews).where(and(eq(interviews.id, id), interviewScope(user)));
  if (!r) throw notFound('约谈记录');
  if (!r.mayDecide) throw precondition('约谈由作出暂停的公共数据主管部门或省公共数据主管部门安排和记录', SUSPENSION_BASIS);
  return r.row;
}

/** Set (or move) the planned date of a scheduled 约谈: a guarded update with the version. */
export async function scheduleInterview(db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, ref: { id: string; version: number; scheduledOn: string }, now: Date) {
  return db.transaction(async (tx) => {
    const row = await decidable(tx, user, ref.id);
    if (row.version !== ref.version) throw conflict();
    if (row.status !== 'scheduled') throw precondition('约谈已举行或已取消', SUSPENSION_BASIS);
    if (ref.scheduledOn < shanghaiDate(now)) throw invalidField('scheduledOn', '约谈日期不能早于今天');
    const [updated] = await tx.update(interviews).set({ scheduledOn: ref.scheduledOn, version: row.version + 1, updatedAt: now })
      .where(and(eq(interviews.id, row.id), eq(interviews.version, ref.version))).returning();
    if (!updated) throw conflict();
    await appendAudit(tx, actor, {
      action: 'interview.schedule', entityType: 'interview', entityId: row.id,
      before: { scheduledOn: row.scheduledOn, version: row.version }, after: { scheduledOn: ref.scheduledOn, version: updated.version },
    });
    return updated;
  });
}

export async function holdInterview(db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, ref: { id: string; version: number; heldOn: string; attendees: string; minutes: string }, now: Date) {
  return db.transaction(async (tx) => {
    await decidable(tx, user, ref.id);
    if (ref.heldOn > shanghaiDate(now)) throw invalidField('heldOn', '约谈日期不能晚于今天(记录已举行的约谈)');
    return transition(tx, interviewMachine, actor, {
      id: ref.id, version: ref.version, action: 'hold', scope: interviewScope(user),
      input: { heldOn: ref.heldOn, attendees: ref.attendees, minutes: ref.minutes },
    });
  });
}

export async function cancelInterview(db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, ref: { id: string; version: number; reason: string }) {
  return db.transaction(async (tx) => {
    await decidable(tx, user, ref.id);
    return transition(tx, interviewMachine, actor, { id: ref.id, version: ref.version, action: 'cancel', reason: ref.reason, scope: interviewScope(user), input: {} });
  });
}

const org = alias(organizations, 'interview_org');
const issuer = alias(organizations, 'interview_issuer');

export async function selectInterviews(db: DbOrTx, user: ScopeSubject, f: InterviewFilter, page: { cursor?: Cursor | null; limit: number }) {
  const conds: (SQL | undefined)[] = [interviewScope(user)];
  if (f.q) {
    const p = likePattern(f.q.toLowerCase());
    conds.push(sql`(lower(${org.name}) like ${p} or lower(coalesce(${rectificationOrders.no}, '')) like ${p} or lower(coalesce(${interviews.attendees}, '')) like ${p})`);
  }
  if (f.status) conds.push(eq(interviews.status, f.status));
  const { where, order } = keyset(timeSortKey(interviews.createdAt), interviews.id, { cursor: page.cursor, dir: f.dir });
  const rows = await db.select({
    id: interviews.id, orgId: interviews.orgId, orgName: org.name, issuerName: issuer.name, orderId: interviews.orderId, orderNo: rectificationOrders.no,
    suspensionId: interviews.suspensionId, status: interviews.status, scheduledOn: interviews.scheduledOn, heldOn: interviews.heldOn,
    attendees: interviews.attendees, minutes: interviews.minutes, version: interviews.version, createdAt: interviews.createdAt,
    canDecide: sql<boolean>`(${interviews.status} = 'scheduled' and ${decidableSuspensions(user, interviews.orgId, interviews.issuerOrgId)})`,
  }).from(interviews)
    .innerJoin(org, eq(org.id, interviews.orgId))
    .innerJoin(issuer, eq(issuer.id, interviews.issuerOrgId))
    .leftJoin(rectificationOrders, eq(rectificationOrders.id, interviews.orderId))
    .where(and(where, ...conds)).orderBy(...order).limit(page.limit + 1);
  return pageOf(rows, page.limit, (r) => timeCursor(r.createdAt));
}
