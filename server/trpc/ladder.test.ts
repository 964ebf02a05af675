import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/db/seed/factories';
import { callerAs, callerFromCtx, openSeededDb, sessionUserFor, userRow, type TestDb } from '@/server/test/harness';

let h: TestDb;
beforeAll(async () => {
  h = await openSeededDb();
});
afterAll(() => h.close());

const code = (p: Promise<unknown>) => p.then(() => 'OK', (e) => (e instanceof TRPCError ? e.code : String(e)));

describe('procedure ladder', () => {
  it('an account with an admin-set password may only use its own account procedures', async () => {
    const sys = await userRow(h.db, 'sysadmin');
    await createUser(h.db, { username: 'fresh.admin', orgId: sys.orgId, roles: ['sysadmin'], password: 'Initial#Pass1', status: 'pending_password' });
    const caller = await callerAs(h.db, 'fresh.admin');
    expect(await code(caller.admin.org.list({ limit: 5 }))).toBe('FORBIDDEN');
    expect(await code(caller.me.get())).toBe('OK');
    expect(await code(caller.me.inbox())).toBe('OK');
  });

  it('errors carry no stack and no SQL', async () => {
    const user = await sessionUserFor(h.db, 'sysadmin');
    const caller = callerFromCtx({ db: h.db, user, ip: null });
    const err = await caller.admin.org.get({ id: '00000000-0000-0000-0000-000000000000' }).catch((e) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toBe('机构不存在或无权访问');
  });

  it('bad input is BAD_REQUEST with the zod issue', async () => {
    const caller = await callerAs(h.db, 'sysadmin');
    const err = await caller.admin.org.create({ name: '', creditCode: 'x', type: 'operator', regionCode: '410100', cii: false }).catch((e) => e);
    expect(err.code).toBe('BAD_REQUEST');
  });
});

describe('HTTP error shape', () => {
  it('field errors reach the client beside their field, with no stack trace', async () => {
    const { fetchRequestHandler } = await import('@trpc/server/adapters/fetch');
    const { appRouter } = await import('@/server/routers/_app');
    const user = await sessionUserFor(h.db, 'sysadmin');
    const body = JSON.stringify({ json: { name: '测试机构', creditCode: '91330100716105852E', type: 'operator', regionCode: '410100', cii: false } });
    const res = await fetchRequestHandler({
      endpoint: '/api/trpc',
      req: new Request('http://localhost/api/trpc/admin.org.create', { method: 'POST', body, headers: { 'content-type': 'application/json' } }),
      router: appRouter,
      createContext: async () => ({ db: h.db, user, ip: null }),
    });
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error.json.data.fieldErrors).toEqual({ creditCode: ['统一社会信用代码校验位错误(GB 32100-2015)'] });
    expect(JSON.stringify(json)).not.toMatch(/stack|at \//);
  });
});
