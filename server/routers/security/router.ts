import { and, eq, gte, lte } from 'drizzle-orm';
import { z } from 'zod';
import { calendarDays, policies, sessions } from '@/db/schema';
import { forgetIdleTimeout, loadSecurityPolicy, SECURITY_POLICY_KEY } from '@/server/auth/security-policy';
import { appendAudit, diff } from '@/server/domain/audit';
import { calendarRowsOfYear, loadCalendar } from '@/server/domain/calendar';
import { isWorkingDay, PACKAGE_FIRST_YEAR, PACKAGE_LAST_YEAR, yearCovered } from '@/server/domain/deadlines';
import { conflict } from '@/server/domain/errors';
import { closeInbox } from '@/server/domain/workflow';
import { createTRPCRouter, permissionProcedure } from '@/server/trpc/init';
import { ZCalendarDay, ZDate, ZLoadYearInput, ZUpdatePolicyInput, ZYearInput } from './schema';
import { isNull, sql } from 'drizzle-orm';

const policyRouter = createTRPCRouter({
  get: permissionProcedure('security.policy.read').query(async ({ ctx }) => {
    const policy = await loadSecurityPolicy(ctx.db);
    const [active] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(sessions).where(isNull(sessions.revokedAt));
    return { ...policy, activeSessions: active.n };
  }),
  update: permissionProcedure('security.policy.write').input(ZUpdatePolicyInput).mutation(async ({ ctx, input }) => {
    const { version, ...value } = input;
    return ctx.db.transaction(async (tx) => {
      const before = await loadSecurityPolicy(tx);
      if (before.version !== version) throw conflict();
      const { version: _v, ...beforeValue } = before;
      if (version === 0) await tx.insert(policies).values({ key: SECURITY_POLICY_KEY, value, version: 1 });
      else await tx.update(policies).set({ value, version: version + 1, updatedAt: new Date() }).where(eq(policies.key, SECURITY_POLICY_KEY));
      await appendAudit(tx, ctx.actor, { action: 'policy.security.update', entityType: 'policy', entityId: SECURITY_POLICY_KEY, ...diff(beforeValue, value) });
      forgetIdleTimeout(ctx.db);
      return { ...value, version: version + 1 };
    });
  }),
});

async function afterCalendarWrite(tx: Parameters<typeof loadCalendar>[0], year: number) {
  await loadCalendar(tx);
  // The "load next year's calendar" task is done once the year has a table.
  if (yearCovered(year)) await closeInbox(tx, 'calendar', String(year), ['load_year']);
}

const calendarRouter = createTRPCRouter({
  /** Every day of a year, with where its status comes from. */
  year: permissionProcedure('security.calendar.read').input(ZYearInput).query(async ({ ctx, input }) => {
    const rows = await calendarRowsOfYear(ctx.db, input.year);
    const byDate = new Map(rows.map((r) => [r.date, r]));
    const inPackage = input.year >= PACKAGE_FIRST_YEAR && input.year <= PACKAGE_LAST_YEAR;
    const days: { date: string; working: boolean; weekend: boolean; source: 'loaded' | 'package' | 'fallback'; name: string | null }[] = [];
    for (let t = Date.UTC(input.year, 0, 1); t < Date.UTC(input.year + 1, 0, 1); t += 86400000) {
      const date = new Date(t).toISOString().slice(0, 10);
      const dow = new Date(t).getUTCDay();
      const o = byDate.get(date);
      days.push({
        date,
        working: o ? o.working : isWorkingDay(date),
        weekend: dow === 0 || dow === 6,
        source: o ? 'loaded' : inPackage ? 'package' : 'fallback',
        name: o?.name ?? null,
      });
    }
    return { year: input.year, covered: yearCovered(input.year), loadedCount: rows.length, days };
  }),
  setDay: permissionProcedure('security.calendar.write').input(ZCalendarDay).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction(async (tx) => {
      const [before] = await tx.select().from(calendarDays).where(eq(calendarDays.date, input.date));
      const values = { date: input.date, working: input.working, name: input.name ?? null, updatedAt: new Date() };
      await tx.insert(calendarDays).values(values).onConflictDoUpdate({ target: calendarDays.date, set: values });
      await appendAudit(tx, ctx.actor, { action: 'calendar.set_day', entityType: 'calendar', entityId: input.date, before: before ?? null, after: values });
      await afterCalendarWrite(tx, Number(input.date.slice(0, 4)));
      return values;
    });
  }),
  removeDay: permissionProcedure('security.calendar.write').input(z.object({ date: ZDate })).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction(async (tx) => {
      const [before] = await tx.delete(calendarDays).where(eq(calendarDays.date, input.date)).returning();
      if (before) await appendAudit(tx, ctx.actor, { action: 'calendar.remove_day', entityType: 'calendar', entityId: input.date, before });
      await loadCalendar(tx);
      return { removed: !!before };
    });
  }),
  /** Replace a year's table in one transaction (the State Council notice for that year). */
  loadYear: permissionProcedure('security.calendar.write').input(ZLoadYearInput).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction(async (tx) => {
      const removed = await tx
        .delete(calendarDays)
        .where(and(gte(calendarDays.date, `${input.year}-01-01`), lte(calendarDays.date, `${input.year}-12-31`)))
        .returning({ date: calendarDays.date });
      await tx.insert(calendarDays).values(input.days.map((d) => ({ date: d.date, working: d.working, name: d.name ?? null })));
      await appendAudit(tx, ctx.actor, {
        action: 'calendar.load_year', entityType: 'calendar', entityId: String(input.year),
        before: { days: removed.length }, after: { days: input.days.length, holidays: input.days.filter((d) => !d.working).length, workdays: input.days.filter((d) => d.working).length },
      });
      await afterCalendarWrite(tx, input.year);
      return { year: input.year, days: input.days.length };
    });
  }),
});

export const securityRouter = createTRPCRouter({
  policy: policyRouter,
  calendar: calendarRouter,
});
