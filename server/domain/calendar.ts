import { and, gte, lte } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { calendarDays } from '@/db/schema';
import { setCalendarOverrides } from './deadlines';

/**
 * Keeps the in-process working-day table (deadlines.ts) in step with `calendar_days`. Refreshed after
 * every write here and at most once a minute otherwise, so other processes' edits arrive too.
 */
const REFRESH_MS = 60_000;
const g = globalThis as unknown as { __calendarLoadedAt?: number };

export async function loadCalendar(db: DbOrTx): Promise<void> {
  setCalendarOverrides(await db.select({ date: calendarDays.date, working: calendarDays.working }).from(calendarDays));
  g.__calendarLoadedAt = Date.now();
}

export async function ensureCalendarFresh(db: DbOrTx): Promise<void> {
  if (!g.__calendarLoadedAt || Date.now() - g.__calendarLoadedAt > REFRESH_MS) await loadCalendar(db);
}

export async function calendarRowsOfYear(db: DbOrTx, year: number) {
  return db
    .select()
    .from(calendarDays)
    .where(and(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`)))
    .orderBy(calendarDays.date);
}
