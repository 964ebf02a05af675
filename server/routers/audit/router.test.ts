import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { appendAudit } from '@/server/domain/audit';
import { callerAs, demoUser, openSeededDb, userRow, type TestDb } from '@/server/test/harness';
import { selectAudit } from './query';
import { ZAuditFilter } from './schema';

let h: TestDb;
beforeAll(async () => {
  h = await openSeededDb();
  // A little history: two actors, several entities, in one organization and with no organization.
  const sec = await userRow(h.db, 'secadmin');
  const sys = await userRow(h.db, 'sysadmin');
  const actor = (u: typeof sec) => ({ id: u.id, name: u.displayName, orgId: u.orgId, ip: '10.0.0.1' });
  await h.db.transaction(async (tx) => {
    for (let i = 1; i <= 7; i++) {
      await appendAudit(tx, actor(sec), { action: 'calendar.set_day', entityType: 'calendar', entityId: `2025-10-0${i}`, after: { working: false } });
    }
    await appendAudit(tx, actor(sys), { action: 'org.create', entityType: 'org', entityId: 'org-1', after: { name: '测试机构' } });
    await appendAudit(tx, actor(sys), { action: 'org.update', entityType: 'org', entityId: 'org-1', before: { name: '测试机构' }, after: { name: '测试机构二' }, reason: '更名' });
  });
});
afterAll(() => h.close());

const auditor = () => callerAs(h.db, demoUser('auditor'));
const code = (p: Promise<unknown>) => p.then(() => 'OK', (e) => (e instanceof TRPCError ? e.code : `THROWN ${String(e)}`));
const count = async (action: string) => (await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from audit_log where action = ${action}`))[0].n;

describe('who may call', () => {
  it('without a session: UNAUTHORIZED', async () => {
    const anon = await callerAs(h.db, null);
    expect(await code(anon.audit.list({}))).toBe('UNAUTHORIZED');
    expect(await code(anon.audit.verify())).toBe('UNAUTHORIZED');
  });

  it.each(['secadmin', 'sysadmin', 'province_admin'] as const)('as %s: FORBIDDEN (三权分立)', async (role) => {
    const c = await callerAs(h.db, demoUser(role));
    expect(await code(c.audit.list({}))).toBe('FORBIDDEN');
    expect(await code(c.audit.facets())).toBe('FORBIDDEN');
    expect(await code(c.audit.orgOptions())).toBe('FORBIDDEN');
    expect(await code(c.audit.verify())).toBe('FORBIDDEN');
  });
});

describe('audit.list', () => {
  it('newest first, filtered by action, actor and entity', async () => {
    const c = await auditor();
    const all = await c.audit.list({});
    expect(all.items[0].seq).toBeGreaterThan(all.items[1].seq);

    const setDays = await c.audit.list({ action: 'calendar.set_day' });
    expect(setDays.items).toHaveLength(7);
    expect(setDays.items.map((r) => r.entityId)).toEqual(['2025-10-07', '2025-10-06', '2025-10-05', '2025-10-04', '2025-10-03', '2025-10-02', '2025-10-01']);
    expect(setDays.items[0]).toMatchObject({ actorName: '安全管理员', orgName: '河南省行政审批和政务信息管理局', ip: '10.0.0.1', after: { working: false } });

    // an action prefix picks the whole family
    expect((await c.audit.list({ action: 'org.' })).items.map((r) => r.action)).toEqual(['org.update', 'org.create']);
    expect((await c.audit.list({ actor: '系统管理' })).items.map((r) => r.action)).toEqual(['org.update', 'org.create']);
    const sys = await userRow(h.db, 'sysadmin');
    expect((await c.audit.list({ actor: sys.id })).items).toHaveLength(2);
    expect((await c.audit.list({ entityType: 'org', entityId: 'org-1' })).items.map((r) => r.reason)).toEqual(['更名', null]);
    expect((await c.audit.list({ orgId: sys.orgId, action: 'org.update' })).items).toHaveLength(1);
    const seq = setDays.items[3].seq;
    expect((await c.audit.list({ seq })).items.map((r) => r.entityId)).toEqual(['2025-10-04']);
  });

  it('time range and pages with the keyset cursor', async () => {
    const c = await auditor();
    expect((await c.audit.list({ action: 'calendar.set_day', to: new Date('2000-01-01') })).items).toHaveLength(0);
    expect((await c.audit.list({ action: 'calendar.set_day', from: new Date(Date.now() - 3600_000), to: new Date(Date.now() + 3600_000) })).items).toHaveLength(7);

    const seen: string[] = [];
    let cursor: number | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof c.audit.list>> = await c.audit.list({ action: 'calendar.set_day', limit: 3, cursor });
      seen.push(...page.items.map((r) => r.entityId!));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(['2025-10-07', '2025-10-06', '2025-10-05', '2025-10-04', '2025-10-03', '2025-10-02', '2025-10-01']);
  });

  it('bad filters are BAD_REQUEST beside the field', async () => {
    const c = await auditor();
    const err = await c.audit.list({ orgId: 'not-a-uuid' }).catch((e) => e);
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.cause.issues.map((i: { path: string[] }) => i.path.join('.'))).toEqual(['orgId']);
    const range = await c.audit.list({ from: new Date('2026-02-01'), to: new Date('2026-01-01') }).catch((e) => e);
    expect(range.cause.issues.map((i: { path: string[]; message: string }) => `${i.path.join('.')}: ${i.message}`)).toEqual(['to: 结束时间不能早于开始时间']);
  });

  it('the export reads the same filter from a query string, in keyset pages', async () => {
    const f = ZAuditFilter.parse({ action: 'calendar.set_day', from: '2000-01-01T00:00:00+08:00' });
    const first = await selectAudit(h.db, f, null, 4);
    const rest = await selectAudit(h.db, f, first[first.length - 1].seq, 4);
    expect([...first, ...rest].map((r) => r.entityId)).toHaveLength(7);
  });
});

describe('audit.facets and audit.orgOptions', () => {
  it('lists the actions, entity types and organizations to filter by', async () => {
    const c = await auditor();
    const f = await c.audit.facets();
    expect(f.actions).toEqual(expect.arrayContaining(['calendar.set_day', 'org.create', 'org.update', 'system.seed']));
    expect(f.entityTypes).toEqual(expect.arrayContaining(['calendar', 'org']));
    const orgs = await c.audit.orgOptions();
    expect(orgs.find((o) => o.name === '河南省行政审批和政务信息管理局')).toMatchObject({ id: expect.any(String) });
    expect(Object.keys(orgs[0]).sort()).toEqual(['id', 'name']);
  });
});

describe('audit.verify', () => {
  it('an intact chain is ok; the check itself is audited', async () => {
    const c = await auditor();
    const before = await count('audit.verify');
    const total = (await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from audit_log`))[0].n;
    expect(await c.audit.verify()).toEqual({ ok: true, checked: total });
    expect(await count('audit.verify')).toBe(before + 1);
    // and the chain still verifies with the check's own row in it
    expect(await c.audit.verify()).toEqual({ ok: true, checked: total + 1 });
  });

  it('the database refuses to change a row', async () => {
    await expect(h.db.execute(sql`update audit_log set reason = 'x' where seq = 2`)).rejects.toThrow();
    await expect(h.db.execute(sql`delete from audit_log where seq = 2`)).rejects.toThrow();
  });

  it('a forged row is reported as the first broken link', async () => {
    const c = await auditor();
    const [{ seq }] = await queryRows<{ seq: number }>(h.db, sql`select seq::int as seq from audit_log where action = 'org.create'`);
    await h.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await h.db.execute(sql`update audit_log set reason = 'x' where seq = ${seq}`);
    await h.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    const report = await c.audit.verify();
    expect(report).toMatchObject({ ok: false, brokenAt: { seq, reason: 'hash_mismatch' } });
    const [{ n }] = await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from audit_log where seq < ${seq}`);
    expect(report.checked).toBe(n);
    const list = await c.audit.list({ action: 'audit.verify' });
    expect(list.items[0].after).toMatchObject({ ok: false, brokenAt: { seq } });
  });
});
