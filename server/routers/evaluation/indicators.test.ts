import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, campaigns, indicatorNodes, indicatorSystems, indicatorVersions, selfAssessments } from '@/db/schema';
import { DEFAULT_GRADE_BANDS, type GradeBands, type RubricLevel } from '@/server/domain/evaluation';
import { errorCode, failure, type TestDb } from '@/server/test/harness';
import { NO_ID, openCampaignKit, seedCampaign, seedVersion, type Caller } from './evaluation-test-kit';
import type { NodeInput } from './indicator-schema';
import { exportSystems, exportVersion, NODE_COLUMNS, planIndicatorImport, versionWorkbook } from './indicator-xlsx';
import { getVersion, loadTree } from './indicators';

/**
 * 评价指标体系 (HN-22 ¶1 / ¶2) through the router on a seeded province: the province builds versioned
 * trees (weights summing to 100 per sibling group, at most 4 levels, veto items on leaves only), a
 * published version is frozen (campaigns keep scoring against it), xlsx export and import with a dry
 * run, and the field-level diff between versions. City authorities and evaluators read published
 * versions only; everyone else is refused.
 */
let h: TestDb;
let kit: Awaited<ReturnType<typeof openCampaignKit>>;
let anon: Caller, province: Caller, provinceB: Caller, zz: Caller, evA: Caller, operator: Caller, agency: Caller, jiaotong: Caller;

beforeAll(async () => {
  kit = await openCampaignKit();
  h = kit.h;
  ({ anon, province, provinceB, zz, evA, operator, agency, jiaotong } = kit.c);
}, 60_000);
afterAll(() => h.close());

let seq = 0;
const uniqueName = (p: string) => `${p}${Date.now().toString(36)}${++seq}`;
const rubric = (max = 100): RubricLevel[] => [
  { label: '好', min: max * 0.8, max, guidance: '材料齐全,执行到位' },
  { label: '中', min: max * 0.6, max: max * 0.8, guidance: '基本符合' },
  { label: '差', min: 0, max: max * 0.6, guidance: '' },
];
const leaf = (code: string, parentCode: string, weight: number, o: Partial<NodeInput> = {}): NodeInput => ({
  code, parentCode, name: `检查项 ${code}`, weight, maxScore: 100, rubric: rubric(), evidence: '相关制度和记录', article: 'HN-22 ¶2', vetoBelow: null, factKey: null, ...o,
});
const dim = (code: string, weight: number, o: Partial<NodeInput> = {}): NodeInput => ({ code, parentCode: null, name: `维度 ${code}`, weight, article: 'HN-22', ...o });

/** Two dimensions, three leaves: D1 (60) → D1.1 (50), D1.2 (50, reports_on_time); D2 (40) → D2.1 (100, veto below 60). */
function smallTree(): NodeInput[] {
  return [
    dim('D1', 60),
    leaf('D1.1', 'D1', 50),
    leaf('D1.2', 'D1', 50, { factKey: 'reports_on_time', article: 'HN-22 ¶3' }),
    dim('D2', 40),
    leaf('D2.1', 'D2', 100, { vetoBelow: 60, factKey: 'rectifications_closed' }),
  ];
}

/** A new system of the province with its draft v1 (saved with `nodes` unless null). */
async function newSystem(o: { kind?: 'agency' | 'operator'; nodes?: NodeInput[] | null; bands?: GradeBands } = {}) {
  const s = await province.indicator.createSystem({ targetKind: o.kind ?? 'operator', name: uniqueName('测试指标体系'), description: '单元测试' });
  const draft = (await province.indicator.get({ id: s.id })).versions[0];
  if (o.nodes === null) return { systemId: s.id, draftId: s.draftId, version: draft.version };
  const saved = await province.indicator.saveDraft({ id: s.draftId, version: draft.version, gradeBands: o.bands ?? DEFAULT_GRADE_BANDS, nodes: o.nodes ?? smallTree() });
  return { systemId: s.id, draftId: s.draftId, version: saved.version };
}
/** A system with v1 published from the small tree. */
async function publishedSystem(o: { kind?: 'agency' | 'operator' } = {}) {
  const s = await newSystem(o);
  await province.indicator.publish({ id: s.draftId, version: s.version, changeNote: null });
  return { systemId: s.systemId, v1: s.draftId };
}
const save = (id: string, version: number, nodes: NodeInput[], gradeBands: GradeBands = DEFAULT_GRADE_BANDS) => province.indicator.saveDraft({ id, version, gradeBands, nodes });
const versionOf = async (id: string) => (await h.db.select({ version: indicatorVersions.version }).from(indicatorVersions).where(eq(indicatorVersions.id, id)))[0].version;
const codesOf = async (versionId: string) => (await loadTree(h.db, versionId)).nodes.map((n) => n.code).sort();

async function xlsxBase64(rows: (string | number | null)[][], bands?: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('指标');
  ws.addRow([...NODE_COLUMNS]);
  for (const r of rows) ws.addRow(r);
  if (bands) {
    const b = wb.addWorksheet('等次分数线');
    b.addRow(['等次', '最低分*', '说明']);
    for (const r of bands) b.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('indicator.createSystem (HN-22 ¶1 / ¶2)', () => {
  it('the province creates a system with an empty draft v1 and the default grade bands; audited', async () => {
    const s = await province.indicator.createSystem({ targetKind: 'agency', name: uniqueName('实施机构评价'), description: null });
    const got = await province.indicator.get({ id: s.id });
    expect(got).toMatchObject({ targetKind: 'agency', article: 'HN-22 ¶1', publishedVersionNo: 0, draftId: s.draftId, canWrite: true, canCreateDraft: false });
    expect(got.versions).toHaveLength(1);
    expect(got.versions[0]).toMatchObject({ versionNo: 1, status: 'draft', gradeBands: DEFAULT_GRADE_BANDS, nodeCount: 0 });
    const [audit] = await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, s.id), eq(auditLog.action, 'indicator_system.create')));
    expect(audit.after).toMatchObject({ targetKind: 'agency', draft: 'v1' });
  });

  it('no session, wrong role, bad input, duplicate name of the same kind → CONFLICT on the name', async () => {
    const input = { targetKind: 'operator' as const, name: uniqueName('体系') };
    expect(await errorCode(anon.indicator.createSystem(input))).toBe('UNAUTHORIZED');
    for (const c of [zz, evA, operator, agency, jiaotong]) expect(await errorCode(c.indicator.createSystem(input))).toBe('FORBIDDEN');
    const bad = await failure(province.indicator.createSystem({ targetKind: 'nobody' as never, name: 'x' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['name', 'targetKind']);
    await province.indicator.createSystem(input);
    const dup = await failure(provinceB.indicator.createSystem(input));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.fieldErrors.name).toEqual(['同类评价对象已有同名的指标体系']);
    // the same name for the other kind is another system
    expect(await errorCode(province.indicator.createSystem({ ...input, targetKind: 'agency' }))).toBe('OK');
  });
});

describe('indicator.list / get / version / publishedVersions', () => {
  let pub: Awaited<ReturnType<typeof publishedSystem>>;
  let hidden: Awaited<ReturnType<typeof newSystem>>;
  beforeAll(async () => {
    pub = await publishedSystem({ kind: 'agency' });
    hidden = await newSystem();
  });

  it('list: the province sees every system with its draft; filters by kind and text; leaf count', async () => {
    const all = await province.indicator.list({ limit: 200 });
    const ids = all.items.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([pub.systemId, hidden.systemId]));
    const h1 = all.items.find((r) => r.id === hidden.systemId)!;
    expect(h1).toMatchObject({ publishedVersionNo: 0, draftVersionNo: 1, leafCount: 3 });
    const p1 = all.items.find((r) => r.id === pub.systemId)!;
    expect(p1).toMatchObject({ publishedVersionNo: 1, publishedVersionId: pub.v1, draftVersionId: null, leafCount: 3 });
    const agencies = await province.indicator.list({ limit: 200, targetKind: 'agency' });
    expect(agencies.items.every((r) => r.targetKind === 'agency')).toBe(true);
    expect(agencies.items.map((r) => r.id)).toContain(pub.systemId);
    const byName = await province.indicator.list({ limit: 200, q: h1.name });
    expect(byName.items.map((r) => r.id)).toEqual([hidden.systemId]);
    const sorted = await province.indicator.list({ limit: 200, sort: 'name', dir: 'asc' });
    const names = sorted.items.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('list: readers see published systems only, never a draft; others are refused; bad input', async () => {
    for (const c of [zz, evA]) {
      const page = await c.indicator.list({ limit: 200 });
      expect(page.items.map((r) => r.id)).toContain(pub.systemId);
      expect(page.items.map((r) => r.id)).not.toContain(hidden.systemId);
      expect(page.items.every((r) => r.draftVersionId === null)).toBe(true);
    }
    expect(await errorCode(anon.indicator.list({}))).toBe('UNAUTHORIZED');
    for (const c of [operator, agency, jiaotong]) expect(await errorCode(c.indicator.list({}))).toBe('FORBIDDEN');
    const bad = await failure(province.indicator.list({ q: 'x'.repeat(51) }));
    expect(bad).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { q: ['搜索词至多 50 个字'] } });
  });

  it('get / version: a draft only for the province; a never-published system is NOT_FOUND to readers', async () => {
    const v = await province.indicator.version({ id: hidden.draftId });
    expect(v.canEdit).toBe(true);
    expect(v.nodes.map((n) => n.code)).toEqual(['D1', 'D1.1', 'D1.2', 'D2', 'D2.1']);
    expect(v.nodes.find((n) => n.code === 'D1')).toMatchObject({ maxScore: null, rubric: null, depth: 1 });
    expect(v.nodes.find((n) => n.code === 'D2.1')).toMatchObject({ vetoBelow: 60, factKey: 'rectifications_closed', depth: 2 });
    expect(await errorCode(zz.indicator.get({ id: hidden.systemId }))).toBe('NOT_FOUND');
    expect(await errorCode(evA.indicator.version({ id: hidden.draftId }))).toBe('NOT_FOUND');
    const r = await zz.indicator.get({ id: pub.systemId });
    expect(r.versions.map((x) => x.status)).toEqual(['published']);
    expect(r).toMatchObject({ canWrite: false, canCreateDraft: false });
    expect(r.timeline.events).toEqual([]);
    expect((await evA.indicator.version({ id: pub.v1 })).canEdit).toBe(false);
    expect((await province.indicator.version({ id: pub.v1 })).canEdit).toBe(false);
    expect(await errorCode(province.indicator.get({ id: NO_ID }))).toBe('NOT_FOUND');
    expect(await errorCode(province.indicator.version({ id: NO_ID }))).toBe('NOT_FOUND');
    expect(await errorCode(anon.indicator.get({ id: pub.systemId }))).toBe('UNAUTHORIZED');
    expect(await errorCode(operator.indicator.version({ id: pub.v1 }))).toBe('FORBIDDEN');
    expect(await errorCode(province.indicator.get({ id: 'nope' }))).toBe('BAD_REQUEST');
  });

  it('publishedVersions: the published versions of one kind, for the campaign form', async () => {
    const agencies = await zz.indicator.publishedVersions({ targetKind: 'agency' });
    expect(agencies.map((v) => v.id)).toContain(pub.v1);
    expect(agencies.find((v) => v.id === pub.v1)).toMatchObject({ versionNo: 1, latest: true, leafCount: 3 });
    expect(agencies.map((v) => v.id)).not.toContain(hidden.draftId);
    expect((await province.indicator.publishedVersions({ targetKind: 'operator' })).map((v) => v.id)).not.toContain(pub.v1);
    expect(await errorCode(anon.indicator.publishedVersions({ targetKind: 'agency' }))).toBe('UNAUTHORIZED');
    expect(await errorCode(jiaotong.indicator.publishedVersions({ targetKind: 'agency' }))).toBe('FORBIDDEN');
    expect((await failure(province.indicator.publishedVersions({ targetKind: 'x' as never }))).fieldErrors.targetKind).toEqual(['请选择评价对象类型']);
  });
});

describe('indicator.saveDraft: the tree\'s rules, each error on its node and field', () => {
  it('happy path: the tree is normalized (leaf-only fields cleared on inner nodes), the version bumps, audited', async () => {
    const s = await newSystem({ nodes: null });
    const nodes = smallTree();
    nodes[0] = { ...nodes[0], maxScore: 50, rubric: rubric(50), evidence: '无意义' };
    const saved = await save(s.draftId, s.version, nodes, { excellent: 85, good: 75, pass: 55 });
    expect(saved.version).toBe(s.version + 1);
    expect(saved.gradeBands).toEqual({ excellent: 85, good: 75, pass: 55 });
    const v = await province.indicator.version({ id: s.draftId });
    expect(v.nodes.find((n) => n.code === 'D1')).toMatchObject({ maxScore: null, rubric: null, evidence: null });
    expect(v.nodes.filter((n) => n.parentCode === 'D1').map((n) => [n.code, n.seq])).toEqual([['D1.1', 1], ['D1.2', 2]]);
    const [audit] = await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, s.draftId), eq(auditLog.action, 'indicator_version.update')));
    expect(audit.after).toMatchObject({ nodes: 5, added: ['D1', 'D1.1', 'D1.2', 'D2', 'D2.1'] });
  });

  it('sibling weights must sum to 100: the error is on every sibling of the group, nothing written', async () => {
    const s = await newSystem();
    const nodes = smallTree().map((n) => (n.code === 'D1.2' ? { ...n, weight: 40 } : n));
    const bad = await failure(save(s.draftId, s.version, nodes));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['nodes.D1.1.weight', 'nodes.D1.2.weight']);
    expect(bad.fieldErrors['nodes.D1.1.weight'][0]).toContain('权重之和应为 100,现为 90');
    // the dimensions too
    const dims = await failure(save(s.draftId, s.version, smallTree().map((n) => (n.code === 'D2' ? { ...n, weight: 30 } : n))));
    expect(Object.keys(dims.fieldErrors).sort()).toEqual(['nodes.D1.weight', 'nodes.D2.weight']);
    expect(await versionOf(s.draftId)).toBe(s.version);
    expect((await province.indicator.version({ id: s.draftId })).nodes.find((n) => n.code === 'D1.2')?.weight).toBe(50);
  });

  it('depth above 4 is refused on the deepest node; a veto line or fact only on a leaf; rubric and bands checked', async () => {
    const s = await newSystem();
    const deep: NodeInput[] = [
      dim('D1', 100),
      { code: 'D1.1', parentCode: 'D1', name: '二级', weight: 100 },
      { code: 'D1.1.1', parentCode: 'D1.1', name: '三级', weight: 100 },
      { code: 'D1.1.1.1', parentCode: 'D1.1.1', name: '四级', weight: 100 },
      leaf('D1.1.1.1.1', 'D1.1.1.1', 100),
    ];
    const tooDeep = await failure(save(s.draftId, s.version, deep));
    expect(tooDeep.fieldErrors).toEqual({ 'nodes.D1.1.1.1.1.parentCode': ['指标层级不能超过 4 级'] });
    // four levels are fine
    expect(await errorCode(save(s.draftId, s.version, deep.slice(0, 3).concat(leaf('D1.1.1.1', 'D1.1.1', 100))))).toBe('OK');
    const v = await versionOf(s.draftId);
    const vetoOnInner = await failure(save(s.draftId, v, smallTree().map((n) => (n.code === 'D1' ? { ...n, vetoBelow: 60, factKey: 'plan_filed' } : n))));
    expect(vetoOnInner.fieldErrors).toEqual({ 'nodes.D1.vetoBelow': ['一票否决只能设在末级检查项上'], 'nodes.D1.factKey': ['预填事实只能设在末级检查项上'] });
    const other = await failure(save(s.draftId, v, smallTree().map((n) => (n.code === 'D1.1' ? { ...n, rubric: [], vetoBelow: 120, article: 'HN-99' } : n)), { excellent: 80, good: 85, pass: 60 }));
    expect(Object.keys(other.fieldErrors).sort()).toEqual(['gradeBands', 'nodes.D1.1.article', 'nodes.D1.1.rubric', 'nodes.D1.1.vetoBelow']);
    // duplicate codes and a missing parent
    const dup = await failure(save(s.draftId, v, [...smallTree(), leaf('D2.1', 'D2', 100), leaf('X.1', 'X', 100)]));
    expect(dup.fieldErrors['nodes.D2.1.code']?.[0]).toContain('重复');
    expect(dup.fieldErrors['nodes.X.1.parentCode']).toEqual(['上级指标 X 不存在']);
    // zod shape: a weight that is not a number
    expect((await failure(save(s.draftId, v, [{ ...dim('D1', 100), weight: 'x' as never }]))).code).toBe('BAD_REQUEST');
  });

  it('stale version → CONFLICT; a published version cannot be saved; no session; wrong role; readers → FORBIDDEN', async () => {
    const s = await newSystem();
    expect(await errorCode(save(s.draftId, s.version - 1, smallTree()))).toBe('CONFLICT');
    const input = { id: s.draftId, version: s.version, gradeBands: DEFAULT_GRADE_BANDS, nodes: smallTree() };
    expect(await errorCode(anon.indicator.saveDraft(input))).toBe('UNAUTHORIZED');
    for (const c of [zz, evA, operator]) expect(await errorCode(c.indicator.saveDraft(input))).toBe('FORBIDDEN');
    expect(await errorCode(province.indicator.saveDraft({ ...input, id: NO_ID }))).toBe('NOT_FOUND');
    const p = await publishedSystem();
    const frozen = await failure(save(p.v1, await versionOf(p.v1), smallTree()));
    expect(frozen).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-22 ¶1' });
  });
});

describe('indicator.createDraft / publish / discardDraft', () => {
  it('publish v1 (change note optional), then a draft copied from it; one draft per system', async () => {
    const s = await newSystem();
    const pub = await province.indicator.publish({ id: s.draftId, version: s.version, changeNote: null });
    expect(pub).toMatchObject({ status: 'published', publishedAt: expect.any(Date) });
    const [sys] = await h.db.select().from(indicatorSystems).where(eq(indicatorSystems.id, s.systemId));
    expect(sys.publishedVersionNo).toBe(1);
    const d = await province.indicator.createDraft({ systemId: s.systemId });
    expect(d).toMatchObject({ versionNo: 2, status: 'draft' });
    expect(await codesOf(d.id)).toEqual(await codesOf(s.draftId));
    const again = await failure(province.indicator.createDraft({ systemId: s.systemId }));
    expect(again.code).toBe('PRECONDITION_FAILED');
    expect(again.message).toContain('已有草稿版本 v2');
    expect(await errorCode(province.indicator.createDraft({ systemId: NO_ID }))).toBe('NOT_FOUND');
    expect(await errorCode(anon.indicator.createDraft({ systemId: s.systemId }))).toBe('UNAUTHORIZED');
    expect(await errorCode(zz.indicator.createDraft({ systemId: s.systemId }))).toBe('FORBIDDEN');
    expect(await errorCode(province.indicator.createDraft({ systemId: 'x' }))).toBe('BAD_REQUEST');

    // v2 needs a change note; stale → CONFLICT; then published; publishing again is refused
    const noNote = await failure(province.indicator.publish({ id: d.id, version: d.version, changeNote: ' ' }));
    expect(noNote).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { changeNote: ['请填写本版本修订了什么(v1 之后的版本必填)'] } });
    expect(await errorCode(province.indicator.publish({ id: d.id, version: d.version + 5, changeNote: '调整' }))).toBe('CONFLICT');
    expect(await errorCode(anon.indicator.publish({ id: d.id, version: d.version, changeNote: '调整' }))).toBe('UNAUTHORIZED');
    expect(await errorCode(evA.indicator.publish({ id: d.id, version: d.version, changeNote: '调整' }))).toBe('FORBIDDEN');
    const p2 = await province.indicator.publish({ id: d.id, version: d.version, changeNote: '调整权重' });
    expect(p2).toMatchObject({ status: 'published', changeNote: '调整权重' });
    expect((await failure(province.indicator.publish({ id: d.id, version: p2.version, changeNote: 'x' }))).code).toBe('PRECONDITION_FAILED');
    const list = await zz.indicator.get({ id: s.systemId });
    expect(list.versions.map((v) => [v.versionNo, v.status])).toEqual([[2, 'published'], [1, 'published']]);
    expect(list.publishedVersionNo).toBe(2);
  });

  it('an empty or invalid draft cannot be published', async () => {
    const s = await newSystem({ nodes: null });
    const empty = await failure(province.indicator.publish({ id: s.draftId, version: s.version, changeNote: null }));
    expect(empty).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-22 ¶1' });
    expect(empty.message).toContain('至少需要一个维度');
  });

  it('discard: the draft and its nodes go; a published version never; stale → CONFLICT', async () => {
    const p = await publishedSystem();
    const d = await province.indicator.createDraft({ systemId: p.systemId });
    expect(await errorCode(province.indicator.discardDraft({ id: d.id, version: d.version + 1 }))).toBe('CONFLICT');
    expect(await errorCode(anon.indicator.discardDraft({ id: d.id, version: d.version }))).toBe('UNAUTHORIZED');
    expect(await errorCode(zz.indicator.discardDraft({ id: d.id, version: d.version }))).toBe('FORBIDDEN');
    expect(await errorCode(province.indicator.discardDraft({ id: d.id, version: 'x' as never }))).toBe('BAD_REQUEST');
    await province.indicator.discardDraft({ id: d.id, version: d.version });
    expect(await h.db.select().from(indicatorNodes).where(eq(indicatorNodes.versionId, d.id))).toEqual([]);
    expect(await errorCode(province.indicator.version({ id: d.id }))).toBe('NOT_FOUND');
    expect((await failure(province.indicator.discardDraft({ id: p.v1, version: await versionOf(p.v1) }))).code).toBe('PRECONDITION_FAILED');
    // and a new draft may be made again
    expect((await province.indicator.createDraft({ systemId: p.systemId })).versionNo).toBe(2);
  });
});

describe('a frozen campaign does not change when the system is edited (HN-22)', () => {
  it('new version with other weights and a leaf removed: the campaign keeps v1, its tree and its targets\' leaves', async () => {
    const p = await publishedSystem();
    const seeded = await seedCampaign(h.db, { ownerOrgId: kit.orgs.province, versionId: p.v1, status: 'self_assessment', targets: 2, evaluators: 1 });
    const before = await loadTree(h.db, p.v1);
    const d = await province.indicator.createDraft({ systemId: p.systemId });
    // D1.2 removed, D1.1 takes all of D1; the dimensions re-weighted
    const edited = smallTree().filter((n) => n.code !== 'D1.2').map((n) => (n.code === 'D1.1' ? { ...n, weight: 100 } : n.code === 'D1' ? { ...n, weight: 70 } : n.code === 'D2' ? { ...n, weight: 30 } : n));
    const saved = await save(d.id, d.version, edited);
    await province.indicator.publish({ id: d.id, version: saved.version, changeNote: '删除 D1.2,调整维度权重' });

    const [c] = await h.db.select().from(campaigns).where(eq(campaigns.id, seeded.campaignId));
    expect(c.versionId).toBe(p.v1);
    const after = await loadTree(h.db, p.v1);
    expect(after.nodes.map(({ id: _i, ...n }) => n)).toEqual(before.nodes.map(({ id: _i, ...n }) => n));
    expect(after.version.status).toBe('published');
    expect((await province.campaign.get({ id: seeded.campaignId })).versionNo).toBe(1);
    for (const t of seeded.targets) {
      const rows = await h.db.select({ code: selfAssessments.nodeCode }).from(selfAssessments).where(eq(selfAssessments.targetId, t.id));
      expect(rows.map((r) => r.code).sort()).toEqual(['D1.1', 'D1.2', 'D2.1']);
    }
    // the new version is what the system now offers
    expect(await codesOf(d.id)).toEqual(['D1', 'D1.1', 'D2', 'D2.1']);
    const offered = await province.indicator.publishedVersions({ targetKind: 'operator' });
    expect(offered.find((v) => v.id === d.id)).toMatchObject({ latest: true, leafCount: 2 });
    expect(offered.find((v) => v.id === p.v1)).toMatchObject({ latest: false, leafCount: 3 });
  });
});

describe('xlsx: export, dry run, import', () => {
  it('export → import round trip: no problems and the same nodes (seeded tree with veto, facts, rubric escapes)', async () => {
    const p = await publishedSystem();
    const d = await province.indicator.createDraft({ systemId: p.systemId });
    const tricky = smallTree().map((n) => (n.code === 'D1.1' ? { ...n, name: '=SUM(A1) 不是公式', rubric: [{ label: '优:好', min: 90, max: 100, guidance: '制度|流程齐全' }, { label: '差', min: 0, max: 60, guidance: '' }] } : n));
    const saved = await save(d.id, d.version, tricky, { excellent: 92, good: 81, pass: 61 });
    const tree = await getVersion(h.db, (await kit.subject('province')).user, d.id);
    const b64 = (await versionWorkbook(tree)).toString('base64');
    const plan = await planIndicatorImport(b64, { nodes: tree.nodes, gradeBands: tree.version.gradeBands });
    expect(plan.problems).toEqual([]);
    expect(plan.gradeBands).toEqual({ excellent: 92, good: 81, pass: 61 });
    expect(plan.summary).toMatchObject({ nodes: 5, dimensions: 2, leaves: 3, added: 0, removed: 0, changed: 0, bandsChanged: false });
    const pick = (n: NodeInput) => ({ code: n.code, parentCode: n.parentCode, name: n.name, weight: n.weight, maxScore: n.maxScore ?? null, rubric: n.rubric ?? null, evidence: n.evidence ?? null, article: n.article ?? null, vetoBelow: n.vetoBelow ?? null, factKey: n.factKey ?? null });
    expect(plan.nodes.map(pick)).toEqual(tree.nodes.map((n) => pick(n as NodeInput)));

    // through the router: the dry run on the draft, then the import (audited), stale → CONFLICT
    const dry = await province.indicator.importDryRun({ id: d.id, xlsxBase64: b64 });
    expect(dry.problems).toEqual([]);
    expect(dry.summary.nodes).toBe(5);
    expect(await errorCode(province.indicator.importApply({ id: d.id, version: saved.version - 1, xlsxBase64: b64 }))).toBe('CONFLICT');
    const applied = await province.indicator.importApply({ id: d.id, version: saved.version, xlsxBase64: b64 });
    expect(applied).toMatchObject({ version: saved.version + 1, summary: { nodes: 5 } });
    expect(await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, d.id), eq(auditLog.action, 'indicator_version.import')))).toHaveLength(1);
    // a published version takes no import
    expect((await failure(province.indicator.importDryRun({ id: p.v1, xlsxBase64: b64 }))).code).toBe('PRECONDITION_FAILED');
    expect((await failure(province.indicator.importApply({ id: p.v1, version: await versionOf(p.v1), xlsxBase64: b64 }))).code).toBe('PRECONDITION_FAILED');
    expect(await errorCode(anon.indicator.importDryRun({ id: d.id, xlsxBase64: b64 }))).toBe('UNAUTHORIZED');
    expect(await errorCode(zz.indicator.importDryRun({ id: d.id, xlsxBase64: b64 }))).toBe('FORBIDDEN');
    expect(await errorCode(evA.indicator.importApply({ id: d.id, version: 1, xlsxBase64: b64 }))).toBe('FORBIDDEN');
    expect(await errorCode(province.indicator.importDryRun({ id: NO_ID, xlsxBase64: b64 }))).toBe('NOT_FOUND');
  });

  it('dry run of a broken file: each problem by sheet, row and column; nothing written; the import is refused', async () => {
    const s = await newSystem();
    const b64 = await xlsxBase64([
      ['D1', null, 1, '维度一', 60, null, null, null, 'HN-22', null, null],
      ['D1.1', 'D1', 2, '检查项一', 'abc', 100, '好:80-100|差:0-80', null, 'HN-22 ¶2', null, null],
      ['D1', null, 1, '重复的维度', 40, null, null, null, null, null, null],
      ['D2.1', 'DX', 2, '上级不存在', 100, 100, '好:80-100', null, null, null, null],
      ['D1.2', 'D1', 3, '层级写错', 100, 100, '好:abc', null, 'HN-999', null, '不存在的事实'],
    ], [['优秀', 90, null], ['良好', '八十', null], ['合格', 60, null]]);
    const dry = await province.indicator.importDryRun({ id: s.draftId, xlsxBase64: b64 });
    const at = (row: number, column: string) => dry.problems.filter((p) => p.sheet === '指标' && p.row === row && p.column === column).map((p) => p.message);
    expect(at(3, '权重')).toEqual(['“abc”不是数字']);
    expect(at(4, '编码')[0]).toContain('与第 2 行重复');
    expect(at(5, '上级编码')).toEqual(['上级指标 DX 不存在']);
    expect(at(6, '评分标准')).toHaveLength(1);
    expect(at(6, '依据条款')[0]).toContain('HN-999');
    expect(at(6, '预填事实')[0]).toContain('未知的预填事实');
    expect(at(6, '层级')).toEqual(['层级应为 2(由上级编码推算)']);
    expect(dry.problems.filter((p) => p.sheet === '等次分数线')).toEqual([{ sheet: '等次分数线', row: 3, column: '最低分', message: '“八十”不是数字' }]);
    expect(dry.summary.problems).toBe(dry.problems.length);
    const version = await versionOf(s.draftId);
    expect((await failure(province.indicator.importApply({ id: s.draftId, version, xlsxBase64: b64 }))).code).toBe('PRECONDITION_FAILED');
    expect(await versionOf(s.draftId)).toBe(version);
    expect(await codesOf(s.draftId)).toEqual(['D1', 'D1.1', 'D1.2', 'D2', 'D2.1']);
    // not a workbook, or without the 指标 sheet: an error on the file field
    expect((await failure(province.indicator.importDryRun({ id: s.draftId, xlsxBase64: Buffer.from('not xlsx').toString('base64') }))).fieldErrors.xlsxBase64).toBeDefined();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('别的');
    const other = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    expect((await failure(province.indicator.importDryRun({ id: s.draftId, xlsxBase64: other }))).fieldErrors.xlsxBase64?.[0]).toContain('没有「指标」工作表');
    expect((await failure(province.indicator.importDryRun({ id: s.draftId, xlsxBase64: '' }))).fieldErrors.xlsxBase64).toEqual(['请选择文件']);
  });

  it('route exports: a version as xlsx (a draft NOT_FOUND to readers), the list with its filters; audited', async () => {
    const p = await publishedSystem();
    const hidden = await newSystem();
    const prov = await kit.subject('province');
    const res = await exportVersion(h.db, prov.actor, prov.user, p.v1);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['指标', '等次分数线', '说明']);
    expect(wb.getWorksheet('指标')!.rowCount).toBe(6);
    const reader = await kit.subject('ev_a');
    expect((await exportVersion(h.db, reader.actor, reader.user, hidden.draftId)).status).toBe(404);
    expect((await exportVersion(h.db, prov.actor, prov.user, NO_ID)).status).toBe(404);
    const list = await exportSystems(h.db, prov.actor, prov.user, new URLSearchParams({ format: 'csv', targetKind: 'operator' }));
    expect(list.status).toBe(200);
    const text = await list.text();
    expect(text).toContain('一级开发主体');
    expect(text).not.toContain('实施机构(HN-22 ¶1)');
    const audits = await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, p.v1), eq(auditLog.action, 'indicator_version.export')));
    expect(audits).toHaveLength(1);
  });
});

describe('indicator.diff: added, removed, changed nodes field by field, and the bands', () => {
  it('lists what changed between two versions of one system', async () => {
    const p = await publishedSystem();
    const d = await province.indicator.createDraft({ systemId: p.systemId });
    const next = smallTree()
      .filter((n) => n.code !== 'D1.2')
      .map((n) => (n.code === 'D1.1' ? { ...n, weight: 100, name: '改名的检查项' } : n))
      .concat(leaf('D2.2', 'D2', 50))
      .map((n) => (n.code === 'D2.1' ? { ...n, weight: 50, vetoBelow: null } : n));
    await save(d.id, d.version, next, { excellent: 95, good: 80, pass: 60 });
    const diff = await province.indicator.diff({ fromId: p.v1, toId: d.id });
    expect(diff.from).toMatchObject({ versionNo: 1, status: 'published' });
    expect(diff.to).toMatchObject({ versionNo: 2, status: 'draft' });
    const by = Object.fromEntries(diff.nodes.map((n) => [n.code, n]));
    expect(Object.keys(by).sort()).toEqual(['D1.1', 'D1.2', 'D2.1', 'D2.2']);
    expect(by['D1.2'].change).toBe('removed');
    expect(by['D2.2'].change).toBe('added');
    expect(by['D1.1']).toMatchObject({ change: 'changed', fields: [{ field: 'name', before: '检查项 D1.1', after: '改名的检查项' }, { field: 'weight', before: 50, after: 100 }] });
    expect(by['D2.1'].fields).toEqual([{ field: 'weight', before: 100, after: 50 }, { field: 'vetoBelow', before: 60, after: null }]);
    expect(diff.bands).toEqual([{ field: 'excellent', before: 90, after: 95 }]);
    // readers do not compare with a draft; two systems cannot be compared
    expect(await errorCode(zz.indicator.diff({ fromId: p.v1, toId: d.id }))).toBe('NOT_FOUND');
    const other = await publishedSystem();
    const cross = await failure(province.indicator.diff({ fromId: p.v1, toId: other.v1 }));
    expect(cross).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { toId: ['只能比较同一指标体系的两个版本'] } });
    expect(await errorCode(anon.indicator.diff({ fromId: p.v1, toId: d.id }))).toBe('UNAUTHORIZED');
    expect(await errorCode(operator.indicator.diff({ fromId: p.v1, toId: d.id }))).toBe('FORBIDDEN');
    expect((await failure(province.indicator.diff({ fromId: 'x', toId: d.id }))).fieldErrors.fromId).toEqual(['请选择版本']);
  });

  it('the seeded default systems are published v1 for both kinds and valid trees', async () => {
    for (const kind of ['agency', 'operator'] as const) {
      const [v] = await province.indicator.publishedVersions({ targetKind: kind });
      expect(v).toBeDefined();
      const tree = await province.indicator.version({ id: v.id });
      expect(tree.version.status).toBe('published');
      expect(tree.nodes.length).toBeGreaterThan(10);
    }
    // the test kit's direct inserts make a tree the router reads the same way
    const seeded = await seedVersion(h.db, { kind: 'agency' });
    expect((await province.indicator.version({ id: seeded.versionId })).nodes.map((n) => n.code)).toEqual(['D1', 'D1.I1', 'D1.I1.C1', 'D1.I1.C2', 'D1.I2', 'D2', 'D2.I1']);
  });
});
