import { computeDue, endOfShanghaiDay, shanghaiDate } from './deadlines';
import { DAY_MS } from './dates';
import { DEADLINE_MAX, DEADLINE_MIN, DUE_SOON_DAYS, isOpenStatus, type OrderDeadlineKind } from './rectification-terms';

export * from './rectification-terms';

/**
 * Rectification rules (HN-20, HN-22 ¶2, HN-24, ID-14), pure: sources and their default articles,
 * order statuses, the due time from the issue time and the deadline, and how near or past due an
 * order is. The router (server/routers/rectification) applies them; the UI shows the same levels.
 */

/** The year of an instant in Asia/Shanghai (the order number's year). */
export const shanghaiYear = (at: Date) => Number(shanghaiDate(at).slice(0, 4));

/**
 * The due time of an order issued at `issuedAt`: the end of the Shanghai day `amount` calendar or
 * working days later (the issue day itself is not counted; working days skip weekends and public
 * holidays and count adjusted working days, server/domain/deadlines.ts).
 */
export function orderDueAt(issuedAt: Date, kind: OrderDeadlineKind, amount: number): Date {
  if (!Number.isInteger(amount) || amount < DEADLINE_MIN || amount > DEADLINE_MAX) throw new RangeError('deadline amount out of range');
  return computeDue(kind, issuedAt, amount);
}

/** A granted extension moves the due time to the end of the requested day. */
export const extendedDueAt = (dueOn: string) => endOfShanghaiDay(dueOn);

export type DueLevel = 'done' | 'running' | 'due_soon' | 'overdue';

export interface DueState {
  level: DueLevel;
  dueAt: Date;
  /** Calendar days left until the due day (0 on the due day itself); null unless running / due soon. */
  daysLeft: number | null;
  /** Calendar days past the due day (1 the day after); null unless overdue. */
  overdueDays: number | null;
}

/** How near or past due an order is at `now` (closed and cancelled orders are done). */
export function dueState(o: { status: string; dueAt: Date }, now: Date): DueState {
  if (!isOpenStatus(o.status)) return { level: 'done', dueAt: o.dueAt, daysLeft: null, overdueDays: null };
  const today = Date.parse(`${shanghaiDate(now)}T00:00:00Z`);
  const dueDay = Date.parse(`${shanghaiDate(o.dueAt)}T00:00:00Z`);
  if (o.dueAt.getTime() < now.getTime()) {
    return { level: 'overdue', dueAt: o.dueAt, daysLeft: null, overdueDays: Math.max(1, Math.round((today - dueDay) / DAY_MS)) };
  }
  const daysLeft = Math.round((dueDay - today) / DAY_MS);
  return { level: daysLeft <= DUE_SOON_DAYS ? 'due_soon' : 'running', dueAt: o.dueAt, daysLeft, overdueDays: null };
}

/** Open and past its due time: the overdue check escalates it (HN-22 ¶2 未按期整改到位). */
export const isPastDue = (o: { status: string; dueAt: Date }, now: Date) => isOpenStatus(o.status) && o.dueAt.getTime() < now.getTime();

/**
 * A plan's completion date must fall on or before the due day, unless an extension is pending
 * (the target may plan for the date it asked for).
 */
export function planDateProblem(plannedOn: string, dueAt: Date, pendingExtensionOn: string | null): string | null {
  const limit = pendingExtensionOn && pendingExtensionOn > shanghaiDate(dueAt) ? pendingExtensionOn : shanghaiDate(dueAt);
  return plannedOn > limit ? `计划完成日期不能晚于整改期限(${limit})` : null;
}

/** 通报批评 dates (HN-24): approved by the government first, then published, not in the future. */
export function criticismDateProblems(approvedOn: string, publishedOn: string, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (approvedOn > today) errors.approvedOn = '政府同意日期不能晚于今天';
  if (publishedOn > today) errors.publishedOn = '通报日期不能晚于今天';
  else if (publishedOn < approvedOn) errors.publishedOn = '通报日期不能早于本级政府同意日期(HN-24)';
  return errors;
}
