import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, campaigns, evaluationScores, inboxItems } from '@/db/schema';
import { errorCode, failure, type TestDb } from '@/server/test/harness';
import { campaignInput, NO_ID, openCampaignKit, seedCampaign, seedVersion, type Caller } from './evaluation-test-kit';

/**
 * The panel's work (HN-22): conflicts of interest declared per target before it opens (a declared
 * conflict removes the evaluator from the target), and blind scoring — no evaluator reads another
 * evaluator's score of a target, through any procedure, before it has submitted that target
 * itself, and then only the others' submitted scores; targets never see scores.
 */
let h: TestDb;
let kit: Awaited<ReturnType<typeof openCampaignKit>>;
let anon: Caller, province: Caller, zz: Caller, operator: Caller, zzOperator: Caller, lyOperator: Caller, evA: Caller, evB: Caller, evC: Caller, evX: Caller, jiaotong: Caller;

beforeAll(async () => {
  kit = await openCampaignKit();
  h = kit.h;
  ({ anon, province, zz, operator, zzOperator, lyOperator, evA, evB, evC, evX, jiaotong } = kit.c);
}, 60_000);
afterAll(() => h.close());

const LEAVES = ['D1.I1.C1', 'D1.I1.C2', 'D1.I2', 'D2.I1'];
const GOOD: Record<string, number> = { 'D1.I1.C1': 9, 'D1.I1.C2': 8, 'D1.I2': 17, 'D2.I1': 85 };

/** A campaign in scoring of the province: the three operators, panel ev_a (lead), ev_b, ev_c; declarations pending. */
async function inScoring(o: Partial<Parameters<typeof seedCampaign>[1]> = {}) {
  const s = await seedCampaign(h.db, {
    ownerOrgId: kit.orgs.province, status: 'scoring', targetOrgIds: [kit.orgs.henanData, kit.orgs.zzData, kit.orgs.lyData],
    evaluatorUserIds: [kit.ev.a, kit.ev.b, kit.ev.c], ...o,
  });
  const [henan, zhengzhou, luoyang] = s.targets.map((t) => t.id);
  return { ...s, henan, zhengzhou, luoyang };
}
const versionOf = async (c: Caller, campaignId: string, targetId: string) => (await c.campaign.scoring.targets({ campaignId })).targets.find((t) => t.targetId === targetId)!.version;
async function declareClear(c: Caller, campaignId: string, targetId: string) {
  return c.campaign.scoring.declare({ targetId, version: await versionOf(c, campaignId, targetId), conflict: false });
}
async function scoreAll(c: Caller, targetId: string, comment: string) {
  for (const code of LEAVES) await c.campaign.scoring.save({ targetId, nodeCode: code, score: GOOD[code], comment: `${comment}:${code}` });
}
async function submit(c: Caller, campaignId: string, targetId: string) {
  return c.campaign.scoring.submit({ targetId, version: await versionOf(c, campaignId, targetId) });
}

describe('conflict of interest (HN-22): declared per target before it opens; a conflict removes the evaluator', () => {
  let s: Awaited<ReturnType<typeof inScoring>>;
  beforeAll(async () => {
    s = await inScoring();
  });

  it('targets: the evaluator\'s home lists its targets pending declaration; others → NOT_FOUND / FORBIDDEN', async () => {
    const home = await evA.campaign.scoring.targets({ campaignId: s.campaignId });
    expect(home.targets.map((t) => [t.orgName, t.coi])).toEqual(expect.arrayContaining([['河南数据集团有限公司', 'pending'], ['郑州数据运营有限公司', 'pending'], ['洛阳城市数据运营有限公司', 'pending']]));
    expect(home).toMatchObject({ lead: true, leafCount: 4, recused: 0 });
    expect(home.due?.on).toBe(s.campaign.scoringEndsOn);
    expect(await errorCode(evX.campaign.scoring.targets({ campaignId: s.campaignId }))).toBe('NOT_FOUND');
    expect(await errorCode(evA.campaign.scoring.targets({ campaignId: NO_ID }))).toBe('NOT_FOUND');
    expect(await errorCode(anon.campaign.scoring.targets({ campaignId: s.campaignId }))).toBe('UNAUTHORIZED');
    for (const c of [province, operator, jiaotong]) expect(await errorCode(c.campaign.scoring.targets({ campaignId: s.campaignId }))).toBe('FORBIDDEN');
    expect(await errorCode(evA.campaign.scoring.targets({ campaignId: 'x' }))).toBe('BAD_REQUEST');
  });

  it('nothing of a target opens before the declaration', async () => {
    expect(await failure(evA.campaign.scoring.get({ targetId: s.henan }))).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-22' });
    expect(await errorCode(evX.campaign.scoring.get({ targetId: s.henan }))).toBe('NOT_FOUND');
    expect(await errorCode(evA.campaign.scoring.get({ targetId: NO_ID }))).toBe('NOT_FOUND');
    expect(await errorCode(anon.campaign.scoring.get({ targetId: s.henan }))).toBe('UNAUTHORIZED');
    for (const c of [province, operator]) expect(await errorCode(c.campaign.scoring.get({ targetId: s.henan }))).toBe('FORBIDDEN');
    expect(await errorCode(evA.campaign.scoring.get({ targetId: 'x' }))).toBe('BAD_REQUEST');
    expect(await errorCode(evA.campaign.scoring.save({ targetId: s.henan, nodeCode: 'D1.I1.C1', score: 5 }))).toBe('PRECONDITION_FAILED');
  });

  it('declare: bad input, stale version, not on the panel, no session, wrong role', async () => {
    const v = await versionOf(evA, s.campaignId, s.henan);
    expect((await failure(evA.campaign.scoring.declare({ targetId: s.henan, version: v, conflict: true }))).fieldErrors.note).toBeDefined();
    expect(await errorCode(evA.campaign.scoring.declare({ targetId: s.henan, version: v + 1, conflict: false }))).toBe('CONFLICT');
    expect(await errorCode(evX.campaign.scoring.declare({ targetId: s.henan, version: v, conflict: false }))).toBe('NOT_FOUND');
    expect(await errorCode(evA.campaign.scoring.declare({ targetId: NO_ID, version: v, conflict: false }))).toBe('NOT_FOUND');
    expect(await errorCode(anon.campaign.scoring.declare({ targetId: s.henan, version: v, conflict: false }))).toBe('UNAUTHORIZED');
    expect(await errorCode(operator.campaign.scoring.declare({ targetId: s.henan, version: v, conflict: false }))).toBe('FORBIDDEN');
  });

  it('no conflict: the target opens; the declaration is final and audited', async () => {
    const d = await declareClear(evA, s.campaignId, s.henan);
    expect(d).toMatchObject({ coi: 'clear' });
    expect((await evA.campaign.scoring.get({ targetId: s.henan })).target.orgName).toBe('河南数据集团有限公司');
    expect(await failure(evA.campaign.scoring.declare({ targetId: s.henan, version: d.version, conflict: true, note: '改主意' }))).toMatchObject({ code: 'PRECONDITION_FAILED' });
    const [a] = await h.db.select().from(auditLog).where(and(eq(auditLog.action, 'evaluator_target.declare'), eq(auditLog.entityId, s.henan)));
    expect(a.after).toMatchObject({ coi: 'clear', evaluator: kit.ev.a });
  });

  it('a conflict removes the evaluator from the target: NOT_FOUND everywhere, out of its progress, its scores gone', async () => {
    await declareClear(evC, s.campaignId, s.zhengzhou);
    await evC.campaign.scoring.save({ targetId: s.zhengzhou, nodeCode: 'D1.I1.C1', score: 3 });
    // a conflict found later still removes it (the declaration on another target is independent)
    const v = await versionOf(evC, s.campaignId, s.luoyang);
    const d = await evC.campaign.scoring.declare({ targetId: s.luoyang, version: v, conflict: true, note: '本人曾为该公司提供咨询服务' });
    expect(d.coi).toBe('conflict');
    expect(await errorCode(evC.campaign.scoring.get({ targetId: s.luoyang }))).toBe('NOT_FOUND');
    expect(await errorCode(evC.campaign.scoring.save({ targetId: s.luoyang, nodeCode: 'D1.I1.C1', score: 3 }))).toBe('NOT_FOUND');
    expect(await errorCode(evC.campaign.scoring.submit({ targetId: s.luoyang, version: d.version }))).toBe('NOT_FOUND');
    expect(await errorCode(evC.campaign.scoring.declare({ targetId: s.luoyang, version: d.version, conflict: false }))).toBe('NOT_FOUND');
    const home = await evC.campaign.scoring.targets({ campaignId: s.campaignId });
    expect(home.targets.map((t) => t.targetId)).not.toContain(s.luoyang);
    expect(home.recused).toBe(1);
    const [a] = await h.db.select().from(auditLog).where(and(eq(auditLog.action, 'evaluator_target.declare'), eq(auditLog.entityId, s.luoyang)));
    expect(a.reason).toBe('本人曾为该公司提供咨询服务');
    // the owner sees the recusal in the counts
    const got = await province.campaign.get({ id: s.campaignId });
    expect(got.manage?.targets.find((t) => t.id === s.luoyang)?.evaluators).toMatchObject({ conflict: 1 });
  });

  it('a conflict declared on a target the evaluator had already scored deletes those scores', async () => {
    const t = await inScoring({ coi: 'clear' });
    await evB.campaign.scoring.save({ targetId: t.henan, nodeCode: 'D1.I1.C1', score: 4 });
    // (a clear declaration is final; the seeded one is reset here to exercise the deletion)
    const { evaluatorTargets } = await import('@/db/schema');
    await h.db.update(evaluatorTargets).set({ coi: 'pending' }).where(and(eq(evaluatorTargets.targetId, t.henan), eq(evaluatorTargets.evaluatorUserId, kit.ev.b)));
    const v = await versionOf(evB, t.campaignId, t.henan);
    await evB.campaign.scoring.declare({ targetId: t.henan, version: v, conflict: true, note: '近亲属任职' });
    expect(await h.db.select().from(evaluationScores).where(and(eq(evaluationScores.targetId, t.henan), eq(evaluationScores.evaluatorUserId, kit.ev.b)))).toEqual([]);
  });
});

describe('blind scoring (HN-22): nobody reads another evaluator\'s score before submitting its own', () => {
  let s: Awaited<ReturnType<typeof inScoring>>;
  const SECRET_A = 'A的评语';
  beforeAll(async () => {
    s = await inScoring({ selfSubmitted: true });
    for (const c of [evA, evB, evC]) await declareClear(c, s.campaignId, s.henan);
  });

  /** Every read procedure of the campaign router as `c`, serialized. */
  async function everything(c: Caller, targetId: string) {
    const out: unknown[] = [];
    const tryRead = async (p: Promise<unknown>) => out.push(await p.catch((e: Error) => e.message));
    await tryRead(c.campaign.list({ limit: 200 }));
    await tryRead(c.campaign.get({ id: s.campaignId }));
    await tryRead(c.campaign.scoring.targets({ campaignId: s.campaignId }));
    await tryRead(c.campaign.scoring.get({ targetId }));
    await tryRead(c.campaign.self.get({ campaignId: s.campaignId }));
    const self = await c.campaign.scoring.get({ targetId }).catch(() => null);
    for (const l of self?.leaves ?? []) if (l.self) await tryRead(c.attachment.list({ entityType: 'self_assessment', entityId: l.self.id }));
    return JSON.stringify(out);
  }

  it('save: field errors on range and leaf; NOT_FOUND off the panel; no session; wrong role', async () => {
    expect(await failure(evA.campaign.scoring.save({ targetId: s.henan, nodeCode: 'D1.I1.C1', score: 10.5 }))).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { score: ['分值应在 0–10 之间'] } });
    expect((await failure(evA.campaign.scoring.save({ targetId: s.henan, nodeCode: 'D1.I1.C1', score: -1 }))).fieldErrors.score).toBeDefined();
    expect((await failure(evA.campaign.scoring.save({ targetId: s.henan, nodeCode: 'D1.I1.C1', score: 1.234 }))).fieldErrors.score).toBeDefined();
    expect((await failure(evA.campaign.scoring.save({ targetId: s.henan, nodeCode: 'D1.I1', score: 5 }))).fieldErrors.nodeCode).toBeDefined();
    expect(await errorCode(evX.campaign.scoring.save({ targetId: s.henan, nodeCode: 'D1.I1.C1', score: 5 }))).toBe('NOT_FOUND');
    expect(await errorCode(anon.campaign.scoring.save({ targetId: s.henan, nodeCode: 'D1.I1.C1', score: 5 }))).toBe('UNAUTHORIZED');
    expect(await errorCode(operator.campaign.scoring.save({ targetId: s.henan, nodeCode: 'D1.I1.C1', score: 5 }))).toBe('FORBIDDEN');
  });

  it('submit: every leaf must be scored first; stale → CONFLICT; others → NOT_FOUND', async () => {
    await evA.campaign.scoring.save({ targetId: s.henan, nodeCode: 'D1.I1.C1', score: 9, comment: SECRET_A });
    const v = await versionOf(evA, s.campaignId, s.henan);
    expect(await failure(evA.campaign.scoring.submit({ targetId: s.henan, version: v }))).toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('还有 3 项') });
    expect(await errorCode(evA.campaign.scoring.submit({ targetId: s.henan, version: v + 1 }))).toBe('CONFLICT');
    expect(await errorCode(evX.campaign.scoring.submit({ targetId: s.henan, version: v }))).toBe('NOT_FOUND');
    expect(await errorCode(anon.campaign.scoring.submit({ targetId: s.henan, version: v }))).toBe('UNAUTHORIZED');
    expect(await errorCode(zzOperator.campaign.scoring.submit({ targetId: s.henan, version: v }))).toBe('FORBIDDEN');
    expect(await errorCode(evA.campaign.scoring.submit({ targetId: s.henan } as never))).toBe('BAD_REQUEST');
  });

  it('before B submits, no read procedure shows B anything of A\'s scores — submitted or not', async () => {
    await scoreAll(evA, s.henan, SECRET_A);
    // A's scores, still unsubmitted
    let seen = await everything(evB, s.henan);
    expect(seen).not.toContain(SECRET_A);
    expect((await evB.campaign.scoring.get({ targetId: s.henan })).peers).toBeNull();
    // A submits: B still sees nothing until it submits itself
    await submit(evA, s.campaignId, s.henan);
    seen = await everything(evB, s.henan);
    expect(seen).not.toContain(SECRET_A);
    const view = await evB.campaign.scoring.get({ targetId: s.henan });
    expect(view.peers).toBeNull();
    expect(view.mine).toEqual([]);
  });

  it('after B submits, B sees A\'s submitted scores — never C\'s unsubmitted ones; C still sees nothing', async () => {
    await scoreAll(evC, s.henan, 'C的评语');
    await scoreAll(evB, s.henan, 'B的评语');
    await submit(evB, s.campaignId, s.henan);
    const view = await evB.campaign.scoring.get({ targetId: s.henan });
    expect(view.editable).toBe(false);
    expect(view.peers?.map((p) => p.comment)).toEqual(expect.arrayContaining(LEAVES.map((c) => `${SECRET_A}:${c}`)));
    expect(JSON.stringify(view.peers)).not.toContain('C的评语');
    expect(view.peers).toHaveLength(4);
    expect(view.mine).toHaveLength(4);
    const seenByC = await everything(evC, s.henan);
    expect(seenByC).not.toContain(SECRET_A);
    expect(seenByC).not.toContain('B的评语');
    // A, who submitted first, now sees B's submitted scores too
    expect((await evA.campaign.scoring.get({ targetId: s.henan })).peers?.map((p) => p.evaluatorName)).toEqual(['ev_b', 'ev_b', 'ev_b', 'ev_b']);
  });

  it('targets and the owner never see a score here (numbers of progress only)', async () => {
    for (const c of [operator, province]) {
      const seen = await everything(c, s.henan);
      expect(seen).not.toContain(SECRET_A);
      expect(seen).not.toContain('B的评语');
    }
    const got = await province.campaign.get({ id: s.campaignId });
    const t = got.manage!.targets.find((x) => x.id === s.henan)!;
    expect(t).toMatchObject({ scored: 12, toScore: 12, evaluators: { clear: 3, submitted: 2 } });
    // the other targets of the campaign stay invisible to an operator
    expect(await everything(operator, s.henan)).not.toContain('郑州数据运营有限公司');
  });

  it('a submitted target is read-only for its evaluator; the self-assessment and its evidence open once it was submitted', async () => {
    expect(await failure(evA.campaign.scoring.save({ targetId: s.henan, nodeCode: 'D1.I1.C1', score: 1 }))).toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(await errorCode(submit(evA, s.campaignId, s.henan))).toBe('PRECONDITION_FAILED');
    const view = await evC.campaign.scoring.get({ targetId: s.henan });
    expect(view.target.selfStatus).toBe('submitted');
    expect(view.leaves.every((l) => l.self !== null)).toBe(true);
    expect((await evC.attachment.list({ entityType: 'self_assessment', entityId: view.leaves[0].self!.id })).canAdd).toBe(false);
    expect(await errorCode(lyOperator.attachment.list({ entityType: 'self_assessment', entityId: view.leaves[0].self!.id }))).toBe('NOT_FOUND');
  });

  it('scores are refused once the campaign left scoring', async () => {
    await h.db.update(campaigns).set({ status: 'review' }).where(eq(campaigns.id, s.campaignId));
    expect(await failure(evC.campaign.scoring.save({ targetId: s.henan, nodeCode: 'D1.I1.C1', score: 2 }))).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-22 ¶2' });
    expect(await errorCode(submit(evC, s.campaignId, s.henan))).toBe('PRECONDITION_FAILED');
    const v = await versionOf(evC, s.campaignId, s.zhengzhou);
    expect(await errorCode(evC.campaign.scoring.declare({ targetId: s.zhengzhou, version: v, conflict: false }))).toBe('PRECONDITION_FAILED');
  });
});

describe('the panel\'s tasks close when its work is done', () => {
  it('利益冲突声明 closes after the last declaration; 评分 after the last submission', async () => {
    const v = (await seedVersion(h.db)).versionId;
    const d = await province.campaign.create(campaignInput({ versionId: v, targetOrgIds: [kit.orgs.henanData, kit.orgs.zzData], evaluatorUserIds: [kit.ev.b], leadUserId: kit.ev.b }));
    const st = await province.campaign.step({ id: d.id, version: d.version, action: 'start' });
    const tasks = async () => (await h.db.select({ step: inboxItems.step }).from(inboxItems)
      .where(and(eq(inboxItems.assigneeUserId, kit.ev.b), eq(inboxItems.entityType, 'campaign_panel'), isNull(inboxItems.closedAt))))
      .map((t) => t.step);
    const home = await evB.campaign.scoring.targets({ campaignId: d.id });
    const [henan, zhengzhou] = [home.targets.find((t) => t.orgName === '河南数据集团有限公司')!.targetId, home.targets.find((t) => t.orgName === '郑州数据运营有限公司')!.targetId];
    await declareClear(evB, d.id, henan);
    expect(await tasks()).toContain('coi');
    // the scoring screen opens only once scoring has started
    expect(await failure(evB.campaign.scoring.get({ targetId: henan }))).toMatchObject({ code: 'PRECONDITION_FAILED' });
    await evB.campaign.scoring.declare({ targetId: zhengzhou, version: await versionOf(evB, d.id, zhengzhou), conflict: true, note: '曾任该公司顾问' });
    expect(await tasks()).not.toContain('coi');
    await province.campaign.step({ id: d.id, version: st.version, action: 'open_scoring' });
    expect(await tasks()).toEqual(['score']);
    await scoreAll(evB, henan, 'B');
    const p = await evB.campaign.scoring.targets({ campaignId: d.id });
    expect(p.targets).toHaveLength(1);
    expect(p.targets[0]).toMatchObject({ scored: 4, coi: 'clear', submittedAt: null });
    await submit(evB, d.id, henan);
    expect(await tasks()).toEqual([]);
    // a city's panel members see nothing of the province's campaign beyond it
    expect(await errorCode(zz.campaign.get({ id: d.id }))).toBe('NOT_FOUND');
  });
});
