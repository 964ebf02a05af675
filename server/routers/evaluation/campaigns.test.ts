import ExcelJS from 'exceljs';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog, campaigns, campaignTargets, deadlines, evaluatorTargets, inboxItems, indicatorNodes, rectificationOrders, selfAssessments, users,
} from '@/db/schema';
import { addDays, endOfShanghaiDay, shanghaiDate } from '@/server/domain/dates';
import { transition } from '@/server/domain/workflow';
import { listAttachments, readAttachment, uploadAttachment } from '@/server/routers/attachments/service';
import { callerAs, errorCode, failure, type TestDb } from '@/server/test/harness';
import { campaignMachine } from './campaign-machine';
import type { CreateCampaignInput } from './campaign-schema';
import { exportCampaigns } from './campaign-export';
import { stepCampaign } from './campaigns';
import { campaignInput, NO_ID, openCampaignKit, seedCampaign, seedVersion, type Caller } from './evaluation-test-kit';
import { factsFor } from './facts';

/**
 * 年度评价 campaigns (HN-22) through the router on a seeded province: set-up by the owner (the
 * province for both kinds, a city only for its own operators, HN-22 ¶1/¶2), the workflow with its
 * tasks and deadlines, the scope of every reader, the target's self-assessment (HN-22 ¶2) with the
 * recorded facts and its evidence files, and a frozen indicator version.
 */
let h: TestDb;
let kit: Awaited<ReturnType<typeof openCampaignKit>>;
let anon: Caller, province: Caller, provinceB: Caller, zz: Caller, lyAdmin: Caller, operator: Caller, opB: Caller, zzOperator: Caller, lyOperator: Caller;
let agency: Caller, evA: Caller, evB: Caller, evX: Caller, jiaotong: Caller;
let V = '';
let V_AGENCY = '';
let V_DRAFT = '';
let SYSTEM = '';
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('自评佐证材料')]);

beforeAll(async () => {
  kit = await openCampaignKit();
  h = kit.h;
  ({ anon, province, provinceB, zz, lyAdmin, operator, opB, zzOperator, lyOperator, agency, evA, evB, evX, jiaotong } = kit.c);
  const v = await seedVersion(h.db, { kind: 'operator' });
  V = v.versionId;
  SYSTEM = v.systemId;
  V_AGENCY = (await seedVersion(h.db, { kind: 'agency' })).versionId;
  V_DRAFT = (await seedVersion(h.db, { kind: 'operator', status: 'draft' })).versionId;
}, 60_000);
afterAll(() => h.close());

/** A draft of the province with the three operators' first two and a panel of ev_a (lead) and ev_b. */
async function provinceDraft(o: Partial<CreateCampaignInput> = {}) {
  return province.campaign.create(campaignInput({
    versionId: V, targetOrgIds: [kit.orgs.henanData, kit.orgs.zzData], evaluatorUserIds: [kit.ev.a, kit.ev.b], leadUserId: kit.ev.a, ...o,
  }));
}
async function started(o: Partial<CreateCampaignInput> = {}) {
  const d = await provinceDraft(o);
  return province.campaign.step({ id: d.id, version: d.version, action: 'start' });
}
const openItems = (entityType: string, entityId: string) => h.db.select({ step: inboxItems.step, title: inboxItems.title, href: inboxItems.href, dueAt: deadlines.dueAt, assigneeUserId: inboxItems.assigneeUserId, assigneeOrgId: inboxItems.assigneeOrgId, assigneeRole: inboxItems.assigneeRole })
  .from(inboxItems).leftJoin(deadlines, eq(deadlines.id, inboxItems.deadlineId))
  .where(and(eq(inboxItems.entityType, entityType), eq(inboxItems.entityId, entityId), isNull(inboxItems.closedAt)));
const targetOf = async (campaignId: string, orgId: string) => (await h.db.select().from(campaignTargets).where(and(eq(campaignTargets.campaignId, campaignId), eq(campaignTargets.orgId, orgId))))[0];

describe('campaign.create / update / remove (HN-22 set-up)', () => {
  it('the province creates a draft with targets, a panel and a lead; owned by its organization', async () => {
    const c = await provinceDraft({ name: '2025年度测试评价' });
    expect(c).toMatchObject({ status: 'draft', ownerOrgId: kit.orgs.province, regionCode: '410000', versionId: V, leadUserId: kit.ev.a, aggregation: 'trimmed', trimmedMin: 5, divergencePct: 30 });
    const got = await province.campaign.get({ id: c.id });
    expect(got.manage?.targets.map((t) => t.orgName).sort()).toEqual(['河南数据集团有限公司', '郑州数据运营有限公司'].sort());
    expect(got.manage?.panel.map((p) => [p.userId, p.lead])).toEqual(expect.arrayContaining([[kit.ev.a, true], [kit.ev.b, false]]));
    expect(got.actions).toEqual(['start']);
    expect(got.viewer).toMatchObject({ manager: true, owner: true });
    const [audit] = await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'campaign.create')));
    expect(audit.after).toMatchObject({ targets: 2, evaluators: 2, status: 'draft' });
  });

  it('no session, wrong role', async () => {
    const input = campaignInput({ versionId: V });
    expect(await errorCode(anon.campaign.create(input))).toBe('UNAUTHORIZED');
    for (const c of [operator, agency, evA, jiaotong]) expect(await errorCode(c.campaign.create(input))).toBe('FORBIDDEN');
  });

  it('bad input: field errors beside the fields, nothing written', async () => {
    const before = (await h.db.select({ id: campaigns.id }).from(campaigns)).length;
    const bad = await failure(province.campaign.create({ ...campaignInput({ versionId: V }), name: '', scoringEndsOn: addDays(shanghaiDate(new Date()), 1), trimmedMin: 1 }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['name', 'scoringEndsOn', 'trimmedMin']);
    expect((await failure(province.campaign.create(campaignInput({ versionId: V, evaluatorUserIds: [kit.ev.a], leadUserId: kit.ev.b })))).fieldErrors.leadUserId).toEqual(['评审组长应为评审专家组成员']);
    // a draft version may still change: never frozen into a campaign; another kind's system does not fit
    expect((await failure(province.campaign.create(campaignInput({ versionId: V_DRAFT })))).fieldErrors.versionId?.[0]).toContain('已发布');
    expect((await failure(province.campaign.create(campaignInput({ versionId: V_AGENCY })))).fieldErrors.versionId?.[0]).toContain('不适用');
    expect((await failure(province.campaign.create(campaignInput({ versionId: NO_ID })))).fieldErrors.versionId).toBeDefined();
    // targets of the wrong type (HN-22 ¶2: operators), users who are not evaluators
    expect((await failure(province.campaign.create(campaignInput({ versionId: V, targetOrgIds: [kit.orgs.zzAgency] })))).fieldErrors.targetOrgIds?.[0]).toContain('不是一级开发主体');
    const opUser = (await h.db.select({ id: users.id }).from(users).where(eq(users.username, 'operator')))[0].id;
    expect((await failure(province.campaign.create(campaignInput({ versionId: V, evaluatorUserIds: [opUser] })))).fieldErrors.evaluatorUserIds).toBeDefined();
    expect((await h.db.select({ id: campaigns.id }).from(campaigns)).length).toBe(before);
    expect(await errorCode(province.campaign.create(undefined as never))).toBe('BAD_REQUEST');
  });

  it('HN-22 ¶2: a city data authority evaluates operators of its own region only; HN-22 ¶1: agencies only by the province', async () => {
    const mine = await zz.campaign.create(campaignInput({ versionId: V, targetOrgIds: [kit.orgs.zzData] }));
    expect(mine).toMatchObject({ ownerOrgId: kit.orgs.zz, regionCode: '410100' });
    // another city's operator, or the provincial one: outside its reach, nothing leaks
    expect(await errorCode(zz.campaign.create(campaignInput({ versionId: V, targetOrgIds: [kit.orgs.lyData] })))).toBe('NOT_FOUND');
    expect(await errorCode(zz.campaign.create(campaignInput({ versionId: V, targetOrgIds: [kit.orgs.henanData] })))).toBe('NOT_FOUND');
    const refused = await failure(zz.campaign.create(campaignInput({ versionId: V_AGENCY, targetKind: 'agency', targetOrgIds: [kit.orgs.zzAgency] })));
    expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-22 ¶1' });
    // the province runs both kinds
    const agencies = await province.campaign.create(campaignInput({ versionId: V_AGENCY, targetKind: 'agency', targetOrgIds: [kit.orgs.zzAgency, kit.orgs.lyAgency] }));
    expect(agencies.targetKind).toBe('agency');
  });

  it('formOptions: published versions of the kind, targets in reach, evaluators', async () => {
    const p = await province.campaign.formOptions({ targetKind: 'operator' });
    expect(p.kinds).toEqual(['agency', 'operator']);
    expect(p.versions.map((v) => v.id)).toContain(V);
    expect(p.versions.map((v) => v.id)).not.toContain(V_DRAFT);
    expect(p.versions.map((v) => v.id)).not.toContain(V_AGENCY);
    expect(p.targets.map((t) => t.id)).toEqual(expect.arrayContaining([kit.orgs.henanData, kit.orgs.zzData, kit.orgs.lyData]));
    expect(p.evaluators.map((e) => e.id)).toEqual(expect.arrayContaining([kit.ev.a, kit.ev.b, kit.ev.x]));
    const z = await zz.campaign.formOptions({ targetKind: 'operator' });
    expect(z.kinds).toEqual(['operator']);
    expect(z.targets.map((t) => t.id)).toEqual([kit.orgs.zzData]);
    expect(await zz.campaign.formOptions({ targetKind: 'agency' })).toMatchObject({ versions: [], targets: [] });
    expect(await errorCode(anon.campaign.formOptions({ targetKind: 'operator' }))).toBe('UNAUTHORIZED');
    expect(await errorCode(evA.campaign.formOptions({ targetKind: 'operator' }))).toBe('FORBIDDEN');
    expect(await errorCode(province.campaign.formOptions({ targetKind: 'x' as never }))).toBe('BAD_REQUEST');
  });

  it('update: the owner edits a draft; stale version → CONFLICT; others → NOT_FOUND; bad input → field', async () => {
    const c = await provinceDraft();
    const input = { ...campaignInput({ versionId: V }), id: c.id, version: c.version, name: '改名后的评价活动', targetOrgIds: [kit.orgs.lyData], evaluatorUserIds: [kit.ev.b], leadUserId: kit.ev.b };
    const u = await province.campaign.update(input);
    expect(u).toMatchObject({ name: '改名后的评价活动', version: c.version + 1, leadUserId: kit.ev.b });
    const got = await province.campaign.get({ id: c.id });
    expect(got.manage?.targets.map((t) => t.orgId)).toEqual([kit.orgs.lyData]);
    expect(got.manage?.panel.map((p) => p.userId)).toEqual([kit.ev.b]);
    expect(await errorCode(province.campaign.update(input))).toBe('CONFLICT');
    expect(await errorCode(lyAdmin.campaign.update({ ...input, version: u.version }))).toBe('NOT_FOUND');
    expect(await errorCode(zz.campaign.update({ ...input, version: u.version }))).toBe('NOT_FOUND');
    expect(await errorCode(anon.campaign.update({ ...input, version: u.version }))).toBe('UNAUTHORIZED');
    expect(await errorCode(evA.campaign.update({ ...input, version: u.version }))).toBe('FORBIDDEN');
    expect((await failure(province.campaign.update({ ...input, version: u.version, publishOn: '2000-01-01' }))).fieldErrors.publishOn).toBeDefined();
    // the province reads a city's campaign but does not run it
    const city = await zz.campaign.create(campaignInput({ versionId: V, targetOrgIds: [kit.orgs.zzData] }));
    expect(await errorCode(province.campaign.update({ ...campaignInput({ versionId: V }), id: city.id, version: city.version }))).toBe('NOT_FOUND');
    expect((await province.campaign.get({ id: city.id })).actions).toEqual([]);
    // once started, the set-up is frozen
    const s = await province.campaign.step({ id: u.id, version: u.version, action: 'start' });
    expect(await failure(province.campaign.update({ ...input, version: s.version }))).toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('remove: the owner deletes a draft; stale → CONFLICT; others → NOT_FOUND; started → refused', async () => {
    const c = await provinceDraft();
    expect(await errorCode(province.campaign.remove({ id: c.id, version: c.version + 1 }))).toBe('CONFLICT');
    expect(await errorCode(zz.campaign.remove({ id: c.id, version: c.version }))).toBe('NOT_FOUND');
    expect(await errorCode(anon.campaign.remove({ id: c.id, version: c.version }))).toBe('UNAUTHORIZED');
    expect(await errorCode(operator.campaign.remove({ id: c.id, version: c.version }))).toBe('FORBIDDEN');
    expect(await errorCode(province.campaign.remove({ id: 'x' } as never))).toBe('BAD_REQUEST');
    expect(await province.campaign.remove({ id: c.id, version: c.version })).toEqual({ id: c.id });
    expect(await errorCode(province.campaign.get({ id: c.id }))).toBe('NOT_FOUND');
    expect(await h.db.select().from(campaignTargets).where(eq(campaignTargets.campaignId, c.id))).toEqual([]);
    const s = await started();
    expect(await errorCode(province.campaign.remove({ id: s.id, version: s.version }))).toBe('PRECONDITION_FAILED');
  });
});

describe('campaign.step: the workflow, its tasks and deadlines (HN-22)', () => {
  it('start needs a target, a panel and a lead; then each target gets 自评 and each panel member 利益冲突声明, due at the end of self-assessment', async () => {
    const empty = await province.campaign.create(campaignInput({ versionId: V }));
    expect(await failure(province.campaign.step({ id: empty.id, version: empty.version, action: 'start' }))).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-22 ¶2' });
    const noLead = await provinceDraft({ leadUserId: null });
    expect((await failure(province.campaign.step({ id: noLead.id, version: noLead.version, action: 'start' }))).message).toContain('评审组长');
    const late = await provinceDraft({ selfStartsOn: '2024-01-01', selfEndsOn: '2024-01-31', scoringEndsOn: '2024-02-28', reviewEndsOn: '2024-03-31', publishOn: '2024-04-01' });
    expect((await failure(province.campaign.step({ id: late.id, version: late.version, action: 'start' }))).message).toContain('已过');

    const d = await provinceDraft();
    expect(await errorCode(province.campaign.step({ id: d.id, version: d.version + 1, action: 'start' }))).toBe('CONFLICT');
    expect(await errorCode(zz.campaign.step({ id: d.id, version: d.version, action: 'start' }))).toBe('NOT_FOUND');
    expect(await errorCode(provinceB.campaign.step({ id: NO_ID, version: 1, action: 'start' }))).toBe('NOT_FOUND');
    expect(await errorCode(evA.campaign.step({ id: d.id, version: d.version, action: 'start' }))).toBe('FORBIDDEN');
    expect(await errorCode(anon.campaign.step({ id: d.id, version: d.version, action: 'start' }))).toBe('UNAUTHORIZED');
    expect(await errorCode(province.campaign.step({ id: d.id, version: d.version, action: 'publish' as never }))).toBe('BAD_REQUEST');
    expect(await errorCode(province.campaign.step({ id: d.id, version: d.version, action: 'open_scoring' }))).toBe('PRECONDITION_FAILED');

    const s = await province.campaign.step({ id: d.id, version: d.version, action: 'start' });
    expect(s).toMatchObject({ status: 'self_assessment', version: d.version + 1 });
    const t = await targetOf(s.id, kit.orgs.henanData);
    const [self] = await openItems('campaign_target', t.id);
    expect(self).toMatchObject({ step: 'self', assigneeOrgId: kit.orgs.henanData, assigneeRole: 'operator', href: `/evaluation/campaigns/${s.id}/self` });
    expect(self.dueAt?.toISOString()).toBe(endOfShanghaiDay(s.selfEndsOn).toISOString());
    // the operator sees it in 我的待办 (any operator user of its organization)
    expect((await opB.me.inbox()).some((i) => i.entityId === t.id && i.title.includes('自评'))).toBe(true);
    expect((await lyOperator.me.inbox()).some((i) => i.entityId === t.id)).toBe(false);
    expect((await evA.me.inbox()).some((i) => i.title === `利益冲突声明:${s.name}`)).toBe(true);
    // every panel member × target has a pending declaration, every target × leaf a self-assessment row
    const ets = await h.db.select().from(evaluatorTargets).where(eq(evaluatorTargets.targetId, t.id));
    expect(ets.map((e) => [e.evaluatorUserId, e.coi]).sort()).toEqual([[kit.ev.a, 'pending'], [kit.ev.b, 'pending']].sort());
    expect((await h.db.select().from(selfAssessments).where(eq(selfAssessments.targetId, t.id))).map((r) => r.nodeCode).sort()).toEqual(['D1.I1.C1', 'D1.I1.C2', 'D1.I2', 'D2.I1']);
  });

  it('open_scoring closes the self-assessment tasks and gives each panel member 评分; close_scoring gives the owner 复核', async () => {
    const s = await started();
    const t = await targetOf(s.id, kit.orgs.zzData);
    const o = await province.campaign.step({ id: s.id, version: s.version, action: 'open_scoring' });
    expect(o.status).toBe('scoring');
    expect(await openItems('campaign_target', t.id)).toEqual([]);
    const score = (await evB.me.inbox()).find((i) => i.title === `评分:${s.name}`);
    expect(score?.dueAt?.toISOString()).toBe(endOfShanghaiDay(s.scoringEndsOn).toISOString());
    expect(score?.href).toBe(`/evaluation/campaigns/${s.id}`);
    const c = await province.campaign.step({ id: s.id, version: o.version, action: 'close_scoring' });
    expect(c.status).toBe('review');
    expect((await evB.me.inbox()).some((i) => i.title.endsWith(s.name))).toBe(false);
    const [review] = await openItems('campaign', s.id);
    expect(review).toMatchObject({ step: 'review', assigneeOrgId: kit.orgs.province, assigneeRole: 'province_admin' });
    expect(review.dueAt?.toISOString()).toBe(endOfShanghaiDay(s.reviewEndsOn).toISOString());
    expect((await province.campaign.get({ id: s.id })).actions).toEqual([]);
  });

  it('publish (taken with the confirmed results) is refused until the results are confirmed', async () => {
    const s = await seedCampaign(h.db, { ownerOrgId: kit.orgs.province, status: 'review', targetOrgIds: [kit.orgs.henanData], evaluatorUserIds: [kit.ev.a] });
    const { actor } = await kit.subject('province');
    await expect(transition(h.db, campaignMachine, actor, { id: s.campaignId, version: s.campaign.version, action: 'publish', input: {} }))
      .rejects.toMatchObject({ kind: 'precondition', details: { article: 'HN-22' } });
    await h.db.update(campaigns).set({ confirmedAt: new Date() }).where(eq(campaigns.id, s.campaignId));
    const p = await transition(h.db, campaignMachine, actor, { id: s.campaignId, version: s.campaign.version, action: 'publish', input: {} });
    expect(p.status).toBe('published');
    expect(p.publishedAt).not.toBeNull();
  });

  it('stepCampaign takes today from its caller: a schedule already past is refused at start', async () => {
    const d = await provinceDraft();
    const { actor, user } = await kit.subject('province');
    await expect(stepCampaign(h.db, actor, user, { id: d.id, version: d.version, action: 'start' }, new Date(Date.parse(`${addDays(d.selfEndsOn, 1)}T12:00:00+08:00`))))
      .rejects.toMatchObject({ kind: 'precondition' });
  });
});

describe('campaign.list / get: who sees which campaign', () => {
  let draft: Awaited<ReturnType<typeof provinceDraft>>;
  let live: Awaited<ReturnType<typeof started>>;
  let city: Awaited<ReturnType<typeof provinceDraft>>;
  beforeAll(async () => {
    draft = await provinceDraft({ name: '可见性草稿活动' });
    live = await started({ name: '可见性进行中活动', year: 2024 });
    city = await zz.campaign.create(campaignInput({ versionId: V, name: '郑州市可见性活动', targetOrgIds: [kit.orgs.zzData] }));
  });
  const ids = async (c: Caller, input: Parameters<Caller['campaign']['list']>[0] = {}) => (await c.campaign.list({ limit: 200, ...input })).items.map((r) => r.id);

  it('the owner and the province see their campaigns; another city sees none of them', async () => {
    expect(await ids(province)).toEqual(expect.arrayContaining([draft.id, live.id, city.id]));
    expect(await ids(zz)).toContain(city.id);
    expect(await ids(zz)).not.toContain(live.id);
    const ly = await ids(lyAdmin);
    for (const id of [draft.id, live.id, city.id]) expect(ly).not.toContain(id);
    expect(await errorCode(lyAdmin.campaign.get({ id: city.id }))).toBe('NOT_FOUND');
    expect(await errorCode(zz.campaign.get({ id: live.id }))).toBe('NOT_FOUND');
  });

  it('a target sees a campaign from its start on, its own row only: no other targets, no count', async () => {
    expect(await ids(operator)).not.toContain(draft.id);
    expect(await errorCode(operator.campaign.get({ id: draft.id }))).toBe('NOT_FOUND');
    const row = (await operator.campaign.list({ limit: 200 })).items.find((r) => r.id === live.id)!;
    expect(row).toMatchObject({ viewer: 'target', targetCount: null, panelCount: null });
    const got = await operator.campaign.get({ id: live.id });
    expect(got.manage).toBeNull();
    expect(got.leadName).toBeNull();
    expect(got.viewer).toMatchObject({ target: true, manager: false, panel: false });
    expect(JSON.stringify(got)).not.toContain('郑州数据运营有限公司');
    // an operator that is not a target, an agency: nothing
    expect(await ids(lyOperator)).not.toContain(live.id);
    expect(await errorCode(lyOperator.campaign.get({ id: live.id }))).toBe('NOT_FOUND');
    expect(await errorCode(agency.campaign.get({ id: live.id }))).toBe('NOT_FOUND');
  });

  it('a panel member sees the campaigns it sits on from the start; an outsider evaluator none', async () => {
    expect(await ids(evA)).toContain(live.id);
    expect(await ids(evA)).not.toContain(draft.id);
    expect((await evA.campaign.get({ id: live.id })).viewer).toMatchObject({ panel: true, lead: true });
    expect((await evB.campaign.get({ id: live.id })).viewer.lead).toBe(false);
    expect(await ids(evX)).not.toContain(live.id);
    expect(await errorCode(evX.campaign.get({ id: live.id }))).toBe('NOT_FOUND');
  });

  it('search, filters and sort; no session; wrong role; bad input; unknown id', async () => {
    expect(await ids(province, { q: '可见性进行中' })).toEqual([live.id]);
    expect(await ids(province, { year: 2024, q: '可见性' })).toEqual([live.id]);
    expect((await ids(province, { status: 'draft', q: '可见性' })).sort()).toEqual([draft.id, city.id].sort());
    expect(await ids(province, { targetKind: 'agency', q: '可见性' })).toEqual([]);
    const byName = await province.campaign.list({ q: '可见性', sort: 'name', dir: 'asc' });
    expect(byName.items.map((r) => r.name)).toEqual([...byName.items.map((r) => r.name)].sort());
    const p1 = await province.campaign.list({ q: '可见性', limit: 1, sort: 'year', dir: 'asc' });
    const p2 = await province.campaign.list({ q: '可见性', limit: 1, sort: 'year', dir: 'asc', cursor: p1.nextCursor });
    expect(p2.items[0].id).not.toBe(p1.items[0].id);
    const row = (await province.campaign.list({ q: '可见性进行中' })).items[0];
    expect(row).toMatchObject({ viewer: 'manager', targetCount: 2, panelCount: 2 });
    expect(row.due?.on).toBe(live.selfEndsOn);
    expect(await errorCode(anon.campaign.list({}))).toBe('UNAUTHORIZED');
    expect(await errorCode(jiaotong.campaign.list({}))).toBe('FORBIDDEN');
    expect((await failure(province.campaign.list({ q: 'x'.repeat(60) }))).fieldErrors.q).toBeDefined();
    expect(await errorCode(province.campaign.get({ id: NO_ID }))).toBe('NOT_FOUND');
    expect(await errorCode(anon.campaign.get({ id: live.id }))).toBe('UNAUTHORIZED');
    expect(await errorCode(jiaotong.campaign.get({ id: live.id }))).toBe('FORBIDDEN');
    expect(await errorCode(province.campaign.get({ id: 'nope' }))).toBe('BAD_REQUEST');
  });
});

describe('a frozen campaign does not change when the indicator system is edited', () => {
  it('a new draft version (different tree) of the same system leaves the campaign on version 1', async () => {
    const s = await started();
    const before = await operator.campaign.self.get({ campaignId: s.id });
    await seedVersion(h.db, { systemId: SYSTEM, versionNo: 2, status: 'draft', shape: { dimensions: 1, leavesPerDimension: 3 } });
    const after = await operator.campaign.self.get({ campaignId: s.id });
    expect(after.nodes.map((n) => n.code)).toEqual(before.nodes.map((n) => n.code));
    expect(after.nodes.map((n) => n.code)).toContain('D1.I1.C1');
    expect((await province.campaign.get({ id: s.id })).versionNo).toBe(1);
    const nodesOfV1 = await h.db.select().from(indicatorNodes).where(eq(indicatorNodes.versionId, V));
    expect(nodesOfV1).toHaveLength(7);
  });
});

describe('campaign.self: the target self-assesses with the recorded facts (HN-22 ¶2)', () => {
  let s: Awaited<ReturnType<typeof started>>;
  beforeAll(async () => {
    s = await started();
  });

  it('get: the tree, an entry per leaf, facts pre-filled from each leaf\'s fact key', async () => {
    const v = await operator.campaign.self.get({ campaignId: s.id });
    expect(v.editable).toBe(true);
    expect(v.target.selfStatus).toBe('pending');
    expect(v.entries.map((e) => e.nodeCode)).toEqual(['D1.I1.C1', 'D1.I1.C2', 'D1.I2', 'D2.I1']);
    const byCode = Object.fromEntries(v.entries.map((e) => [e.nodeCode, e]));
    expect(byCode['D1.I1.C1'].facts.map((f) => f.code)).toEqual(['reportsOnTime', 'reportsLate', 'reportsMissing']);
    expect(byCode['D1.I2'].facts.map((f) => f.code)).toContain('qualityLate');
    expect(byCode['D1.I1.C2'].facts).toEqual([]);
    expect(v.campaign.due?.on).toBe(s.selfEndsOn);
  });

  it('get: only the target itself; no session; wrong role', async () => {
    expect(await errorCode(lyOperator.campaign.self.get({ campaignId: s.id }))).toBe('NOT_FOUND');
    expect(await errorCode(operator.campaign.self.get({ campaignId: NO_ID }))).toBe('NOT_FOUND');
    expect(await errorCode(anon.campaign.self.get({ campaignId: s.id }))).toBe('UNAUTHORIZED');
    for (const c of [province, evA, jiaotong]) expect(await errorCode(c.campaign.self.get({ campaignId: s.id }))).toBe('FORBIDDEN');
    expect(await errorCode(operator.campaign.self.get({} as never))).toBe('BAD_REQUEST');
  });

  it('save: autosave per leaf; the score within 0…max; a leaf only; others → NOT_FOUND', async () => {
    const r = await operator.campaign.self.save({ campaignId: s.id, nodeCode: 'D1.I1.C1', score: 9, comment: '四个季度均按期报送' });
    expect(r).toMatchObject({ nodeCode: 'D1.I1.C1', score: 9, comment: '四个季度均按期报送' });
    // absent = unchanged, null = cleared
    expect(await opB.campaign.self.save({ campaignId: s.id, nodeCode: 'D1.I1.C1', comment: '已补充说明' })).toMatchObject({ score: 9, comment: '已补充说明' });
    expect(await operator.campaign.self.save({ campaignId: s.id, nodeCode: 'D1.I1.C1', score: null })).toMatchObject({ score: null, comment: '已补充说明' });
    expect((await failure(operator.campaign.self.save({ campaignId: s.id, nodeCode: 'D1.I1.C2', score: 11 })))).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { score: ['自评分应在 0–10 之间'] } });
    expect((await failure(operator.campaign.self.save({ campaignId: s.id, nodeCode: 'D1', score: 1 }))).fieldErrors.nodeCode).toBeDefined();
    expect((await failure(operator.campaign.self.save({ campaignId: s.id, nodeCode: 'D1.I1.C2', score: -1 }))).fieldErrors.score).toBeDefined();
    expect(await errorCode(lyOperator.campaign.self.save({ campaignId: s.id, nodeCode: 'D1.I1.C2', score: 1 }))).toBe('NOT_FOUND');
    expect(await errorCode(evA.campaign.self.save({ campaignId: s.id, nodeCode: 'D1.I1.C2', score: 1 }))).toBe('FORBIDDEN');
    expect(await errorCode(anon.campaign.self.save({ campaignId: s.id, nodeCode: 'D1.I1.C2', score: 1 }))).toBe('UNAUTHORIZED');
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.action, 'self_assessment.save'));
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it('evidence files: the target adds them while open; its data authority reads them; another operator cannot', async () => {
    const v = await operator.campaign.self.get({ campaignId: s.id });
    const entry = v.entries.find((e) => e.nodeCode === 'D1.I1.C2')!;
    const { user: op, actor } = await kit.subject('operator');
    const file = await uploadAttachment(h.db, op, actor, { entityType: 'self_assessment', entityId: entry.id!, filename: '2025年度总结报告.pdf', data: pdf });
    expect((await operator.campaign.self.get({ campaignId: s.id })).entries.find((e) => e.nodeCode === 'D1.I1.C2')!.files).toBe(1);
    expect((await operator.attachment.list({ entityType: 'self_assessment', entityId: entry.id! })).canAdd).toBe(true);
    expect((await province.attachment.list({ entityType: 'self_assessment', entityId: entry.id! })).items).toHaveLength(1);
    expect(await errorCode(lyOperator.attachment.list({ entityType: 'self_assessment', entityId: entry.id! }))).toBe('NOT_FOUND');
    expect(await errorCode(evX.attachment.list({ entityType: 'self_assessment', entityId: entry.id! }))).toBe('NOT_FOUND');
    // a panel member (even clear of conflict) reads the evidence only once the self-assessment is submitted
    expect(await errorCode(evA.attachment.list({ entityType: 'self_assessment', entityId: entry.id! }))).toBe('NOT_FOUND');
    const { user: ly } = await kit.subject('ly_operator');
    expect(await readAttachment(h.db, ly, file.id)).toBeNull();
    expect(await listAttachments(h.db, op, 'self_assessment', entry.id!)).toMatchObject({ canAdd: true });
  });

  it('submit: stale → CONFLICT; frozen with the facts as recorded; the 自评 task closes; then read-only', async () => {
    const t = await targetOf(s.id, kit.orgs.henanData);
    expect(await errorCode(operator.campaign.self.submit({ campaignId: s.id, version: t.version + 1 }))).toBe('CONFLICT');
    expect(await errorCode(lyOperator.campaign.self.submit({ campaignId: s.id, version: t.version }))).toBe('NOT_FOUND');
    expect(await errorCode(evA.campaign.self.submit({ campaignId: s.id, version: t.version }))).toBe('FORBIDDEN');
    expect(await errorCode(operator.campaign.self.submit({ campaignId: s.id } as never))).toBe('BAD_REQUEST');
    const r = await operator.campaign.self.submit({ campaignId: s.id, version: t.version });
    expect(r).toMatchObject({ selfStatus: 'submitted', version: t.version + 1 });
    expect(await openItems('campaign_target', t.id)).toEqual([]);
    const [row] = await h.db.select().from(selfAssessments).where(and(eq(selfAssessments.targetId, t.id), eq(selfAssessments.nodeCode, 'D2.I1')));
    expect((row.facts as { code: string }[]).map((f) => f.code)).toContain('rectificationsOverdue');
    const v = await operator.campaign.self.get({ campaignId: s.id });
    expect(v.editable).toBe(false);
    expect(await failure(operator.campaign.self.save({ campaignId: s.id, nodeCode: 'D1.I1.C2', score: 5 }))).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-22 ¶2' });
    expect(await errorCode(operator.campaign.self.submit({ campaignId: s.id, version: r.version }))).toBe('PRECONDITION_FAILED');
    const entry = v.entries.find((e) => e.nodeCode === 'D1.I1.C2')!;
    expect((await operator.attachment.list({ entityType: 'self_assessment', entityId: entry.id! })).canAdd).toBe(false);
    // the other target's self-assessment is its own: still open
    expect((await zzOperator.campaign.self.get({ campaignId: s.id })).editable).toBe(true);
    // once scoring opens, an unsubmitted self-assessment closes too
    await province.campaign.step({ id: s.id, version: s.version, action: 'open_scoring' });
    expect(await failure(zzOperator.campaign.self.save({ campaignId: s.id, nodeCode: 'D1.I1.C2', score: 5 }))).toMatchObject({ code: 'PRECONDITION_FAILED' });
  });
});

describe('facts: what the console recorded, for the target and the year', () => {
  it('rectification orders closed on time, late, and open past due (HN-22 ¶2)', async () => {
    const { user } = await kit.subject('province');
    const base = { issuerOrgId: kit.orgs.province, issuedBy: user.id, targetOrgId: kit.orgs.lyData, regionCode: '410300', title: '整改', findings: [{ text: '问题' }], article: 'HN-22 ¶2', deadlineKind: 'calendar_days', deadlineAmount: 30 };
    const year = 2025;
    const before = await factsFor(h.db, kit.orgs.lyData, year, new Date());
    const v = (f: typeof before, code: string) => f.rectifications_closed.find((x) => x.code === code)!.value as number;
    await h.db.insert(rectificationOrders).values([
      { ...base, no: `测整〔2025〕1号${Math.random()}`, source: 'inspection', status: 'closed', issuedAt: new Date('2025-03-01T00:00:00Z'), dueAt: new Date('2025-04-01T00:00:00Z'), closedAt: new Date('2025-03-20T00:00:00Z') },
      { ...base, no: `测整〔2025〕2号${Math.random()}`, source: 'inspection', status: 'closed', issuedAt: new Date('2025-03-01T00:00:00Z'), dueAt: new Date('2025-04-01T00:00:00Z'), closedAt: new Date('2025-05-01T00:00:00Z') },
      { ...base, no: `测整〔2025〕3号${Math.random()}`, source: 'inspection', status: 'in_progress', issuedAt: new Date('2025-06-01T00:00:00Z'), dueAt: new Date('2025-07-01T00:00:00Z') },
    ]);
    const after = await factsFor(h.db, kit.orgs.lyData, year, new Date());
    expect(v(after, 'rectificationsOnTime') - v(before, 'rectificationsOnTime')).toBe(1);
    expect(v(after, 'rectificationsLate') - v(before, 'rectificationsLate')).toBe(1);
    expect(v(after, 'rectificationsOverdue') - v(before, 'rectificationsOverdue')).toBe(1);
    expect(after.rectifications_closed.find((x) => x.code === 'rectificationsOverdue')!.tone).toBe('bad');
    // incidents (server/routers/incidents/facts.ts): this operator reported none in the year
    expect(after.incidents_reported.map((x) => [x.code, x.value])).toEqual([
      ['incidentsReported', 0], ['incidentsLate', 0], ['incidentSummariesOverdue', 0], ['incidentsNotStopped', 0],
    ]);
  });

  it('periodic reports of the demo agreement (HN-22 ¶3) are counted for the operator', async () => {
    const f = await factsFor(h.db, kit.orgs.henanData, new Date().getFullYear() - 1, new Date());
    const total = f.reports_on_time.reduce((s, x) => s + Number(x.value), 0);
    expect(total).toBeGreaterThan(0);
    expect(f.agreement_filed.find((x) => x.code === 'agreementsFiled')!.value).toBeGreaterThan(0);
  });
});

describe('the demo seed', () => {
  it('2025年度一级开发主体授权运营评价 runs in self-assessment: each operator has its 自评 task, the panel (evaluator lead, evaluator2, evaluator3) its declarations', async () => {
    const demo = (await province.campaign.list({ q: '2025年度一级开发主体授权运营评价' })).items[0];
    expect(demo).toMatchObject({ status: 'self_assessment', targetKind: 'operator', year: 2025, targetCount: 3, panelCount: 3 });
    const got = await province.campaign.get({ id: demo.id });
    expect(got.manage?.targets.map((t) => t.orgName).sort()).toEqual(['河南数据集团有限公司', '郑州数据运营有限公司', '洛阳城市数据运营有限公司'].sort());
    expect(got.manage?.panel.map((p) => [p.name, p.lead]).sort()).toEqual([['吴评审', false], ['周评价', true], ['郑评审', false]].sort());
    expect(got.due?.status).toBe('running');
    expect((await operator.me.inbox()).some((i) => i.title === `自评:${demo.name}` && i.href === `/evaluation/campaigns/${demo.id}/self`)).toBe(true);
    expect((await evA.campaign.list({})).items.map((r) => r.id)).not.toContain(demo.id);
    const e2 = await callerAs(h.db, 'evaluator2');
    expect((await e2.me.inbox()).some((i) => i.title === `利益冲突声明:${demo.name}`)).toBe(true);
  });
});

describe('export of the campaign list (xlsx, audited, in the caller\'s scope)', () => {
  it('the province gets its filtered list with the counts; a target gets its rows without them; a bad filter names its field', async () => {
    const c = await started({ name: '导出测试活动' });
    const read = async (username: string, q: string) => {
      const { actor, user } = await kit.subject(username);
      const res = await exportCampaigns(h.db, actor, user, new URLSearchParams(q));
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      const ws = wb.worksheets[0];
      const rows: unknown[][] = [];
      ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      return rows;
    };
    const byProvince = await read('province', 'format=xlsx&q=导出测试');
    expect(byProvince[0]).toContain('评价对象数');
    expect(byProvince.slice(1)).toEqual([expect.arrayContaining(['导出测试活动', c.year, '自评中', 2, 2])]);
    const byOperator = await read('operator', 'format=xlsx&q=导出测试');
    expect(byOperator).toHaveLength(2);
    expect(byOperator[1][5] ?? null).toBeNull();
    expect(await read('ly_operator', 'format=xlsx&q=导出测试')).toHaveLength(1);
    const { actor, user } = await kit.subject('province');
    const bad = await exportCampaigns(h.db, actor, user, new URLSearchParams('status=nope'));
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors.status).toBeDefined();
    const [audit] = await h.db.select().from(auditLog).where(eq(auditLog.action, 'campaign.export')).limit(1);
    expect(audit.after).toMatchObject({ format: 'xlsx' });
  });
});
