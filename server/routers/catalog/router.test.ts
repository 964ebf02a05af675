import { randomBytes } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, catalogResources } from '@/db/schema';
import { DEMO_PASSWORD } from '@/db/seed/demo';
import { createUser } from '@/db/seed/factories';
import { mayOperate } from '@/server/domain/catalog';
import { addWorkingDays, shanghaiDate } from '@/server/domain/deadlines';
import { appRouter } from '@/server/routers/_app';
import { exportConflicts, exportRegistrations, exportResources } from './export';
import { callerAs, demoUser, errorCode, failure, NO_ID, openSeededDb, orgId as orgIdIn, sessionUserFor, type TestDb } from '@/server/test/harness';
import { ITEM_COLUMNS, ITEM_SHEET, RESOURCE_COLUMNS, RESOURCE_SHEET } from './import';

/**
 * The catalog router (HN-9, HN-10) against a real seeded database. The demo seed may hold demo
 * catalogs of its own: every test here uses its own resource codes and item names (with a random
 * tag) and looks providers up by name, so it does not depend on them.
 */

type Caller = Awaited<ReturnType<typeof callerAs>>;
type CreateInput = Parameters<Caller['catalog']['resource']['create']>[0];
type UpdateInput = Parameters<Caller['catalog']['resource']['update']>[0];
type ItemInput = CreateInput['items'][number];

let h: TestDb;
let anon: Caller;
let agency: Caller; // 郑州市大数据发展中心 (implementing_agency, 410100)
let agencyB: Caller; // a second user of the same agency (keeps each user under the write rate limit)
let zz: Caller; // 郑州市行政审批和政务信息管理局 (municipal_admin, reviewer of 410100)
let province: Caller;
let jiaotong: Caller; // industry_dept (交通运输)
let operator: Caller;
let sysadmin: Caller;
let lyAgency: Caller; // 洛阳市大数据中心 (implementing_agency, 410300)
let lyAdmin: Caller; // 洛阳市公共数据主管部门 (municipal_admin, 410300)
const P = { scjg: '', ga: '', rs: '', lyScjg: '' };
const orgId = (name: string) => orgIdIn(h.db, name);

beforeAll(async () => {
  h = await openSeededDb();
  P.scjg = await orgId('郑州市市场监督管理局');
  P.ga = await orgId('郑州市公安局');
  P.rs = await orgId('郑州市人力资源和社会保障局');
  P.lyScjg = await orgId('洛阳市市场监督管理局');
  const [zzAgency, lyCenter, lyAuthority] = [await orgId('郑州市大数据发展中心'), await orgId('洛阳市大数据中心'), await orgId('洛阳市公共数据主管部门')];
  await createUser(h.db, { username: 'zz_agency_b', displayName: '钱实施', orgId: zzAgency, roles: ['implementing_agency'], password: DEMO_PASSWORD });
  await createUser(h.db, { username: 'ly_agency', displayName: '洛阳实施', orgId: lyCenter, roles: ['implementing_agency'], password: DEMO_PASSWORD });
  await createUser(h.db, { username: 'ly_admin', displayName: '洛阳主管', orgId: lyAuthority, roles: ['municipal_admin'], password: DEMO_PASSWORD });
  anon = await callerAs(h.db, null);
  agency = await callerAs(h.db, demoUser('implementing_agency'));
  agencyB = await callerAs(h.db, 'zz_agency_b');
  zz = await callerAs(h.db, demoUser('municipal_admin'));
  province = await callerAs(h.db, demoUser('province_admin'));
  jiaotong = await callerAs(h.db, demoUser('industry_dept'));
  operator = await callerAs(h.db, demoUser('operator'));
  sysadmin = await callerAs(h.db, demoUser('sysadmin'));
  lyAgency = await callerAs(h.db, 'ly_agency');
  lyAdmin = await callerAs(h.db, 'ly_admin');
});
afterAll(() => h.close());

// ---- helpers

const tag = () => randomBytes(4).toString('hex');
const today = () => shanghaiDate(new Date());
/** Noon in Shanghai of a calendar day, as the `at` of mayOperate. */
const noonOf = (day: string) => new Date(`${day}T12:00:00+08:00`);
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86400_000).toISOString().slice(0, 10);

const code = errorCode;

const item = (name: string, grade: ItemInput['grade'] = 'general', extra: Partial<ItemInput> = {}): ItemInput => ({
  name, fieldCode: null, dataType: 'string', description: '', sensitive: false, grade, ...extra,
});

function resourceInput(o: Partial<CreateInput> = {}): CreateInput {
  const t = tag();
  return {
    code: `T-${t}`,
    name: `测试资源${t}`,
    providerOrgId: P.scjg,
    summary: '测试用资源',
    format: 'table',
    updateCycle: 'daily',
    shareType: 'unconditional',
    shareCondition: null,
    openType: 'open',
    items: [item(`数据项甲${t}`), item(`数据项乙${t}`, 'important')],
    ...o,
  };
}

/** The update input for a resource as `get` returns it (items keep their ids). */
async function editable(c: Caller, id: string): Promise<UpdateInput> {
  const r = await c.catalog.resource.get({ id });
  return {
    id: r.id, version: r.version, code: r.code, name: r.name, providerOrgId: r.providerOrgId, summary: r.summary, format: r.format,
    updateCycle: r.updateCycle, shareType: r.shareType, shareCondition: r.shareCondition, openType: r.openType,
    items: r.items.map((i) => ({
      id: i.id, name: i.name, fieldCode: i.fieldCode, dataType: i.dataType, description: i.description, sensitive: i.sensitive,
      grade: i.grade, sourceResolution: i.sourceResolution, justification: i.justification,
    })),
  } as UpdateInput;
}

/** Create, submit and have the city approve a resource of the Zhengzhou agency. */
async function published(c: Caller = agencyB, o: Partial<CreateInput> = {}) {
  const { id } = await c.catalog.resource.create(resourceInput(o));
  const s = await c.catalog.resource.submit({ id, version: 1 });
  const a = await zz.catalog.resource.approve({ id, version: s.version });
  expect(a.status).toBe('published');
  return id;
}

async function audits(action: string, entityId?: string) {
  return h.db.select().from(auditLog).where(and(eq(auditLog.action, action), entityId ? eq(auditLog.entityId, entityId) : undefined)).orderBy(auditLog.seq);
}

async function inboxOf(c: Caller, entityId: string) {
  return (await c.me.inbox()).filter((i) => i.entityId === entityId);
}

async function workbook(resources: unknown[][], items: unknown[][], sheets = { res: RESOURCE_SHEET, items: ITEM_SHEET }) {
  const wb = new ExcelJS.Workbook();
  const rs = wb.addWorksheet(sheets.res);
  rs.addRow([...RESOURCE_COLUMNS]);
  for (const r of resources) rs.addRow(r);
  const is = wb.addWorksheet(sheets.items);
  is.addRow([...ITEM_COLUMNS]);
  for (const r of items) is.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

// ---- every procedure: who may call it

/** One sample call of each catalog procedure (valid input; ids need not exist). */
function calls(c: Caller): Record<string, { perm: string; call: () => Promise<unknown> }> {
  const ref = { id: NO_ID, version: 1 };
  return {
    'catalog.resource.list': { perm: 'catalog.read', call: () => c.catalog.resource.list({}) },
    'catalog.resource.facets': { perm: 'catalog.read', call: () => c.catalog.resource.facets() },
    'catalog.resource.providerOptions': { perm: 'catalog.write', call: () => c.catalog.resource.providerOptions() },
    'catalog.resource.get': { perm: 'catalog.read', call: () => c.catalog.resource.get({ id: NO_ID }) },
    'catalog.resource.create': { perm: 'catalog.write', call: () => c.catalog.resource.create(resourceInput()) },
    'catalog.resource.update': { perm: 'catalog.write', call: () => c.catalog.resource.update({ ...resourceInput(), ...ref }) },
    'catalog.resource.submit': { perm: 'catalog.write', call: () => c.catalog.resource.submit(ref) },
    'catalog.resource.withdraw': { perm: 'catalog.write', call: () => c.catalog.resource.withdraw(ref) },
    'catalog.resource.approve': { perm: 'catalog.review', call: () => c.catalog.resource.approve(ref) },
    'catalog.resource.reject': { perm: 'catalog.review', call: () => c.catalog.resource.reject({ ...ref, reason: '不符合要求' }) },
    'catalog.resource.disable': { perm: 'catalog.status', call: () => c.catalog.resource.disable({ ...ref, reason: '停止提供' }) },
    'catalog.resource.enable': { perm: 'catalog.status', call: () => c.catalog.resource.enable(ref) },
    'catalog.resource.restore': { perm: 'catalog.write', call: () => c.catalog.resource.restore({ ...ref, versionNo: 1 }) },
    'catalog.resource.history': { perm: 'catalog.read', call: () => c.catalog.resource.history({ id: NO_ID }) },
    'catalog.resource.diff': { perm: 'catalog.read', call: () => c.catalog.resource.diff({ id: NO_ID, from: 1, to: 0 }) },
    'catalog.conflicts.list': { perm: 'catalog.conflicts.read', call: () => c.catalog.conflicts.list({}) },
    'catalog.import.dryRun': { perm: 'catalog.write', call: () => c.catalog.import.dryRun({ xlsxBase64: 'UEsDBA==' }) },
    'catalog.import.commit': { perm: 'catalog.write', call: () => c.catalog.import.commit({ xlsxBase64: 'UEsDBA==' }) },
    'catalog.registration.list': { perm: 'registration.read', call: () => c.catalog.registration.list({}) },
    'catalog.registration.get': { perm: 'registration.read', call: () => c.catalog.registration.get({ id: NO_ID }) },
    'catalog.registration.ofResource': { perm: 'registration.read', call: () => c.catalog.registration.ofResource({ id: NO_ID }) },
    'catalog.registration.resourceOptions': { perm: 'registration.apply', call: () => c.catalog.registration.resourceOptions({}) },
    'catalog.registration.create': {
      perm: 'registration.apply',
      call: () => c.catalog.registration.create({ resourceId: NO_ID, kind: 'initial', assetOwner: '郑州市大数据发展中心', bookValue: 0 }),
    },
    'catalog.registration.approve': { perm: 'registration.decide', call: () => c.catalog.registration.approve(ref) },
    'catalog.registration.reject': { perm: 'registration.decide', call: () => c.catalog.registration.reject({ ...ref, reason: '资料不全' }) },
    'catalog.registration.withdraw': { perm: 'registration.apply', call: () => c.catalog.registration.withdraw(ref) },
    'catalog.registration.policy.get': { perm: 'registration.read', call: () => c.catalog.registration.policy.get() },
    'catalog.registration.policy.update': { perm: 'registration.policy.write', call: () => c.catalog.registration.policy.update({ noticeWorkingDays: 10, version: 0 }) },
  };
}

/** For each permission, demo users whose role does not hold it. */
const WRONG_ROLE: Record<string, () => Caller[]> = {
  'catalog.read': () => [operator, sysadmin],
  'catalog.write': () => [jiaotong, province],
  'catalog.review': () => [agency, jiaotong],
  'catalog.status': () => [jiaotong, operator],
  'catalog.conflicts.read': () => [zz, agency],
  'registration.read': () => [operator, sysadmin],
  'registration.apply': () => [zz, province],
  'registration.decide': () => [agency, jiaotong],
  'registration.policy.write': () => [zz, agency],
};

describe('who may call', () => {
  it('the sample table covers every catalog procedure', () => {
    const procs = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith('catalog.')).sort();
    expect(Object.keys(calls(anon)).sort()).toEqual(procs);
    for (const [path, c] of Object.entries(calls(anon))) {
      const meta = (appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { permission?: string } } }>)[path]._def.meta;
      expect(meta?.permission, path).toBe(c.perm);
    }
  });

  it('without a session every procedure is UNAUTHORIZED', async () => {
    for (const [path, c] of Object.entries(calls(anon))) expect(await code(c.call()), path).toBe('UNAUTHORIZED');
  });

  it('a role without the permission is FORBIDDEN on every procedure', async () => {
    const byRole = [operator, sysadmin, jiaotong, province, agency, zz];
    for (const who of byRole) {
      for (const [path, c] of Object.entries(calls(who))) {
        if (!WRONG_ROLE[c.perm]().includes(who)) continue;
        expect(await code(c.call()), `${path}`).toBe('FORBIDDEN');
      }
    }
    // nothing was written by the refused create
    expect(await h.db.select().from(catalogResources).where(like(catalogResources.code, 'T-%'))).toHaveLength(0);
  });
});

describe('bad input', () => {
  it('every procedure that takes input answers BAD_REQUEST naming the field', async () => {
    const ref = { id: 'not-a-uuid', version: 1 };
    const policyBefore = await province.catalog.registration.policy.get();
    const cases: [string, () => Promise<unknown>, string][] = [
      ['resource.list', () => agencyB.catalog.resource.list({ status: 'gone' as never }), 'status'],
      ['resource.get', () => agencyB.catalog.resource.get({ id: 'x' }), 'id'],
      ['resource.create', () => agencyB.catalog.resource.create({ ...resourceInput(), openType: 'maybe' as never }), 'openType'],
      ['resource.update', () => agencyB.catalog.resource.update({ ...resourceInput(), ...ref }), 'id'],
      ['resource.submit', () => agencyB.catalog.resource.submit(ref), 'id'],
      ['resource.withdraw', () => agencyB.catalog.resource.withdraw({ id: NO_ID, version: 1.5 }), 'version'],
      ['resource.approve', () => zz.catalog.resource.approve(ref), 'id'],
      ['resource.reject', () => zz.catalog.resource.reject({ id: NO_ID, version: 1, reason: 'x'.repeat(501) }), 'reason'],
      ['resource.disable', () => agencyB.catalog.resource.disable({ id: NO_ID, version: 1, reason: '' }), 'reason'],
      ['resource.enable', () => agencyB.catalog.resource.enable(ref), 'id'],
      ['resource.restore', () => agencyB.catalog.resource.restore({ id: NO_ID, version: 1, versionNo: -2 }), 'versionNo'],
      ['resource.history', () => agencyB.catalog.resource.history({ id: 'x' }), 'id'],
      ['resource.diff', () => agencyB.catalog.resource.diff({ id: NO_ID, from: 1, to: 0.5 }), 'to'],
      ['conflicts.list', () => province.catalog.conflicts.list({ q: 'x'.repeat(51) }), 'q'],
      ['import.dryRun', () => agencyB.catalog.import.dryRun({ xlsxBase64: '' }), 'xlsxBase64'],
      ['import.commit', () => agencyB.catalog.import.commit({ xlsxBase64: Buffer.from('PK but not a zip').toString('base64') }), 'xlsxBase64'],
      ['registration.list', () => agencyB.catalog.registration.list({ kind: 'transfer' as never }), 'kind'],
      ['registration.get', () => agencyB.catalog.registration.get({ id: 'x' }), 'id'],
      ['registration.ofResource', () => agencyB.catalog.registration.ofResource({ id: 'x' }), 'id'],
      ['registration.resourceOptions', () => agencyB.catalog.registration.resourceOptions({ q: 'x'.repeat(60) }), 'q'],
      ['registration.create', () => agencyB.catalog.registration.create({ resourceId: NO_ID, kind: 'initial', assetOwner: 'x', bookValue: 1e14 }), 'bookValue'],
      ['registration.approve', () => zz.catalog.registration.approve(ref), 'id'],
      ['registration.reject', () => zz.catalog.registration.reject({ id: NO_ID, version: 1, reason: '否' }), 'reason'],
      ['registration.withdraw', () => agencyB.catalog.registration.withdraw(ref), 'id'],
      ['registration.policy.update', () => province.catalog.registration.policy.update({ noticeWorkingDays: 61, version: 0 }), 'noticeWorkingDays'],
    ];
    for (const [path, call, field] of cases) {
      const f = await failure(call());
      expect(f.code, path).toBe('BAD_REQUEST');
      expect(Object.keys(f.fieldErrors), path).toEqual([field]);
    }
    expect(await province.catalog.registration.policy.get()).toEqual(policyBefore);
  });
});

// ---- resource: create, read, list

describe('catalog.resource: create, get, list, facets, providerOptions', () => {
  it('providerOptions: the active organizations of the caller\'s own region', async () => {
    const zzNames = (await agency.catalog.resource.providerOptions()).map((o) => o.name);
    expect(zzNames).toEqual(expect.arrayContaining(['郑州市市场监督管理局', '郑州市公安局', '郑州市人力资源和社会保障局']));
    expect(zzNames).not.toContain('洛阳市市场监督管理局');
    const lyNames = (await lyAgency.catalog.resource.providerOptions()).map((o) => o.name);
    expect(lyNames).toContain('洛阳市市场监督管理局');
    expect(lyNames).not.toContain('郑州市公安局');
  });

  it('create: a draft in the caller\'s own catalog; the grade is the highest item grade whatever the client sends', async () => {
    const input = resourceInput({ items: [item(`一般项${tag()}`), item(`核心项${tag()}`, 'core', { sensitive: true }), item(`重要项${tag()}`, 'important')] });
    const sneaky = { ...input, grade: 'general', ownerOrgId: P.lyScjg, regionCode: '410300', status: 'published' } as CreateInput;
    const { id, unresolved } = await agency.catalog.resource.create(sneaky);
    expect(unresolved).toBe(0);
    const r = await agency.catalog.resource.get({ id });
    expect(r).toMatchObject({
      code: input.code, name: input.name, grade: 'core', status: 'draft', version: 1, lastVersionNo: 0, publishedVersionNo: null,
      ownerName: '郑州市大数据发展中心', regionCode: '410100', providerName: '郑州市市场监督管理局', itemCount: 3,
      canEdit: true, canRegister: true, rejectReason: null,
    });
    expect(r.actions).toEqual(['submit']);
    expect(r.items.map((i) => [i.seq, i.name, i.grade, i.sensitive, i.conflict])).toEqual([
      [1, input.items[0].name, 'general', false, null],
      [2, input.items[1].name, 'core', true, null],
      [3, input.items[2].name, 'important', false, null],
    ]);
    expect(r.operability).toMatchObject({ operable: false, reason: 'not_published' });
    const [a] = await audits('catalog_resource.create', id);
    expect(a.after).toMatchObject({ code: input.code, grade: 'core', items: 3 });

    // the grade follows the items on every save
    const e = await editable(agency, id);
    await agency.catalog.resource.update({ ...e, grade: 'core', items: e.items.filter((i) => i.grade !== 'core') } as UpdateInput);
    expect(await agency.catalog.resource.get({ id })).toMatchObject({ grade: 'important', itemCount: 2, version: 2 });
    const e2 = await editable(agency, id);
    await agency.catalog.resource.update({ ...e2, items: e2.items.map((i) => ({ ...i, grade: 'general' as const })) });
    expect(await agency.catalog.resource.get({ id })).toMatchObject({ grade: 'general', version: 3 });
  });

  it('create: bad input is BAD_REQUEST beside the field, and nothing is written', async () => {
    const t = tag();
    const bad = async (o: Partial<CreateInput>) => (await failure(agency.catalog.resource.create(resourceInput({ code: `T-${t}`, ...o })))).fieldErrors;
    expect(Object.keys(await bad({ code: 'x' }))).toEqual(['code']);
    expect(Object.keys(await bad({ name: '' }))).toEqual(['name']);
    expect(await bad({ shareType: 'conditional', shareCondition: '' })).toEqual({ shareCondition: ['有条件共享须写明共享条件'] });
    expect(await bad({ shareType: 'none' })).toEqual({ shareCondition: ['不予共享须写明法律法规依据'] });
    expect(await bad({ items: [] })).toEqual({ items: ['至少填写一个数据项'] });
    expect(Object.keys(await bad({ items: [item('重名'), item('重名')] }))).toEqual(['items.1.name']);
    expect(Object.keys(await bad({ items: [item('项', 'general', { fieldCode: '1abc' })] }))).toEqual(['items.0.fieldCode']);
    expect(Object.keys(await bad({ items: [item('项', 'secret' as never)] }))).toEqual(['items.0.grade']);
    expect(Object.keys(await bad({ format: 'paper' as never }))).toEqual(['format']);
    expect(Object.keys(await bad({ items: [item('项', 'general', { sourceResolution: 'second', justification: '短' })] }))).toEqual(['items.0.justification']);
    // the provider must be an active organization of the caller's region (checked on the server)
    const other = await failure(agency.catalog.resource.create(resourceInput({ code: `T-${t}`, providerOrgId: P.lyScjg })));
    expect(other.code).toBe('BAD_REQUEST');
    expect(other.fieldErrors).toEqual({ providerOrgId: ['数据提供单位须为本地区在用的机构'] });
    expect(Object.keys((await failure(agency.catalog.resource.create(resourceInput({ code: `T-${t}`, providerOrgId: NO_ID })))).fieldErrors)).toEqual(['providerOrgId']);
    expect(await h.db.select().from(catalogResources).where(eq(catalogResources.code, `T-${t}`))).toHaveLength(0);
  });

  it('create: a resource code already in use (by anyone) is CONFLICT on the code field', async () => {
    const input = resourceInput();
    await agency.catalog.resource.create(input);
    const f = await failure(lyAgency.catalog.resource.create(resourceInput({ code: input.code, providerOrgId: P.lyScjg })));
    expect(f).toMatchObject({ code: 'CONFLICT', fieldErrors: { code: ['该资源代码已被使用'] } });
  });

  it('get: the city reviewer and the province see an agency\'s resource; another city, an unrelated industry dept or an unknown id is NOT_FOUND', async () => {
    const { id } = await agency.catalog.resource.create(resourceInput());
    expect((await zz.catalog.resource.get({ id })).id).toBe(id);
    expect(await zz.catalog.resource.get({ id })).toMatchObject({ canEdit: false, canRegister: false, actions: [] });
    expect((await province.catalog.resource.get({ id })).id).toBe(id);
    expect((await agencyB.catalog.resource.get({ id })).canEdit).toBe(true); // same organization
    for (const c of [lyAgency, lyAdmin, jiaotong]) expect(await code(c.catalog.resource.get({ id }))).toBe('NOT_FOUND');
    expect(await code(agency.catalog.resource.get({ id: NO_ID }))).toBe('NOT_FOUND');
    expect((await failure(agency.catalog.resource.get({ id: 'nope' }))).fieldErrors).toHaveProperty('id');
  });

  it('list: scoped to the caller, with search, filters and keyset paging', async () => {
    const t = tag();
    const ia = resourceInput({ name: `列表甲${t}`, items: [item(`列表项核心${t}`, 'core')] });
    const a = await agency.catalog.resource.create(ia);
    const b = await agency.catalog.resource.create(resourceInput({ name: `列表乙${t}`, providerOrgId: P.ga, shareType: 'conditional', shareCondition: '依法履职' }));
    const c = await agency.catalog.resource.create(resourceInput({ name: `列表丙${t}`, providerOrgId: P.rs, updateCycle: 'monthly' }));
    const ly = await lyAgency.catalog.resource.create(resourceInput({ name: `列表丁${t}`, providerOrgId: P.lyScjg }));
    const ids = async (caller: Caller, f: Parameters<Caller['catalog']['resource']['list']>[0] = {}) =>
      (await caller.catalog.resource.list({ q: t, limit: 50, ...f })).items.map((r) => r.id).sort();

    expect(await ids(agency)).toEqual([a.id, b.id, c.id].sort());
    expect(await ids(zz)).toEqual([a.id, b.id, c.id].sort());
    expect(await ids(lyAgency)).toEqual([ly.id]);
    expect(await ids(lyAdmin)).toEqual([ly.id]);
    expect(await ids(province)).toEqual([a.id, b.id, c.id, ly.id].sort());
    expect(await ids(jiaotong)).toEqual([]);

    expect(await ids(province, { regionCode: '410300' })).toEqual([ly.id]);
    expect(await ids(agency, { grade: 'core' })).toEqual([a.id]);
    expect(await ids(agency, { providerOrgId: P.ga })).toEqual([b.id]);
    expect(await ids(agency, { shareType: 'conditional' })).toEqual([b.id]);
    expect(await ids(agency, { updateCycle: 'monthly' })).toEqual([c.id]);
    expect(await ids(agency, { status: 'pending' })).toEqual([]);
    expect(await ids(zz, { mine: true })).toEqual([]); // the city authority's own catalog
    // search in item names and provider names, case-insensitively
    expect((await agency.catalog.resource.list({ q: `列表项核心${t}` })).items.map((r) => r.id)).toEqual([a.id]);
    expect((await agency.catalog.resource.list({ q: ia.code.toUpperCase() })).items.map((r) => r.id)).toEqual([a.id]);
    expect((await agency.catalog.resource.list({ q: '郑州市公安局' + t })).items).toHaveLength(0);
    expect((await agency.catalog.resource.list({ q: `${t}%` })).items).toHaveLength(0); // LIKE wildcards are literal
    const byProvider = (await province.catalog.resource.list({ q: t, limit: 50 })).items.find((r) => r.id === b.id)!;
    expect(byProvider).toMatchObject({ providerName: '郑州市公安局', ownerName: '郑州市大数据发展中心', regionName: '郑州市', status: 'draft', operability: { operable: false, reason: 'not_published' } });

    // keyset paging by name, one row a page, neither skipping nor repeating
    const seen: string[] = [];
    let cursor: { v: string | number | null; id: string } | null = null;
    for (let i = 0; i < 10; i++) {
      const page: Awaited<ReturnType<Caller['catalog']['resource']['list']>> = await province.catalog.resource.list({ q: t, sort: 'name', dir: 'asc', limit: 1, cursor });
      seen.push(...page.items.map((r) => r.name));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(4);
    expect([...seen].sort()).toEqual([`列表丁${t}`, `列表丙${t}`, `列表乙${t}`, `列表甲${t}`].sort());

    expect((await failure(agency.catalog.resource.list({ sort: 'size' as never }))).fieldErrors).toHaveProperty('sort');
    expect((await failure(agency.catalog.resource.list({ limit: 500 }))).fieldErrors).toHaveProperty('limit');
  });

  it('facets: providers and regions present in the caller\'s scope only', async () => {
    await agency.catalog.resource.create(resourceInput({ providerOrgId: P.rs }));
    await lyAgency.catalog.resource.create(resourceInput({ providerOrgId: P.lyScjg }));
    const zzF = await agency.catalog.resource.facets();
    expect(zzF.providers.map((p) => p.name)).toContain('郑州市人力资源和社会保障局');
    expect(zzF.providers.map((p) => p.name)).not.toContain('洛阳市市场监督管理局');
    expect(zzF.regions.map((r) => r.code)).toEqual(['410100']);
    const lyF = await lyAgency.catalog.resource.facets();
    expect(lyF.providers.map((p) => p.name)).toContain('洛阳市市场监督管理局');
    expect(lyF.providers.map((p) => p.name)).not.toContain('郑州市人力资源和社会保障局');
    expect(lyF.regions.map((r) => r.code)).toEqual(['410300']);
    const all = await province.catalog.resource.facets();
    expect(all.regions.map((r) => r.code)).toEqual(expect.arrayContaining(['410100', '410300']));
    expect(all.providers.map((p) => p.name)).toEqual(expect.arrayContaining(['郑州市人力资源和社会保障局', '洛阳市市场监督管理局']));
  });
});

describe('catalog.resource.update', () => {
  it('saves the working copy and bumps the version; stale version CONFLICT; another org FORBIDDEN; another city NOT_FOUND', async () => {
    const { id } = await agency.catalog.resource.create(resourceInput());
    const e = await editable(agency, id);
    const saved = await agency.catalog.resource.update({ ...e, name: `${e.name}(改)`, summary: '新的摘要' });
    expect(saved).toEqual({ id, unresolved: 0 });
    expect(await agency.catalog.resource.get({ id })).toMatchObject({ name: `${e.name}(改)`, summary: '新的摘要', version: 2, status: 'draft' });
    const [a] = await audits('catalog_resource.update', id);
    expect(a.before).toEqual({ name: e.name, summary: '测试用资源' });
    expect(a.after).toEqual({ name: `${e.name}(改)`, summary: '新的摘要' });

    expect(await code(agency.catalog.resource.update({ ...e, name: '过期的修改' }))).toBe('CONFLICT'); // version 1 is stale
    expect(await code(zz.catalog.resource.update({ ...e, version: 2, name: '主管部门代改' }))).toBe('FORBIDDEN');
    expect(await code(lyAgency.catalog.resource.update({ ...e, version: 2, providerOrgId: P.lyScjg }))).toBe('NOT_FOUND');
    expect(await code(agency.catalog.resource.update({ ...e, id: NO_ID }))).toBe('NOT_FOUND');
    expect(Object.keys((await failure(agency.catalog.resource.update({ ...e, version: 2, items: [] }))).fieldErrors)).toEqual(['items']);
    expect((await failure(agency.catalog.resource.update({ ...e, version: undefined } as never))).fieldErrors).toHaveProperty('version');
    expect(await agency.catalog.resource.get({ id })).toMatchObject({ name: `${e.name}(改)`, version: 2, itemCount: 2 });
  });

  it('items keep their ids across saves; a code taken by another resource is CONFLICT', async () => {
    const first = resourceInput();
    await agency.catalog.resource.create(first);
    const { id } = await agency.catalog.resource.create(resourceInput());
    const e = await editable(agency, id);
    await agency.catalog.resource.update({ ...e, items: [...e.items, item(`新增项${tag()}`)] });
    const after = await agency.catalog.resource.get({ id });
    expect(after.items.slice(0, 2).map((i) => i.id)).toEqual(e.items.map((i) => i.id));
    expect(after.items).toHaveLength(3);
    expect(await failure(agency.catalog.resource.update({ ...(await editable(agency, id)), code: first.code }))).toMatchObject({ code: 'CONFLICT', fieldErrors: { code: ['该资源代码已被使用'] } });
  });

  it('an item id sent twice keeps one row and adds the other: no item is lost, the count and grade stay true', async () => {
    const { id } = await agency.catalog.resource.create(resourceInput({ items: [item(`唯一项${tag()}`)] }));
    const e = await editable(agency, id);
    const [only] = e.items;
    const extra = { ...only, name: `重复编号项${tag()}`, grade: 'core' as const };
    await agency.catalog.resource.update({ ...e, items: [only, extra] });
    const r = await agency.catalog.resource.get({ id });
    expect(r.items.map((i) => [i.name, i.grade])).toEqual([[only.name, 'general'], [extra.name, 'core']]);
    expect(r.items[0].id).toBe(only.id);
    expect(r.items[1].id).not.toBe(only.id);
    expect(r).toMatchObject({ itemCount: 2, grade: 'core' });
  });
});

// ---- lifecycle (HN-9): submit → review → publish → revise → diff → reject → restore

describe('resource lifecycle', () => {
  let input: CreateInput;
  let id = '';
  let version = 1;
  const added = `生命周期新增${tag()}`;

  it('submit: pending as version 1, in the city reviewer\'s inbox; stale CONFLICT, other city NOT_FOUND, not the owner FORBIDDEN', async () => {
    input = resourceInput({ items: [item(`生命周期甲${tag()}`), item(`生命周期乙${tag()}`, 'important')] });
    ({ id } = await agency.catalog.resource.create(input));
    expect(await code(agency.catalog.resource.submit({ id, version: 0 }))).toBe('CONFLICT');
    expect(await code(lyAgency.catalog.resource.submit({ id, version }))).toBe('NOT_FOUND');
    expect(await code(zz.catalog.resource.submit({ id, version }))).toBe('FORBIDDEN');
    expect(await inboxOf(zz, id)).toHaveLength(0);

    const row = await agency.catalog.resource.submit({ id, version });
    expect(row).toMatchObject({ status: 'pending', lastVersionNo: 1, publishedVersionNo: null, version: 2 });
    version = row.version;
    const [task] = await inboxOf(zz, id);
    expect(task).toMatchObject({ entityType: 'catalog_resource', step: 'review', basis: 'HN-9', href: `/catalog/${id}` });
    expect(task.title).toContain(input.name);
    expect(task.dueAt).toBeInstanceOf(Date);
    expect(await inboxOf(province, id)).toHaveLength(0);
    expect(await inboxOf(lyAdmin, id)).toHaveLength(0);

    const hist = await agency.catalog.resource.history({ id });
    expect(hist).toEqual([expect.objectContaining({ versionNo: 1, status: 'pending', restoredFrom: null, submittedBy: '赵实施', decidedBy: null })]);
    expect((await zz.catalog.resource.get({ id })).actions).toEqual(['approve', 'reject']);
    expect((await agency.catalog.resource.get({ id })).actions).toEqual(['withdraw']);
    expect((await agency.catalog.resource.get({ id })).canEdit).toBe(false);
  });

  it('a pending resource cannot be edited (PRECONDITION_FAILED)', async () => {
    const e = await editable(agency, id);
    expect(await failure(agency.catalog.resource.update({ ...e, name: '待审核时修改' }))).toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('approve: other city NOT_FOUND, the owner FORBIDDEN, stale CONFLICT; the city publishes v1 and its inbox task closes', async () => {
    expect(await code(lyAdmin.catalog.resource.approve({ id, version }))).toBe('NOT_FOUND');
    expect(await code(agency.catalog.resource.approve({ id, version }))).toBe('FORBIDDEN');
    expect(await code(zz.catalog.resource.approve({ id, version: version - 1 }))).toBe('CONFLICT');
    const row = await zz.catalog.resource.approve({ id, version });
    expect(row).toMatchObject({ status: 'published', publishedVersionNo: 1, lastVersionNo: 1 });
    version = row.version;
    expect(await inboxOf(zz, id)).toHaveLength(0);
    expect((await agency.catalog.resource.history({ id }))[0]).toMatchObject({ versionNo: 1, status: 'published', decidedBy: '王郑州' });
    expect(await code(zz.catalog.resource.approve({ id, version }))).toBe('PRECONDITION_FAILED'); // no longer pending
    const [a] = await audits('catalog_resource.approve', id);
    expect(a.before).toEqual({ status: 'pending', version: 2 });
    expect(a.after).toMatchObject({ status: 'published', publishedVersionNo: 1 });
  });

  it('editing a published resource keeps v1 in force and returns the working copy to 草稿; diff v1 → current shows the change', async () => {
    const e = await editable(agency, id);
    await agency.catalog.resource.update({ ...e, name: `${input.name}-第二版`, items: [...e.items, item(added, 'core')] });
    const r = await agency.catalog.resource.get({ id });
    expect(r).toMatchObject({ status: 'draft', publishedVersionNo: 1, lastVersionNo: 1, grade: 'core', name: `${input.name}-第二版` });
    version = r.version;
    const d = await agency.catalog.resource.diff({ id, from: 1, to: 0 });
    expect(d.from).toBe(1);
    expect(d.fields).toEqual(expect.arrayContaining([
      { field: 'name', before: input.name, after: `${input.name}-第二版` },
      { field: 'grade', before: 'important', after: 'core' },
    ]));
    expect(d.fields).toHaveLength(2);
    expect(d.items).toEqual([expect.objectContaining({ name: added, change: 'added' })]);
    expect(d.items[0].fields).toEqual(expect.arrayContaining([{ field: 'grade', before: null, after: 'core' }]));
    // the reverse direction shows the item removed
    expect((await zz.catalog.resource.diff({ id, from: 0, to: 1 })).items).toEqual([{ name: added, change: 'removed', fields: [] }]);
    expect(await code(agency.catalog.resource.diff({ id, from: 1, to: 7 }))).toBe('NOT_FOUND');
    expect(await code(lyAgency.catalog.resource.diff({ id, from: 1, to: 0 }))).toBe('NOT_FOUND');
    expect((await failure(agency.catalog.resource.diff({ id, from: -1, to: 0 }))).fieldErrors).toHaveProperty('from');
  });

  it('reject: needs a reason; puts the resource back to 草稿 with the reason and tells the owner', async () => {
    const s = await agency.catalog.resource.submit({ id, version });
    expect(s).toMatchObject({ status: 'pending', lastVersionNo: 2, publishedVersionNo: 1 });
    version = s.version;
    expect((await failure(zz.catalog.resource.reject({ id, version, reason: '' }))).fieldErrors).toHaveProperty('reason');
    expect(await code(agency.catalog.resource.reject({ id, version, reason: '自己退回' }))).toBe('FORBIDDEN');
    expect(await code(lyAdmin.catalog.resource.reject({ id, version, reason: '跨市退回' }))).toBe('NOT_FOUND');
    expect(await code(zz.catalog.resource.reject({ id, version: version + 1, reason: '核心数据项说明不足' }))).toBe('CONFLICT');
    const row = await zz.catalog.resource.reject({ id, version, reason: '核心数据项说明不足' });
    expect(row).toMatchObject({ status: 'draft', rejectReason: '核心数据项说明不足', publishedVersionNo: 1 });
    version = row.version;
    expect((await agency.catalog.resource.get({ id })).rejectReason).toBe('核心数据项说明不足');
    expect((await agency.catalog.resource.history({ id }))[0]).toMatchObject({ versionNo: 2, status: 'rejected', reason: '核心数据项说明不足', decidedBy: '王郑州' });
    expect(await inboxOf(zz, id)).toHaveLength(0);
    const [fix] = await inboxOf(agency, id);
    expect(fix).toMatchObject({ step: 'fix', basis: 'HN-9' });
    const [a] = await audits('catalog_resource.reject', id);
    expect(a.reason).toBe('核心数据项说明不足');
  });

  it('restore: v1 becomes a new pending version (v3, restored from 1); approving it publishes v1\'s content again', async () => {
    expect(await code(zz.catalog.resource.restore({ id, version, versionNo: 1 }))).toBe('FORBIDDEN');
    expect(await code(lyAgency.catalog.resource.restore({ id, version, versionNo: 1 }))).toBe('NOT_FOUND');
    expect(await code(agency.catalog.resource.restore({ id, version: version - 1, versionNo: 1 }))).toBe('CONFLICT');
    expect(await code(agency.catalog.resource.restore({ id, version, versionNo: 9 }))).toBe('NOT_FOUND');
    expect((await failure(agency.catalog.resource.restore({ id, version, versionNo: 0 }))).fieldErrors).toHaveProperty('versionNo');

    const row = await agency.catalog.resource.restore({ id, version, versionNo: 1 });
    expect(row).toMatchObject({ status: 'pending', lastVersionNo: 3, publishedVersionNo: 1, rejectReason: null });
    version = row.version;
    expect((await agency.catalog.resource.history({ id })).map((v) => [v.versionNo, v.status, v.restoredFrom])).toEqual([
      [3, 'pending', 1], [2, 'rejected', null], [1, 'published', null],
    ]);
    expect(await agency.catalog.resource.get({ id })).toMatchObject({ name: input.name, grade: 'important', itemCount: 2 });
    const [a] = await audits('catalog_resource.restore', id);
    expect(a.reason).toBe('恢复 v1');
    expect(await inboxOf(zz, id)).toHaveLength(1);

    const pub = await zz.catalog.resource.approve({ id, version });
    expect(pub).toMatchObject({ status: 'published', publishedVersionNo: 3 });
    version = pub.version;
    expect((await agency.catalog.resource.history({ id })).map((v) => [v.versionNo, v.status])).toEqual([[3, 'published'], [2, 'rejected'], [1, 'superseded']]);
    expect(await agency.catalog.resource.diff({ id, from: 1, to: 3 })).toEqual({ from: 1, to: 3, fields: [], items: [] });
  });

  it('withdraw: back to 草稿, the version marked withdrawn; stale CONFLICT; only a pending resource', async () => {
    expect(await code(agency.catalog.resource.withdraw({ id, version }))).toBe('PRECONDITION_FAILED'); // published
    const s = await agency.catalog.resource.submit({ id, version });
    expect(s).toMatchObject({ status: 'pending', lastVersionNo: 4 });
    expect(await code(agency.catalog.resource.withdraw({ id, version }))).toBe('CONFLICT');
    expect(await code(lyAgency.catalog.resource.withdraw({ id, version: s.version }))).toBe('NOT_FOUND');
    expect(await code(zz.catalog.resource.withdraw({ id, version: s.version }))).toBe('FORBIDDEN');
    const w = await agency.catalog.resource.withdraw({ id, version: s.version });
    expect(w).toMatchObject({ status: 'draft', publishedVersionNo: 3 });
    version = w.version;
    expect((await agency.catalog.resource.history({ id }))[0]).toMatchObject({ versionNo: 4, status: 'withdrawn' });
    expect(await inboxOf(zz, id)).toHaveLength(0);
    // submit again and publish, for the status tests
    const s2 = await agency.catalog.resource.submit({ id, version });
    version = (await zz.catalog.resource.approve({ id, version: s2.version })).version;
  });

  it('disable / enable: a reason is required; a disabled resource cannot be edited and is not operable', async () => {
    expect((await failure(agency.catalog.resource.disable({ id, version, reason: ' ' }))).fieldErrors).toHaveProperty('reason');
    expect(await code(lyAgency.catalog.resource.disable({ id, version, reason: '跨市停用' }))).toBe('NOT_FOUND');
    expect(await code(lyAdmin.catalog.resource.disable({ id, version, reason: '跨市停用' }))).toBe('NOT_FOUND');
    expect(await code(agency.catalog.resource.disable({ id, version: version - 1, reason: '停止提供' }))).toBe('CONFLICT');
    const d = await agency.catalog.resource.disable({ id, version, reason: '数据提供单位停止提供' });
    expect(d.status).toBe('disabled');
    version = d.version;
    const [a] = await audits('catalog_resource.disable', id);
    expect(a.reason).toBe('数据提供单位停止提供');
    expect((await agency.catalog.resource.get({ id })).operability).toMatchObject({ operable: false, reason: 'not_published' });
    expect(await code(agency.catalog.resource.update(await editable(agency, id)))).toBe('PRECONDITION_FAILED');
    expect(await code(agency.catalog.resource.submit({ id, version }))).toBe('PRECONDITION_FAILED');
    expect(await code(agency.catalog.resource.restore({ id, version, versionNo: 1 }))).toBe('PRECONDITION_FAILED');

    expect(await code(lyAgency.catalog.resource.enable({ id, version }))).toBe('NOT_FOUND');
    expect(await code(zz.catalog.resource.enable({ id, version: version + 3 }))).toBe('CONFLICT');
    const en = await zz.catalog.resource.enable({ id, version }); // the city reviewer may enable too
    expect(en).toMatchObject({ status: 'published', publishedVersionNo: 5 });
    expect(await code(zz.catalog.resource.enable({ id, version: en.version }))).toBe('PRECONDITION_FAILED');
  });

  it('history: other city NOT_FOUND; bad id BAD_REQUEST', async () => {
    expect(await code(lyAgency.catalog.resource.history({ id }))).toBe('NOT_FOUND');
    expect(await code(jiaotong.catalog.resource.history({ id }))).toBe('NOT_FOUND');
    expect((await province.catalog.resource.history({ id })).map((v) => v.versionNo)).toEqual([5, 4, 3, 2, 1]);
    expect((await failure(agency.catalog.resource.history({ id: '42' }))).fieldErrors).toHaveProperty('id');
  });
});

describe('who reviews', () => {
  it('a municipal admin cannot approve its own organization\'s resource (it goes to the province), the province can', async () => {
    const { id } = await zz.catalog.resource.create(resourceInput({ providerOrgId: P.ga }));
    const s = await zz.catalog.resource.submit({ id, version: 1 });
    expect(await inboxOf(zz, id)).toHaveLength(0);
    expect(await inboxOf(province, id)).toHaveLength(1);
    expect((await zz.catalog.resource.get({ id })).actions).toEqual(['withdraw']);
    expect(await failure(zz.catalog.resource.approve({ id, version: s.version }))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('省级') });
    expect(await code(zz.catalog.resource.reject({ id, version: s.version, reason: '自己退回' }))).toBe('FORBIDDEN');
    expect((await province.catalog.resource.get({ id })).actions).toEqual(expect.arrayContaining(['approve', 'reject']));
    const row = await province.catalog.resource.approve({ id, version: s.version });
    expect(row).toMatchObject({ status: 'published', publishedVersionNo: 1 });
    expect(await inboxOf(province, id)).toHaveLength(0);
  });

  it('another city\'s municipal admin can neither see nor review; the province may review any city', async () => {
    const { id } = await agencyB.catalog.resource.create(resourceInput());
    const s = await agencyB.catalog.resource.submit({ id, version: 1 });
    expect(await code(lyAdmin.catalog.resource.approve({ id, version: s.version }))).toBe('NOT_FOUND');
    const r = await province.catalog.resource.reject({ id, version: s.version, reason: '省级抽查退回' });
    expect(r).toMatchObject({ status: 'draft', rejectReason: '省级抽查退回' });
  });
});

// ---- 一数一源 (HN-9)

describe('一数一源 (HN-9)', () => {
  const t = tag();
  const name = `企业名称${t}`;
  const code = `FC_${t}`;
  let a = '';
  let b = '';

  it('an item repeating another provider\'s item (same field code or same normalized name) is flagged', async () => {
    ({ id: a } = await agency.catalog.resource.create(resourceInput({ name: `源资源${t}`, providerOrgId: P.scjg, items: [item(name), item(`登记机关${t}`, 'general', { fieldCode: code })] })));
    // the same provider repeating its own item is not a conflict
    const same = await agency.catalog.resource.create(resourceInput({ providerOrgId: P.scjg, items: [item(name)] }));
    expect(same.unresolved).toBe(0);
    const created = await agency.catalog.resource.create(resourceInput({
      name: `重复资源${t}`, providerOrgId: P.ga,
      items: [item(` 企业 名称·${t} `), item(`发证机关${t}`, 'general', { fieldCode: code }), item(`独有项${t}`)],
    }));
    b = created.id;
    expect(created.unresolved).toBe(2);
    const r = await agency.catalog.resource.get({ id: b });
    expect(r.items.map((i) => i.conflict?.itemName ?? null)).toEqual([name, `登记机关${t}`, null]);
    expect(r.items[0].conflict).toMatchObject({ resourceName: `源资源${t}`, providerName: '郑州市市场监督管理局' });
    // and a match across cities is flagged as well (the catalog is province-wide)
    const ly = await lyAgency.catalog.resource.create(resourceInput({ providerOrgId: P.lyScjg, items: [item(name)] }));
    expect(ly.unresolved).toBe(1);
  });

  it('submit is refused (PRECONDITION_FAILED, HN-9) while a match is unresolved', async () => {
    const f = await failure(agency.catalog.resource.submit({ id: b, version: 1 }));
    expect(f.code).toBe('PRECONDITION_FAILED');
    expect(f.message).toContain('HN-9');
    expect(f.article).toBe('HN-9');
    expect((await agency.catalog.resource.get({ id: b })).status).toBe('draft');
  });

  it('the province sees the conflicts province-wide; the unresolved filter', async () => {
    const page = await province.catalog.conflicts.list({ q: t, limit: 50 });
    const mine = page.items.filter((x) => x.resourceId === b);
    expect(mine.map((x) => [x.itemName.trim(), x.otherItemName, x.otherProviderName, x.providerName, x.resolution]).sort()).toEqual([
      [`发证机关${t}`, `登记机关${t}`, '郑州市市场监督管理局', '郑州市公安局', null],
      [`企业 名称·${t}`, name, '郑州市市场监督管理局', '郑州市公安局', null],
    ].sort());
    expect(page.items.some((x) => x.providerName === '洛阳市市场监督管理局')).toBe(true);
    expect((await failure(province.catalog.conflicts.list({ limit: 0 }))).fieldErrors).toHaveProperty('limit');
    // keyset paging
    const first = await province.catalog.conflicts.list({ q: t, limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await province.catalog.conflicts.list({ q: t, limit: 50, cursor: first.nextCursor });
    expect(second.items.map((x) => x.id)).not.toContain(first.items[0].id);
    expect(second.items).toHaveLength(page.items.length - 1);
  });

  it('a second source needs a justification of at least 5 characters (BAD_REQUEST on items.N.justification)', async () => {
    const e = await editable(agency, b);
    const items = e.items.map((i, n) => (n === 1 ? { ...i, sourceResolution: 'second' as const, justification: '本地' } : i));
    expect((await failure(agency.catalog.resource.update({ ...e, items }))).fieldErrors).toEqual({ 'items.1.justification': ['说明第二来源的理由(至少 5 个字,HN-9 一数一源)'] });
  });

  it('once every match is linked or justified, submit goes through and the conflicts show as resolved', async () => {
    const e = await editable(agency, b);
    const items = e.items.map((i, n) => (n === 0 ? { ...i, sourceResolution: 'link' as const } : n === 1 ? { ...i, sourceResolution: 'second' as const, justification: '公安机关发证信息为独立登记来源' } : i));
    // a resolution on an item with no match is dropped
    items[2] = { ...items[2], sourceResolution: 'second', justification: '无须说明的理由' };
    expect(await agency.catalog.resource.update({ ...e, items })).toEqual({ id: b, unresolved: 0 });
    const r = await agency.catalog.resource.get({ id: b });
    expect(r.items.map((i) => [i.sourceResolution, i.justification])).toEqual([['link', null], ['second', '公安机关发证信息为独立登记来源'], [null, null]]);
    expect((await agency.catalog.resource.submit({ id: b, version: r.version })).status).toBe('pending');

    const unresolved = await province.catalog.conflicts.list({ q: t, limit: 50, unresolved: true });
    expect(unresolved.items.filter((x) => x.resourceId === b)).toHaveLength(0);
    const all = await province.catalog.conflicts.list({ q: t, limit: 50 });
    expect(all.items.filter((x) => x.resourceId === b).map((x) => x.resolution).sort()).toEqual(['link', 'second']);
  });

  it('the earliest other provider\'s item is the match; an item that links to a source is not a source itself', async () => {
    expect((await agency.catalog.resource.get({ id: b })).items[0].conflict?.itemId).toBe((await agency.catalog.resource.get({ id: a })).items[0].id);
    const u = tag();
    const src = await agency.catalog.resource.create(resourceInput({ name: `人社源${u}`, providerOrgId: P.rs, items: [item(`参保状态${u}`)] }));
    expect(src.unresolved).toBe(0);
    const linking = await agency.catalog.resource.create(resourceInput({ providerOrgId: P.ga, items: [item(`参保状态${u}`, 'general', { sourceResolution: 'link' })] }));
    expect(linking.unresolved).toBe(0);
    expect((await agency.catalog.resource.get({ id: linking.id })).items[0]).toMatchObject({ sourceResolution: 'link', conflict: { resourceName: `人社源${u}` } });
    // the same provider as the source, with only the linking item elsewhere: no conflict
    expect((await agency.catalog.resource.create(resourceInput({ providerOrgId: P.rs, items: [item(`参保状态${u}`)] }))).unresolved).toBe(0);
    // a third provider is matched with the source, not with the linking item
    const third = await agency.catalog.resource.create(resourceInput({ providerOrgId: P.scjg, items: [item(`参保状态${u}`)] }));
    expect(third.unresolved).toBe(1);
    expect((await agency.catalog.resource.get({ id: third.id })).items[0].conflict).toMatchObject({ resourceName: `人社源${u}`, providerName: '郑州市人力资源和社会保障局' });
  });

  it('only authoritative items are sources: re-saving the original is not flagged against its own duplicates', async () => {
    const u = tag();
    const orig = await agency.catalog.resource.create(resourceInput({ providerOrgId: P.rs, items: [item(`缴费基数${u}`)] }));
    const dup = await agency.catalog.resource.create(resourceInput({ providerOrgId: P.ga, items: [item(`缴费基数${u}`, 'general', { sourceResolution: 'second', justification: '公安口径的缴费基数另行采集' })] }));
    expect(dup.unresolved).toBe(0);
    const unresolvedDup = await agency.catalog.resource.create(resourceInput({ providerOrgId: P.scjg, items: [item(`缴费基数${u}`)] }));
    expect(unresolvedDup.unresolved).toBe(1);
    // the original saved again stays clean: neither the justified nor the unresolved repeat is a source
    const e = await editable(agency, orig.id);
    expect(await agency.catalog.resource.update({ ...e, summary: '再次保存' })).toEqual({ id: orig.id, unresolved: 0 });
    expect((await agency.catalog.resource.get({ id: orig.id })).items[0].conflict).toBeNull();
    // and the unresolved repeat points at the original, not at the other repeat
    expect((await agency.catalog.resource.get({ id: unresolvedDup.id })).items[0].conflict?.itemId).toBe((await agency.catalog.resource.get({ id: orig.id })).items[0].id);
  });
});

// ---- spreadsheet import

describe('catalog.import', () => {
  const t = tag();
  const codes = [1, 2, 3, 4, 5].map((n) => `T-${t}-${n}`);
  let file = '';

  beforeAll(async () => {
    file = await workbook(
      [
        [codes[0], `导入资源一${t}`, '郑州市市场监督管理局', '摘要一', '数据库表', '每日', '无条件共享', '', '无条件开放'],
        [codes[1], `导入资源二${t}`, '郑州市公安局', '', '接口', '每月', '有条件共享', '依法履职使用', '不予开放'],
        [codes[2], `导入资源三${t}`, '郑州市人力资源和社会保障局', '', '电子文件', '不定期', '不予共享', '《社会保险法》相关规定', 'closed'],
        [codes[3], `导入资源四${t}`, '不存在的单位', '', '数据库表', '每日', '无条件共享', '', '无条件开放'],
        [codes[4], `导入资源五${t}`, '郑州市公安局', '', '数据库表', '每日', '无条件共享', '', '无条件开放'],
      ],
      [
        [codes[0], `导入项一甲${t}`, '', '字符型', '', '否', '一般'],
        [codes[0], `导入项一乙${t}`, '', '数值型', '说明', '是', '核心'],
        [codes[1], `导入项二${t}`, '', '日期型', '', '', '重要'],
        [codes[2], `导入项三${t}`, '', '字符', '', '', 'general'],
        [codes[3], `导入项四${t}`, '', '字符型', '', '', '一般'],
        [codes[4], `导入项五${t}`, '', '字符型', '', '', '绝密'],
      ],
    );
  });

  const written = () => h.db.select().from(catalogResources).where(like(catalogResources.code, `T-${t}-%`));

  it('dryRun: reports each bad row with sheet, row and column, and writes nothing', async () => {
    const report = await agency.catalog.import.dryRun({ xlsxBase64: file });
    expect(report.summary).toEqual({ create: 3, update: 0, error: 2, items: 4 });
    expect(report.orphanProblems).toEqual([]);
    expect(report.rows.map((r) => [r.row, r.code, r.action, r.itemCount])).toEqual([
      [2, codes[0], 'create', 2], [3, codes[1], 'create', 1], [4, codes[2], 'create', 1], [5, codes[3], 'error', 1], [6, codes[4], 'error', 1],
    ]);
    expect(report.rows[3].problems).toEqual([{ sheet: RESOURCE_SHEET, row: 5, column: '数据提供单位', message: '未知的数据提供单位「不存在的单位」' }]);
    expect(report.rows[4].problems).toEqual([{ sheet: ITEM_SHEET, row: 7, column: '数据分级', message: expect.stringContaining('「绝密」不是可选值') }]);
    expect(report).not.toHaveProperty('valid');
    expect(await written()).toHaveLength(0);
  });

  it('commit: writes only the valid rows, as drafts, in one go', async () => {
    const res = await agency.catalog.import.commit({ xlsxBase64: file });
    expect(res).toEqual({ written: 3, create: 3, update: 0, error: 2, items: 4 });
    const rows = await written();
    expect(rows.map((r) => [r.code, r.status, r.grade, r.itemCount, r.shareType, r.shareCondition, r.openType]).sort()).toEqual([
      [codes[0], 'draft', 'core', 2, 'unconditional', null, 'open'],
      [codes[1], 'draft', 'important', 1, 'conditional', '依法履职使用', 'closed'],
      [codes[2], 'draft', 'general', 1, 'none', '《社会保险法》相关规定', 'closed'],
    ]);
    const [a] = await audits('catalog.import');
    expect(a.after).toMatchObject({ create: 3, error: 2, skipped: 2 });
    expect(await audits('catalog_resource.import_create')).toHaveLength(3);
    expect((await agency.catalog.resource.list({ q: `导入资源一${t}` })).items.map((r) => r.code)).toEqual([codes[0]]);
  });

  it('a second run of the same file updates the agency\'s own rows; another city cannot touch them', async () => {
    const again = await agency.catalog.import.dryRun({ xlsxBase64: file });
    expect(again.summary).toMatchObject({ create: 0, update: 3, error: 2 });
    const ly = await lyAgency.catalog.import.dryRun({ xlsxBase64: file });
    expect(ly.summary).toMatchObject({ create: 0, update: 0, error: 5 });
    expect(ly.rows[0].problems.map((p) => [p.column, p.message])).toEqual(expect.arrayContaining([
      ['资源代码', '该资源代码已被其他机构的目录使用'],
      ['数据提供单位', '数据提供单位须为本地区在用的机构'],
    ]));
    const res = await agency.catalog.import.commit({ xlsxBase64: file });
    expect(res).toMatchObject({ written: 3, update: 3 });
    expect((await written()).map((r) => r.version).sort()).toEqual([2, 2, 2]);
  });

  it('一数一源 in the sheet: an unresolved match is an error in its column; 第二来源 with a reason passes', async () => {
    const u = tag();
    const { id } = await agencyB.catalog.resource.create(resourceInput({ providerOrgId: P.ga, items: [item(`重名项${u}`)] }));
    expect(id).toBeTruthy();
    const row = [`T-${u}-1`, `重名导入${u}`, '郑州市市场监督管理局', '', '数据库表', '每日', '无条件共享', '', '无条件开放'];
    const bad = await agencyB.catalog.import.dryRun({ xlsxBase64: await workbook([row], [[`T-${u}-1`, `重名项${u}`, '', '字符型', '', '', '一般']]) });
    expect(bad.rows[0].problems).toEqual([{ sheet: ITEM_SHEET, row: 2, column: '一数一源处理', message: expect.stringContaining('HN-9') }]);
    const ok = await agencyB.catalog.import.dryRun({ xlsxBase64: await workbook([row], [[`T-${u}-1`, `重名项${u}`, '', '字符型', '', '', '一般', '第二来源', '市场监管部门独立登记']]) });
    expect(ok.summary).toMatchObject({ create: 1, error: 0 });
  });

  it('一数一源 within one file: a later row repeating an earlier row\'s item (another provider) is reported by the dry run', async () => {
    const u = tag();
    const rows = [
      [`T-${u}-1`, `同文件甲${u}`, '郑州市市场监督管理局', '', '数据库表', '每日', '无条件共享', '', '无条件开放'],
      [`T-${u}-2`, `同文件乙${u}`, '郑州市公安局', '', '数据库表', '每日', '无条件共享', '', '无条件开放'],
    ];
    const dup = await agencyB.catalog.import.dryRun({ xlsxBase64: await workbook(rows, [
      [`T-${u}-1`, `同文件项${u}`, '', '字符型', '', '', '一般'],
      [`T-${u}-2`, `同文件 项${u}`, '', '字符型', '', '', '一般'],
    ]) });
    expect(dup.summary).toMatchObject({ create: 1, error: 1 });
    expect(dup.rows[1].problems).toEqual([{ sheet: ITEM_SHEET, row: 3, column: '一数一源处理', message: expect.stringContaining(`同文件甲${u}`) }]);
    // linked to the earlier row, it passes, and the commit stores the link (nothing left unresolved)
    const linked = await workbook(rows, [
      [`T-${u}-1`, `同文件项${u}`, '', '字符型', '', '', '一般'],
      [`T-${u}-2`, `同文件 项${u}`, '', '字符型', '', '', '一般', '关联'],
    ]);
    expect((await agencyB.catalog.import.dryRun({ xlsxBase64: linked })).summary).toMatchObject({ create: 2, error: 0 });
    expect(await agencyB.catalog.import.commit({ xlsxBase64: linked })).toMatchObject({ written: 2 });
    const [second] = (await agencyB.catalog.resource.list({ q: `同文件乙${u}` })).items;
    const r = await agencyB.catalog.resource.get({ id: second.id });
    expect(r.items[0]).toMatchObject({ sourceResolution: 'link', conflict: { resourceName: `同文件甲${u}` } });
    expect((await agencyB.catalog.resource.submit({ id: r.id, version: r.version })).status).toBe('pending');
  });

  it('a file with nothing valid, or that is not a usable workbook, is refused and writes nothing', async () => {
    const u = tag();
    const onlyBad = await workbook([[`T-${u}-1`, `无效${u}`, '不存在的单位', '', '数据库表', '每日', '无条件共享', '', '无条件开放']], []);
    expect(await failure(agency.catalog.import.commit({ xlsxBase64: onlyBad }))).toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect((await failure(agency.catalog.import.dryRun({ xlsxBase64: Buffer.from('not a zip').toString('base64') }))).fieldErrors).toEqual({ xlsxBase64: ['不是有效的 Excel (xlsx) 文件'] });
    expect((await failure(agency.catalog.import.dryRun({ xlsxBase64: '' }))).fieldErrors).toEqual({ xlsxBase64: ['请选择文件'] });
    const noSheet = await workbook([], [], { res: 'Sheet1', items: 'Sheet2' });
    expect((await failure(agency.catalog.import.commit({ xlsxBase64: noSheet }))).fieldErrors.xlsxBase64[0]).toContain(RESOURCE_SHEET);
    expect(await h.db.select().from(catalogResources).where(like(catalogResources.code, `T-${u}-%`))).toHaveLength(0);
  });
});

// ---- registration (HN-10)

describe('catalog.registration (HN-10)', () => {
  const asset = { assetOwner: '郑州市大数据发展中心', bookValue: 12000.5 };
  let policyVersion = 0;
  let noticeDays = 10;

  beforeAll(async () => {
    const p = await agencyB.catalog.registration.policy.get();
    policyVersion = p.version;
    noticeDays = p.noticeWorkingDays;
  });

  it('refuses a resource whose catalog entry is not published (PRECONDITION_FAILED, HN-10)', async () => {
    const { id } = await agencyB.catalog.resource.create(resourceInput());
    expect(await mayOperate(h.db, id)).toMatchObject({ operable: false, reason: 'not_published' });
    const f = await failure(agencyB.catalog.registration.create({ resourceId: id, kind: 'initial', ...asset }));
    expect(f.code).toBe('PRECONDITION_FAILED');
    expect(f.message).toContain('HN-10');
    expect(f.article).toBe('HN-10 ¶2');
    expect(await agencyB.catalog.registration.ofResource({ id })).toEqual([]);
  });

  it('refuses a missing asset-management record (PRECONDITION_FAILED, HN-10)', async () => {
    const id = await published();
    for (const bad of [{}, { assetOwner: '郑州市大数据发展中心' }, { bookValue: 1 }, { notAsset: true }, { notAsset: true, notAssetBasis: '  ' }]) {
      const f = await failure(agencyB.catalog.registration.create({ resourceId: id, kind: 'initial', ...bad }));
      expect(f.code, JSON.stringify(bad)).toBe('PRECONDITION_FAILED');
      expect(f.message).toContain('HN-10');
    }
    expect(await agencyB.catalog.registration.ofResource({ id })).toEqual([]);
    // "not an asset" with its basis is accepted
    const r = await agencyB.catalog.registration.create({ resourceId: id, kind: 'initial', notAsset: true, notAssetBasis: '原始数据未形成资产', assetOwner: '忽略', bookValue: 5 });
    expect(r).toMatchObject({ status: 'submitted', notAsset: true, notAssetBasis: '原始数据未形成资产', assetOwner: null, bookValue: null });
  });

  it('approval is refused when the catalog entry was disabled after the application (HN-10 ¶2)', async () => {
    const id = await published();
    const reg = await agencyB.catalog.registration.create({ resourceId: id, kind: 'initial', ...asset });
    const r = await agencyB.catalog.resource.get({ id });
    await agencyB.catalog.resource.disable({ id, version: r.version, reason: '数据源停止更新' });
    const f = await failure(zz.catalog.registration.approve({ id: reg.id, version: reg.version }));
    expect(f.code).toBe('PRECONDITION_FAILED');
    expect(f.message).toContain('HN-10');
    expect((await zz.catalog.registration.get({ id: reg.id })).phase).toBe('submitted');
  });

  it('bad input is BAD_REQUEST beside the field', async () => {
    expect((await failure(agencyB.catalog.registration.create({ resourceId: NO_ID, kind: 'first' as never, ...asset }))).fieldErrors).toHaveProperty('kind');
    expect((await failure(agencyB.catalog.registration.create({ resourceId: NO_ID, kind: 'initial', assetOwner: 'x', bookValue: -1 }))).fieldErrors).toEqual({ bookValue: ['账面价值不能为负'] });
    expect((await failure(agencyB.catalog.registration.create({ resourceId: 'x', kind: 'initial', ...asset }))).fieldErrors).toEqual({ resourceId: ['请选择数据资源'] });
    expect((await failure(agencyB.catalog.registration.list({ status: 'done' as never }))).fieldErrors).toHaveProperty('status');
    expect((await failure(zz.catalog.registration.reject({ id: NO_ID, version: 1, reason: '' }))).fieldErrors).toHaveProperty('reason');
    expect(await code(agencyB.catalog.registration.create({ resourceId: NO_ID, kind: 'initial', ...asset }))).toBe('NOT_FOUND');
  });

  describe('initial registration → notice → in force → cancel', () => {
    let res = '';
    let reg = '';
    let version = 1;
    let registrationNo = '';
    let effectiveOn = '';

    it('create: submitted, in the city reviewer\'s inbox; not for another city\'s agency; one open application at a time', async () => {
      res = await published();
      expect(await mayOperate(h.db, res)).toMatchObject({ operable: false, reason: 'not_registered', article: 'HN-10' });
      expect(await code(lyAgency.catalog.registration.create({ resourceId: res, kind: 'initial', ...asset }))).toBe('NOT_FOUND');
      expect(await failure(agencyB.catalog.registration.create({ resourceId: res, kind: 'change', ...asset }))).toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('HN-10') });

      const r = await agencyB.catalog.registration.create({ resourceId: res, kind: 'initial', description: '首次登记', ...asset });
      expect(r).toMatchObject({ status: 'submitted', kind: 'initial', assetOwner: asset.assetOwner, bookValue: '12000.50', registrationNo: null, regionCode: '410100' });
      reg = r.id;
      version = r.version;
      const [task] = await inboxOf(zz, reg);
      expect(task).toMatchObject({ entityType: 'catalog_registration', step: 'decide', basis: 'HN-10' });
      expect(await failure(agencyB.catalog.registration.create({ resourceId: res, kind: 'initial', ...asset }))).toMatchObject({ code: 'PRECONDITION_FAILED' });
      const [a] = await audits('catalog_registration.create', reg);
      expect(a.after).toMatchObject({ kind: 'initial', notAsset: false });
    });

    it('get / list / ofResource: scoped, with the actions each caller may take', async () => {
      expect(await agencyB.catalog.registration.get({ id: reg })).toMatchObject({ phase: 'submitted', actions: ['withdraw'], applicantName: '郑州市大数据发展中心' });
      expect((await zz.catalog.registration.get({ id: reg })).actions).toEqual(['approve', 'reject']);
      expect((await province.catalog.registration.get({ id: reg })).actions).toEqual(['approve', 'reject']);
      for (const c of [lyAgency, lyAdmin, jiaotong]) expect(await code(c.catalog.registration.get({ id: reg }))).toBe('NOT_FOUND');
      expect((await lyAgency.catalog.registration.ofResource({ id: res }))).toEqual([]);
      expect((await agencyB.catalog.registration.ofResource({ id: res })).map((r) => r.id)).toEqual([reg]);
      const code_ = (await agencyB.catalog.resource.get({ id: res })).code;
      expect((await zz.catalog.registration.list({ q: code_ })).items.map((r) => r.id)).toEqual([reg]);
      expect((await zz.catalog.registration.list({ q: code_, status: 'submitted' })).items).toHaveLength(1);
      expect((await zz.catalog.registration.list({ q: code_, status: 'in_notice' })).items).toHaveLength(0);
      expect((await lyAdmin.catalog.registration.list({ q: code_ })).items).toHaveLength(0);
    });

    it('approve: other city NOT_FOUND, stale CONFLICT; a 豫数登 number, the notice period, and the inbox task closes', async () => {
      expect(await code(lyAdmin.catalog.registration.approve({ id: reg, version }))).toBe('NOT_FOUND');
      expect(await code(zz.catalog.registration.approve({ id: reg, version: version + 1 }))).toBe('CONFLICT');
      const r = await zz.catalog.registration.approve({ id: reg, version });
      const year = today().slice(0, 4);
      expect(r.status).toBe('approved');
      expect(r.registrationNo).toMatch(new RegExp(`^豫数登${year}\\d{6}$`));
      expect(r.noticeStartsOn).toBe(today());
      expect(r.noticeEndsOn).toBe(addWorkingDays(today(), noticeDays));
      effectiveOn = r.effectiveOn!;
      expect(dayBefore(effectiveOn)).toBe(r.noticeEndsOn);
      registrationNo = r.registrationNo!;
      version = r.version;
      expect(await inboxOf(zz, reg)).toHaveLength(0);
      expect(await agencyB.catalog.registration.get({ id: reg })).toMatchObject({ phase: 'in_notice', actions: [] });
      expect(await code(zz.catalog.registration.approve({ id: reg, version }))).toBe('PRECONDITION_FAILED');

      // the next approval takes the next number
      const other = await published();
      const r2 = await agencyB.catalog.registration.create({ resourceId: other, kind: 'initial', ...asset });
      const a2 = await province.catalog.registration.approve({ id: r2.id, version: r2.version });
      expect(Number(a2.registrationNo!.slice(-6))).toBe(Number(registrationNo.slice(-6)) + 1);
    });

    it('mayOperate: in notice until the effective day, then operable', async () => {
      expect(await mayOperate(h.db, res)).toMatchObject({ operable: false, reason: 'in_notice', article: 'HN-10' });
      expect(await mayOperate(h.db, res, noonOf(dayBefore(effectiveOn)))).toMatchObject({ operable: false, reason: 'in_notice' });
      expect(await mayOperate(h.db, res, noonOf(effectiveOn))).toEqual({ operable: true, registrationNo, effectiveOn });
      expect(await mayOperate(h.db, res, new Date(Date.now() + 30 * 86400_000))).toMatchObject({ operable: true, registrationNo });
      expect((await agencyB.catalog.resource.get({ id: res })).operability).toMatchObject({ operable: false, reason: 'in_notice' });
      expect(await mayOperate(h.db, NO_ID)).toMatchObject({ operable: false, reason: 'not_published' });
    });

    it('an initial registration of a registered resource is refused (HN-10)', async () => {
      const f = await failure(agencyB.catalog.registration.create({ resourceId: res, kind: 'initial', ...asset }));
      expect(f.code).toBe('PRECONDITION_FAILED');
      expect(f.message).toContain(registrationNo);
      expect(f.message).toContain('HN-10');
    });

    it('a cancellation in force makes the resource "cancelled"', async () => {
      const c = await agencyB.catalog.registration.create({ resourceId: res, kind: 'cancel', description: '不再纳入授权运营', notAsset: true, notAssetBasis: '注销登记,资产已核销' });
      const a = await zz.catalog.registration.approve({ id: c.id, version: c.version });
      expect(a).toMatchObject({ status: 'approved', kind: 'cancel' });
      expect(await mayOperate(h.db, res, noonOf(a.effectiveOn!))).toMatchObject({ operable: false, reason: 'cancelled', article: 'HN-10' });
      // after the cancellation there is nothing to change
      expect(await failure(agencyB.catalog.registration.create({ resourceId: res, kind: 'change', ...asset }))).toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('HN-10') });
    });

    it('after a cancellation, a new initial registration is "in notice" until it takes effect, then operable', async () => {
      const cancelled = await mayOperate(h.db, res, new Date(Date.now() + 60 * 86400_000));
      expect(cancelled).toMatchObject({ reason: 'cancelled' });
      // a longer notice period, so that the new registration takes effect after the cancellation
      const p = await province.catalog.registration.policy.get();
      const longer = await province.catalog.registration.policy.update({ noticeWorkingDays: p.noticeWorkingDays + 5, version: p.version });
      const r = await agencyB.catalog.registration.create({ resourceId: res, kind: 'initial', ...asset });
      const a = await zz.catalog.registration.approve({ id: r.id, version: r.version });
      const back = await province.catalog.registration.policy.update({ noticeWorkingDays: p.noticeWorkingDays, version: longer.version });
      policyVersion = back.version;
      const [cancel] = (await agencyB.catalog.registration.ofResource({ id: res })).filter((x) => x.kind === 'cancel');
      expect(a.effectiveOn! > cancel.effectiveOn!).toBe(true);
      expect(await mayOperate(h.db, res, noonOf(cancel.effectiveOn!))).toMatchObject({ operable: false, reason: 'in_notice' });
      expect(await mayOperate(h.db, res, noonOf(a.effectiveOn!))).toMatchObject({ operable: true, registrationNo: a.registrationNo });
    });
  });

  it('reject: needs a reason, records it; only the reviewer', async () => {
    const id = await published();
    const r = await agencyB.catalog.registration.create({ resourceId: id, kind: 'initial', ...asset });
    expect(await code(agencyB.catalog.registration.reject({ id: r.id, version: r.version, reason: '自己驳回' }))).toBe('FORBIDDEN');
    expect(await code(lyAdmin.catalog.registration.reject({ id: r.id, version: r.version, reason: '跨市驳回' }))).toBe('NOT_FOUND');
    expect(await code(zz.catalog.registration.reject({ id: r.id, version: r.version + 1, reason: '资产记录不完整' }))).toBe('CONFLICT');
    const x = await zz.catalog.registration.reject({ id: r.id, version: r.version, reason: '资产记录不完整' });
    expect(x).toMatchObject({ status: 'rejected', decisionReason: '资产记录不完整', registrationNo: null });
    expect(await inboxOf(zz, r.id)).toHaveLength(0);
    expect((await agencyB.catalog.registration.get({ id: r.id })).phase).toBe('rejected');
    expect(await mayOperate(h.db, id)).toMatchObject({ reason: 'not_registered' });
    // a new application may follow
    expect((await agencyB.catalog.registration.create({ resourceId: id, kind: 'initial', ...asset })).status).toBe('submitted');
  });

  it('withdraw: by the applicant only; stale CONFLICT; other city NOT_FOUND', async () => {
    const id = await published();
    const r = await agencyB.catalog.registration.create({ resourceId: id, kind: 'initial', ...asset });
    expect(await code(lyAgency.catalog.registration.withdraw({ id: r.id, version: r.version }))).toBe('NOT_FOUND');
    expect(await code(agencyB.catalog.registration.withdraw({ id: r.id, version: r.version + 1 }))).toBe('CONFLICT');
    const w = await agency.catalog.registration.withdraw({ id: r.id, version: r.version }); // a colleague of the same agency
    expect(w.status).toBe('withdrawn');
    expect(await inboxOf(zz, r.id)).toHaveLength(0);
    expect(await code(agencyB.catalog.registration.withdraw({ id: r.id, version: w.version }))).toBe('PRECONDITION_FAILED');
  });

  it('resourceOptions: the caller\'s own resources, published ones first, searchable', async () => {
    const t = tag();
    const pub = await published(agencyB, { name: `选项已发布${t}` });
    const { id: draft } = await agencyB.catalog.resource.create(resourceInput({ name: `选项草稿${t}` }));
    await lyAgency.catalog.resource.create(resourceInput({ name: `选项洛阳${t}`, providerOrgId: P.lyScjg }));
    const opts = await agencyB.catalog.registration.resourceOptions({ q: t });
    expect(opts.map((o) => o.id)).toEqual([pub, draft]);
    expect(opts[0]).toMatchObject({ status: 'published', publishedVersionNo: 1 });
    expect((await lyAgency.catalog.registration.resourceOptions({ q: t })).map((o) => o.name)).toEqual([`选项洛阳${t}`]);
    expect((await failure(agencyB.catalog.registration.resourceOptions({ q: 'x'.repeat(51) }))).fieldErrors).toHaveProperty('q');
  });

  it('policy: the notice period is configurable by the province; stale CONFLICT; bad value BAD_REQUEST; it drives the next approval', async () => {
    expect(await zz.catalog.registration.policy.get()).toEqual({ noticeWorkingDays: noticeDays, version: policyVersion });
    expect(await code(province.catalog.registration.policy.update({ noticeWorkingDays: 5, version: policyVersion + 1 }))).toBe('CONFLICT');
    expect((await failure(province.catalog.registration.policy.update({ noticeWorkingDays: 0, version: policyVersion }))).fieldErrors).toEqual({ noticeWorkingDays: ['至少 1 个工作日'] });
    const days = noticeDays === 5 ? 6 : 5;
    expect(await province.catalog.registration.policy.update({ noticeWorkingDays: days, version: policyVersion })).toEqual({ noticeWorkingDays: days, version: policyVersion + 1 });
    expect(await agencyB.catalog.registration.policy.get()).toEqual({ noticeWorkingDays: days, version: policyVersion + 1 });
    const a = (await audits('policy.catalog.update')).at(-1)!;
    expect(a.before).toEqual({ noticeWorkingDays: noticeDays });
    expect(a.after).toEqual({ noticeWorkingDays: days });
    expect(await code(province.catalog.registration.policy.update({ noticeWorkingDays: 7, version: policyVersion }))).toBe('CONFLICT');

    const id = await published();
    const r = await agencyB.catalog.registration.create({ resourceId: id, kind: 'initial', ...asset });
    const x = await zz.catalog.registration.approve({ id: r.id, version: r.version });
    expect(x.noticeEndsOn).toBe(addWorkingDays(today(), days));
  });
});

// ---- exports (the list's filters, in the caller's scope, audited)

describe('exports', () => {
  const actorOf = (username: string) => ({ id: null, name: username, orgId: null, ip: '127.0.0.1' });
  const csvLines = async (res: Response) => (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');

  it('the catalog export holds exactly the filtered list of the caller\'s scope, with operability', async () => {
    const t = tag();
    await lyAgency.catalog.resource.create(resourceInput({ name: `导出测试${t}`, providerOrgId: P.lyScjg }));
    await agency.catalog.resource.create(resourceInput({ name: `导出测试${t}`, providerOrgId: P.scjg }));
    const zzUser = await sessionUserFor(h.db, 'zhengzhou');
    const res = await exportResources(h.db, actorOf('zhengzhou'), zzUser, new URLSearchParams(`format=csv&q=${encodeURIComponent(`导出测试${t}`)}`));
    expect(res.status).toBe(200);
    const lines = await csvLines(res);
    expect(lines[0]).toMatch(/^资源代码,资源名称,目录编制单位/);
    expect(lines).toHaveLength(2); // the header and 郑州's row only: 洛阳's is outside the scope
    expect(lines[1]).toContain('郑州市大数据发展中心');
    expect(lines[1]).toContain('不得投入运营');
    const provUser = await sessionUserFor(h.db, 'province');
    const all = await csvLines(await exportResources(h.db, actorOf('province'), provUser, new URLSearchParams(`format=csv&q=${encodeURIComponent(`导出测试${t}`)}`)));
    expect(all).toHaveLength(3);
    expect((await audits('catalog_resource.export')).at(-1)).toMatchObject({ after: { format: 'csv', rows: 2 } });
    const bad = await exportResources(h.db, actorOf('province'), provUser, new URLSearchParams('format=pdf'));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ fieldErrors: { format: expect.any(Array) } });
  });

  it('the registration and conflict exports follow their filters', async () => {
    const provUser = await sessionUserFor(h.db, 'province');
    const regs = await csvLines(await exportRegistrations(h.db, actorOf('province'), provUser, new URLSearchParams('format=csv&kind=cancel')));
    expect(regs[0]).toMatch(/^登记编号,资源代码/);
    expect(regs.slice(1).every((l) => l.includes('注销登记'))).toBe(true);
    expect(regs.length).toBeGreaterThan(1);
    const conflicts = await csvLines(await exportConflicts(h.db, actorOf('province'), new URLSearchParams('format=csv&unresolved=true')));
    expect(conflicts[0]).toMatch(/^数据项,字段编码/);
    expect(conflicts.length).toBeGreaterThan(1);
    expect(conflicts.slice(1).every((l) => l.includes('未处理'))).toBe(true);
  });
});
