import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, inboxItems, organizations, regions, users } from '@/db/schema';
import { createOrg, createUser, makeCreditCode } from '@/db/seed/factories';
import { verifyPassword } from '@/server/auth/password';
import { createSession, validateSession } from '@/server/auth/session';
import { XLSX_TYPE } from '@/server/domain/export';
import { callerAs, demoUser, errorCode, failure, openSeededDb, type TestDb, userRow } from '@/server/test/harness';
import { exportOrgs, exportUsers } from './export';

let h: TestDb;
let sys: Awaited<ReturnType<typeof callerAs>>;
let sysUser: Awaited<ReturnType<typeof userRow>>;

beforeAll(async () => {
  h = await openSeededDb();
  sys = await callerAs(h.db, demoUser('sysadmin'));
  sysUser = await userRow(h.db, 'sysadmin');
});
afterAll(() => h.close());

const code = errorCode;

async function audits(action: string, entityId?: string) {
  return h.db
    .select()
    .from(auditLog)
    .where(entityId ? and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)) : eq(auditLog.action, action));
}

async function openInboxOf(userId: string) {
  return h.db.select().from(inboxItems).where(and(eq(inboxItems.assigneeUserId, userId), isNull(inboxItems.closedAt)));
}

async function orgId(name: string) {
  const [o] = await h.db.select().from(organizations).where(eq(organizations.name, name));
  return o.id;
}

/** Walk every page of a keyset list and return the ids in order. */
async function walk<T extends { id: string }>(fetch: (cursor: { v: string | number | null; id: string } | null) => Promise<{ items: T[]; nextCursor: { v: string | number | null; id: string } | null }>) {
  const ids: string[] = [];
  let cursor: { v: string | number | null; id: string } | null = null;
  for (let i = 0; i < 100; i++) {
    const page = await fetch(cursor);
    ids.push(...page.items.map((r) => r.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

const ORG_INPUT = { name: '测试运营有限公司', type: 'operator' as const, regionCode: '410100', industry: null, cii: false };

describe('admin.org', () => {
  it('lists organizations with search, filters and the region name', async () => {
    const all = await sys.admin.org.list({ limit: 200 });
    const [{ n }] = await h.db.select({ n: count() }).from(organizations);
    expect(all.items).toHaveLength(n);
    expect(all.nextCursor).toBeNull();

    const operators = await sys.admin.org.list({ limit: 200, type: 'operator' });
    expect(operators.items.map((o) => o.name).sort()).toEqual(['河南数据集团有限公司', '洛阳城市数据运营有限公司', '郑州数据运营有限公司'].sort());

    const luoyang = await sys.admin.org.list({ limit: 200, regionCode: '410300' });
    expect(luoyang.items.length).toBeGreaterThan(0);
    expect(luoyang.items.every((o) => o.regionCode === '410300' && o.regionName === '洛阳市')).toBe(true);

    const group = all.items.find((o) => o.name === '河南数据集团有限公司')!;
    expect(group.cii).toBe(true);
    const byCode = await sys.admin.org.list({ limit: 200, q: group.creditCode.slice(2, 12).toLowerCase() });
    expect(byCode.items.map((o) => o.id)).toContain(group.id);
    const byName = await sys.admin.org.list({ limit: 200, q: '数据集团' });
    expect(byName.items.map((o) => o.name)).toEqual(['河南数据集团有限公司']);
    // LIKE wildcards typed by the user are literal text
    expect((await sys.admin.org.list({ limit: 200, q: '%' })).items).toHaveLength(0);
  });

  it('sorts on the server and pages by keyset without skipping or repeating a row, for every sort column and direction', async () => {
    const total = (await sys.admin.org.list({ limit: 200 })).items.length;
    for (const sort of ['name', 'creditCode', 'regionCode', 'type', 'createdAt'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const ids = await walk((cursor) => sys.admin.org.list({ limit: 4, sort, dir, cursor }));
        expect(new Set(ids).size, `${sort} ${dir}`).toBe(total);
        expect(ids, `${sort} ${dir}`).toHaveLength(total);
      }
    }
    const codes = (await sys.admin.org.list({ limit: 200, sort: 'creditCode', dir: 'desc' })).items.map((o) => o.creditCode);
    expect(codes).toEqual([...codes].sort().reverse());
  });

  it('is for the system administrator only (三权分立)', async () => {
    const anon = await callerAs(h.db, null);
    expect(await code(anon.admin.org.list({ limit: 5 }))).toBe('UNAUTHORIZED');
    expect(await code(anon.admin.org.create({ ...ORG_INPUT, creditCode: makeCreditCode('410100') }))).toBe('UNAUTHORIZED');
    for (const role of ['province_admin', 'secadmin', 'auditor'] as const) {
      const c = await callerAs(h.db, demoUser(role));
      expect(await code(c.admin.org.list({ limit: 5 })), role).toBe('FORBIDDEN');
      expect(await code(c.admin.org.options()), role).toBe('FORBIDDEN');
      expect(await code(c.admin.org.create({ ...ORG_INPUT, creditCode: makeCreditCode('410100') })), role).toBe('FORBIDDEN');
    }
    const [{ n }] = await h.db.select({ n: count() }).from(organizations).where(eq(organizations.name, ORG_INPUT.name));
    expect(n).toBe(0);
  });

  it('creates an organization (credit code normalised to upper case) and audits it', async () => {
    const creditCode = makeCreditCode('410100');
    const row = await sys.admin.org.create({ ...ORG_INPUT, name: '新建运营有限公司', creditCode: creditCode.toLowerCase(), cii: true });
    expect(row).toMatchObject({ name: '新建运营有限公司', creditCode, type: 'operator', regionCode: '410100', cii: true, active: true, version: 1 });
    const [a] = await audits('org.create', row.id);
    expect(a.actorId).toBe(sysUser.id);
    expect(a.after).toMatchObject({ name: '新建运营有限公司', creditCode });
    expect((await sys.admin.org.get({ id: row.id })).name).toBe('新建运营有限公司');
    expect((await sys.admin.org.options()).find((o) => o.id === row.id)).toEqual({ id: row.id, name: '新建运营有限公司', type: 'operator', active: true });
  });

  it('refuses a credit code with a wrong check digit (GB 32100-2015) beside the field, writing nothing', async () => {
    const good = makeCreditCode('410100');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const before = (await audits('org.create')).length;
    const f = await failure(sys.admin.org.create({ ...ORG_INPUT, name: '校验位错误公司', creditCode: bad }));
    expect(f.code).toBe('BAD_REQUEST');
    expect(f.fieldErrors.creditCode).toEqual(['统一社会信用代码校验位错误(GB 32100-2015)']);
    expect((await failure(sys.admin.org.create({ ...ORG_INPUT, creditCode: '123' }))).fieldErrors.creditCode).toEqual(['统一社会信用代码应为18位']);
    expect((await failure(sys.admin.org.create({ ...ORG_INPUT, creditCode: good.slice(0, 16) + 'I' + good[17] }))).fieldErrors.creditCode[0]).toMatch(/不允许的字符/);
    expect(await h.db.select().from(organizations).where(eq(organizations.name, '校验位错误公司'))).toHaveLength(0);
    expect(await audits('org.create')).toHaveLength(before);
  });

  it('refuses a credit code already registered: CONFLICT beside the field', async () => {
    const [existing] = await h.db.select().from(organizations).where(eq(organizations.name, '河南数据集团有限公司'));
    const f = await failure(sys.admin.org.create({ ...ORG_INPUT, name: '重复代码公司', creditCode: existing.creditCode }));
    expect(f.code).toBe('CONFLICT');
    expect(f.fieldErrors.creditCode).toEqual(['该统一社会信用代码已登记']);
    const other = await sys.admin.org.create({ ...ORG_INPUT, name: '另一家公司', creditCode: makeCreditCode('410100') });
    const g = await failure(sys.admin.org.update({ ...ORG_INPUT, name: '另一家公司', id: other.id, version: other.version, active: true, creditCode: existing.creditCode }));
    expect(g.code).toBe('CONFLICT');
    expect(g.fieldErrors.creditCode).toEqual(['该统一社会信用代码已登记']);
  });

  it('refuses an unknown region, a missing type and an industry department without an industry', async () => {
    const r = await failure(sys.admin.org.create({ ...ORG_INPUT, regionCode: '999999', creditCode: makeCreditCode('410100') }));
    expect(r.code).toBe('BAD_REQUEST');
    expect(r.fieldErrors.regionCode).toEqual(['行政区划不存在']);
    const t = await failure(sys.admin.org.create({ ...ORG_INPUT, type: 'bank' as never, creditCode: makeCreditCode('410100') }));
    expect(t.fieldErrors.type).toEqual(['请选择机构类型']);
    const i = await failure(sys.admin.org.create({ ...ORG_INPUT, name: '某行业厅', type: 'industry_dept', regionCode: '410000', creditCode: makeCreditCode('410000', 'gov') }));
    expect(i.fieldErrors.industry?.[0]).toMatch(/所属行业/);
  });

  it('updates with the version check: a stale version is a CONFLICT and changes nothing', async () => {
    const o = await createOrg(h.db, { name: '待修改机构', type: 'operator', regionCode: '410300' });
    const input = { name: '已修改机构', creditCode: o.creditCode, type: 'operator' as const, regionCode: '410300', industry: '交通运输', cii: false, active: true };
    const row = await sys.admin.org.update({ ...input, id: o.id, version: o.version });
    expect(row).toMatchObject({ name: '已修改机构', industry: '交通运输', version: o.version + 1 });
    const [a] = await audits('org.update', o.id);
    expect(a.before).toMatchObject({ name: '待修改机构', industry: null });
    expect(a.after).toMatchObject({ name: '已修改机构', industry: '交通运输' });

    const stale = await failure(sys.admin.org.update({ ...input, name: '又改了', id: o.id, version: o.version }));
    expect(stale.code).toBe('CONFLICT');
    expect((await sys.admin.org.get({ id: o.id })).name).toBe('已修改机构');
    expect(await code(sys.admin.org.update({ ...input, id: '00000000-0000-4000-8000-000000000000', version: 1 }))).toBe('NOT_FOUND');
  });

  it('disabling an organization ends its members\' sessions and is audited as org.disable; enabling as org.enable', async () => {
    const o = await createOrg(h.db, { name: '将停用机构', type: 'secondary_developer', regionCode: '410100' });
    const member = await createUser(h.db, { username: 'member.of.disabled', orgId: o.id, roles: ['secondary_developer'], password: 'Member#Pass2026' });
    const sid = await createSession(h.db, member.id, null, null);
    expect((await validateSession(h.db, sid)).user?.id).toBe(member.id);
    const input = { name: o.name, creditCode: o.creditCode, type: 'secondary_developer' as const, regionCode: '410100', industry: null, cii: false };
    const off = await sys.admin.org.update({ ...input, id: o.id, version: o.version, active: false });
    expect(off.active).toBe(false);
    expect(await validateSession(h.db, sid)).toMatchObject({ user: null, reason: 'disabled' });
    expect(await audits('org.disable', o.id)).toHaveLength(1);
    // no new accounts in a disabled organization
    const f = await failure(sys.admin.user.create({ username: 'late.member', displayName: '迟到者', orgId: o.id, roles: ['secondary_developer'], password: 'Member#Pass2026' }));
    expect(f.fieldErrors.orgId?.[0]).toMatch(/已停用/);
    await sys.admin.org.update({ ...input, id: o.id, version: off.version, active: true });
    expect(await audits('org.enable', o.id)).toHaveLength(1);
  });

  it('refuses to disable the administrator\'s own organization', async () => {
    const [own] = await h.db.select().from(organizations).where(eq(organizations.id, sysUser.orgId));
    const f = await failure(
      sys.admin.org.update({ name: own.name, creditCode: own.creditCode, type: 'province_authority', regionCode: own.regionCode, industry: own.industry, cii: own.cii, id: own.id, version: own.version, active: false }),
    );
    expect(f.code).toBe('PRECONDITION_FAILED');
    expect((await sys.admin.org.get({ id: own.id })).active).toBe(true);
  });

  it('refuses a type change that would leave a member with a role the new type does not allow', async () => {
    const o = await createOrg(h.db, { name: '改类型机构', type: 'operator', regionCode: '410100' });
    await createUser(h.db, { username: 'op.of.retype', orgId: o.id, roles: ['operator'], password: 'Member#Pass2026' });
    const f = await failure(
      sys.admin.org.update({ name: o.name, creditCode: o.creditCode, type: 'platform', regionCode: '410100', industry: null, cii: false, id: o.id, version: o.version, active: true }),
    );
    expect(f.code).toBe('BAD_REQUEST');
    expect(f.fieldErrors.type?.[0]).toMatch(/op\.of\.retype/);
    expect((await sys.admin.org.get({ id: o.id })).type).toBe('operator');
  });

  it('get: NOT_FOUND for an unknown id', async () => {
    expect(await code(sys.admin.org.get({ id: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
  });
});

describe('admin.user', () => {
  const NEW_USER = { displayName: '新用户', roles: ['operator' as const], password: 'Initial#Pass2026' };

  it('lists users with search and filters (org, role, status, locked)', async () => {
    const all = await sys.admin.user.list({ limit: 200 });
    const [{ n }] = await h.db.select({ n: count() }).from(users);
    expect(all.items).toHaveLength(n);
    const op = all.items.find((u) => u.username === 'operator')!;
    expect(op).toMatchObject({ orgName: '河南数据集团有限公司', orgType: 'operator', roles: ['operator'], status: 'active' });
    expect(op).not.toHaveProperty('passwordHash');

    expect((await sys.admin.user.list({ limit: 200, q: '钱运营' })).items.map((u) => u.username)).toEqual(['operator']);
    expect((await sys.admin.user.list({ limit: 200, q: '数据集团' })).items.map((u) => u.username)).toContain('operator');
    const byOrg = await sys.admin.user.list({ limit: 200, orgId: op.orgId });
    expect(byOrg.items.every((u) => u.orgId === op.orgId)).toBe(true);
    const auditors = await sys.admin.user.list({ limit: 200, role: 'auditor' });
    expect(auditors.items.map((u) => u.username)).toEqual(['auditor']);

    const victim = await createUser(h.db, { username: 'locked.user', orgId: op.orgId, roles: ['operator'], password: 'Member#Pass2026' });
    await h.db.update(users).set({ lockedUntil: new Date(Date.now() + 10 * 60_000) }).where(eq(users.id, victim.id));
    expect((await sys.admin.user.list({ limit: 200, status: 'locked' })).items.map((u) => u.username)).toEqual(['locked.user']);
    await h.db.update(users).set({ lockedUntil: new Date(Date.now() - 60_000) }).where(eq(users.id, victim.id));
    expect((await sys.admin.user.list({ limit: 200, status: 'locked' })).items).toHaveLength(0);
    expect((await sys.admin.user.list({ limit: 200, status: 'disabled' })).items.every((u) => u.status === 'disabled')).toBe(true);
  });

  it('pages by keyset over every sort column, including the never-set last login time', async () => {
    // Postgres keeps microseconds, a JS Date (and so the cursor) only milliseconds; some never logged in.
    await h.db.execute(sql`update users set last_login_at = null`);
    await h.db.execute(sql`update users set last_login_at = timestamptz '2026-01-05 08:00:00+08' + ascii(username) * interval '1.000456 second' where username > 'd'`);
    await h.db.execute(sql`update users set created_at = created_at + ascii(substr(username, 2, 1)) * interval '0.000777 second'`);
    const total = (await sys.admin.user.list({ limit: 200 })).items.length;
    for (const sort of ['username', 'displayName', 'orgName', 'createdAt', 'lastLoginAt'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const ids = await walk((cursor) => sys.admin.user.list({ limit: 3, sort, dir, cursor }));
        expect(new Set(ids).size, `${sort} ${dir}`).toBe(total);
        expect(ids, `${sort} ${dir}`).toHaveLength(total);
      }
    }
    // desc: latest first, never-logged-in last
    const seen = (await sys.admin.user.list({ limit: 200, sort: 'lastLoginAt', dir: 'desc' })).items.map((u) => u.lastLoginAt?.getTime() ?? 0);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(0);
  });

  it('is for the system administrator only (三权分立)', async () => {
    const anon = await callerAs(h.db, null);
    const target = await userRow(h.db, 'developer');
    expect(await code(anon.admin.user.list({ limit: 5 }))).toBe('UNAUTHORIZED');
    expect(await code(anon.admin.user.disable({ id: target.id, version: target.version, reason: '测试' }))).toBe('UNAUTHORIZED');
    for (const role of ['province_admin', 'secadmin', 'auditor'] as const) {
      const c = await callerAs(h.db, demoUser(role));
      expect(await code(c.admin.user.list({ limit: 5 })), role).toBe('FORBIDDEN');
      expect(await code(c.admin.user.get({ id: target.id })), role).toBe('FORBIDDEN');
      expect(await code(c.admin.user.disable({ id: target.id, version: target.version, reason: '测试' })), role).toBe('FORBIDDEN');
      expect(await code(c.admin.user.resetPassword({ id: target.id, version: target.version, password: 'Another#Pass2026' })), role).toBe('FORBIDDEN');
    }
    expect((await userRow(h.db, 'developer')).status).toBe('active');
  });

  it('creates an account that must change its initial password: inbox task opened, audited without the hash', async () => {
    const orgIdOp = await orgId('郑州数据运营有限公司');
    const u = await sys.admin.user.create({ ...NEW_USER, username: 'new.operator', orgId: orgIdOp });
    expect(u).toMatchObject({ username: 'new.operator', status: 'pending_password', roles: ['operator'], orgName: '郑州数据运营有限公司' });
    const row = await userRow(h.db, 'new.operator');
    expect(await verifyPassword(row.passwordHash, NEW_USER.password)).toBe(true);
    const tasks = await openInboxOf(u.id);
    expect(tasks.map((t) => t.step)).toEqual(['change_password']);
    const [a] = await audits('user.create', u.id);
    expect(a.after).toMatchObject({ username: 'new.operator', status: 'pending_password' });
    expect(JSON.stringify(a.after)).not.toMatch(/argon2|Initial#Pass/);
  });

  it('refuses roles that do not fit the organization type, a weak password, a bad or duplicate account name', async () => {
    const orgIdOp = await orgId('郑州数据运营有限公司');
    const roles = await failure(sys.admin.user.create({ ...NEW_USER, username: 'wrong.role', orgId: orgIdOp, roles: ['province_admin'] }));
    expect(roles.code).toBe('BAD_REQUEST');
    expect(roles.fieldErrors.roles?.[0]).toMatch(/province_admin/);

    const weak = await failure(sys.admin.user.create({ ...NEW_USER, username: 'weak.pass', orgId: orgIdOp, password: 'short1' }));
    expect(weak.code).toBe('BAD_REQUEST');
    expect(weak.fieldErrors.password).toEqual(['密码至少 10 位']);
    const oneClass = await failure(sys.admin.user.create({ ...NEW_USER, username: 'weak.pass', orgId: orgIdOp, password: 'abcdefghijkl' }));
    expect(oneClass.fieldErrors.password?.[0]).toMatch(/至少 3 类/);

    const name = await failure(sys.admin.user.create({ ...NEW_USER, username: '1abc', orgId: orgIdOp }));
    expect(name.code).toBe('BAD_REQUEST');
    expect(name.fieldErrors.username?.[0]).toMatch(/字母开头/);

    const dup = await failure(sys.admin.user.create({ ...NEW_USER, username: 'OPERATOR', orgId: orgIdOp }));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.fieldErrors.username).toEqual(['该账号已存在']);

    // 三权分立: one admin role per account, and no business role beside it
    const provinceOrg = (await userRow(h.db, 'sysadmin')).orgId;
    for (const r of [['sysadmin', 'auditor'], ['secadmin', 'province_admin']] as const) {
      const sep = await failure(sys.admin.user.create({ ...NEW_USER, username: 'two.hats', orgId: provinceOrg, roles: [...r] }));
      expect(sep.code, r.join('+')).toBe('BAD_REQUEST');
      expect(sep.fieldErrors.roles?.[0]).toMatch(/三权分立/);
    }

    const unknownOrg = await failure(sys.admin.user.create({ ...NEW_USER, username: 'no.org', orgId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknownOrg.fieldErrors.orgId).toEqual(['所属机构不存在']);

    const [{ n }] = await h.db.select({ n: count() }).from(users).where(sql`${users.username} in ('wrong.role', 'weak.pass', 'no.org', 'two.hats')`);
    expect(n).toBe(0);
  });

  it('disable requires a reason, ends the sessions at once, closes the inbox task; enable brings back the pending password change', async () => {
    const orgIdOp = await orgId('郑州数据运营有限公司');
    const u = await sys.admin.user.create({ ...NEW_USER, username: 'to.disable', orgId: orgIdOp });
    const sid = await createSession(h.db, u.id, null, null);
    expect((await validateSession(h.db, sid)).user).not.toBeNull();

    const noReason = await failure(sys.admin.user.disable({ id: u.id, version: u.version, reason: ' ' }));
    expect(noReason.code).toBe('BAD_REQUEST');
    expect(noReason.fieldErrors.reason).toEqual(['请填写原因']);
    expect(await code(sys.admin.user.disable({ id: u.id, version: u.version - 1, reason: '离职' }))).toBe('CONFLICT');
    expect((await validateSession(h.db, sid)).user).not.toBeNull();

    const off = await sys.admin.user.disable({ id: u.id, version: u.version, reason: '离职' });
    expect(off.status).toBe('disabled');
    expect((await validateSession(h.db, sid)).user).toBeNull();
    expect(await openInboxOf(u.id)).toHaveLength(0);
    const [a] = await audits('user.disable', u.id);
    expect(a).toMatchObject({ reason: '离职', before: { status: 'pending_password' } });

    const on = await sys.admin.user.enable({ id: u.id, version: off.version });
    expect(on.status).toBe('pending_password');
    expect((await openInboxOf(u.id)).map((t) => t.step)).toEqual(['change_password']);
    expect(await audits('user.enable_pending', u.id)).toHaveLength(1);
    expect(await code(sys.admin.user.enable({ id: u.id, version: on.version }))).toBe('PRECONDITION_FAILED');
  });

  it('enable after disable returns an active account to active; the admin cannot disable their own account', async () => {
    const dev = await userRow(h.db, 'developer');
    const off = await sys.admin.user.disable({ id: dev.id, version: dev.version, reason: '临时停用' });
    const on = await sys.admin.user.enable({ id: dev.id, version: off.version });
    expect(on.status).toBe('active');
    expect(await audits('user.enable', dev.id)).toHaveLength(1);
    const self = await userRow(h.db, 'sysadmin');
    expect(await code(sys.admin.user.disable({ id: self.id, version: self.version, reason: '自己' }))).toBe('PRECONDITION_FAILED');
  });

  it('reset password: checks the rule, ends the sessions, opens the change task, refuses a disabled account', async () => {
    const orgIdOp = await orgId('洛阳城市数据运营有限公司');
    const created = await createUser(h.db, { username: 'reset.me', orgId: orgIdOp, roles: ['operator'], password: 'Member#Pass2026' });
    const sid = await createSession(h.db, created.id, null, null);

    const weak = await failure(sys.admin.user.resetPassword({ id: created.id, version: created.version, password: 'password' }));
    expect(weak.fieldErrors.password?.[0]).toMatch(/密码至少/);
    expect(await code(sys.admin.user.resetPassword({ id: created.id, version: created.version + 5, password: 'Reset#Pass2026' }))).toBe('CONFLICT');
    expect((await validateSession(h.db, sid)).user).not.toBeNull();

    const r = await sys.admin.user.resetPassword({ id: created.id, version: created.version, password: 'Reset#Pass2026' });
    expect(r.status).toBe('pending_password');
    expect(await validateSession(h.db, sid)).toMatchObject({ user: null, reason: 'revoked' });
    expect(await verifyPassword((await userRow(h.db, 'reset.me')).passwordHash, 'Reset#Pass2026')).toBe(true);
    expect((await openInboxOf(created.id)).map((t) => t.step)).toEqual(['change_password']);
    const [a] = await audits('user.reset_password', created.id);
    expect(JSON.stringify(a.after)).not.toMatch(/argon2|Reset#Pass/);

    const off = await sys.admin.user.disable({ id: created.id, version: r.version, reason: '停用' });
    expect(await code(sys.admin.user.resetPassword({ id: created.id, version: off.version, password: 'Reset#Pass2027' }))).toBe('PRECONDITION_FAILED');
  });

  it('set roles: only roles the organization type allows, with the version check, never one\'s own', async () => {
    const ag = await userRow(h.db, 'jiaotong');
    const bad = await failure(sys.admin.user.setRoles({ id: ag.id, version: ag.version, roles: ['operator'] }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.fieldErrors.roles?.[0]).toMatch(/operator/);
    const empty = await failure(sys.admin.user.setRoles({ id: ag.id, version: ag.version, roles: [] }));
    expect(empty.fieldErrors.roles).toEqual(['至少分配一个角色']);

    const ok = await sys.admin.user.setRoles({ id: ag.id, version: ag.version, roles: ['industry_dept', 'evaluator'] });
    expect(ok.roles).toEqual(['industry_dept', 'evaluator']);
    const [a] = await audits('user.set_roles', ag.id);
    expect(a).toMatchObject({ before: { roles: ['industry_dept'] }, after: { roles: ['industry_dept', 'evaluator'] } });
    expect(await code(sys.admin.user.setRoles({ id: ag.id, version: ag.version, roles: ['industry_dept'] }))).toBe('CONFLICT');
    await sys.admin.user.setRoles({ id: ag.id, version: ok.version, roles: ['industry_dept'] });

    const self = await userRow(h.db, 'sysadmin');
    expect(await code(sys.admin.user.setRoles({ id: self.id, version: self.version, roles: ['province_admin'] }))).toBe('PRECONDITION_FAILED');
    expect((await userRow(h.db, 'sysadmin')).roles).toEqual(['sysadmin']);
  });

  it('unlock clears the lockout, with the version check, and is audited', async () => {
    const orgIdOp = await orgId('洛阳城市数据运营有限公司');
    const locked = await createUser(h.db, { username: 'unlock.me', orgId: orgIdOp, roles: ['operator'], password: 'Member#Pass2026' });
    const until = new Date(Date.now() + 15 * 60_000);
    await h.db.update(users).set({ lockedUntil: until, failedAttempts: 5 }).where(eq(users.id, locked.id));
    expect(await code(sys.admin.user.unlock({ id: locked.id, version: locked.version + 1 }))).toBe('CONFLICT');
    const u = await sys.admin.user.unlock({ id: locked.id, version: locked.version });
    expect(u).toMatchObject({ lockedUntil: null, failedAttempts: 0 });
    const [a] = await audits('user.unlock', locked.id);
    expect(a.before).toEqual({ lockedUntil: until.toISOString() });
  });

  it('get: NOT_FOUND for an unknown id', async () => {
    expect(await code(sys.admin.user.get({ id: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
  });
});

describe('admin.region', () => {
  it('lists the 20 regions with 航空港区 marked as an internal code under 郑州, and organization counts', async () => {
    const list = await sys.admin.region.list();
    expect(list.slice(0, 20)).toHaveLength(20);
    const gang = list.find((r) => r.name === '郑州航空港经济综合实验区')!;
    expect(gang).toMatchObject({ code: '410100A01', parentCode: '410100', internal: true });
    expect(list.filter((r) => r.internal).map((r) => r.code)).toContain('410100A01');
    expect(list.find((r) => r.code === '419001')).toMatchObject({ name: '济源示范区', internal: false });
    const [{ n }] = await h.db.select({ n: count() }).from(organizations).where(eq(organizations.regionCode, '410300'));
    expect(list.find((r) => r.code === '410300')!.orgCount).toBe(n);
  });

  it('adds and edits a region, audited; refuses duplicates, non-GB/T 2260 codes not marked internal, unknown parents', async () => {
    const created = await sys.admin.region.upsert({ code: '410100A02', name: '测试功能区', parentCode: '410100', internal: true, isNew: true });
    expect(created).toMatchObject({ level: 'city', internal: true });
    expect(await audits('region.create', '410100A02')).toHaveLength(1);

    const dup = await failure(sys.admin.region.upsert({ code: '410100A02', name: '重复', parentCode: '410100', internal: true, isNew: true }));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.fieldErrors.code).toEqual(['该区划代码已存在']);

    const edited = await sys.admin.region.upsert({ code: '410100A02', name: '测试功能区(改)', parentCode: '410100', internal: true });
    expect(edited.name).toBe('测试功能区(改)');
    const [a] = await audits('region.update', '410100A02');
    expect(a).toMatchObject({ before: { name: '测试功能区' }, after: { name: '测试功能区(改)' } });

    const notGb = await failure(sys.admin.region.upsert({ code: '410100B01', name: '未标记', parentCode: '410100', internal: false, isNew: true }));
    expect(notGb.code).toBe('BAD_REQUEST');
    expect(notGb.fieldErrors.code?.[0]).toMatch(/GB\/T 2260/);
    const parent = await failure(sys.admin.region.upsert({ code: '411800', name: '不存在上级', parentCode: '499999', isNew: true }));
    expect(parent.fieldErrors.parentCode).toEqual(['上级区划不存在']);
    const selfParent = await failure(sys.admin.region.upsert({ code: '411800', name: '自己上级', parentCode: '411800', isNew: true }));
    expect(selfParent.fieldErrors.parentCode).toEqual(['上级区划不能是自身']);
    expect(await h.db.select().from(regions).where(eq(regions.code, '411800'))).toHaveLength(0);
  });

  it('is for the system administrator only', async () => {
    const anon = await callerAs(h.db, null);
    expect(await code(anon.admin.region.list())).toBe('UNAUTHORIZED');
    for (const role of ['province_admin', 'municipal_admin', 'secadmin'] as const) {
      const c = await callerAs(h.db, demoUser(role));
      expect(await code(c.admin.region.list()), role).toBe('FORBIDDEN');
      expect(await code(c.admin.region.upsert({ code: '411900', name: '越权', parentCode: '410000', isNew: true })), role).toBe('FORBIDDEN');
    }
    expect(await h.db.select().from(regions).where(eq(regions.code, '411900'))).toHaveLength(0);
  });
});

describe('exports', () => {
  const actor = () => ({ id: sysUser.id, name: sysUser.displayName, orgId: sysUser.orgId, ip: '127.0.0.1' });

  it('exports the filtered organization list as CSV and audits the export', async () => {
    const res = await exportOrgs(h.db, actor(), new URLSearchParams('format=csv&type=operator&regionCode=410300&q=城市数据&active=true'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''/);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^机构名称,统一社会信用代码,机构类型/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['洛阳城市数据运营有限公司']);
    expect(lines[1]).toContain('一级开发主体');
    const rows = await audits('org.export');
    expect(rows.at(-1)).toMatchObject({ actorId: sysUser.id, after: { format: 'csv', rows: 1, filter: { type: 'operator', regionCode: '410300', q: '城市数据', active: true } } });
  });

  it('exports the user list as xlsx and audits it; a bad parameter is a 400 naming it', async () => {
    const res = await exportUsers(h.db, actor(), new URLSearchParams('role=auditor'));
    expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 2).toString()).toBe('PK');
    expect((await audits('user.export')).at(-1)).toMatchObject({ after: { format: 'xlsx', rows: 1 } });

    const before = (await audits('user.export')).length;
    const bad = await exportUsers(h.db, actor(), new URLSearchParams('format=pdf'));
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors.format).toBeDefined();
    expect(await audits('user.export')).toHaveLength(before);
  });
});
