import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { auditLog, organizations, passwordHistory, regions, users } from '@/db/schema';
import { hashPassword, passwordProblem } from '@/server/auth/password';
import { loadSecurityPolicy } from '@/server/auth/security-policy';
import { appendAudit, diff } from '@/server/domain/audit';
import { conflict, DomainError, invalidField, isUniqueViolation, notFound, precondition } from '@/server/domain/errors';
import { isAdminRole, ROLES_BY_ORG_TYPE, type OrgType, type Role } from '@/server/domain/roles';
import { openInbox, transition } from '@/server/domain/workflow';
import { createTRPCRouter, permissionProcedure } from '@/server/trpc/init';
import {
  ZCreateOrgInput, ZCreateUserInput, ZListOrgsInput, ZListUsersInput, ZReasonInput, ZRegionInput,
  ZResetPasswordInput, ZSetRolesInput, ZUpdateOrgInput, ZUserRef,
} from './schema';
import { getUserRow, selectOrgs, selectUsers } from './query';
import { changePasswordTask, userMachine } from './user-machine';
import { z } from 'zod';

/** A duplicate is a CONFLICT (CONVENTIONS 6) that still names its field, so the form shows it beside the field. */
const duplicate = (field: string, message: string) => new DomainError('conflict', message, { field, fieldErrors: { [field]: [message] } });

function rolesFitOrg(roles: Role[], orgType: OrgType, field = 'roles') {
  const allowed = ROLES_BY_ORG_TYPE[orgType];
  const bad = roles.filter((r) => !allowed.includes(r));
  if (bad.length) throw invalidField(field, `该机构类型的用户不能担任:${bad.join('、')}`);
  // 三权分立 (等保 L3): the system, security and audit administrators are three different accounts
  // and none of them holds a business role.
  const admin = roles.filter(isAdminRole);
  if (admin.length > 1 || (admin.length === 1 && roles.length > 1)) {
    throw invalidField(field, '三权分立:系统管理员、安全管理员、安全审计员须由不同账号担任,且不得兼任业务角色');
  }
}

async function checkNewPassword(db: DbOrTx, password: string) {
  const policy = await loadSecurityPolicy(db);
  const problem = passwordProblem(password, policy);
  if (problem) throw invalidField('password', problem);
}

/** Rules on an organization's fields that need the database or more than one field. */
async function checkOrgFields(db: DbOrTx, o: { regionCode: string; type: OrgType; industry?: string | null }) {
  const [region] = await db.select().from(regions).where(eq(regions.code, o.regionCode));
  if (!region) throw invalidField('regionCode', '行政区划不存在');
  // An industry department's data scope is its industry (DESIGN §1), so it must have one.
  if (o.type === 'industry_dept' && !o.industry) throw invalidField('industry', '省级行业主管部门须填写所属行业(据此划定其数据范围)');
}

/** Changing an organization's type must not leave a member holding a role the new type does not allow. */
async function checkMembersFit(db: DbOrTx, orgId: string, type: OrgType) {
  const allowed = ROLES_BY_ORG_TYPE[type];
  const members = await db.select({ username: users.username, roles: users.roles }).from(users).where(eq(users.orgId, orgId));
  const misfits = members.filter((m) => m.roles.some((r) => !allowed.includes(r as Role)));
  if (misfits.length) {
    throw invalidField('type', `该机构下 ${misfits.length} 个用户的角色不适用于新的机构类型(如 ${misfits[0].username}),请先调整其角色`);
  }
}

const orgRouter = createTRPCRouter({
  list: permissionProcedure('admin.org.read').input(ZListOrgsInput).query(({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    return selectOrgs(ctx.db, filter, { cursor, limit });
  }),
  /** All organizations, for pickers (id, name, type, active). */
  options: permissionProcedure('admin.org.read').query(({ ctx }) =>
    ctx.db
      .select({ id: organizations.id, name: organizations.name, type: organizations.type, active: organizations.active })
      .from(organizations)
      .orderBy(organizations.name),
  ),
  get: permissionProcedure('admin.org.read').input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    const [row] = await ctx.db.select().from(organizations).where(eq(organizations.id, input.id));
    if (!row) throw notFound('机构');
    return row;
  }),
  create: permissionProcedure('admin.org.write').input(ZCreateOrgInput).mutation(async ({ ctx, input }) => {
    await checkOrgFields(ctx.db, input);
    try {
      return await ctx.db.transaction(async (tx) => {
        const [row] = await tx.insert(organizations).values({ ...input, industry: input.industry ?? null }).returning();
        await appendAudit(tx, ctx.actor, { action: 'org.create', entityType: 'organization', entityId: row.id, after: input });
        return row;
      });
    } catch (err) {
      if (isUniqueViolation(err, 'organizations_credit_code_uq')) throw duplicate('creditCode', '该统一社会信用代码已登记');
      throw err;
    }
  }),
  update: permissionProcedure('admin.org.write').input(ZUpdateOrgInput).mutation(async ({ ctx, input }) => {
    const { id, version, ...fields } = input;
    await checkOrgFields(ctx.db, fields);
    try {
      return await ctx.db.transaction(async (tx) => {
        const [before] = await tx.select().from(organizations).where(eq(organizations.id, id)).for('update');
        if (!before) throw notFound('机构');
        if (before.version !== version) throw conflict();
        // Disabling one's own organization would lock out the only administrator who can undo it.
        if (before.active && !fields.active && id === ctx.user.orgId) throw precondition('不能停用自己所在的机构');
        if (fields.type !== before.type) await checkMembersFit(tx, id, fields.type);
        const [row] = await tx
          .update(organizations)
          .set({ ...fields, industry: fields.industry ?? null, version: version + 1, updatedAt: new Date() })
          .where(eq(organizations.id, id))
          .returning();
        const d = diff(before as Record<string, unknown>, row as Record<string, unknown>);
        await appendAudit(tx, ctx.actor, { action: fields.active === before.active ? 'org.update' : fields.active ? 'org.enable' : 'org.disable', entityType: 'organization', entityId: id, ...d });
        return row;
      });
    } catch (err) {
      if (isUniqueViolation(err, 'organizations_credit_code_uq')) throw duplicate('creditCode', '该统一社会信用代码已登记');
      throw err;
    }
  }),
});

/** Whether the user's last disabling found them still owing the change of an admin-set password (audit log is the record). */
async function disabledWhilePending(db: DbOrTx, userId: string): Promise<boolean> {
  const [last] = await db
    .select({ before: auditLog.before })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, userId), eq(auditLog.action, 'user.disable')))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return (last?.before as { status?: string } | null)?.status === 'pending_password';
}

async function getUser(db: DbOrTx, id: string) {
  const row = await getUserRow(db, id);
  if (!row) throw notFound('用户');
  return row;
}

const userRouter = createTRPCRouter({
  list: permissionProcedure('admin.user.read').input(ZListUsersInput).query(({ ctx, input }) => {
    const { cursor, limit, ...filter } = input;
    return selectUsers(ctx.db, filter, { cursor, limit });
  }),
  get: permissionProcedure('admin.user.read').input(z.object({ id: z.uuid() })).query(({ ctx, input }) => getUser(ctx.db, input.id)),
  create: permissionProcedure('admin.user.write').input(ZCreateUserInput).mutation(async ({ ctx, input }) => {
    const [org] = await ctx.db.select().from(organizations).where(eq(organizations.id, input.orgId));
    if (!org) throw invalidField('orgId', '所属机构不存在');
    if (!org.active) throw invalidField('orgId', '所属机构已停用,不能新建用户');
    rolesFitOrg(input.roles, org.type as OrgType);
    await checkNewPassword(ctx.db, input.password);
    const passwordHash = await hashPassword(input.password);
    try {
      const id = await ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(users)
          .values({ username: input.username, displayName: input.displayName, orgId: input.orgId, roles: input.roles, passwordHash, status: 'pending_password' })
          .returning({ id: users.id });
        await tx.insert(passwordHistory).values({ userId: row.id, passwordHash });
        await appendAudit(tx, ctx.actor, {
          action: 'user.create', entityType: 'user', entityId: row.id,
          after: { username: input.username, displayName: input.displayName, orgId: input.orgId, roles: input.roles, status: 'pending_password' },
        });
        await openInbox(tx, 'user', row.id, [changePasswordTask(row.id)]);
        return row.id;
      });
      return getUser(ctx.db, id);
    } catch (err) {
      if (isUniqueViolation(err, 'users_username_uq')) throw duplicate('username', '该账号已存在');
      throw err;
    }
  }),
  setRoles: permissionProcedure('admin.user.write').input(ZSetRolesInput).mutation(async ({ ctx, input }) => {
    await ctx.db.transaction(async (tx) => {
      const [u] = await tx.select({ u: users, orgType: organizations.type }).from(users).innerJoin(organizations, eq(organizations.id, users.orgId)).where(eq(users.id, input.id)).for('update', { of: users });
      if (!u) throw notFound('用户');
      if (u.u.version !== input.version) throw conflict();
      if (u.u.id === ctx.user.id) throw new DomainError('precondition', '不能修改自己的角色(三权分立)');
      rolesFitOrg(input.roles, u.orgType as OrgType);
      await tx.update(users).set({ roles: input.roles, version: input.version + 1, updatedAt: new Date() }).where(eq(users.id, input.id));
      await appendAudit(tx, ctx.actor, { action: 'user.set_roles', entityType: 'user', entityId: input.id, before: { roles: u.u.roles }, after: { roles: input.roles } });
    });
    return getUser(ctx.db, input.id);
  }),
  unlock: permissionProcedure('admin.user.write').input(ZUserRef).mutation(async ({ ctx, input }) => {
    await ctx.db.transaction(async (tx) => {
      const [u] = await tx.select().from(users).where(eq(users.id, input.id)).for('update');
      if (!u) throw notFound('用户');
      if (u.version !== input.version) throw conflict();
      await tx.update(users).set({ lockedUntil: null, failedAttempts: 0, version: input.version + 1, updatedAt: new Date() }).where(eq(users.id, input.id));
      await appendAudit(tx, ctx.actor, { action: 'user.unlock', entityType: 'user', entityId: input.id, before: { lockedUntil: u.lockedUntil?.toISOString() ?? null } });
    });
    return getUser(ctx.db, input.id);
  }),
  disable: permissionProcedure('admin.user.write').input(ZReasonInput).mutation(async ({ ctx, input }) => {
    if (input.id === ctx.user.id) throw new DomainError('precondition', '不能停用自己的账号');
    await transition(ctx.db, userMachine, ctx.actor, { id: input.id, version: input.version, action: 'disable', input: {}, reason: input.reason });
    return getUser(ctx.db, input.id);
  }),
  enable: permissionProcedure('admin.user.write').input(ZUserRef).mutation(async ({ ctx, input }) => {
    // An account disabled before its holder replaced the admin-set password comes back still owing that change.
    const action = (await disabledWhilePending(ctx.db, input.id)) ? 'enable_pending' : 'enable';
    await transition(ctx.db, userMachine, ctx.actor, { id: input.id, version: input.version, action, input: {} });
    return getUser(ctx.db, input.id);
  }),
  resetPassword: permissionProcedure('admin.user.write').input(ZResetPasswordInput).mutation(async ({ ctx, input }) => {
    await checkNewPassword(ctx.db, input.password);
    const passwordHash = await hashPassword(input.password);
    await ctx.db.transaction(async (tx) => {
      await transition(tx, userMachine, ctx.actor, { id: input.id, version: input.version, action: 'reset_password', input: { passwordHash } });
      await tx.insert(passwordHistory).values({ userId: input.id, passwordHash });
    });
    return getUser(ctx.db, input.id);
  }),
});

const regionRouter = createTRPCRouter({
  list: permissionProcedure('admin.region.read').query(async ({ ctx }) => {
    const counts = ctx.db
      .select({ regionCode: organizations.regionCode, n: sql<number>`count(*)::int`.as('n') })
      .from(organizations)
      .groupBy(organizations.regionCode)
      .as('counts');
    return ctx.db
      .select({ code: regions.code, name: regions.name, parentCode: regions.parentCode, level: regions.level, internal: regions.internal, orgCount: sql<number>`coalesce(${counts.n}, 0)` })
      .from(regions)
      .leftJoin(counts, eq(counts.regionCode, regions.code))
      .orderBy(regions.sort, regions.code);
  }),
  upsert: permissionProcedure('admin.region.write').input(ZRegionInput).mutation(async ({ ctx, input }) => {
    const { isNew, ...fields } = input;
    if (fields.parentCode) {
      const [p] = await ctx.db.select().from(regions).where(eq(regions.code, fields.parentCode));
      if (!p) throw invalidField('parentCode', '上级区划不存在');
      if (p.parentCode === fields.code) throw invalidField('parentCode', '上级区划不能是其下级');
    }
    return ctx.db.transaction(async (tx) => {
      const [before] = await tx.select().from(regions).where(eq(regions.code, fields.code)).for('update');
      if (before && isNew) throw duplicate('code', '该区划代码已存在');
      const values = { ...fields, parentCode: fields.parentCode ?? null, level: fields.parentCode ? 'city' : 'province' };
      const [row] = before
        ? await tx.update(regions).set(values).where(eq(regions.code, input.code)).returning()
        : await tx.insert(regions).values({ ...values, sort: 100 }).returning();
      await appendAudit(tx, ctx.actor, { action: before ? 'region.update' : 'region.create', entityType: 'region', entityId: input.code, ...diff(before ?? null, row) });
      return row;
    });
  }),
});

export const adminRouter = createTRPCRouter({
  org: orgRouter,
  user: userRouter,
  region: regionRouter,
});
