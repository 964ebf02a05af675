import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogResources } from '@/db/schema';
import { scaleCount, seedScale } from '@/db/seed/scale';
import { shanghaiDate } from '@/server/domain/deadlines';
import { likePattern } from '@/server/domain/paging';
import type { ScopeSubject } from '@/server/domain/scope';
import { openSeededDb, sessionUserFor, type TestDb } from '@/server/test/harness';
import { resourceConditions, selectResources } from './query';
import { ZResourceFilter, type ResourceFilter } from './schema';

/**
 * The resource list's paging (issue 4). selectResources reads a scope in index-ordered parts
 * (a region and an organization's resources outside it; an industry's organizations one by one),
 * chooses the page's ids before joining, and pages by row comparison: followed page by page to the
 * end, it must give exactly the rows, in the order, of one plain query over `catalogScope` — for every
 * kind of scope, sort and direction, with filters and searches. A search must find exactly what a
 * LIKE over the search text finds (the gram index only narrows).
 */

let h: TestDb;
const users: Record<string, ScopeSubject> = {};
const today = shanghaiDate(new Date());
const SORT = {
  updatedAt: catalogResources.updatedAt,
  name: catalogResources.name,
  code: catalogResources.code,
  itemCount: catalogResources.itemCount,
} as const;

const filter = (f: Partial<ResourceFilter>) => ZResourceFilter.parse(f);

/** The scope's rows in list order, by one query over `catalogScope` (the definition). */
async function expected(user: ScopeSubject, f: ResourceFilter): Promise<string[]> {
  const dir = f.dir === 'desc' ? desc : asc;
  const rows = await h.db
    .select({ id: catalogResources.id })
    .from(catalogResources)
    .where(and(...resourceConditions(user, f)))
    .orderBy(dir(SORT[f.sort]), dir(catalogResources.id));
  return rows.map((r) => r.id);
}

/** A page size that makes about five pages of the expected rows, so that the cursor is followed. */
const pageSize = (rows: readonly unknown[]) => Math.min(200, Math.max(2, Math.ceil(rows.length / 5)));

/** Every page of the list, followed by its cursor. */
async function paged(user: ScopeSubject, f: ResourceFilter, limit = 25): Promise<string[]> {
  const ids: string[] = [];
  let cursor: Parameters<typeof selectResources>[3]['cursor'] = null;
  for (let i = 0; i < 500; i++) {
    const page = await selectResources(h.db, user, f, { cursor, limit }, today);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((r) => r.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

beforeAll(async () => {
  h = await openSeededDb();
  expect(await seedScale(h.db, { resources: 640 })).not.toBeNull();
  expect(await scaleCount(h.db)).toBe(640);
  for (const u of ['province', 'zhengzhou', 'agency', 'jiaotong']) users[u] = await sessionUserFor(h.db, u);
  // The 郑州 authority's organization "moved": two of its resources are recorded in 洛阳, which only
  // the second part of its scope reads. And two rows share an updated_at (the id breaks the tie).
  const zz = users.zhengzhou;
  await h.db.execute(sql`update catalog_resources set region_code = '410300'
    where id in (select id from catalog_resources where owner_org_id = ${zz.orgId} and code like 'S-%' order by code limit 2)`);
  const [moved] = await h.db.select({ n: sql<number>`count(*)::int` }).from(catalogResources)
    .where(and(eq(catalogResources.ownerOrgId, zz.orgId), eq(catalogResources.regionCode, '410300')));
  expect(moved.n).toBe(2);
  await h.db.execute(sql`update catalog_resources set updated_at = (select updated_at from catalog_resources where code like 'S-%-000001')
    where code like 'S-%-000002'`);
});

afterAll(async () => {
  await h?.close();
});

describe('selectResources pages exactly the scope, in order', () => {
  for (const username of ['province', 'zhengzhou', 'agency', 'jiaotong']) {
    it(`${username}: every sort order, both directions`, async () => {
      const user = users[username];
      for (const sort of ['updatedAt', 'name', 'code', 'itemCount'] as const) {
        for (const dir of ['asc', 'desc'] as const) {
          const f = filter({ sort, dir });
          const want = await expected(user, f);
          expect(want.length).toBeGreaterThan(0);
          expect(await paged(user, f, pageSize(want)), `${sort} ${dir}`).toEqual(want);
        }
      }
    });

    it(`${username}: filters and searches`, async () => {
      const user = users[username];
      const cases: Partial<ResourceFilter>[] = [
        { regionCode: '410100', grade: 'important' },
        { regionCode: '410300' },
        { shareType: 'conditional', status: 'published' },
        { mine: true },
        { q: '信用代码' },
        { q: '人口', sort: 'name', dir: 'asc' },
        { q: '车', sort: 'itemCount' },
        { q: '古树' },
        { q: '郑州 企业' },
      ];
      for (const c of cases) {
        const f = filter(c);
        const want = await expected(user, f);
        expect(await paged(user, f, pageSize(want)), JSON.stringify(c)).toEqual(want);
      }
    });
  }

  it('the moved organization: the municipal authority still sees its resources recorded in another region', async () => {
    const zz = users.zhengzhou;
    const ids = await paged(zz, filter({ regionCode: '410300' }));
    expect(ids).toHaveLength(2);
    const all = await paged(zz, filter({}), 50);
    expect(all).toEqual(expect.arrayContaining(ids));
  });
});

describe('search finds what LIKE finds', () => {
  const needles = ['信用代码', '信用代', '人口', '车', '市', '古树名木', 'S-4101', 's-410100-00', '郑州 企业', '企业 登记', '（2024', '%', '_', '无此资源'];
  for (const q of needles) {
    it(`q=${q}`, async () => {
      const user = users.province;
      const rows = await h.db
        .select({ id: catalogResources.id })
        .from(catalogResources)
        .where(sql`${catalogResources.searchText} like ${likePattern(q.toLowerCase())}`)
        .orderBy(desc(catalogResources.updatedAt), desc(catalogResources.id));
      const want = rows.map((r) => r.id);
      expect(await paged(user, filter({ q }), pageSize(want))).toEqual(want);
    });
  }
});

describe('scale seed', () => {
  it('is idempotent, and its rows are what the app would write', async () => {
    expect(await seedScale(h.db, { resources: 10 })).toBeNull();
    const [bad] = await h.db
      .select({ n: sql<number>`count(*)::int` })
      .from(sql`catalog_resources r join organizations p on p.id = r.provider_org_id join organizations o on o.id = r.owner_org_id`)
      .where(sql`r.code like 'S-%' and (
        r.item_count <> (select count(*) from catalog_items i where i.resource_id = r.id)
        or r.search_text <> lower(r.code || ' ' || r.name || ' ' || p.name || ' ' || (select string_agg(i.name, ' ' order by i.seq) from catalog_items i where i.resource_id = r.id))
        or p.type <> 'data_provider' or r.code not like 'S-' || p.region_code || '-%'
        or o.type not in ('implementing_agency', 'municipal_authority') or r.code not like 'S-' || o.region_code || '-%')`);
    expect(bad.n).toBe(0);
  });
});
