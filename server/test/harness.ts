import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { TRPCError } from '@trpc/server';
import { getErrorShape } from '@trpc/server/unstable-core-do-not-import';
import { Client } from 'pg';
import { openDb, type Db, type DbHandle } from '@/db/client';
import { catalogResources, organizations, users } from '@/db/schema';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '@/db/seed/demo';
import { createOrg, createUser } from '@/db/seed/factories';
import { createSession, validateSession, type SessionUser } from '@/server/auth/session';
import { loadCalendar } from '@/server/domain/calendar';
import type { OrgType, Role } from '@/server/domain/roles';
import type { WorkflowActor } from '@/server/domain/workflow';
import { appRouter } from '@/server/routers/_app';
import { createCallerFactory, type Context } from '@/server/trpc/init';

/**
 * A real database per test file: PGlite in-process by default, or a fresh database on the
 * PostgreSQL server named by TEST_DATABASE_URL (created here, dropped in `close`).
 */
export interface TestDb extends DbHandle {
  url?: string;
}

export async function openTestDb(): Promise<TestDb> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return openDb({});
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDb({ url: url.toString() });
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A seeded demo province, plus helpers to call the router as any user. */
export async function openSeededDb() {
  const handle = await openTestDb();
  await seedDemo(handle.db, { onlyIfEmpty: true });
  await loadCalendar(handle.db);
  return handle;
}

const createCaller = createCallerFactory(appRouter);

export async function sessionUserFor(db: Db, username: string): Promise<SessionUser> {
  const [u] = await db.select().from(users).where(sql`lower(${users.username}) = lower(${username})`);
  if (!u) throw new Error(`no user ${username}`);
  const sid = await createSession(db, u.id, '127.0.0.1', 'vitest');
  const check = await validateSession(db, sid);
  if (!check.user) throw new Error(`session for ${username} invalid: ${check.reason}`);
  return check.user;
}

export async function callerAs(db: Db, username: string | null) {
  const user = username ? await sessionUserFor(db, username) : null;
  const ctx: Context = { db, user, ip: '127.0.0.1' };
  return createCaller(ctx);
}

export const callerFromCtx = (ctx: Context) => createCaller(ctx);

export type Caller = Awaited<ReturnType<typeof callerAs>>;

/** A uuid no row has, for the NOT_FOUND cases. */
export const NO_ID = '00000000-0000-4000-8000-000000000000';

/** The audit and workflow actor of a session user, as the tRPC context builds it, for service-level tests. */
export function actorOf(user: SessionUser, ip: string | null = '127.0.0.1'): WorkflowActor {
  return { id: user.id, name: user.displayName, orgId: user.orgId, ip, roles: user.roles };
}

export async function orgId(db: Db, name: string): Promise<string> {
  const [o] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name));
  if (!o) throw new Error(`no organization ${name}`);
  return o.id;
}

export async function resourceId(db: Db, code: string): Promise<string> {
  const [r] = await db.select({ id: catalogResources.id }).from(catalogResources).where(eq(catalogResources.code, code));
  if (!r) throw new Error(`no resource ${code}`);
  return r.id;
}

/** A further user (demo password) of an existing organization, named, or of a new one. */
export async function addUser(db: Db, username: string, roles: Role[], org: string | { name: string; type: OrgType; regionCode: string; industry?: string }) {
  const id = typeof org === 'string' ? await orgId(db, org) : (await createOrg(db, org)).id;
  await createUser(db, { username, displayName: username, orgId: id, roles, password: DEMO_PASSWORD });
}

/** `addUser`, then a caller as that user. */
export async function extraUser(...args: Parameters<typeof addUser>): Promise<Caller> {
  await addUser(...args);
  return callerAs(args[0], args[1]);
}

/** A wall-clock time in Asia/Shanghai: `shanghaiAt('2026-09-30T22:30:00')`. */
export const shanghaiAt = (s: string) => new Date(`${s}+08:00`);

/**
 * The set-up shared by the domains' router tests: a seeded database with further users of the demo
 * organizations (second users keep each user under the write rate limit; users of other
 * organizations give the NOT_FOUND cases), callers as any user, and the actor / scope of a user for
 * calling the service functions at fixed times.
 */
export async function openUserKit(more: readonly (readonly [username: string, org: string, role: Role])[]) {
  const h = await openSeededDb();
  for (const [username, org, role] of more) await addUser(h.db, username, [role], org);
  const as = (username: string | null) => callerAs(h.db, username);
  const subject = async (username: string) => {
    const user = await sessionUserFor(h.db, username);
    return { actor: actorOf(user, null), user };
  };
  /** No session, and the demo account of each role, under the names the tests use. */
  const demo = {
    anon: await as(null),
    operator: await as(demoUser('operator')),
    agency: await as(demoUser('implementing_agency')),
    /** 郑州市行政审批和政务信息管理局 (municipal_admin). */
    zz: await as(demoUser('municipal_admin')),
    province: await as(demoUser('province_admin')),
    /** 河南省交通运输厅 (industry_dept). */
    jiaotong: await as(demoUser('industry_dept')),
    platform: await as(demoUser('platform')),
    developer: await as(demoUser('secondary_developer')),
    provider: await as(demoUser('data_provider')),
    evaluator: await as(demoUser('evaluator')),
    /** 河南省委网信办 (regulator). */
    wangxin: await as(demoUser('regulator')),
    sysadmin: await as(demoUser('sysadmin')),
    secadmin: await as(demoUser('secadmin')),
  };
  return { h, as, demo, subject, orgId: (name: string) => orgId(h.db, name) };
}

/** Demo account username for a role. */
export function demoUser(role: (typeof DEMO_ACCOUNTS)[number]['role']): string {
  return DEMO_ACCOUNTS.find((a) => a.role === role)!.username;
}

export async function userRow(db: Db, username: string) {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  return u;
}

/** The error as the client receives it: code, message, field errors and article from the real error formatter. */
export async function failure(p: Promise<unknown>) {
  const err = await p.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  if (!(err instanceof TRPCError)) throw err;
  const shape = getErrorShape({ config: appRouter._def._config, error: err, type: 'mutation', path: undefined, input: undefined, ctx: undefined });
  const data = shape.data as { fieldErrors?: Record<string, string[]>; article?: string };
  return { code: err.code, message: shape.message, fieldErrors: data.fieldErrors ?? {}, article: data.article };
}

/** 'OK' or the tRPC error code of a call. */
export const errorCode = (p: Promise<unknown>) => p.then(() => 'OK', (e) => (e instanceof TRPCError ? e.code : `THROWN ${String(e)}`));
