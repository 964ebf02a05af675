import { afterEach, describe, expect, it } from 'vitest';
import {
  addWorkingDays, computeDue, deadlineStatus, endOfShanghaiDay, isWorkingDay, pause, resume, setCalendarOverrides,
  packageCovers, shanghaiDate, workingDaysBetween,
} from './deadlines';

afterEach(() => setCalendarOverrides([]));

describe('working-day calendar', () => {
  it('7 working days from 2025-09-30 is 2025-10-16 (National Day holidays, 10-11 an adjusted working Saturday)', () => {
    expect(addWorkingDays('2025-09-30', 7)).toBe('2025-10-16');
  });

  it('knows holidays, weekends and adjusted working weekend days', () => {
    expect(isWorkingDay('2025-10-01')).toBe(false); // 国庆节
    expect(isWorkingDay('2025-10-11')).toBe(true); // 调休上班 (Saturday)
    expect(isWorkingDay('2025-10-12')).toBe(false); // Sunday
    expect(isWorkingDay('2025-10-13')).toBe(true);
    expect(isWorkingDay('2026-01-01')).toBe(false); // 元旦
  });

  it('takes the day in Asia/Shanghai: 2025-10-08T17:00Z is already 10-09 in Shanghai', () => {
    expect(shanghaiDate(new Date('2025-10-08T17:00:00Z'))).toBe('2025-10-09');
    expect(isWorkingDay(new Date('2025-10-08T17:00:00Z'))).toBe(true);
    expect(isWorkingDay(new Date('2025-10-08T15:00:00Z'))).toBe(false);
  });

  it('a loaded table wins over the package, and covers years the package does not', () => {
    expect(packageCovers(2026)).toBe(true);
    expect(packageCovers(2027)).toBe(false);
    expect(isWorkingDay('2027-01-01')).toBe(true); // Friday, fallback Mon–Fri
    setCalendarOverrides([{ date: '2027-01-01', working: false }, { date: '2025-10-13', working: false }]);
    expect(isWorkingDay('2027-01-01')).toBe(false);
    expect(isWorkingDay('2025-10-13')).toBe(false);
    expect(addWorkingDays('2025-09-30', 7)).toBe('2025-10-17');
  });

  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2025-09-30', '2025-10-16')).toBe(7);
    expect(workingDaysBetween('2025-10-16', '2025-10-16')).toBe(0);
  });

  it('rejects negative counts', () => {
    expect(() => addWorkingDays('2025-01-01', -1)).toThrow(RangeError);
  });
});

describe('deadlines', () => {
  it('working-day deadlines end at 23:59:59 Shanghai time of the last day', () => {
    const due = computeDue('working_days', new Date('2025-09-30T02:00:00Z'), 7);
    expect(due.toISOString()).toBe('2025-10-16T15:59:59.999Z');
    expect(due.getTime()).toBe(endOfShanghaiDay('2025-10-16').getTime());
  });

  it('hour deadlines are clock hours, whatever the calendar', () => {
    // discovered 22:30 Shanghai on a holiday eve; 4 h later is 02:30 next day
    const start = new Date('2025-09-30T14:30:00Z');
    expect(computeDue('hours', start, 4).toISOString()).toBe('2025-09-30T18:30:00.000Z');
  });

  it('calendar-day deadlines count every day', () => {
    expect(computeDue('calendar_days', new Date('2025-09-30T02:00:00Z'), 30).toISOString()).toBe('2025-10-30T15:59:59.999Z');
  });

  it('pausing over the holidays costs no working days', () => {
    const start = new Date('2025-09-26T02:00:00Z'); // Fri
    let d = { kind: 'working_days' as const, dueAt: computeDue('working_days', start, 7), pausedAt: null as Date | null };
    // 09-28 (adjusted working Sunday), 09-29, 09-30, 10-09, 10-10, 10-11 (adjusted Saturday), 10-13
    expect(shanghaiDate(d.dueAt)).toBe('2025-10-13');
    d = pause(d, new Date('2025-09-30T02:00:00Z')); // 4 working days left: 10-09, 10-10, 10-11, 10-13
    expect(deadlineStatus(d, new Date('2025-10-20T00:00:00Z'))).toBe('paused');
    d = resume(d, new Date('2025-10-09T02:00:00Z'));
    expect(d.pausedAt).toBeNull();
    // the 4 days run again from the day after resumption: 10-10, 10-11, 10-13, 10-14
    expect(shanghaiDate(d.dueAt)).toBe('2025-10-14');
  });

  it('pausing an hour clock gives back the hours that were left', () => {
    const start = new Date('2025-01-01T00:00:00Z');
    let d = { kind: 'hours' as const, dueAt: computeDue('hours', start, 4), pausedAt: null as Date | null };
    d = pause(d, new Date('2025-01-01T01:00:00Z'));
    d = resume(d, new Date('2025-01-01T05:00:00Z'));
    expect(d.dueAt.toISOString()).toBe('2025-01-01T08:00:00.000Z');
  });

  it('reports running, due soon, overdue and done', () => {
    const dueAt = new Date('2025-01-10T00:00:00Z');
    expect(deadlineStatus({ kind: 'calendar_days', dueAt, pausedAt: null }, new Date('2025-01-01T00:00:00Z'))).toBe('running');
    expect(deadlineStatus({ kind: 'calendar_days', dueAt, pausedAt: null }, new Date('2025-01-08T00:00:00Z'))).toBe('due_soon');
    expect(deadlineStatus({ kind: 'calendar_days', dueAt, pausedAt: null }, new Date('2025-01-11T00:00:00Z'))).toBe('overdue');
    expect(deadlineStatus({ kind: 'hours', dueAt, pausedAt: null }, new Date('2025-01-09T22:00:00Z'))).toBe('running');
    expect(deadlineStatus({ kind: 'hours', dueAt, pausedAt: null }, new Date('2025-01-09T23:30:00Z'))).toBe('due_soon');
    expect(deadlineStatus({ kind: 'hours', dueAt, pausedAt: null, completedAt: new Date() }, new Date('2025-02-01T00:00:00Z'))).toBe('done');
  });
});
