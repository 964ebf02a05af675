import { isWorkday as packageIsWorkday } from 'chinese-days';
import { addDays, DAY_MS, endOfShanghaiDay, shanghaiDate } from './dates';

export { addDays, endOfShanghaiDay, shanghaiDate };

/**
 * Deadlines (DESIGN §3). Three clocks: 法定工作日 (weekends, public holidays and adjusted working
 * weekend days from the State Council calendar), calendar days, clock hours. Dates are Asia/Shanghai
 * (UTC+8, no daylight saving since 1991, so a fixed offset is exact).
 *
 * The calendar comes from `chinese-days` (2004–2026); rows loaded by the secadmin into
 * `calendar_days` win over the package (setCalendarOverrides, refreshed by loadCalendar()).
 */
export type DeadlineKind = 'working_days' | 'calendar_days' | 'hours';
export const DEADLINE_KINDS: readonly DeadlineKind[] = ['working_days', 'calendar_days', 'hours'];

/** Last year the chinese-days package covers; later years need a loaded table. */
export const PACKAGE_LAST_YEAR = 2026;
export const PACKAGE_FIRST_YEAR = 2004;

let overrides = new Map<string, boolean>();

export function setCalendarOverrides(days: Iterable<{ date: string; working: boolean }>): void {
  overrides = new Map([...days].map((d) => [d.date, d.working]));
}

function toDateString(date: Date | string): string {
  return typeof date === 'string' ? date.slice(0, 10) : shanghaiDate(date);
}

/** Is this Shanghai calendar day a working day? Accepts 'YYYY-MM-DD' or an instant. */
export function isWorkingDay(date: Date | string): boolean {
  const d = toDateString(date);
  const o = overrides.get(d);
  if (o !== undefined) return o;
  const year = Number(d.slice(0, 4));
  if (packageCovers(year)) return packageIsWorkday(d);
  // No table for this year yet: fall back to Monday–Friday (the UI warns that the year is not loaded).
  const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/**
 * Does the chinese-days package hold this year's official table? A year outside it is covered only
 * once the secadmin loads its table (the calendar router reads that from `calendar.load_year`).
 */
export function packageCovers(year: number): boolean {
  return year >= PACKAGE_FIRST_YEAR && year <= PACKAGE_LAST_YEAR;
}

/**
 * The n-th working day after `start` (the start day itself is not counted), as YYYY-MM-DD.
 * 7 working days from 2025-09-30 is 2025-10-16 (国庆/中秋 holidays, 10-11 an adjusted working Saturday).
 */
export function addWorkingDays(start: Date | string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  let d = toDateString(start);
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** Working days in (from, to], i.e. how many are still to run from `from` until `to`. */
export function workingDaysBetween(from: Date | string, to: Date | string): number {
  let d = toDateString(from);
  const end = toDateString(to);
  let count = 0;
  while (d < end) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) count++;
  }
  return count;
}

/** When a deadline started at `start` with `amount` units of `kind` falls due. */
export function computeDue(kind: DeadlineKind, start: Date, amount: number): Date {
  switch (kind) {
    case 'hours':
      return new Date(start.getTime() + amount * 3600_000);
    case 'calendar_days':
      return endOfShanghaiDay(addDays(shanghaiDate(start), amount));
    case 'working_days':
      return endOfShanghaiDay(addWorkingDays(start, amount));
  }
}

export interface DeadlineState {
  kind: DeadlineKind;
  dueAt: Date;
  pausedAt: Date | null;
  completedAt?: Date | null;
}

/** Pause the clock while waiting on the other party. */
export function pause<T extends DeadlineState>(d: T, now: Date): T {
  if (d.pausedAt || d.completedAt) return d;
  return { ...d, pausedAt: now };
}

/**
 * Resume: the time that was left when the clock stopped is granted again from `now`.
 * For working-day clocks that is the working days left, so a pause over a holiday costs nothing.
 */
export function resume<T extends DeadlineState>(d: T, now: Date): T {
  if (!d.pausedAt) return d;
  let dueAt: Date;
  if (d.kind === 'working_days') {
    const left = workingDaysBetween(d.pausedAt, d.dueAt);
    dueAt = endOfShanghaiDay(addWorkingDays(now, left));
  } else {
    dueAt = new Date(now.getTime() + Math.max(0, d.dueAt.getTime() - d.pausedAt.getTime()));
  }
  return { ...d, dueAt, pausedAt: null };
}

export type DeadlineStatus = 'running' | 'due_soon' | 'overdue' | 'paused' | 'done';

/** Due soon: under an hour for hour clocks, under three days for day clocks. */
export function deadlineStatus(d: DeadlineState, now: Date): DeadlineStatus {
  if (d.completedAt) return 'done';
  if (d.pausedAt) return 'paused';
  const left = d.dueAt.getTime() - now.getTime();
  if (left < 0) return 'overdue';
  const soon = d.kind === 'hours' ? 3600_000 : 3 * DAY_MS;
  return left <= soon ? 'due_soon' : 'running';
}
