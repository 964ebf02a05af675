import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { deadlines, inboxItems, passwordHistory, users } from '@/db/schema';
import { hashPassword, passwordProblem, verifyPassword } from '@/server/auth/password';
import { loadSecurityPolicy } from '@/server/auth/security-policy';
import { appendAudit } from '@/server/domain/audit';
import { deadlineStatus, shanghaiDate, type DeadlineKind } from '@/server/domain/deadlines';
import { invalidField, notFound } from '@/server/domain/errors';
import { permissionsOf } from '@/server/domain/policy';
import { transition } from '@/server/domain/workflow';
import { userMachine } from '@/server/routers/admin/user-machine';
import { sweepAgreementExpiry } from '@/server/routers/plans/expiry';
import { createTRPCRouter, protectedProcedure } from '@/server/trpc/init';

export const ZChangePasswordInput = z
  .object({
    current: z.string().min(1, '请输入当前密码'),
    next: z.string().min(1, '请输入新密码').max(128),
    confirm: z.string().min(1, '请再次输入新密码'),
  })
  .refine((v) => v.next === v.confirm, { path: ['confirm'], message: '两次输入的新密码不一致' });

export const meRouter = createTRPCRouter({
  get: protectedProcedure.query(({ ctx }) => {
    const { sessionId: _sid, ...user } = ctx.user;
    return { ...user, permissions: permissionsOf(ctx.user) };
  }),
  /** 我的待办: open steps assigned to me, or to my role in my organization. */
  inbox: protectedProcedure.query(async ({ ctx }) => {
    // HN-14(9): agreements nearing their end put their 90/30-day reminders in the agency's inbox first
    // (also on the schedule: instrumentation.ts → server/routers/rectification/scheduler.ts)
    await sweepAgreementExpiry(ctx.db, shanghaiDate(new Date()));
    const rows = await ctx.db
      .select({
        id: inboxItems.id, entityType: inboxItems.entityType, entityId: inboxItems.entityId, step: inboxItems.step,
        title: inboxItems.title, href: inboxItems.href, basis: inboxItems.basis, createdAt: inboxItems.createdAt,
        dueAt: deadlines.dueAt, kind: deadlines.kind, pausedAt: deadlines.pausedAt,
      })
      .from(inboxItems)
      .leftJoin(deadlines, eq(deadlines.id, inboxItems.deadlineId))
      .where(
        and(
          isNull(inboxItems.closedAt),
          or(
            eq(inboxItems.assigneeUserId, ctx.user.id),
            and(eq(inboxItems.assigneeOrgId, ctx.user.orgId), inArray(inboxItems.assigneeRole, ctx.user.roles)),
          ),
        ),
      )
      .orderBy(sql`${deadlines.dueAt} asc nulls last`, asc(inboxItems.createdAt))
      .limit(200);
    const now = new Date();
    return rows.map((r) => ({
      ...r,
      status: r.dueAt ? deadlineStatus({ kind: r.kind as DeadlineKind, dueAt: r.dueAt, pausedAt: r.pausedAt }, now) : null,
    }));
  }),
  changePassword: protectedProcedure.input(ZChangePasswordInput).mutation(async ({ ctx, input }) => {
    const [u] = await ctx.db.select().from(users).where(eq(users.id, ctx.user.id));
    if (!u) throw notFound('用户');
    if (!(await verifyPassword(u.passwordHash, input.current))) throw invalidField('current', '当前密码不正确');
    const policy = await loadSecurityPolicy(ctx.db);
    const problem = passwordProblem(input.next, policy);
    if (problem) throw invalidField('next', problem);
    const history = await ctx.db
      .select({ h: passwordHistory.passwordHash })
      .from(passwordHistory)
      .where(eq(passwordHistory.userId, u.id))
      .orderBy(desc(passwordHistory.createdAt))
      .limit(policy.passwordHistory);
    for (const { h } of [{ h: u.passwordHash }, ...history]) {
      if (await verifyPassword(h, input.next)) throw invalidField('next', `新密码不能与最近 ${policy.passwordHistory} 次使用过的密码相同`);
    }
    const passwordHash = await hashPassword(input.next);
    await ctx.db.transaction(async (tx) => {
      if (u.status === 'pending_password') {
        await transition(tx, userMachine, ctx.actor, { id: u.id, version: u.version, action: 'change_password', input: { passwordHash } });
      } else {
        await tx.update(users).set({ passwordHash, passwordChangedAt: new Date(), version: u.version + 1, updatedAt: new Date() }).where(eq(users.id, u.id));
        await appendAudit(tx, ctx.actor, { action: 'user.change_password', entityType: 'user', entityId: u.id });
      }
      await tx.insert(passwordHistory).values({ userId: u.id, passwordHash });
    });
    return { ok: true };
  }),
});
