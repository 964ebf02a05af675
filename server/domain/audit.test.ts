import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { auditLog } from '@/db/schema';
import { openTestDb, type TestDb } from '@/server/test/harness';
import { appendAudit, canonicalJson, verifyChain } from './audit';

let h: TestDb;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(() => h.close());

const actor = { id: null, name: 'tester', orgId: null, ip: '127.0.0.1' };

describe('audit chain', () => {
  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
  });

  it('chains rows and verifies an intact log', async () => {
    for (let i = 0; i < 5; i++) await appendAudit(h.db, actor, { action: 'test.event', entityType: 'thing', entityId: String(i), after: { i, 名称: '测试' } });
    const rows = await h.db.select().from(auditLog).orderBy(auditLog.seq);
    expect(rows).toHaveLength(5);
    expect(rows[1].prevHash).toBe(rows[0].hash);
    expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyChain(h.db)).toEqual({ ok: true, checked: 5 });
  });

  it('redacts secrets in before/after', async () => {
    await appendAudit(h.db, actor, { action: 'test.secret', after: { passwordHash: 'x', nested: { token: 'y', ok: 1 } } });
    const [last] = await h.db.select().from(auditLog).orderBy(sql`seq desc`).limit(1);
    expect(last.after).toEqual({ passwordHash: '[redacted]', nested: { token: '[redacted]', ok: 1 } });
  });

  it('the database refuses UPDATE and DELETE on the audit log', async () => {
    await expect(h.db.execute(sql`update audit_log set reason = 'x'`)).rejects.toThrow();
    await expect(h.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(h.db.execute(sql`truncate audit_log`)).rejects.toThrow();
  });

  it('finds the first altered row when the trigger is bypassed', async () => {
    const rows = await queryRows<{ seq: number }>(h.db, sql`select seq::int as seq from audit_log order by seq`);
    const victim = rows[2].seq;
    await h.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await h.db.execute(sql`update audit_log set reason = 'forged' where seq = ${victim}`);
    await h.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    const report = await verifyChain(h.db, 2);
    expect(report.ok).toBe(false);
    expect(report.brokenAt).toEqual({ seq: victim, reason: 'hash_mismatch' });
    expect(report.checked).toBe(2);
  });
});
