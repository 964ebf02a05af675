import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { TRPCError } from '@trpc/server';
import { getErrorShape } from '@trpc/server/unstable-core-do-not-import';
import { Client } from 'pg';
import { openDb, type Db, type DbHandle } from '@/db/client';
import { users } from '@/db/schema';
import { DEMO_ACCOUNTS, seedDemo } from '@/db/seed/demo';
import { createSession, validateSession, type SessionUser } from '@/server/auth/session';
import { loadCalendar } from '@/server/domain/calendar';
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
