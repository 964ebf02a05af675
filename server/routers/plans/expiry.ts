import { and, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { inboxItems, operatingAgreements } from '@/db/schema';
import { appendAudit } from '@/server/domain/audit';
import { addDays } from '@/server/domain/deadlines';
import { agreementInForceSql, EXPIRY_REMINDER_DAYS } from '@/server/domain/filings';
import { closeInbox, openInbox } from '@/server/domain/workflow';

/**
 * HN-14(9) 续约或退出机制: reminders in the agency's 我的待办 90 and 30 days before an agreement in
 * force ends, until the agency records renewal or exit. Idempotent: one item per agreement, threshold
 * and end date (a renewed term gets its own reminders), opened once and never again, closed when the
 * path is recorded. Called by `me.inbox` before reading; a scheduler may call it too.
 */
const ENTITY = 'operating_agreement';

/** Calendar days from `today` to `day` (YYYY-MM-DD), negative once it has passed. */
export function daysUntil(today: string, day: string): number {
  return Math.round((Date.parse(day) - Date.parse(today)) / 86_400_000);
}

/** The inbox steps of an agreement's reminders for its current end date. */
export function expirySteps(endsOn: string): string[] {
  return EXPIRY_REMINDER_DAYS.map((d) => `expiry_${d}:${endsOn}`);
}

interface Due {
  id: string;
  name: string;
  agencyOrgId: string;
  endsOn: string;
  threshold: number;
}

/** Reminders that should exist and do not yet (never opened before). */
async function missingReminders(db: DbOrTx, today: string): Promise<Due[]> {
  const widest = Math.max(...EXPIRY_REMINDER_DAYS);
  const rows = await db
    .select({ id: operatingAgreements.id, name: operatingAgreements.name, agencyOrgId: operatingAgreements.agencyOrgId, endsOn: operatingAgreements.endsOn })
    .from(operatingAgreements)
    .where(and(
      agreementInForceSql(),
      isNull(operatingAgreements.exitPath),
      sql`${operatingAgreements.endsOn} between ${today}::date and ${addDays(today, widest)}::date`,
    ));
  if (!rows.length) return [];
  const opened = await db.select({ entityId: inboxItems.entityId, step: inboxItems.step }).from(inboxItems)
    .where(and(eq(inboxItems.entityType, ENTITY), inArray(inboxItems.entityId, rows.map((r) => r.id)), like(inboxItems.step, 'expiry\\_%')));
  const seen = new Set(opened.map((o) => `${o.entityId} ${o.step}`));
  return rows.flatMap((r) => EXPIRY_REMINDER_DAYS
    .filter((d) => r.endsOn <= addDays(today, d) && !seen.has(`${r.id} expiry_${d}:${r.endsOn}`))
    .map((threshold) => ({ ...r, threshold })));
}

const SYSTEM = { id: null, name: 'system', orgId: null, ip: null };

/** Open the missing reminders; returns how many were opened. */
export async function sweepAgreementExpiry(db: DbOrTx, today: string): Promise<number> {
  if (!(await missingReminders(db, today)).length) return 0;
  return db.transaction(async (tx) => {
    // one sweeper at a time; the reminders are read again under the lock
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('agreement_expiry_sweep'))`);
    const due = await missingReminders(tx, today);
    for (const r of due) {
      // the 30-day reminder replaces the 90-day one
      if (r.threshold < Math.max(...EXPIRY_REMINDER_DAYS)) await closeInbox(tx, ENTITY, r.id, expirySteps(r.endsOn).filter((s) => s !== `expiry_${r.threshold}:${r.endsOn}`));
      await openInbox(tx, ENTITY, r.id, [{
        assigneeOrgId: r.agencyOrgId,
        assigneeRole: 'implementing_agency',
        step: `expiry_${r.threshold}:${r.endsOn}`,
        title: `运营协议将于 ${r.endsOn} 到期(${r.threshold} 天提醒),请登记续约或退出安排:${r.name}`,
        href: `/filings/agreements/${r.id}`,
        basis: 'HN-14(9)',
        deadline: { kind: 'calendar_days', amount: daysUntil(today, r.endsOn), basis: 'HN-14(9)', startedAt: new Date(`${today}T12:00:00+08:00`) },
      }]);
      await appendAudit(tx, SYSTEM, { action: 'operating_agreement.expiry_reminder', entityType: ENTITY, entityId: r.id, after: { threshold: r.threshold, endsOn: r.endsOn } });
    }
    return due.length;
  });
}
