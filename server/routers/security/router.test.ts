import { TRPCError } from '@trpc/server';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { auditLog } from '@/db/schema';
import { addWorkingDays, isWorkingDay } from '@/server/domain/deadlines';
import { callerAs, demoUser, openSeededDb, type TestDb } from '@/server/test/harness';
import { parseCalendarText } from './calendar-table';

let h: TestDb;
beforeAll(async () => {
  h = await openSeededDb();
});
afterAll(() => h.close());

const secadmin = () => callerAs(h.db, demoUser('secadmin'));
const code = (p: Promise<unknown>) => p.then(() => 'OK', (e) => (e instanceof TRPCError ? e.code : `THROWN ${String(e)}`));
const fieldErrors = async (p: Promise<unknown>) => {
  const err = await p.then(() => null, (e) => e);
  expect(err).toBeInstanceOf(TRPCError);
  expect(err.code).toBe('BAD_REQUEST');
  return (err as TRPCError & { cause?: { issues?: { path: PropertyKey[]; message: string }[] } }).cause?.issues?.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
};

async function auditRows(action: string, entityId?: string) {
  return h.db.select().from(auditLog).where(and(eq(auditLog.action, action), entityId ? eq(auditLog.entityId, entityId) : undefined));
}

const POLICY = { lockoutThreshold: 5, lockoutMinutes: 15, idleTimeoutMinutes: 30, passwordMinLength: 10, passwordMinClasses: 3, passwordHistory: 5 };

describe('who may call', () => {
  it('without a session: UNAUTHORIZED', async () => {
    const anon = await callerAs(h.db, null);
    expect(await code(anon.security.policy.get())).toBe('UNAUTHORIZED');
    expect(await code(anon.security.calendar.year({ year: 2025 }))).toBe('UNAUTHORIZED');
    expect(await code(anon.security.calendar.addWorkingDays({ start: '2025-09-30', days: 7 }))).toBe('UNAUTHORIZED');
    expect(await code(anon.security.calendar.setDay({ date: '2025-10-13', working: false }))).toBe('UNAUTHORIZED');
  });

  it.each(['sysadmin', 'auditor', 'province_admin'] as const)('as %s: FORBIDDEN (三权分立)', async (role) => {
    const c = await callerAs(h.db, demoUser(role));
    expect(await code(c.security.policy.get())).toBe('FORBIDDEN');
    expect(await code(c.security.policy.update({ ...POLICY, version: 1 }))).toBe('FORBIDDEN');
    expect(await code(c.security.calendar.year({ year: 2025 }))).toBe('FORBIDDEN');
    expect(await code(c.security.calendar.addWorkingDays({ start: '2025-09-30', days: 7 }))).toBe('FORBIDDEN');
    expect(await code(c.security.calendar.setDay({ date: '2025-10-13', working: false }))).toBe('FORBIDDEN');
    expect(await code(c.security.calendar.removeDay({ date: '2025-10-13' }))).toBe('FORBIDDEN');
    expect(await code(c.security.calendar.previewYear({ year: 2027, text: '2027-01-01 休 元旦' }))).toBe('FORBIDDEN');
    expect(await code(c.security.calendar.loadYear({ year: 2027, days: [{ date: '2027-01-01', working: false }] }))).toBe('FORBIDDEN');
  });
});

describe('security.policy', () => {
  it('get: the current policy, the 等保 baseline, the bounds and the active session count', async () => {
    const c = await secadmin();
    const p = await c.security.policy.get();
    expect(p).toMatchObject({ ...POLICY, version: 1 });
    expect(p.baseline.idleTimeoutMinutes).toEqual({ value: 30, stricter: 'lower' });
    expect(p.limits.idleTimeoutMinutes).toEqual({ min: 5, max: 120 });
    expect(p.activeSessions).toBeGreaterThanOrEqual(1); // this caller's own session
  });

  it('update: saves, bumps the version, audits the diff; a stale version is CONFLICT', async () => {
    const c = await secadmin();
    const saved = await c.security.policy.update({ ...POLICY, idleTimeoutMinutes: 20, version: 1 });
    expect(saved).toMatchObject({ idleTimeoutMinutes: 20, version: 2 });
    expect(await c.security.policy.get()).toMatchObject({ idleTimeoutMinutes: 20, version: 2 });
    const [row] = await auditRows('policy.security.update');
    expect(row.before).toEqual({ idleTimeoutMinutes: 30 });
    expect(row.after).toEqual({ idleTimeoutMinutes: 20 });
    expect(row.actorName).toBe('安全管理员');

    expect(await code(c.security.policy.update({ ...POLICY, version: 1 }))).toBe('CONFLICT');
    expect(await c.security.policy.get()).toMatchObject({ idleTimeoutMinutes: 20, version: 2 });

    // Saving without a change writes nothing.
    expect(await c.security.policy.update({ ...POLICY, idleTimeoutMinutes: 20, version: 2 })).toMatchObject({ version: 2 });
    expect(await auditRows('policy.security.update')).toHaveLength(1);
  });

  it('update: out-of-range values are BAD_REQUEST beside their field, and nothing is written', async () => {
    const c = await secadmin();
    const before = await c.security.policy.get();
    const errs = await fieldErrors(c.security.policy.update({ ...POLICY, idleTimeoutMinutes: 1, passwordMinLength: 6, version: before.version }));
    expect(errs).toEqual(['idleTimeoutMinutes: 至少 5 分钟', 'passwordMinLength: 不得低于 10 位']);
    expect(await c.security.policy.get()).toMatchObject({ version: before.version, idleTimeoutMinutes: before.idleTimeoutMinutes });
  });
});

describe('security.calendar', () => {
  it('year: every day with its kind and source (package for 2025)', async () => {
    const c = await secadmin();
    const y = await c.security.calendar.year({ year: 2025 });
    expect(y.days).toHaveLength(365);
    expect(y.covered).toBe(true);
    const day = (d: string) => y.days.find((x) => x.date === d)!;
    expect(day('2025-10-01')).toMatchObject({ working: false, kind: 'holiday', source: 'package', name: '国庆节' });
    expect(day('2025-10-11')).toMatchObject({ working: true, weekend: true, kind: 'adjusted_workday', source: 'package' });
    expect(day('2025-10-18')).toMatchObject({ working: false, kind: 'restday', name: null });
    expect(day('2025-10-13')).toMatchObject({ working: true, kind: 'workday' });
  });

  it('year: 2027 is not covered yet and falls back to Monday–Friday', async () => {
    const c = await secadmin();
    const y = await c.security.calendar.year({ year: 2027 });
    expect(y.covered).toBe(false);
    expect(y.days.find((x) => x.date === '2027-01-01')).toMatchObject({ working: true, source: 'fallback' });
  });

  it('addWorkingDays: 2025-09-30 + 7 working days = 2025-10-16', async () => {
    const c = await secadmin();
    expect(await c.security.calendar.addWorkingDays({ start: '2025-09-30', days: 7 })).toEqual({ start: '2025-09-30', days: 7, due: '2025-10-16', uncoveredYears: [] });
    const late = await c.security.calendar.addWorkingDays({ start: '2026-12-28', days: 10 });
    expect(late.uncoveredYears).toEqual([2027]);
    await expect(fieldErrors(c.security.calendar.addWorkingDays({ start: '2025-02-30', days: 7 }))).resolves.toEqual(['start: 日期不存在']);
    await expect(fieldErrors(c.security.calendar.addWorkingDays({ start: '2025-09-30', days: -1 }))).resolves.toEqual(['days: 不能为负数']);
  });

  it('setDay overrides the package for a 2025 day, audited; removeDay gives it back', async () => {
    const c = await secadmin();
    expect(isWorkingDay('2025-10-13')).toBe(true);
    await c.security.calendar.setDay({ date: '2025-10-13', working: false, name: '防汛调休' });
    expect(isWorkingDay('2025-10-13')).toBe(false);
    const y = await c.security.calendar.year({ year: 2025 });
    expect(y.days.find((x) => x.date === '2025-10-13')).toMatchObject({ working: false, kind: 'holiday', source: 'loaded', name: '防汛调休' });
    expect(addWorkingDays('2025-10-10', 1)).toBe('2025-10-11'); // the package's adjusted Saturday still counts
    expect(addWorkingDays('2025-10-11', 1)).toBe('2025-10-14');
    const [set] = await auditRows('calendar.set_day', '2025-10-13');
    expect(set.after).toEqual({ working: false, name: '防汛调休' });

    expect(await c.security.calendar.removeDay({ date: '2025-10-13' })).toEqual({ removed: true });
    expect(isWorkingDay('2025-10-13')).toBe(true);
    expect(await auditRows('calendar.remove_day', '2025-10-13')).toHaveLength(1);
    expect(await c.security.calendar.removeDay({ date: '2025-10-13' })).toEqual({ removed: false });
    expect(await auditRows('calendar.remove_day', '2025-10-13')).toHaveLength(1);
  });

  it('setDay: a date that does not exist is BAD_REQUEST on the date field', async () => {
    const c = await secadmin();
    expect(await fieldErrors(c.security.calendar.setDay({ date: '2025-13-01', working: false }))).toEqual(['date: 日期不存在']);
  });

  it('previewYear: a dry run with per-row problems, writing nothing', async () => {
    const c = await secadmin();
    const text = ['日期 类型 名称', '2027-01-01 休 元旦', '2027-02-30 休 春节', '2026-12-31 休 跨年', '2027-02-06 调 春节', '2027/1/1 休 元旦'].join('\n');
    const p = await c.security.calendar.previewYear({ year: 2027, text });
    expect(p.rows.map((r) => [r.row, r.date, r.problems])).toEqual([
      [2, '2027-01-01', []],
      [3, null, ['bad_date']],
      [4, '2026-12-31', ['wrong_year']],
      [5, '2027-02-06', ['unknown_type']],
      [6, '2027-01-01', ['duplicate']],
    ]);
    expect(p.days).toEqual([]);
    expect(p.problemCount).toBe(4);
    expect(isWorkingDay('2027-01-01')).toBe(true);
    expect(await fieldErrors(c.security.calendar.previewYear({ year: 2027, text: '  ' }))).toEqual(['text: 请粘贴日历文本或上传 Excel 文件']);
  });

  it('previewYear: reads an xlsx laid out like the template', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('日历');
    ws.addRow(['日期', '类型', '名称']);
    ws.addRow([new Date(Date.UTC(2027, 0, 1)), '休', '元旦']);
    ws.addRow(['2027-02-20', '班', { richText: [{ text: '春节' }, { text: '调休' }] }]);
    ws.addRow(['2027-13-01', '休', '']);
    const xlsxBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const c = await secadmin();
    const p = await c.security.calendar.previewYear({ year: 2027, xlsxBase64 });
    expect(p.rows.map((r) => [r.row, r.date, r.working, r.name, r.problems])).toEqual([
      [2, '2027-01-01', false, '元旦', []],
      [3, '2027-02-20', true, '春节调休', []],
      [4, null, false, null, ['bad_date']],
    ]);
    const err = await c.security.calendar.previewYear({ year: 2027, xlsxBase64: Buffer.from('not a zip').toString('base64') }).catch((e) => e);
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.cause.details.fieldErrors).toEqual({ xlsxBase64: ['不是有效的 Excel (xlsx) 文件'] });
  });

  it('loadYear: bad rows are BAD_REQUEST beside the row, and nothing is written', async () => {
    const c = await secadmin();
    const errs = await fieldErrors(c.security.calendar.loadYear({
      year: 2027,
      days: [
        { date: '2027-01-01', working: false, name: '元旦' },
        { date: '2026-12-31', working: false },
        { date: '2027-01-01', working: false },
      ],
    }));
    expect(errs).toEqual(['days.1.date: 2026-12-31 不属于 2027 年', 'days.2.date: 2027-01-01 重复']);
    expect(await fieldErrors(c.security.calendar.loadYear({ year: 2027, days: [] }))).toEqual(['days: 至少包含一天']);
    expect(isWorkingDay('2027-01-01')).toBe(true);
    expect(await auditRows('calendar.load_year')).toHaveLength(0);
  });

  it('loadYear 2027: the table drives working days and closes the secadmin\'s "load the year" task', async () => {
    const c = await secadmin();
    const task = (items: Awaited<ReturnType<typeof c.me.inbox>>) => items.find((i) => i.entityType === 'calendar' && i.entityId === '2027' && i.step === 'load_year');
    expect(task(await c.me.inbox())).toBeDefined();

    const table = parseCalendarText(['2027-01-01 休 元旦', '2027-02-06 班 春节', '2027-02-11 休 春节', '2027-02-12 休 春节'].join('\n'), 2027);
    expect(table.problemCount).toBe(0);
    expect(isWorkingDay('2027-02-06')).toBe(false); // a Saturday, before the table
    expect(await c.security.calendar.loadYear({ year: 2027, days: table.days })).toEqual({ year: 2027, days: 4 });

    expect(isWorkingDay('2027-01-01')).toBe(false);
    expect(isWorkingDay('2027-02-06')).toBe(true);
    expect(addWorkingDays('2027-02-10', 1)).toBe('2027-02-15');
    const y = await c.security.calendar.year({ year: 2027 });
    expect(y).toMatchObject({ covered: true, loadedCount: 4, lastLoad: { by: '安全管理员' } });
    expect(y.days.find((d) => d.date === '2027-02-06')).toMatchObject({ kind: 'adjusted_workday', source: 'loaded', name: '春节' });
    expect(y.days.find((d) => d.date === '2027-03-01')).toMatchObject({ kind: 'workday', source: 'table' });
    expect(task(await c.me.inbox())).toBeUndefined();
    const [row] = await auditRows('calendar.load_year', '2027');
    expect(row.after).toEqual({ days: 4, holidays: 3, workdays: 1 });

    // Loading again replaces the year's table in one go.
    await c.security.calendar.loadYear({ year: 2027, days: [{ date: '2027-01-01', working: false, name: '元旦' }] });
    expect(isWorkingDay('2027-02-06')).toBe(false);
    const [{ n }] = await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from calendar_days where date like '2027-%'`);
    expect(n).toBe(1);
    expect((await auditRows('calendar.load_year', '2027')).map((r) => r.before)).toContainEqual({ days: 4 });
  });
});
