import { getDayDetail } from 'chinese-days';
import { and, count, desc, eq, gt, gte, inArray, isNull, lte } from 'drizzle-orm';
import { readWorkbook } from '@/server/domain/import';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { auditLog, calendarDays, policies, sessions } from '@/db/schema';
import { DEFAULT_SECURITY_POLICY, forgetIdleTimeout, loadSecurityPolicy, SECURITY_POLICY_KEY, ZSecurityPolicy, type SecurityPolicy } from '@/server/auth/security-policy';
import { appendAudit, diff } from '@/server/domain/audit';
import { calendarRowsOfYear, loadCalendar } from '@/server/domain/calendar';
import { addWorkingDays, isWorkingDay, packageCovers } from '@/server/domain/deadlines';
import { conflict, invalidField } from '@/server/domain/errors';
import { closeInbox } from '@/server/domain/workflow';
import { createTRPCRouter, permissionProcedure } from '@/server/trpc/init';
import { parseCalendarSheet, parseCalendarText } from './calendar-table';
import { ZAddWorkingDaysInput, ZCalendarDay, ZDate, ZLoadYearInput, ZPreviewYearInput, ZUpdatePolicyInput, ZYearInput } from './schema';

type PolicyField = keyof SecurityPolicy;

/** Allowed range of each field, from the one schema the server validates with (the form shows the same bounds). */
const POLICY_LIMITS = Object.fromEntries(
  Object.entries(ZSecurityPolicy.shape).map(([k, s]) => [k, { min: s.minValue ?? 0, max: s.maxValue ?? 0 }]),
) as Record<PolicyField, { min: number; max: number }>;

/**
 * 等保 2.0 三级 (GB/T 22239-2019 8.1.4.1 身份鉴别 a/b, 8.1.4.2 访问控制): the baseline is the default
 * policy; `stricter` says which way a value may move without weakening it.
 */
const POLICY_BASELINE: Record<PolicyField, { value: number; stricter: 'lower' | 'higher' }> = {
  lockoutThreshold: { value: DEFAULT_SECURITY_POLICY.lockoutThreshold, stricter: 'lower' },
  lockoutMinutes: { value: DEFAULT_SECURITY_POLICY.lockoutMinutes, stricter: 'higher' },
  idleTimeoutMinutes: { value: DEFAULT_SECURITY_POLICY.idleTimeoutMinutes, stricter: 'lower' },
  passwordMinLength: { value: DEFAULT_SECURITY_POLICY.passwordMinLength, stricter: 'higher' },
  passwordMinClasses: { value: DEFAULT_SECURITY_POLICY.passwordMinClasses, stricter: 'higher' },
  passwordHistory: { value: DEFAULT_SECURITY_POLICY.passwordHistory, stricter: 'higher' },
};

const policyRouter = createTRPCRouter({
  get: permissionProcedure('security.policy.read').query(async ({ ctx }) => {
    const policy = await loadSecurityPolicy(ctx.db);
    // Sessions that would still pass validation: not revoked and seen within the idle timeout.
    const idleSince = new Date(Date.now() - policy.idleTimeoutMinutes * 60_000);
    const [active] = await ctx.db.select({ n: count() }).from(sessions).where(and(isNull(sessions.revokedAt), gt(sessions.lastSeenAt, idleSince)));
    return { ...policy, activeSessions: active.n, baseline: POLICY_BASELINE, limits: POLICY_LIMITS };
  }),
  update: permissionProcedure('security.policy.write').input(ZUpdatePolicyInput).mutation(async ({ ctx, input }) => {
    const { version, ...value } = input;
    const result = await ctx.db.transaction(async (tx) => {
      const before = await loadSecurityPolicy(tx);
      if (before.version !== version) throw conflict('安全策略已被他人修改,请刷新后重试');
      const { version: _v, ...beforeValue } = before;
      const change = diff<SecurityPolicy>(beforeValue, value);
      if (Object.keys(change.after as object).length === 0) return before;
      // The version in the WHERE clause makes a concurrent save lose cleanly instead of overwriting.
      const written = version === 0
        ? await tx.insert(policies).values({ key: SECURITY_POLICY_KEY, value, version: 1 }).onConflictDoNothing().returning({ key: policies.key })
        : await tx.update(policies).set({ value, version: version + 1, updatedAt: new Date() })
          .where(and(eq(policies.key, SECURITY_POLICY_KEY), eq(policies.version, version))).returning({ key: policies.key });
      if (written.length === 0) throw conflict('安全策略已被他人修改,请刷新后重试');
      await appendAudit(tx, ctx.actor, { action: 'policy.security.update', entityType: 'policy', entityId: SECURITY_POLICY_KEY, ...change });
      return { ...value, version: version + 1 };
    });
    forgetIdleTimeout(ctx.db);
    return result;
  }),
});

/** 工作日 / 休息日 / 法定节假日 / 调休上班. A named day off is a holiday even on a weekend (国庆 Saturday). */
export type CalendarDayKind = 'workday' | 'restday' | 'holiday' | 'adjusted_workday';

function dayKind(working: boolean, weekend: boolean, named: boolean): CalendarDayKind {
  if (working) return weekend ? 'adjusted_workday' : 'workday';
  return weekend && !named ? 'restday' : 'holiday';
}

/** The package names holidays and adjusted days "National Day,国庆节,3"; plain days by weekday ("Monday"). */
function packageDayName(date: string): { zh: string; en: string } | null {
  const parts = getDayDetail(date).name.split(',');
  return parts.length >= 2 ? { en: parts[0], zh: parts[1] } : null;
}

function yearsBetween(a: string, b: string): number[] {
  const out: number[] = [];
  for (let y = Number(a.slice(0, 4)); y <= Number(b.slice(0, 4)); y++) out.push(y);
  return out;
}

/** The latest load of each year's table, from the audit trail of calendar.load_year. */
async function lastLoads(db: DbOrTx, years: number[]) {
  if (years.length === 0) return new Map<number, { at: string; by: string | null }>();
  const rows = await db
    .selectDistinctOn([auditLog.entityId], { year: auditLog.entityId, at: auditLog.at, by: auditLog.actorName })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'calendar.load_year'), eq(auditLog.entityType, 'calendar'), inArray(auditLog.entityId, years.map(String))))
    .orderBy(auditLog.entityId, desc(auditLog.seq));
  return new Map(rows.map((r) => [Number(r.year), { at: r.at, by: r.by }]));
}

/** First sheet of an uploaded workbook as rows of (date, type, name). */
async function readSheet(base64: string) {
  return [...(await readWorkbook(base64)).values()][0];
}

const calendarRouter = createTRPCRouter({
  /** Every day of a year, its kind, and where its status comes from (loaded table, package, Mon–Fri). */
  year: permissionProcedure('security.calendar.read').input(ZYearInput).query(async ({ ctx, input }) => {
    const rows = await calendarRowsOfYear(ctx.db, input.year);
    const byDate = new Map(rows.map((r) => [r.date, r]));
    const pkgYear = packageCovers(input.year);
    const load = (await lastLoads(ctx.db, [input.year])).get(input.year);
    // A day's status comes from its own row (loaded or set individually), else the package, else the
    // loaded year's table (days it does not list follow Monday–Friday), else an assumed Monday–Friday.
    const fallbackSource = pkgYear ? 'package' : load ? 'table' : 'fallback';
    const days: { date: string; working: boolean; weekend: boolean; kind: CalendarDayKind; source: 'loaded' | 'package' | 'table' | 'fallback'; name: string | null; nameEn: string | null }[] = [];
    for (let t = Date.UTC(input.year, 0, 1); t < Date.UTC(input.year + 1, 0, 1); t += 86400000) {
      const date = new Date(t).toISOString().slice(0, 10);
      const dow = new Date(t).getUTCDay();
      const weekend = dow === 0 || dow === 6;
      const o = byDate.get(date);
      const pkg = !o && pkgYear ? packageDayName(date) : null;
      const working = o ? o.working : isWorkingDay(date);
      const name = o ? o.name : pkg?.zh ?? null;
      days.push({ date, working, weekend, kind: dayKind(working, weekend, !!name), source: o ? 'loaded' : fallbackSource, name, nameEn: o ? o.name : pkg?.en ?? null });
    }
    return {
      year: input.year,
      inPackage: pkgYear,
      covered: pkgYear || !!load,
      loadedCount: rows.length,
      lastLoad: load ?? null,
      days,
    };
  }),
  /** The deadline calculator: 2025-09-30 + 7 working days = 2025-10-16. */
  addWorkingDays: permissionProcedure('security.calendar.read').input(ZAddWorkingDaysInput).query(async ({ ctx, input }) => {
    const due = addWorkingDays(input.start, input.days);
    const years = yearsBetween(input.start, due).filter((y) => !packageCovers(y));
    const loads = await lastLoads(ctx.db, years);
    // Years without an official table: their days were counted Monday–Friday.
    return { ...input, due, uncoveredYears: years.filter((y) => !loads.has(y)) };
  }),
  setDay: permissionProcedure('security.calendar.write').input(ZCalendarDay).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction(async (tx) => {
      const [before] = await tx.select().from(calendarDays).where(eq(calendarDays.date, input.date));
      const values = { date: input.date, working: input.working, name: input.name || null, updatedAt: new Date() };
      await tx.insert(calendarDays).values(values).onConflictDoUpdate({ target: calendarDays.date, set: values });
      await appendAudit(tx, ctx.actor, {
        action: 'calendar.set_day', entityType: 'calendar', entityId: input.date,
        before: before ? { working: before.working, name: before.name } : null, after: { working: values.working, name: values.name },
      });
      await loadCalendar(tx);
      return values;
    });
  }),
  removeDay: permissionProcedure('security.calendar.write').input(z.object({ date: ZDate })).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction(async (tx) => {
      const [before] = await tx.delete(calendarDays).where(eq(calendarDays.date, input.date)).returning();
      if (before) {
        await appendAudit(tx, ctx.actor, { action: 'calendar.remove_day', entityType: 'calendar', entityId: input.date, before: { working: before.working, name: before.name } });
      }
      await loadCalendar(tx);
      return { removed: !!before };
    });
  }),
  /** Dry run of a table (pasted text or xlsx): every row with its problems; writes nothing. */
  previewYear: permissionProcedure('security.calendar.write').input(ZPreviewYearInput).mutation(async ({ ctx, input }) => {
    const table = input.xlsxBase64 ? parseCalendarSheet(await readSheet(input.xlsxBase64), input.year) : parseCalendarText(input.text ?? '', input.year);
    if (table.rows.length === 0) throw invalidField(input.xlsxBase64 ? 'xlsxBase64' : 'text', '没有找到任何日期行');
    const [loaded] = await ctx.db.select({ n: count() }).from(calendarDays)
      .where(and(gte(calendarDays.date, `${input.year}-01-01`), lte(calendarDays.date, `${input.year}-12-31`)));
    return { year: input.year, ...table, replaces: loaded.n };
  }),
  /** Replace a year's table in one transaction (the State Council notice for that year). */
  loadYear: permissionProcedure('security.calendar.write').input(ZLoadYearInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction(async (tx) => {
      const removed = await tx
        .delete(calendarDays)
        .where(and(gte(calendarDays.date, `${input.year}-01-01`), lte(calendarDays.date, `${input.year}-12-31`)))
        .returning({ date: calendarDays.date });
      await tx.insert(calendarDays).values(input.days.map((d) => ({ date: d.date, working: d.working, name: d.name || null })));
      await appendAudit(tx, ctx.actor, {
        action: 'calendar.load_year', entityType: 'calendar', entityId: String(input.year),
        before: { days: removed.length },
        after: { days: input.days.length, holidays: input.days.filter((d) => !d.working).length, workdays: input.days.filter((d) => d.working).length },
      });
      await loadCalendar(tx);
      // The "load next year's calendar" task is done once the year has its table.
      await closeInbox(tx, 'calendar', String(input.year), ['load_year']);
      return { year: input.year, days: input.days.length };
    });
  }),
});

export const securityRouter = createTRPCRouter({
  policy: policyRouter,
  calendar: calendarRouter,
});
