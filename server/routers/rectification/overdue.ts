import { and, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rectificationOrders } from '@/db/schema';
import { appendAudit } from '@/server/domain/audit';
import { OPEN_STATUSES } from '@/server/domain/rectification';
import { escalate, SYSTEM_ACTOR } from './escalate';

/**
 * The overdue check (HN-22 ¶2 未按期整改到位): every open order past its due time that has not been
 * flagged for this due time gets `overdueAt = now`, an audit event, and — when its target is an
 * operator without an active suspension — a suspension and a 约谈 (escalate.ts).
 *
 * "Not flagged for this due time": `overdueAt` is null, or earlier than the due time (an extension
 * granted after the order went overdue moved the due time past it; `overdueAt` stays as history, and
 * passing the new due time escalates again).
 *
 * Idempotent and cheap: one indexed query (rectification_orders_due_idx on status, due_at) when
 * nothing is due; the flags are set in one UPDATE. It runs on a schedule (instrumentation.ts) and on
 * read (order lists and pages, suspension lists, the suspension check of scenario applications and
 * product registrations), never only when someone clicks.
 */
const dueToFlag = (now: Date): SQL => and(
  inArray(rectificationOrders.status, [...OPEN_STATUSES]),
  lt(rectificationOrders.dueAt, now),
  or(isNull(rectificationOrders.overdueAt), sql`${rectificationOrders.overdueAt} < ${rectificationOrders.dueAt}`),
)!;

export const OVERDUE_SWEEP_LOCK = 7310602;

export async function sweepOverdueOrders(db: DbOrTx, now: Date = new Date()): Promise<number> {
  const [any] = await db.select({ id: rectificationOrders.id }).from(rectificationOrders).where(dueToFlag(now)).limit(1);
  if (!any) return 0;
  return db.transaction(async (tx) => {
    // one sweeper at a time; the rows are selected again under the lock
    await tx.execute(sql`select pg_advisory_xact_lock(${OVERDUE_SWEEP_LOCK})`);
    const flagged = await tx.update(rectificationOrders)
      .set({ overdueAt: now })
      .where(dueToFlag(now))
      .returning({
        id: rectificationOrders.id, no: rectificationOrders.no, title: rectificationOrders.title, status: rectificationOrders.status,
        issuerOrgId: rectificationOrders.issuerOrgId, targetOrgId: rectificationOrders.targetOrgId, regionCode: rectificationOrders.regionCode,
        dueAt: rectificationOrders.dueAt,
      });
    for (const o of flagged.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())) {
      await appendAudit(tx, SYSTEM_ACTOR, {
        action: 'rectification_order.overdue', entityType: 'rectification_order', entityId: o.id,
        after: { overdueAt: now.toISOString(), dueAt: o.dueAt.toISOString(), status: o.status },
        reason: '逾期未整改到位(HN-22 ¶2)',
      });
      await escalate(tx, o, 'overdue', now, null, SYSTEM_ACTOR);
    }
    return flagged.length;
  });
}
