import { describe, expect, it } from 'vitest';
import { endOfShanghaiDay } from './deadlines';
import {
  criticismDateProblems, dueState, extendedDueAt, isPastDue, orderDueAt, orderNo, OPEN_STATUSES, ORDER_SOURCES, planDateProblem, SOURCE_INFO,
} from './rectification';
import { isKnownCitation } from './citations';

const at = (s: string) => new Date(`${s}+08:00`);

describe('rectification rules (HN-20, HN-22 ¶2, HN-24, ID-14)', () => {
  it('each source has a label and a default article the regulation reader knows', () => {
    expect(ORDER_SOURCES).toEqual(['evaluation', 'inspection', 'incident', 'notice', 'identity']);
    expect(Object.fromEntries(ORDER_SOURCES.map((s) => [s, SOURCE_INFO[s].article]))).toEqual({
      evaluation: 'HN-22 ¶2', inspection: 'HN-20', incident: 'HN-18', notice: 'HN-24', identity: 'ID-14',
    });
    for (const s of ORDER_SOURCES) expect(isKnownCitation(SOURCE_INFO[s].article), s).toBe(true);
  });

  it('10 working days from Friday 2025-09-26 fall due at the end of 2025-10-16 (国庆/中秋 holidays; 9-28 and 10-11 adjusted working days)', () => {
    expect(orderDueAt(at('2025-09-26T15:00:00'), 'working_days', 10).toISOString()).toBe(endOfShanghaiDay('2025-10-16').toISOString());
    // calendar days count every day: 10 days from 09-26 is 10-06, a holiday, at the end of the Shanghai day
    expect(orderDueAt(at('2025-09-26T15:00:00'), 'calendar_days', 10).toISOString()).toBe('2025-10-06T15:59:59.999Z');
    // the issue day is the Shanghai day: 16:30 UTC on the 26th is already the 27th in Shanghai
    expect(orderDueAt(new Date('2025-09-26T16:30:00Z'), 'calendar_days', 1).toISOString()).toBe(endOfShanghaiDay('2025-09-28').toISOString());
  });

  it('refuses a deadline outside 1…365 days', () => {
    expect(() => orderDueAt(at('2025-09-26T15:00:00'), 'calendar_days', 0)).toThrow(RangeError);
    expect(() => orderDueAt(at('2025-09-26T15:00:00'), 'working_days', 366)).toThrow(RangeError);
    expect(() => orderDueAt(at('2025-09-26T15:00:00'), 'working_days', 1.5)).toThrow(RangeError);
  });

  it('due levels: days left, due within 7 days, overdue days, done when closed or cancelled', () => {
    const dueAt = endOfShanghaiDay('2026-03-20');
    expect(dueState({ status: 'in_progress', dueAt }, at('2026-03-01T09:00:00'))).toMatchObject({ level: 'running', daysLeft: 19, overdueDays: null });
    expect(dueState({ status: 'plan_pending', dueAt }, at('2026-03-13T09:00:00'))).toMatchObject({ level: 'due_soon', daysLeft: 7 });
    expect(dueState({ status: 'verifying', dueAt }, at('2026-03-20T23:59:00'))).toMatchObject({ level: 'due_soon', daysLeft: 0 });
    expect(dueState({ status: 'verifying', dueAt }, at('2026-03-21T00:00:01'))).toMatchObject({ level: 'overdue', overdueDays: 1 });
    expect(dueState({ status: 'in_progress', dueAt }, at('2026-03-31T10:00:00'))).toMatchObject({ level: 'overdue', overdueDays: 11 });
    expect(dueState({ status: 'closed', dueAt }, at('2026-03-31T10:00:00')).level).toBe('done');
    expect(dueState({ status: 'cancelled', dueAt }, at('2026-03-31T10:00:00')).level).toBe('done');
    expect(isPastDue({ status: 'in_progress', dueAt }, at('2026-03-21T00:00:00'))).toBe(true);
    expect(isPastDue({ status: 'closed', dueAt }, at('2026-03-21T00:00:00'))).toBe(false);
    expect(OPEN_STATUSES).not.toContain('closed');
  });

  it('a granted extension moves the due time to the end of the granted day', () => {
    expect(extendedDueAt('2026-04-30').toISOString()).toBe('2026-04-30T15:59:59.999Z');
  });

  it('a plan is completed by the due day, or by the date of a pending extension request', () => {
    const dueAt = endOfShanghaiDay('2026-03-20');
    expect(planDateProblem('2026-03-20', dueAt, null)).toBeNull();
    expect(planDateProblem('2026-03-21', dueAt, null)).toMatch(/2026-03-20/);
    expect(planDateProblem('2026-04-10', dueAt, '2026-04-15')).toBeNull();
    expect(planDateProblem('2026-04-16', dueAt, '2026-04-15')).toMatch(/2026-04-15/);
  });

  it('通报批评 dates (HN-24): approved by the government, then published, neither in the future', () => {
    expect(criticismDateProblems('2026-03-01', '2026-03-05', '2026-03-10')).toEqual({});
    expect(criticismDateProblems('2026-03-01', '2026-03-01', '2026-03-01')).toEqual({});
    expect(criticismDateProblems('2026-03-06', '2026-03-05', '2026-03-10')).toEqual({ publishedOn: expect.stringMatching(/HN-24/) });
    expect(criticismDateProblems('2026-03-11', '2026-03-12', '2026-03-10')).toEqual({ approvedOn: expect.any(String), publishedOn: expect.any(String) });
  });

  it('numbers orders 豫数整〔YYYY〕N号', () => {
    expect(orderNo(2026, 3)).toBe('豫数整〔2026〕3号');
  });
});
