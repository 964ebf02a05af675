/**
 * `npm run seed:scale`: load the catalog at scale (issue 4) — 100,000 resources with 1,000,000 data
 * items over the province and its 19 city regions (db/seed/scale.ts) — into the configured database,
 * for the benchmark in bench/catalog.ts.
 *
 * The database is the app's: DATABASE_URL (PostgreSQL), else PGlite at PGLITE_DIR (default
 * ./.data/pglite), read from the environment and .env*.local as `next` reads them, validated by
 * server/env.ts. It is migrated and demo-seeded first if empty (openDb + seedDemo). Never run it on a
 * PGlite directory that a running server has open (STACK.md).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/catalog_scale npm run seed:scale
 *   PGLITE_DIR=/tmp/scale-pglite npm run seed:scale
 *   npm run seed:scale -- --resources 3200 [--keep-indexes]
 *
 * Scale rows have codes starting with 'S-': if any exist, it does nothing. After the load (one
 * transaction) it runs VACUUM ANALYZE on the catalog tables (PGlite has no autovacuum).
 */
import path from 'node:path';
import { loadEnvConfig } from '@next/env';
import { sql } from 'drizzle-orm';
import { openDb, queryRows } from '@/db/client';
import { seedDemo } from '@/db/seed/demo';
import { scaleCount, seedScale } from '@/db/seed/scale';
import { readEnv } from '@/server/env';

const args = process.argv.slice(2);
const argOf = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

const started = Date.now();
let lapAt = started;
function log(msg: string) {
  const now = Date.now();
  console.log(`[seed:scale] ${((now - started) / 1000).toFixed(1).padStart(6)} s  (+${((now - lapAt) / 1000).toFixed(1)} s)  ${msg}`);
  lapAt = now;
}

async function main() {
  loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production', { info: () => {}, error: console.error });
  const env = readEnv();
  const resources = Number(argOf('resources') ?? 100_000);
  const target = env.DATABASE_URL ? `PostgreSQL ${env.DATABASE_URL.replace(/\/\/[^@/]*@/, '//…@')}` : `PGlite ${path.resolve(env.PGLITE_DIR)}`;
  log(`target: ${target}; ${resources.toLocaleString()} resources, ~${(resources * 10).toLocaleString()} items`);

  const handle = await openDb({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  const { db } = handle;
  try {
    log('opened and migrated');
    if (await seedDemo(db, { onlyIfEmpty: true })) log('empty database: demo province seeded');
    const existing = await scaleCount(db);
    if (existing > 0) {
      log(`${existing.toLocaleString()} scale resources (code 'S-…') already exist: nothing to do`);
      return;
    }
    const done = await seedScale(db, { resources, keepIndexes: args.includes('--keep-indexes'), log });
    if (!done) {
      log('another run loaded the scale rows meanwhile: nothing to do');
      return;
    }
    log('committed');
    await db.execute(sql`vacuum (analyze) catalog_resources, catalog_items, catalog_registrations, organizations`);
    log('vacuum analyze');
    const [s] = await queryRows<{ resources: number; items: number }>(db, sql`select
      (select count(*)::int from catalog_resources) as resources, (select count(*)::int from catalog_items) as items`);
    log(`done: ${s.resources.toLocaleString()} resources, ${s.items.toLocaleString()} items in the catalog`);
  } finally {
    await handle.close();
  }
}

main().catch((err: unknown) => {
  const cause = (err as { cause?: unknown }).cause;
  console.error(err instanceof Error ? `${err.message.slice(0, 3000)}${cause ? `\ncause: ${String(cause)}` : ''}` : err);
  process.exit(1);
});
