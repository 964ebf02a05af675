import pg from 'pg';

/** Drop this run's PostgreSQL database (serve.mjs also clears leftovers of killed runs). */
export default async function globalTeardown() {
  const base = process.env.E2E_PG_URL;
  const name = process.env.E2E_PG_DB;
  if (!base || !name) return;
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`drop database if exists "${name}" with (force)`).catch(() => {});
  await c.end();
}
