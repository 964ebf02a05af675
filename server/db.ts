import 'server-only';
import { openDb, type DbHandle } from '@/db/client';
import { seedDemo } from '@/db/seed/demo';
import { env } from './env';

/**
 * The process-wide database. One PGlite instance per process (STACK.md): kept on globalThis so that
 * dev hot reload does not open the data directory twice. Opened lazily on the first request, never
 * at import time, so `next build` does not touch the database.
 */
const g = globalThis as unknown as { __dbPromise?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  if (!g.__dbPromise) {
    g.__dbPromise = (async () => {
      const handle = await openDb({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
      if (env.SEED_DEMO === 'true') await seedDemo(handle.db, { onlyIfEmpty: true });
      return handle;
    })().catch((err) => {
      g.__dbPromise = undefined;
      throw err;
    });
  }
  return g.__dbPromise;
}

export async function getDb() {
  return (await getDbHandle()).db;
}
