// First start on a fresh machine: make sure AUTH_SECRET exists (generated into .env.local, never committed).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';

const file = '.env.local';
const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
if (!process.env.AUTH_SECRET && !/^AUTH_SECRET=.+/m.test(existing)) {
  const line = `AUTH_SECRET=${randomBytes(32).toString('base64url')}\n`;
  fs.writeFileSync(file, existing + (existing && !existing.endsWith('\n') ? '\n' : '') + line, { mode: 0o600 });
  console.log('[setup] generated AUTH_SECRET into .env.local');
}
