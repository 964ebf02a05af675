/**
 * `npm run bench:catalog`: latency of the catalog list (`catalog.resource.list`) at scale (issue 4),
 * on PostgreSQL and on PGlite, after `npm run seed:scale` has loaded each database.
 *
 *   npm run bench:catalog -- [--db pglite,postgres] [--pg-url URL] [--pglite-dir DIR] [--runs 40] [--users province,zhengzhou]
 *                            [--only <part of a row name>] [--explain]
 *
 * Defaults: --pg-url from BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/catalog_scale;
 * --pglite-dir from PGLITE_DIR, else /tmp/scale-pglite. Never point it at a PGlite directory a running server has open.
 *
 * It calls the procedure in-process through the tRPC caller, as a signed-in province_admin
 * (`province`) and municipal_admin (`zhengzhou`), the way server/test/harness.ts does: input
 * validation, the procedure ladder (user, permission), the query, the row mapping; the session is
 * resolved once, as the request context would per request. Not over
 * HTTP: bench/run.mjs already measures what next start adds to a signed-in tRPC request, and PGlite
 * belongs to one process (STACK.md), so only in-process can the same SQL be timed on the same
 * connection. Each measured call's SQL is captured with a Drizzle logger and run directly on the
 * driver (`SQL` columns); the ratio is tRPC p95 / SQL p95. Calls alternate tRPC and SQL after a warm-up.
 */
import os from 'node:os';
import type { Logger } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { openDb, queryRows, type Db, type DbHandle } from '@/db/client';
import { callerFromCtx, sessionUserFor } from '@/server/test/harness';

type Caller = ReturnType<typeof callerFromCtx>;
type ListInput = Parameters<Caller['catalog']['resource']['list']>[0];

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const DBS = (arg('db') ?? 'pglite,postgres').split(',');
const PG_URL = arg('pg-url') ?? process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/catalog_scale';
const PGLITE_DIR = arg('pglite-dir') ?? process.env.PGLITE_DIR ?? '/tmp/scale-pglite';
const RUNS = Number(arg('runs') ?? 40);
const WARMUP = 5;
const ONLY = arg('only');
const EXPLAIN = argv.includes('--explain');
const USERS = (arg('users') ?? 'province,zhengzhou').split(',');
const DEEP_PAGES = 50;

interface Captured {
  text: string;
  params: unknown[];
}

/** Every query Drizzle sends, kept until read. */
class Capture implements Logger {
  queries: Captured[] = [];
  logQuery(text: string, params: unknown[]) {
    this.queries.push({ text, params });
  }
  take() {
    const q = this.queries;
    this.queries = [];
    return q;
  }
}

interface RawClient {
  query(text: string, params: unknown[]): Promise<unknown>;
}
const rawClient = (db: Db) => (db as unknown as { $client: RawClient }).$client;

const now = () => Number(process.hrtime.bigint()) / 1e6;
const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};

/**
 * What is timed, per user: issue 4's cases (first page, a deep keyset page, a filtered list, four
 * searches), then the other sort orders and searches that find nothing in the user's scope — the
 * cases where a planner that walks an index in sort order, expecting matches early, walks it all.
 */
function casesFor(regionCode: string, deepCursor: ListInput['cursor']): [string, ListInput][] {
  const region = regionCode === '410000' ? '410300' : regionCode;
  return [
    ['first page (updatedAt desc)', {}],
    [`page ${DEEP_PAGES + 1} (keyset cursor)`, { cursor: deepCursor }],
    [`regionCode=${region} grade=important shareType=conditional`, { regionCode: region, grade: 'important', shareType: 'conditional' }],
    ['q=信用代码', { q: '信用代码' }],
    ['q=人口', { q: '人口' }],
    ['q=古树 (rare)', { q: '古树' }],
    ['q=车 (one character)', { q: '车' }],
    ['q=市 (one character, nearly every row)', { q: '市' }],
    ['q=无此资源 (no match)', { q: '无此资源' }],
    ['q=洛阳 (none in 郑州)', { q: '洛阳' }],
    ['sort=name asc', { sort: 'name', dir: 'asc' }],
    ['sort=code asc', { sort: 'code', dir: 'asc' }],
    ['sort=itemCount desc', { sort: 'itemCount', dir: 'desc' }],
  ];
}

interface Row {
  db: string;
  user: string;
  query: string;
  rows: number;
  trpc50: number;
  trpc95: number;
  sql50: number;
  sql95: number;
}

async function benchDb(kind: 'pglite' | 'postgres', results: Row[]) {
  const capture = new Capture();
  const t0 = now();
  const handle: DbHandle = kind === 'postgres' ? await openDb({ url: PG_URL, logger: capture }) : await openDb({ pgliteDir: PGLITE_DIR, logger: capture });
  const { db } = handle;
  try {
    const [c] = await queryRows<{ resources: number; items: number; scale: number }>(db, sql`select
      (select count(*)::int from catalog_resources) as resources, (select count(*)::int from catalog_items) as items,
      (select count(*)::int from catalog_resources where code like 'S-%') as scale`);
    console.log(`\n== ${kind} (${kind === 'postgres' ? PG_URL : PGLITE_DIR}): opened and migrated in ${(now() - t0).toFixed(0)} ms; ${c.resources.toLocaleString()} resources, ${c.items.toLocaleString()} items`);
    if (c.scale === 0) console.log('   no scale rows: run `npm run seed:scale` against this database first');
    const raw = rawClient(db);

    // Sign in, build each user's cases (the deep cursor is followed page by page, as the UI does),
    // and run every case once untimed, so that no row pays for a cold cache.
    const plans: { username: string; list: (input: ListInput) => ReturnType<Caller['catalog']['resource']['list']>; cases: [string, ListInput][] }[] = [];
    for (const username of USERS) {
      const user = await sessionUserFor(db, username);
      const caller = callerFromCtx({ db, user, ip: '127.0.0.1' });
      const list = (input: ListInput) => caller.catalog.resource.list(input);
      let cursor: ListInput['cursor'] = null;
      for (let p = 0; p < DEEP_PAGES; p++) {
        const page = await list({ cursor });
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      const cases = casesFor(user.regionCode, cursor).filter(([name]) => !ONLY || name.includes(ONLY));
      for (const [, input] of cases) await list(input);
      plans.push({ username, list, cases });
    }

    for (const { username, list, cases } of plans) {
      for (const [name, input] of cases) {
        capture.take();
        const first = await list(input);
        const qs = capture.take();
        if (qs.length !== 1) console.log(`   note: ${name} sent ${qs.length} queries; timing the last`);
        const q = qs[qs.length - 1];
        if (EXPLAIN) {
          const plan = (await raw.query(`explain (analyze, buffers, costs off) ${q.text}`, q.params)) as { rows: Record<string, string>[] };
          console.log(`\n-- ${kind} ${username} ${name}\n${plan.rows.map((r) => Object.values(r)[0]).join('\n')}`);
        }
        for (let i = 0; i < WARMUP; i++) {
          await list(input);
          await raw.query(q.text, q.params);
        }
        const trpc: number[] = [];
        const direct: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          let t = now();
          await list(input);
          trpc.push(now() - t);
          t = now();
          await raw.query(q.text, q.params);
          direct.push(now() - t);
        }
        capture.take();
        const row: Row = {
          db: kind, user: username, query: name, rows: first.items.length,
          trpc50: pct(trpc, 0.5), trpc95: pct(trpc, 0.95), sql50: pct(direct, 0.5), sql95: pct(direct, 0.95),
        };
        results.push(row);
        console.log(`   ${username.padEnd(9)} ${name.padEnd(44)} rows ${String(row.rows).padStart(2)}  tRPC p50 ${row.trpc50.toFixed(1).padStart(6)} p95 ${row.trpc95.toFixed(1).padStart(6)}  SQL p50 ${row.sql50.toFixed(1).padStart(6)} p95 ${row.sql95.toFixed(1).padStart(6)} ms`);
      }
    }
  } finally {
    await handle.close();
  }
}

async function main() {
  const results: Row[] = [];
  for (const kind of DBS) {
    if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`--db: pglite or postgres, not ${kind}`);
    await benchDb(kind, results);
  }
  const f = (n: number) => n.toFixed(1);
  console.log(`\nCatalog list benchmark: ${RUNS} timed calls per row after ${WARMUP} warm-up, in-process tRPC caller, ${os.cpus().length} cores, node ${process.version}\n`);
  console.log('| database | user | catalog.resource.list input | rows | tRPC p50 ms | tRPC p95 ms | SQL p50 ms | SQL p95 ms | tRPC/SQL p95 |');
  console.log('|---|---|---|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(`| ${r.db} | ${r.user} | ${r.query} | ${r.rows} | ${f(r.trpc50)} | ${f(r.trpc95)} | ${f(r.sql50)} | ${f(r.sql95)} | ${(r.trpc95 / r.sql95).toFixed(2)} |`);
  }
  if (DBS.length > 1) {
    // The same, the databases side by side: "p50 / p95" in ms, the ratio of the p95s.
    const heads = DBS.map((d) => (d === 'postgres' ? 'PostgreSQL' : 'PGlite'));
    console.log(`\n| user | catalog.resource.list input | rows | ${heads.map((h) => `${h} tRPC | ${h} SQL | ×`).join(' | ')} |`);
    console.log(`|---|---|---:|${DBS.map(() => '---:|---:|---:').join('|')}|`);
    for (const r of results.filter((x) => x.db === DBS[0])) {
      const cells = DBS.map((d) => {
        const x = results.find((y) => y.db === d && y.user === r.user && y.query === r.query);
        return x ? `${f(x.trpc50)} / ${f(x.trpc95)} | ${f(x.sql50)} / ${f(x.sql95)} | ${(x.trpc95 / x.sql95).toFixed(2)}` : '— | — | —';
      });
      console.log(`| ${r.user} | ${r.query} | ${r.rows} | ${cells.join(' | ')} |`);
    }
  }
  const slow = results.filter((r) => r.trpc95 >= 100);
  console.log(slow.length ? `\n${slow.length} row(s) at or over the 100 ms p95 goal.` : '\nEvery row under the 100 ms p95 goal.');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
