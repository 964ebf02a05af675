import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, campaigns, campaignTargets, evaluationFindings, evaluatorTargets, indicatorNodes, leafResolutions, rectificationOrders } from '@/db/schema';
import {
  aggregateLeaf, DEFAULT_GRADE_BANDS, gradeOf, rollup, vetoedBy, type IndicatorNode,
} from '@/server/domain/evaluation';
import { errorCode, failure, type TestDb } from '@/server/test/harness';
import { versionTree } from './campaign-tree';
import { NO_ID, openCampaignKit, seedCampaign, type Caller } from './evaluation-test-kit';
import { exportResultTable, exportTargetReport } from './result-export';
import { rollupCampaign } from './rollup';

/**
 * Results of a campaign (HN-22): the SQL roll-up against the pure reference, aggregation (mean,
 * trimmed mean), divergence and its resolution by the panel lead, confirmation (frozen results),
 * publication, each target's own result (only after publication, never an evaluator's name),
 * statistics, findings → rectification orders; every procedure's scoping.
 */
let h: TestDb;
let kit: Awaited<ReturnType<typeof openCampaignKit>>;
let anon: Caller, province: Caller, zz: Caller, operator: Caller, zzOperator: Caller, lyOperator: Caller, opB: Caller, agency: Caller;
let evA: Caller, evB: Caller, evX: Caller, jiaotong: Caller;

beforeAll(async () => {
  kit = await openCampaignKit();
  h = kit.h;
  ({ anon, province, zz, operator, zzOperator, lyOperator, opB, agency, evA, evB, evX, jiaotong } = kit.c);
}, 60_000);
afterAll(() => h.close());

/** Scores per evaluator a, b, c on the default tree (C1 /10, C2 /10, I2 /20, D2.I1 /100 veto < 60). */
type Sheet = Record<string, [number, number, number]>;
const HIGH: Sheet = { 'D1.I1.C1': [9, 9, 9], 'D1.I1.C2': [8, 8, 8], 'D1.I2': [18, 18, 18], 'D2.I1': [90, 90, 90] };

/**
 * A campaign of the province with the three operators (henan, zhengzhou, luoyang), panel ev_a (lead),
 * ev_b, ev_c, all declared clear and submitted, scored from `sheets` (per target index).
 */
async function seeded(status: 'scoring' | 'review' | 'published', sheets: Sheet[], o: Partial<Parameters<typeof seedCampaign>[1]> = {}) {
  const s = await seedCampaign(h.db, {
    ownerOrgId: kit.orgs.province, status, targetOrgIds: [kit.orgs.henanData, kit.orgs.zzData, kit.orgs.lyData],
    evaluatorUserIds: [kit.ev.a, kit.ev.b, kit.ev.c], coi: 'clear', submitted: true, aggregation: 'mean',
    scores: (t, e, leaf) => (sheets[t] ?? HIGH)[leaf.code]?.[e] ?? null, ...o,
  });
  const [henan, zhengzhou, luoyang] = s.targets.map((t) => t.id);
  return { ...s, henan, zhengzhou, luoyang };
}
const versionOfCampaign = async (id: string) => (await h.db.select({ v: campaigns.version }).from(campaigns).where(eq(campaigns.id, id)))[0].v;

/** A deterministic PRNG (mulberry32). */
function prng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the SQL roll-up equals the pure roll-up (server/domain/evaluation.ts)', () => {
  it.each([
    ['default tree (depth 3, a veto item), trimmed mean', undefined, 'trimmed' as const, 11],
    ['4 dimensions × 7 leaves, mean', { dimensions: 4, leavesPerDimension: 7 }, 'mean' as const, 23],
    ['3 dimensions × 6 leaves, trimmed mean, a veto item', { dimensions: 3, leavesPerDimension: 6 }, 'trimmed' as const, 37],
  ])('%s', async (_name, shape, aggregation, seed) => {
    const rnd = prng(seed);
    const s = await seedCampaign(h.db, {
      ownerOrgId: kit.orgs.province, status: 'review', targets: 8, evaluators: 6, coi: 'clear', submitted: true, aggregation, trimmedMin: 5, shape,
      // some leaves left unscored by some evaluators, scores with two decimals
      scores: (_t, _e, leaf) => (rnd() < 0.1 ? null : Math.round(rnd() * leaf.maxScore * 100) / 100),
    });
    if (shape) await h.db.update(indicatorNodes).set({ vetoBelow: 4 }).where(and(eq(indicatorNodes.versionId, s.versionId), eq(indicatorNodes.code, 'D1.L1')));
    // one evaluator declared a conflict on target 0, another did not submit target 1; the lead resolved a leaf of target 2
    await h.db.update(evaluatorTargets).set({ coi: 'conflict' }).where(and(eq(evaluatorTargets.targetId, s.targets[0].id), eq(evaluatorTargets.evaluatorUserId, s.evaluatorUserIds[1])));
    await h.db.update(evaluatorTargets).set({ submittedAt: null }).where(and(eq(evaluatorTargets.targetId, s.targets[1].id), eq(evaluatorTargets.evaluatorUserId, s.evaluatorUserIds[2])));
    await h.db.insert(leafResolutions).values({ targetId: s.targets[2].id, nodeCode: s.leaves[0].code, score: 1.5, reason: '组长认定', resolvedBy: s.evaluatorUserIds[0] });

    const nodes: IndicatorNode[] = (await versionTree(h.db, s.versionId)).map((n) => ({ ...n }));
    const { evaluationScores } = await import('@/db/schema');
    const scores = await h.db.select().from(evaluationScores);
    const ets = await h.db.select().from(evaluatorTargets);
    const counts = (t: string, e: string) => ets.some((x) => x.targetId === t && x.evaluatorUserId === e && x.coi === 'clear' && x.submittedAt);
    const sql = await rollupCampaign(h.db, { ...s.campaign });
    expect(sql).toHaveLength(8);
    const pureTotals: number[] = [];
    for (const t of s.targets) {
      const leafScores = new Map<string, number | null>();
      for (const l of s.leaves) {
        const xs = scores.filter((x) => x.targetId === t.id && x.nodeCode === l.code && counts(t.id, x.evaluatorUserId)).map((x) => x.score);
        leafScores.set(l.code, aggregateLeaf(xs, { aggregation, trimmedMin: 5 }));
      }
      if (t === s.targets[2]) leafScores.set(s.leaves[0].code, 1.5);
      const pure = rollup(nodes, leafScores);
      const vetoed = vetoedBy(nodes, leafScores).length > 0;
      const got = sql.find((r) => r.targetId === t.id)!;
      expect(got.total).toBeCloseTo(pure.total, 6);
      for (const d of nodes.filter((n) => n.parentCode === null)) expect(got.dimensionScores[d.code]).toBeCloseTo(pure.byCode.get(d.code)!, 6);
      expect(got.vetoed).toBe(vetoed);
      expect(got.grade).toBe(gradeOf(pure.total, DEFAULT_GRADE_BANDS, vetoed));
      pureTotals.push(pure.total);
    }
    // ranks: 1 = the highest total
    const best = s.targets[pureTotals.indexOf(Math.max(...pureTotals))].id;
    expect(sql.find((r) => r.rank === 1)?.targetId).toBe(best);
    expect(sql.map((r) => r.rank).sort((a, b) => a - b)[7]).toBeLessThanOrEqual(8);
  });
});

describe('overview: live results for the owner (and the province), scoped', () => {
  let s: Awaited<ReturnType<typeof seeded>>;
  beforeAll(async () => {
    // zhengzhou: C2 diverges (2 vs 9 of 10: range 7 > 30 %); luoyang: veto item below 60 despite a good total
    s = await seeded('scoring', [HIGH, { ...HIGH, 'D1.I1.C2': [2, 9, 8] }, { ...HIGH, 'D2.I1': [55, 58, 50] }]);
  });

  it('happy path: progress, totals, grades, ranks, divergent leaves; veto caps the grade', async () => {
    const o = await province.evaluation.overview({ campaignId: s.campaignId });
    expect(o.counts).toMatchObject({ targets: 3, fullySubmitted: 3, divergent: 1, unresolved: 1, unscored: 0 });
    const by = new Map(o.targets.map((t) => [t.id, t]));
    // henan: D1 = 0.5·(0.5·90 + 0.5·80) + 0.5·90 = 87.5; D2 = 90; total = 0.6·87.5 + 0.4·90 = 88.5
    expect(by.get(s.henan)?.result).toMatchObject({ total: 88.5, grade: 'good', vetoed: false, frozen: false, rank: 1 });
    expect(by.get(s.henan)?.evaluators).toEqual({ clear: 3, conflict: 0, pending: 0, submitted: 3 });
    expect(by.get(s.zhengzhou)).toMatchObject({ divergent: 1, unresolved: 1 });
    const ly = by.get(s.luoyang)!.result!;
    // luoyang's total is 0.6·87.5 + 0.4·54.33 = 74.23 (合格 by the bands) but the veto item caps it
    expect(ly.total).toBeCloseTo(74.233, 2);
    expect(ly).toMatchObject({ vetoed: true, grade: 'fail' });
    expect(o.canConfirm).toBe(false);
    expect(o.confirmBlockers.join()).toContain('复核');
    expect(o.dimensions.map((d) => d.code)).toEqual(['D1', 'D2']);
  });

  it('no session, wrong role, other org, bad input', async () => {
    expect(await errorCode(anon.evaluation.overview({ campaignId: s.campaignId }))).toBe('UNAUTHORIZED');
    for (const c of [operator, evA, jiaotong, agency]) expect(await errorCode(c.evaluation.overview({ campaignId: s.campaignId }))).toBe('FORBIDDEN');
    expect(await errorCode(zz.evaluation.overview({ campaignId: s.campaignId }))).toBe('NOT_FOUND');
    expect(await errorCode(province.evaluation.overview({ campaignId: NO_ID }))).toBe('NOT_FOUND');
    expect(await errorCode(province.evaluation.overview({ campaignId: 'x' }))).toBe('BAD_REQUEST');
  });

  it('blind scoring holds: an unsubmitted evaluator\'s scores count nowhere and show nowhere', async () => {
    const t = await seeded('scoring', [{ ...HIGH, 'D1.I1.C1': [1, 9, 10] }]);
    // ev_a (who gave 1) has not submitted henan yet
    await h.db.update(evaluatorTargets).set({ submittedAt: null }).where(and(eq(evaluatorTargets.targetId, t.henan), eq(evaluatorTargets.evaluatorUserId, kit.ev.a)));
    const o = await province.evaluation.overview({ campaignId: t.campaignId });
    const henan = o.targets.find((x) => x.id === t.henan)!;
    expect(henan.divergent).toBe(0); // 9 and 10 only
    const d = await province.evaluation.divergences({ campaignId: t.campaignId });
    expect(JSON.stringify(d)).not.toContain('"score":1,');
    // the lead, itself an evaluator, reads nothing of the others' scores before scoring closes
    expect(await failure(evA.evaluation.divergences({ campaignId: t.campaignId }))).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-22 ¶2' });
    // and no evaluator reaches the owner's overview, report or statistics
    expect(await errorCode(evB.evaluation.report({ targetId: t.henan }))).toBe('NOT_FOUND');
    expect(await errorCode(evB.evaluation.divergences({ campaignId: t.campaignId }))).toBe('NOT_FOUND');
  });
});

describe('aggregation through the router', () => {
  it('trimmed mean drops one highest and one lowest score from trimmedMin evaluators on; mean below', async () => {
    const five = await seedCampaign(h.db, {
      ownerOrgId: kit.orgs.province, status: 'review', targetOrgIds: [kit.orgs.henanData], evaluators: 5, coi: 'clear', submitted: true,
      aggregation: 'trimmed', trimmedMin: 5,
      scores: (_t, e, leaf) => (leaf.code === 'D1.I1.C1' ? [2, 4, 6, 7, 10][e] : leaf.maxScore),
    });
    const r = await province.evaluation.report({ targetId: five.targets[0].id });
    expect(r.leaves.find((l) => l.code === 'D1.I1.C1')?.score).toBeCloseTo((4 + 6 + 7) / 3, 2);
    const four = await seedCampaign(h.db, {
      ownerOrgId: kit.orgs.province, status: 'review', targetOrgIds: [kit.orgs.henanData], evaluators: 4, coi: 'clear', submitted: true,
      aggregation: 'trimmed', trimmedMin: 5,
      scores: (_t, e, leaf) => (leaf.code === 'D1.I1.C1' ? [2, 4, 6, 10][e] : leaf.maxScore),
    });
    expect((await province.evaluation.report({ targetId: four.targets[0].id })).leaves.find((l) => l.code === 'D1.I1.C1')?.score).toBeCloseTo(5.5, 2);
  });
});

describe('divergences and their resolution by the panel lead', () => {
  let s: Awaited<ReturnType<typeof seeded>>;
  beforeAll(async () => {
    s = await seeded('review', [HIGH, { ...HIGH, 'D1.I1.C2': [2, 9, 8], 'D1.I2': [15, 17, 18] }, HIGH]);
  });

  it('lists divergent leaves only, with each score and comment; names for the owner and the lead once scoring is closed', async () => {
    const d = await province.evaluation.divergences({ campaignId: s.campaignId });
    expect(d.items).toHaveLength(1);
    expect(d.items[0]).toMatchObject({ targetId: s.zhengzhou, nodeCode: 'D1.I1.C2', maxScore: 10, lo: 2, hi: 9, range: 7, resolution: null });
    expect(d.items[0].scores.map((x) => [x.name, x.score]).sort()).toEqual([['ev_a', 2], ['ev_b', 9], ['ev_c', 8]]);
    expect(d.canResolve).toBe(false);
    const lead = await evA.evaluation.divergences({ campaignId: s.campaignId });
    expect(lead.canResolve).toBe(true);
    expect(lead.items[0].scores.map((x) => x.name).sort()).toEqual(['ev_a', 'ev_b', 'ev_c']);
    // no evaluator id in the answer
    expect(JSON.stringify(lead)).not.toContain(kit.ev.b);
    // during scoring the owner sees them unnamed
    const scoring = await seeded('scoring', [{ ...HIGH, 'D1.I1.C1': [1, 9, 9] }]);
    const ds = await province.evaluation.divergences({ campaignId: scoring.campaignId });
    expect(ds.names).toBe(false);
    expect(ds.items[0].scores.every((x) => x.name === null && /^专家 \d$/.test(x.label))).toBe(true);
  });

  it('scoping: another evaluator, other org, no session, bad input', async () => {
    expect(await errorCode(evB.evaluation.divergences({ campaignId: s.campaignId }))).toBe('NOT_FOUND');
    expect(await errorCode(evX.evaluation.divergences({ campaignId: s.campaignId }))).toBe('NOT_FOUND');
    expect(await errorCode(zz.evaluation.divergences({ campaignId: s.campaignId }))).toBe('NOT_FOUND');
    expect(await errorCode(operator.evaluation.divergences({ campaignId: s.campaignId }))).toBe('NOT_FOUND');
    expect(await errorCode(jiaotong.evaluation.divergences({ campaignId: s.campaignId }))).toBe('FORBIDDEN');
    expect(await errorCode(anon.evaluation.divergences({ campaignId: s.campaignId }))).toBe('UNAUTHORIZED');
    expect(await errorCode(province.evaluation.divergences({ campaignId: 'nope' }))).toBe('BAD_REQUEST');
  });

  it('resolve: only the lead, in review, a score within 0…max, a reason; not a leaf without divergence', async () => {
    const ok = { targetId: s.zhengzhou, nodeCode: 'D1.I1.C2', score: 8, reason: '现场核查材料齐全' };
    expect(await errorCode(evB.evaluation.resolve(ok))).toBe('NOT_FOUND');
    expect(await errorCode(evX.evaluation.resolve(ok))).toBe('NOT_FOUND');
    expect(await errorCode(province.evaluation.resolve(ok))).toBe('FORBIDDEN');
    expect(await errorCode(operator.evaluation.resolve(ok))).toBe('FORBIDDEN');
    expect(await errorCode(anon.evaluation.resolve(ok))).toBe('UNAUTHORIZED');
    expect(await errorCode(evA.evaluation.resolve({ ...ok, targetId: NO_ID }))).toBe('NOT_FOUND');
    expect((await failure(evA.evaluation.resolve({ ...ok, score: 11 }))).fieldErrors.score).toBeDefined();
    expect((await failure(evA.evaluation.resolve({ ...ok, score: -1 }))).fieldErrors.score).toBeDefined();
    expect((await failure(evA.evaluation.resolve({ ...ok, reason: '好' }))).fieldErrors.reason).toBeDefined();
    expect((await failure(evA.evaluation.resolve({ ...ok, nodeCode: 'D1' }))).fieldErrors.nodeCode).toBeDefined();
    expect(await failure(evA.evaluation.resolve({ ...ok, nodeCode: 'D1.I2' }))).toMatchObject({ code: 'PRECONDITION_FAILED' });
    const before = await province.evaluation.report({ targetId: s.zhengzhou });
    expect(before.leaves.find((l) => l.code === 'D1.I1.C2')?.score).toBeCloseTo(19 / 3, 2);
    const r = await evA.evaluation.resolve(ok);
    expect(r).toMatchObject({ nodeCode: 'D1.I1.C2', score: 8, reason: '现场核查材料齐全' });
    const after = await province.evaluation.report({ targetId: s.zhengzhou });
    expect(after.leaves.find((l) => l.code === 'D1.I1.C2')).toMatchObject({ score: 8, resolved: true });
    const d = await province.evaluation.divergences({ campaignId: s.campaignId });
    expect(d.items[0].resolution).toMatchObject({ score: 8, reason: '现场核查材料齐全', by: 'ev_a' });
    expect((await province.evaluation.overview({ campaignId: s.campaignId })).counts.unresolved).toBe(0);
    const [a] = await h.db.select().from(auditLog).where(and(eq(auditLog.action, 'leaf_resolution.resolve'), eq(auditLog.entityId, s.zhengzhou)));
    expect(a).toMatchObject({ reason: '现场核查材料齐全' });
    expect(a.after).toMatchObject({ nodeCode: 'D1.I1.C2', score: 8 });
  });

  it('resolve outside review: precondition', async () => {
    const scoring = await seeded('scoring', [{ ...HIGH, 'D1.I1.C1': [1, 9, 9] }]);
    expect(await failure(evA.evaluation.resolve({ targetId: scoring.henan, nodeCode: 'D1.I1.C1', score: 8, reason: '认定理由' }))).toMatchObject({ code: 'PRECONDITION_FAILED' });
  });
});

describe('confirm and publish', () => {
  let s: Awaited<ReturnType<typeof seeded>>;
  beforeAll(async () => {
    s = await seeded('review', [HIGH, { ...HIGH, 'D1.I1.C2': [2, 9, 8] }, { ...HIGH, 'D2.I1': [55, 58, 50] }]);
  });

  it('refuses an unresolved divergence, then freezes every result; stale version, twice, scoping', async () => {
    const v = await versionOfCampaign(s.campaignId);
    expect(await failure(province.evaluation.confirm({ id: s.campaignId, version: v }))).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-22' });
    expect((await failure(province.evaluation.confirm({ id: s.campaignId, version: v }))).message).toContain('分歧');
    await evA.evaluation.resolve({ targetId: s.zhengzhou, nodeCode: 'D1.I1.C2', score: 8, reason: '组长认定' });
    expect(await errorCode(province.evaluation.confirm({ id: s.campaignId, version: v + 1 }))).toBe('CONFLICT');
    expect(await errorCode(zz.evaluation.confirm({ id: s.campaignId, version: v }))).toBe('NOT_FOUND');
    expect(await errorCode(provinceB().evaluation.confirm({ id: NO_ID, version: v }))).toBe('NOT_FOUND');
    expect(await errorCode(evA.evaluation.confirm({ id: s.campaignId, version: v }))).toBe('FORBIDDEN');
    expect(await errorCode(anon.evaluation.confirm({ id: s.campaignId, version: v }))).toBe('UNAUTHORIZED');
    expect(await errorCode(province.evaluation.confirm({ id: s.campaignId } as never))).toBe('BAD_REQUEST');
    // the stats wait for the confirmation
    expect(await failure(province.evaluation.stats({ campaignId: s.campaignId }))).toMatchObject({ code: 'PRECONDITION_FAILED' });
    const row = await province.evaluation.confirm({ id: s.campaignId, version: v });
    expect(row.confirmedAt).toBeInstanceOf(Date);
    expect(row.status).toBe('review');
    const frozen = await h.db.select().from(campaignTargets).where(eq(campaignTargets.campaignId, s.campaignId));
    const ly = frozen.find((t) => t.id === s.luoyang)!;
    expect(ly).toMatchObject({ grade: 'fail', vetoed: true, rank: 3 });
    expect(frozen.find((t) => t.id === s.henan)).toMatchObject({ total: 88.5, grade: 'good', vetoed: false, rank: 1 });
    expect(Object.keys(frozen[0].dimensionScores as object).sort()).toEqual(['D1', 'D2']);
    expect(await failure(province.evaluation.confirm({ id: s.campaignId, version: row.version }))).toMatchObject({ code: 'PRECONDITION_FAILED' });
    const [a] = await h.db.select().from(auditLog).where(and(eq(auditLog.action, 'campaign.confirm'), eq(auditLog.entityId, s.campaignId)));
    expect(a.after).toMatchObject({ targets: 3, grades: { good: 2, fail: 1 } });
    // frozen: a later change of the scores does not move the result
    const { evaluationScores } = await import('@/db/schema');
    await h.db.update(evaluationScores).set({ score: 0 }).where(eq(evaluationScores.targetId, s.henan));
    const o = await province.evaluation.overview({ campaignId: s.campaignId });
    expect(o.targets.find((t) => t.id === s.henan)?.result).toMatchObject({ total: 88.5, frozen: true });
    expect(o.canPublish).toBe(true);
  });

  it('stats after confirmation: grade distribution, mean per dimension, per region', async () => {
    const st = await province.evaluation.stats({ campaignId: s.campaignId });
    expect(st.grades).toEqual([{ grade: 'excellent', n: 0 }, { grade: 'good', n: 2 }, { grade: 'pass', n: 0 }, { grade: 'fail', n: 1 }]);
    expect(st.dimensions.find((d) => d.code === 'D2')?.mean).toBeCloseTo((90 + 90 + 163 / 3) / 3, 1);
    expect(st.regions.map((r) => r.regionCode).sort()).toEqual(['410000', '410100', '410300']);
    // named, for the charts and the table (regions table)
    expect(st.regions.find((r) => r.regionCode === '410100')?.regionName).toBe('郑州市');
    expect(await errorCode(zz.evaluation.stats({ campaignId: s.campaignId }))).toBe('NOT_FOUND');
    expect(await errorCode(operator.evaluation.stats({ campaignId: s.campaignId }))).toBe('FORBIDDEN');
    expect(await errorCode(anon.evaluation.stats({ campaignId: s.campaignId }))).toBe('UNAUTHORIZED');
    expect(await errorCode(province.evaluation.stats({ campaignId: '1' }))).toBe('BAD_REQUEST');
  });

  it('confirm refuses a target nobody submitted', async () => {
    const t = await seeded('review', [HIGH, HIGH, HIGH]);
    await h.db.update(evaluatorTargets).set({ submittedAt: null }).where(eq(evaluatorTargets.targetId, t.luoyang));
    const f = await failure(province.evaluation.confirm({ id: t.campaignId, version: await versionOfCampaign(t.campaignId) }));
    expect(f).toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(f.message).toContain('洛阳城市数据运营有限公司');
  });

  it('publish: only once confirmed, through the campaign machine; stale version; scoping', async () => {
    const t = await seeded('review', [HIGH, HIGH, HIGH]);
    expect(await failure(province.evaluation.publish({ id: t.campaignId, version: await versionOfCampaign(t.campaignId) }))).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-22' });
    const v = await versionOfCampaign(s.campaignId);
    expect(await errorCode(province.evaluation.publish({ id: s.campaignId, version: v - 1 }))).toBe('CONFLICT');
    expect(await errorCode(zz.evaluation.publish({ id: s.campaignId, version: v }))).toBe('NOT_FOUND');
    expect(await errorCode(operator.evaluation.publish({ id: s.campaignId, version: v }))).toBe('FORBIDDEN');
    expect(await errorCode(anon.evaluation.publish({ id: s.campaignId, version: v }))).toBe('UNAUTHORIZED');
    expect(await errorCode(province.evaluation.publish({ id: 'x', version: v }))).toBe('BAD_REQUEST');
    // before publication a target reads nothing
    expect(await failure(operator.evaluation.mine({ campaignId: s.campaignId }))).toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(await failure(operator.evaluation.report({ targetId: s.henan }))).toMatchObject({ code: 'PRECONDITION_FAILED' });
    const row = await province.evaluation.publish({ id: s.campaignId, version: v });
    expect(row).toMatchObject({ status: 'published' });
    expect(row.publishedAt).toBeInstanceOf(Date);
    const [a] = await h.db.select().from(auditLog).where(and(eq(auditLog.action, 'campaign.publish'), eq(auditLog.entityId, s.campaignId)));
    expect(a.after).toMatchObject({ status: 'published' });
  });

  it('mine: each target its own result only, after publication, without evaluator names or ids', async () => {
    const m = await operator.evaluation.mine({ campaignId: s.campaignId });
    expect(m.target).toMatchObject({ id: s.henan, orgName: '河南数据集团有限公司' });
    expect(m.result).toMatchObject({ total: 88.5, grade: 'good', vetoed: false, rank: null, targetCount: null });
    expect(m.dimensions.map((d) => [d.code, d.score])).toEqual([['D1', 87.5], ['D2', 90]]);
    const text = JSON.stringify(m);
    for (const name of ['ev_a', 'ev_b', 'ev_c', kit.ev.a, kit.ev.b, kit.ev.c]) expect(text).not.toContain(name);
    expect(text).not.toContain('郑州数据运营');
    const ly = await lyOperator.evaluation.mine({ campaignId: s.campaignId });
    expect(ly.result).toMatchObject({ grade: 'fail', vetoed: true });
    expect(ly.result?.vetoItems).toEqual(['整改按期完成']);
    // another target's report: NOT_FOUND; an operator outside the campaign: NOT_FOUND
    expect(await errorCode(operator.evaluation.report({ targetId: s.zhengzhou }))).toBe('NOT_FOUND');
    expect(await errorCode(agency.evaluation.mine({ campaignId: s.campaignId }))).toBe('NOT_FOUND');
    // a colleague of the same organization reads the same result
    expect((await opB.evaluation.mine({ campaignId: s.campaignId })).target.id).toBe(s.henan);
    expect(await errorCode(operator.evaluation.mine({ campaignId: NO_ID }))).toBe('NOT_FOUND');
    expect(await errorCode(province.evaluation.mine({ campaignId: s.campaignId }))).toBe('FORBIDDEN');
    expect(await errorCode(evA.evaluation.mine({ campaignId: s.campaignId }))).toBe('FORBIDDEN');
    expect(await errorCode(anon.evaluation.mine({ campaignId: s.campaignId }))).toBe('UNAUTHORIZED');
    expect(await errorCode(operator.evaluation.mine({ campaignId: 'x' }))).toBe('BAD_REQUEST');
    // the owner's report of the same target has the rank
    expect((await province.evaluation.report({ targetId: s.henan })).result).toMatchObject({ rank: 1, targetCount: 3 });
  });
  it('exports: the result table (owner) and a target\'s report (the target its own, once published), audited', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const read = async (res: Response) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      return wb;
    };
    const province = await kit.subject('province');
    const table = await exportResultTable(h.db, province.actor, province.user, s.campaignId);
    expect(table.status).toBe(200);
    const ws = (await read(table)).worksheets[0];
    expect(ws.getRow(1).values).toEqual(expect.arrayContaining(['排名', '评价对象', '总分', '等次', '一票否决']));
    expect(ws.getRow(2).getCell(2).value).toMatch(/河南数据集团|郑州数据运营/);
    expect(ws.getRow(4).values).toEqual(expect.arrayContaining([3, '洛阳城市数据运营有限公司', '不合格', '是']));
    const zzAdmin = await kit.subject('zhengzhou');
    expect((await exportResultTable(h.db, zzAdmin.actor, zzAdmin.user, s.campaignId)).status).toBe(404);
    const op = await kit.subject('operator');
    const mine = await exportTargetReport(h.db, op.actor, op.user, s.campaignId, s.henan);
    expect(mine.status).toBe(200);
    const wb = await read(mine);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['评价结果', '维度得分', '指标得分', '发现问题', '评审意见']);
    const text = JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()));
    for (const name of ['ev_a', 'ev_b', 'ev_c', '排名']) expect(text).not.toContain(name);
    expect((await exportTargetReport(h.db, op.actor, op.user, s.campaignId, s.zhengzhou)).status).toBe(404);
    expect((await exportTargetReport(h.db, op.actor, op.user, NO_ID, s.henan)).status).toBe(404);
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.action, 'campaign_target.report_export'));
    expect(audits.some((a) => a.entityId === s.henan)).toBe(true);
  });
});

describe('findings → rectification orders (HN-22 ¶2)', () => {
  let s: Awaited<ReturnType<typeof seeded>>;
  beforeAll(async () => {
    s = await seeded('review', [HIGH, HIGH, HIGH], {
      // comments to check they reach the target without names
      scores: (_t, e, leaf) => HIGH[leaf.code][e],
    });
  });

  it('addFinding / removeFinding: owner, in review or published; bad input; scoping', async () => {
    expect((await failure(province.evaluation.addFinding({ targetId: s.zhengzhou, body: '一' }))).fieldErrors.body).toBeDefined();
    expect((await failure(province.evaluation.addFinding({ targetId: s.zhengzhou, body: '指标不存在', nodeCode: 'D9' }))).fieldErrors.nodeCode).toBeDefined();
    expect(await errorCode(zz.evaluation.addFinding({ targetId: s.zhengzhou, body: '越权记录' }))).toBe('NOT_FOUND');
    expect(await errorCode(evA.evaluation.addFinding({ targetId: s.zhengzhou, body: '越权记录' }))).toBe('FORBIDDEN');
    expect(await errorCode(anon.evaluation.addFinding({ targetId: s.zhengzhou, body: '越权记录' }))).toBe('UNAUTHORIZED');
    const scoring = await seeded('scoring', [HIGH]);
    expect(await failure(province.evaluation.addFinding({ targetId: scoring.henan, body: '评分中记录' }))).toMatchObject({ code: 'PRECONDITION_FAILED' });
    const f = await province.evaluation.addFinding({ targetId: s.zhengzhou, nodeCode: 'D1.I1.C1', body: '季度报告两次逾期报送' });
    expect(f).toMatchObject({ nodeCode: 'D1.I1.C1', orderId: null });
    const tmp = await province.evaluation.addFinding({ targetId: s.zhengzhou, body: '临时记录' });
    expect(await errorCode(zz.evaluation.removeFinding({ id: tmp.id }))).toBe('NOT_FOUND');
    expect(await errorCode(province.evaluation.removeFinding({ id: NO_ID }))).toBe('NOT_FOUND');
    expect(await province.evaluation.removeFinding({ id: tmp.id })).toEqual({ id: tmp.id });
    const list = await province.evaluation.findings({ campaignId: s.campaignId });
    expect(list.map((x) => x.body)).toEqual(['季度报告两次逾期报送']);
    expect(list[0].orgName).toBe('郑州数据运营有限公司');
    expect(await errorCode(zz.evaluation.findings({ campaignId: s.campaignId }))).toBe('NOT_FOUND');
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.entityId, s.zhengzhou));
    expect(audits.map((x) => x.action)).toEqual(expect.arrayContaining(['evaluation_finding.add', 'evaluation_finding.remove']));
  });

  it('findingToOrder: one step, once; the leaf\'s article; scoping and bad input', async () => {
    const [f] = await h.db.select().from(evaluationFindings).where(eq(evaluationFindings.targetId, s.zhengzhou));
    const input = { id: f.id, deadlineKind: 'working_days' as const, deadlineAmount: 15 };
    expect(await errorCode(agency.evaluation.findingToOrder(input))).toBe('NOT_FOUND');
    expect(await errorCode(zz.evaluation.findingToOrder(input))).toBe('NOT_FOUND');
    expect(await errorCode(operator.evaluation.findingToOrder(input))).toBe('FORBIDDEN');
    expect(await errorCode(evA.evaluation.findingToOrder(input))).toBe('FORBIDDEN');
    expect(await errorCode(anon.evaluation.findingToOrder(input))).toBe('UNAUTHORIZED');
    expect((await failure(province.evaluation.findingToOrder({ ...input, deadlineAmount: 0 }))).fieldErrors.deadlineAmount).toBeDefined();
    expect((await failure(province.evaluation.findingToOrder({ ...input, article: 'XX-1' }))).fieldErrors.article).toBeDefined();
    const r = await province.evaluation.findingToOrder(input);
    const [order] = await h.db.select().from(rectificationOrders).where(eq(rectificationOrders.id, r.order.id));
    expect(order).toMatchObject({ source: 'evaluation', sourceRef: f.id, targetOrgId: kit.orgs.zzData, article: 'HN-22 ¶3', deadlineKind: 'working_days', deadlineAmount: 15, majorRisk: false });
    expect(order.findings).toEqual([{ text: '季度报告两次逾期报送' }]);
    expect(r.finding.orderId).toBe(order.id);
    expect(await failure(province.evaluation.findingToOrder(input))).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-22 ¶2' });
    expect(await failure(province.evaluation.removeFinding({ id: f.id }))).toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect((await h.db.select().from(rectificationOrders).where(eq(rectificationOrders.sourceRef, f.id)))).toHaveLength(1);
    const list = await province.evaluation.findings({ campaignId: s.campaignId });
    expect(list[0]).toMatchObject({ orderId: order.id, orderNo: order.no });
    // a finding without a leaf: HN-22 ¶2
    const g = await province.evaluation.addFinding({ targetId: s.luoyang, body: '安全管理制度不健全' });
    const r2 = await province.evaluation.findingToOrder({ id: g.id, deadlineKind: 'calendar_days', deadlineAmount: 30 });
    expect((await h.db.select().from(rectificationOrders).where(eq(rectificationOrders.id, r2.order.id)))[0].article).toBe('HN-22 ¶2');
    const [a] = await h.db.select().from(auditLog).where(and(eq(auditLog.action, 'evaluation_finding.to_order'), eq(auditLog.entityId, s.zhengzhou)));
    expect(a.after).toMatchObject({ finding: f.id, order: order.id });
  });

  it('the target sees its findings and the comments (no names) once published', async () => {
    await h.db.update(campaigns).set({ status: 'published', confirmedAt: new Date(), publishedAt: new Date() }).where(eq(campaigns.id, s.campaignId));
    const { evaluationScores } = await import('@/db/schema');
    await h.db.update(evaluationScores).set({ comment: '报告齐全,个别逾期' }).where(and(eq(evaluationScores.targetId, s.zhengzhou), eq(evaluationScores.nodeCode, 'D1.I1.C1')));
    const m = await zzOperator.evaluation.mine({ campaignId: s.campaignId });
    expect(m.findings.map((x) => x.body)).toEqual(['季度报告两次逾期报送']);
    expect(m.findings[0].orderNo).toBeTruthy();
    expect(m.comments).toEqual([{ nodeCode: 'D1.I1.C1', comment: '报告齐全,个别逾期' }, { nodeCode: 'D1.I1.C1', comment: '报告齐全,个别逾期' }, { nodeCode: 'D1.I1.C1', comment: '报告齐全,个别逾期' }]);
    expect(JSON.stringify(m)).not.toMatch(/ev_[abc]|createdBy/);
  });
});

function provinceB() {
  return kit.c.provinceB;
}
