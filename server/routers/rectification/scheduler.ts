import type { DbOrTx } from '@/db/client';
import { shanghaiDate } from '@/server/domain/deadlines';
import { sweepAgreementExpiry } from '@/server/routers/plans/expiry';
import { sweepOverdueOrders } from './overdue';

/**
 * The scheduled job (instrumentation.ts runs it every OVERDUE_SWEEP_MINUTES): the overdue check of
 * rectification orders (HN-22 ¶2) and the HN-14(9) agreement-expiry reminders. Each sweep is
 * idempotent and also runs on read; a failure is reported and never stops the other sweep or the
 * process. Returns what each did (null when it failed).
 */
export async function runScheduledSweeps(
  db: DbOrTx, now: Date = new Date(), onError: (err: unknown, sweep: string) => void = (err, sweep) => console.error(`[scheduler] ${sweep}`, err),
): Promise<{ overdue: number | null; agreementReminders: number | null }> {
  let overdue: number | null = null;
  let agreementReminders: number | null = null;
  try {
    overdue = await sweepOverdueOrders(db, now);
  } catch (err) {
    onError(err, 'rectification overdue check');
  }
  try {
    agreementReminders = await sweepAgreementExpiry(db, shanghaiDate(now));
  } catch (err) {
    onError(err, 'agreement expiry reminders');
  }
  return { overdue, agreementReminders };
}

/** Minutes between runs: OVERDUE_SWEEP_MINUTES (default 5, at least 1). */
export function sweepIntervalMs(env: string | undefined): number {
  const n = Number(env);
  return (Number.isFinite(n) && n >= 1 ? n : 5) * 60_000;
}
