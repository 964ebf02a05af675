import { and, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { organizations, passwordHistory, regions, users } from '@/db/schema';
import { hashPassword, passwordProblem } from '@/server/auth/password';
import { loadSecurityPolicy } from '@/server/auth/security-policy';
import { appendAudit, diff } from '@/server/domain/audit';
import { conflict, DomainError, invalidField, notFound } from '@/server/domain/errors';
import { keyset, likePattern, pageOf } from '@/server/domain/paging';
import { ROLES_BY_ORG_TYPE, type OrgType, type Role } from '@/server/domain/roles';
import { openInbox, transition } from '@/server/domain/workflow';
import { createTRPCRouter, permissionProcedure } from '@/server/trpc/init';
import {
  ZCreateOrgInput, ZCreateUserInput, ZListOrgsInput, ZListUsersInput, ZReasonInput, ZRegionInput,
  ZResetPasswordInput, ZSetRolesInput, ZUpdateOrgInput, ZUserRef,
} from './schema';
import { changePasswordTask, userMachine } from './user-machine';
import { z } from 'zod';

/** Postgres unique violation → CONFLICT on the field that is duplicated. */
function isUniqueViolation(err: unknown, constraint: string): boolean {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    const x = e as { code?: string; constraint?: string; message?: string; cause?: unknown };
    if (x.code === '23505' && (x.constraint === constraint || x.message?.includes(constraint))) return true;
    e = x.cause;
  }
  return false;
}

function rolesFitOrg(roles: Role[], orgType: OrgType, field = 'roles') {
  const allowed = ROLES_BY_ORG_TYPE[orgType];
  const bad = roles.filter((r) => !allowed.includes(r));
  if (bad.length) throw invalidField(field, `该机构类型的用户不能担任:${bad.join('、')}`);
}

async function checkNewPassword(db: Parameters<typeof loadSecurityPolicy>[0], password: string) {
  const policy = await loadSecurityPolicy(db);
  const problem = passwordProblem(password, policy);
  if (problem) throw invalidField('password', problem);
}

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  orgId: users.orgId,
  orgName: organizations.name,
  roles: users.roles,
  status: users.status,
  lockedUntil: users.lockedUntil,
  failedAttempts: users.failedAttempts,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  version: users.version,
};

const orgRouter = createTRPCRouter({
  list: permissionProcedure('admin.org.read').input(ZListOrgsInput).query(async ({ ctx, input }) => {
    const sortCol = organizations[input.sort];
    const { where, order } = keyset(sortCol, organizations.id, input);
    const conds: (SQL | undefined)[] = [where];
    if (input.q) conds.push(or(ilike(organizations.name, likePattern(input.q)), ilike(organizations.creditCode, likePattern(input.q))));
    if (input.type) conds.push(eq(organizations.type, input.type));
    if (input.regionCode) conds.push(eq(organizations.regionCode, input.regionCode));
    const rows = await ctx.db
      .select({
        id: organizations.id, name: organizations.name, creditCode: organizations.creditCode, type: organizations.type,
        regionCode: organizations.regionCode, regionName: regions.name, industry: organizations.industry, cii: organizations.cii,
        active: organizations.active, version: organizations.version, createdAt: organizations.createdAt,
      })
      .from(organizations)
      .innerJoin(regions, eq(regions.code, organizations.regionCode))
      .where(and(...conds))
      .orderBy(...order)
      .limit(input.limit + 1);
    return pageOf(rows, input.limit, (r) => {
      const v = r[input.sort];
      return v instanceof Date ? v.toISOString() : v;
    });
  }),
  /** All organizations, for pickers (id, name, type). */
  options: permissionProcedure('admin.org.read').query(({ ctx }) =>
    ctx.db.select({ id: organizations.id, name: organizations.name, type: organizations.type }).from(organizations).orderBy(organizations.name),
  ),
  get: permissionProcedure('admin.org.read').input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    const [row] = await ctx.db.select().from(organizations).where(eq(organizations.id, input.id));
    if (!row) throw notFound('机构');
    return row;
  }),
  create: permissionProcedure('admin.org.write').input(ZCreateOrgInput).mutation(async ({ ctx, input }) => {
    const [region] = await ctx.db.select().from(regions).where(eq(regions.code, input.regionCode));
    if (!region) throw invalidField('regionCode', '行政区划不存在');
    try {
      return await ctx.db.transaction(async (tx) => {
        const [row] = await tx.insert(organizations).values({ ...input, industry: input.industry ?? null }).returning();
        await appendAudit(tx, ctx.actor, { action: 'org.create', entityType: 'organization', entityId: row.id, after: input });
        return row;
      });
    } catch (err) {
      if (isUniqueViolation(err, 'organizations_credit_code_uq')) throw invalidField('creditCode', '该统一社会信用代码已登记');
      throw err;
    }
  }),
  update: permissionProcedure('admin.org.write').input(ZUpdateOrgInput).mutation(async ({ ctx, input }) => {
    const { id, version, ...fields } = input;
    try {
      return await ctx.db.transaction(async (tx) => {
        const [before] = await tx.select().from(organizations).where(eq(organizations.id, id)).for('update');
        if (!before) throw notFound('机构');
        if (before.version !== version) throw conflict();
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
      if (isUniqueViolation(err, 'organizations_credit_code_uq')) throw invalidField('creditCode', '该统一社会信用代码已登记');
      throw err;
    }
  }),
});

async function getUser(db: Parameters<typeof loadSecurityPolicy>[0], id: string) {
  const [row] = await db.select(userColumns).from(users).innerJoin(organizations, eq(organizations.id, users.orgId)).where(eq(users.id, id));
  if (!row) throw notFound('用户');
  return row;
}

const userRouter = createTRPCRouter({
  list: permissionProcedure('admin.user.read').input(ZListUsersInput).query(async ({ ctx, input }) => {
    const sortCol = users[input.sort];
    const { where, order } = keyset(sortCol, users.id, input);
    const conds: (SQL | undefined)[] = [where];
    if (input.q) conds.push(or(ilike(users.username, likePattern(input.q)), ilike(users.displayName, likePattern(input.q)), ilike(organizations.name, likePattern(input.q))));
    if (input.orgId) conds.push(eq(users.orgId, input.orgId));
    if (input.role) conds.push(sql`${input.role} = any(${users.roles})`);
    if (input.status) conds.push(eq(users.status, input.status));
    const rows = await ctx.db
      .select(userColumns)
      .from(users)
      .innerJoin(organizations, eq(organizations.id, users.orgId))
      .where(and(...conds))
      .orderBy(...order)
      .limit(input.limit + 1);
    return pageOf(rows, input.limit, (r) => {
      const v = r[input.sort];
      return v instanceof Date ? v.toISOString() : v;
    });
  }),
  get: permissionProcedure('admin.user.read').input(z.object({ id: z.uuid() })).query(({ ctx, input }) => getUser(ctx.db, input.id)),
  create: permissionProcedure('admin.user.write').input(ZCreateUserInput).mutation(async ({ ctx, input }) => {
    const [org] = await ctx.db.select().from(organizations).where(eq(organizations.id, input.orgId));
    if (!org) throw invalidField('orgId', '所属机构不存在');
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
      if (isUniqueViolation(err, 'users_username_uq')) throw invalidField('username', '该账号已存在');
      throw err;
    }
  }),
  setRoles: permissionProcedure('admin.user.write').input(ZSetRolesInput).mutation(async ({ ctx, input }) => {
    await ctx.db.transaction(async (tx) => {
      const [u] = await tx.select({ u: users, orgType: organizations.type }).from(users).innerJoin(organizations, eq(organizations.id, users.orgId)).where(eq(users.id, input.id)).for('update', { of: users });
      if (!u) throw notFound('用户');
      if (u.u.version !== input.version) throw conflict();
      rolesFitOrg(input.roles, u.orgType as OrgType);
      if (u.u.id === ctx.user.id) throw new DomainError('precondition', '不能修改自己的角色(三权分立)');
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
    await transition(ctx.db, userMachine, ctx.actor, { id: input.id, version: input.version, action: 'enable', input: {} });
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
    if (input.parentCode) {
      const [p] = await ctx.db.select().from(regions).where(eq(regions.code, input.parentCode));
      if (!p) throw invalidField('parentCode', '上级区划不存在');
    }
    return ctx.db.transaction(async (tx) => {
      const [before] = await tx.select().from(regions).where(eq(regions.code, input.code));
      const values = { ...input, parentCode: input.parentCode ?? null, level: input.parentCode ? 'city' : 'province' };
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
