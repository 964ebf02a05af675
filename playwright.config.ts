import { randomBytes } from 'node:crypto';
import { defineConfig } from '@playwright/test';

/**
 * Two servers from one production build: the embedded PGlite default and PostgreSQL. Most journeys
 * run on PGlite; the audit-forgery journey needs a database superuser and runs on PostgreSQL.
 */
process.env.E2E_PG_URL ??= process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
process.env.E2E_PG_DB ??= `e2e_${randomBytes(4).toString('hex')}`;

const PGLITE_PORT = 3210;
const PG_PORT = 3211;

export default defineConfig({
  testDir: './e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'pglite', testIgnore: /postgres\..*spec\.ts/, use: { baseURL: `http://127.0.0.1:${PGLITE_PORT}` } },
    { name: 'postgres', testMatch: /postgres\..*spec\.ts/, use: { baseURL: `http://127.0.0.1:${PG_PORT}` } },
  ],
  webServer: [
    { command: `node e2e/serve.mjs pglite ${PGLITE_PORT}`, url: `http://127.0.0.1:${PGLITE_PORT}/api/health`, timeout: 120_000, reuseExistingServer: false, stdout: 'ignore', stderr: 'pipe', gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 } },
    { command: `node e2e/serve.mjs postgres ${PG_PORT}`, url: `http://127.0.0.1:${PG_PORT}/api/health`, timeout: 120_000, reuseExistingServer: false, stdout: 'ignore', stderr: 'pipe', gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 } },
  ],
});
