// Benchmark: req/s and p95 latency of a static file, /api/health and an authenticated tRPC list
// query, each as a ratio of the static route measured in the same run, against `next start` on
// loopback — once on the embedded PGlite and once on PostgreSQL. Needs `npm run build` first.
//   node bench/run.mjs [--seconds 8] [--connections 8] [--db pglite,postgres]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const SECONDS = Number(args.seconds ?? 8);
const CONNECTIONS = Number(args.connections ?? 8);
const DBS = (args.db ?? 'pglite,postgres').split(',');
const PG_BASE = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const PORT = 3300;

if (!fs.existsSync('.next/BUILD_ID')) {
  console.error('No production build: run `npm run build` first.');
  process.exit(1);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

function request(method, urlPath, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: PORT, path: urlPath, method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

async function waitForHealth() {
  for (let i = 0; i < 240; i++) {
    try {
      const r = await request('GET', '/api/health');
      if (r.status === 200) return JSON.parse(r.body).db;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not become healthy');
}

/** Log in through next-auth's credentials endpoint, as the browser does, and return the cookie header. */
async function login(username, password) {
  const csrf = await request('GET', '/api/auth/csrf');
  const jar = (csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]);
  const { csrfToken } = JSON.parse(csrf.body);
  const body = new URLSearchParams({ csrfToken, username, password, callbackUrl: '/' }).toString();
  const res = await request('POST', '/api/auth/callback/credentials', {
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; '), 'content-length': Buffer.byteLength(body) },
    body,
  });
  const cookies = [...jar, ...(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0])];
  if (!cookies.some((c) => c.startsWith('authjs.session-token='))) throw new Error(`login failed (${res.status})`);
  return cookies.join('; ');
}

/** CONNECTIONS loops for SECONDS, each firing the next request when the previous one answered. */
async function load(urlPath, headers = {}) {
  const latencies = [];
  let errors = 0;
  const end = Date.now() + SECONDS * 1000;
  const warmEnd = Date.now() + 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < end) {
        const t0 = process.hrtime.bigint();
        const r = await request('GET', urlPath, { headers }).catch(() => ({ status: 0 }));
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (r.status !== 200) errors++;
        else if (Date.now() > warmEnd) latencies.push(ms);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const p = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { rps: latencies.length / (SECONDS - 1), p50: p(0.5), p95: p(0.95), errors };
}

async function startServer(db) {
  const env = { ...process.env, PORT: String(PORT), NODE_ENV: 'production', AUTH_SECRET: randomBytes(32).toString('base64url'), DATABASE_URL: '', LOGIN_IP_LIMIT_PER_MINUTE: '1000' };
  let cleanup = async () => {};
  if (db === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pglite-'));
    env.PGLITE_DIR = path.join(dir, 'data');
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_BASE });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(PG_BASE);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    cleanup = async () => {
      const c = new pg.Client({ connectionString: PG_BASE });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT), '-H', '127.0.0.1'], { env, stdio: 'ignore' });
  return {
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      agent.destroy();
      await cleanup();
    },
  };
}

const rows = [];
for (const db of DBS) {
  const server = await startServer(db);
  try {
    const kind = await waitForHealth();
    const cookie = await login('sysadmin', 'Henan#Demo2026');
    const list = `/api/trpc/admin.org.list?input=${encodeURIComponent(JSON.stringify({ json: { limit: 50 } }))}`;
    const probe = await request('GET', list, { headers: { cookie } });
    if (probe.status !== 200) throw new Error(`tRPC list answered ${probe.status}`);
    const targets = [
      ['static /robots.txt', '/robots.txt', {}],
      ['GET /api/health', '/api/health', {}],
      ['tRPC admin.org.list (50 rows, signed in)', list, { cookie }],
    ];
    const base = [];
    for (const [name, url, headers] of targets) {
      await load(url, headers); // warm-up pass, discarded
      const r = await load(url, headers);
      base.push(r);
      rows.push({ db: kind, name, ...r, ratio: r.rps / base[0].rps });
    }
  } finally {
    await server.stop();
  }
}

const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '—');
console.log(`\nBenchmark: ${CONNECTIONS} connections, ${SECONDS} s per route, loopback, ${os.cpus().length} cores, node ${process.version}\n`);
console.log('| database | route | req/s | p50 ms | p95 ms | req/s vs static | errors |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.db} | ${r.name} | ${fmt(r.rps, 0)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.ratio, 2)} | ${r.errors} |`);
