// Starts `next start` for one Playwright project on a database of its own:
//   node e2e/serve.mjs pglite <port>    — a fresh PGlite directory (the embedded default)
//   node e2e/serve.mjs postgres <port>  — a fresh database on the machine's PostgreSQL (E2E_PG_DB)
// The server creates, migrates and seeds it on first request, exactly as on a newcomer's machine.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const [kind, port] = process.argv.slice(2);
const env = { ...process.env, PORT: port, NODE_ENV: 'production', AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString('base64url') };
env.DATABASE_URL = ''; // defined but empty: .env.local cannot bring one in, and server/env.ts treats it as unset
// one browser logs in as every role many times from 127.0.0.1; the per-account lockout still applies
env.LOGIN_IP_LIMIT_PER_MINUTE = '1000';

if (kind === 'pglite') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-pglite-'));
  env.PGLITE_DIR = path.join(dir, 'data');
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
} else {
  const base = process.env.E2E_PG_URL;
  const name = process.env.E2E_PG_DB;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  // leftovers of runs that were killed before their teardown
  const old = await admin.query("select datname from pg_database where datname like 'e2e\\_%' and datname <> $1", [name]);
  for (const r of old.rows) await admin.query(`drop database if exists "${r.datname}" with (force)`).catch(() => {});
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
}

const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port, '-H', '127.0.0.1'], { env, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', async (code) => {
  // the server is gone: now its database can go too (a killed run's is swept by the next one)
  if (kind === 'postgres') {
    const c = new pg.Client({ connectionString: process.env.E2E_PG_URL });
    await c.connect().then(() => c.query(`drop database if exists "${process.env.E2E_PG_DB}" with (force)`)).catch(() => {});
    await c.end().catch(() => {});
  }
  process.exit(code ?? 0);
});
