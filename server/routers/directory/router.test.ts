import { TRPCError } from '@trpc/server';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations } from '@/db/schema';
import { createOrg } from '@/db/seed/factories';
import { callerAs, demoUser, openSeededDb, userRow, type TestDb } from '@/server/test/harness';

let h: TestDb;
beforeAll(async () => {
  h = await openSeededDb();
});
afterAll(() => h.close());

const code = (p: Promise<unknown>) => p.then(() => 'OK', (e) => (e instanceof TRPCError ? e.code : `THROWN ${String(e)}`));

async function org(name: string) {
  const [o] = await h.db.select().from(organizations).where(eq(organizations.name, name));
  return o;
}

/** Every organization the caller sees, through all the keyset pages. */
async function visible(username: string, input: { q?: string; type?: 'operator'; sort?: 'name' | 'regionCode'; dir?: 'asc' | 'desc' } = {}, limit = 5) {
  const c = await callerAs(h.db, username);
  const rows: Awaited<ReturnType<typeof c.directory.org.list>>['items'] = [];
  let cursor: { v: string | number | null; id: string } | null = null;
  for (let i = 0; i < 50; i++) {
    const page: Awaited<ReturnType<typeof c.directory.org.list>> = await c.directory.org.list({ ...input, limit, cursor });
    rows.push(...page.items);
    if (!page.nextCursor) return rows;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

describe('directory.org (scoped by the caller, DESIGN §1)', () => {
  it('a municipal authority sees only its city\'s organizations, and NOT_FOUND for another city\'s', async () => {
    const rows = await visible('zhengzhou');
    const names = rows.map((r) => r.name);
    expect(names).toContain('郑州数据运营有限公司');
    expect(names).toContain('郑州市大数据发展中心');
    expect(names).not.toContain('洛阳城市数据运营有限公司');
    expect(names).not.toContain('河南数据集团有限公司');
    expect(rows.every((r) => r.regionCode === '410100')).toBe(true);
    const [{ n }] = await h.db.select({ n: count() }).from(organizations).where(eq(organizations.regionCode, '410100'));
    expect(rows).toHaveLength(n);

    const c = await callerAs(h.db, 'zhengzhou');
    const luoyang = await org('洛阳城市数据运营有限公司');
    expect(await code(c.directory.org.get({ id: luoyang.id }))).toBe('NOT_FOUND');
    const own = await org('郑州数据运营有限公司');
    expect((await c.directory.org.get({ id: own.id })).regionName).toBe('郑州市');
  });

  it('an operator sees only its own organization', async () => {
    const rows = await visible(demoUser('operator'));
    expect(rows.map((r) => r.name)).toEqual(['河南数据集团有限公司']);
    const c = await callerAs(h.db, demoUser('operator'));
    expect(await code(c.directory.org.get({ id: (await org('郑州数据运营有限公司')).id }))).toBe('NOT_FOUND');
  });

  it('an industry department sees its industry (and itself)', async () => {
    const rows = await visible(demoUser('industry_dept'));
    expect(rows.map((r) => r.name).sort()).toEqual(['河南省交通运输厅', '河南省交通运输厅信息中心'].sort());
  });

  it('the province sees every active organization, on every page exactly once, in either sort and direction', async () => {
    const [{ n }] = await h.db.select({ n: count() }).from(organizations).where(eq(organizations.active, true));
    for (const sort of ['name', 'regionCode'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const rows = await visible(demoUser('province_admin'), { sort, dir }, 7);
        expect(rows, `${sort} ${dir}`).toHaveLength(n);
        expect(new Set(rows.map((r) => r.id)).size).toBe(n);
      }
    }
    const byRegion = (await visible(demoUser('province_admin'), { sort: 'regionCode', dir: 'desc' }, 200)).map((r) => r.regionCode);
    expect(byRegion).toEqual([...byRegion].sort().reverse());
  });

  it('searches by name or credit code and filters by type', async () => {
    const operators = await visible(demoUser('province_admin'), { type: 'operator' });
    expect(operators.map((r) => r.name).sort()).toEqual(['河南数据集团有限公司', '洛阳城市数据运营有限公司', '郑州数据运营有限公司'].sort());
    expect((await visible(demoUser('province_admin'), { q: '云图' })).map((r) => r.name)).toEqual(['洛阳云图信息技术有限公司']);
    const group = await org('河南数据集团有限公司');
    expect((await visible(demoUser('province_admin'), { q: group.creditCode })).map((r) => r.id)).toEqual([group.id]);
    // the search stays inside the scope
    expect(await visible('zhengzhou', { q: '洛阳' })).toHaveLength(0);
  });

  it('does not list disabled organizations', async () => {
    const o = await createOrg(h.db, { name: '已停用的郑州公司', type: 'operator', regionCode: '410100' });
    expect((await visible('zhengzhou', { q: '已停用' })).map((r) => r.id)).toEqual([o.id]);
    await h.db.update(organizations).set({ active: false }).where(eq(organizations.id, o.id));
    expect(await visible('zhengzhou', { q: '已停用' })).toHaveLength(0);
  });

  it('needs a session, and the 三权分立 admin roles hold no business permission', async () => {
    const anon = await callerAs(h.db, null);
    expect(await code(anon.directory.org.list({ limit: 5 }))).toBe('UNAUTHORIZED');
    const anyOrg = (await userRow(h.db, 'operator')).orgId;
    expect(await code(anon.directory.org.get({ id: anyOrg }))).toBe('UNAUTHORIZED');
    for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) {
      const c = await callerAs(h.db, demoUser(role));
      expect(await code(c.directory.org.list({ limit: 5 })), role).toBe('FORBIDDEN');
      expect(await code(c.directory.org.get({ id: anyOrg })), role).toBe('FORBIDDEN');
    }
  });
});
