import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, filingReceipts, filingVersions, implementationPlans, operatingAgreements } from '@/db/schema';
import { DEMO_AGREEMENT_NAME } from '@/db/seed/filings-demo';
import { DEMO_PENDING_PLAN_NAME, DEMO_PLAN_NAME } from '@/db/seed/filings-plans-demo';
import { shanghaiDate } from '@/server/domain/deadlines';
import {
  callerAs, demoUser, errorCode, extraUser, failure, NO_ID, openSeededDb, orgId, resourceId, type Caller, type TestDb,
} from '@/server/test/harness';
import { exportPlans } from './export';
import type { PlanInput } from './schema';
import { openItems, planSections, tag, uploadMinutes } from './test-kit';

/**
 * Implementation plans (HN-11, HN-12) and their 备案回执 (HN-11 ¶2) against a real seeded database.
 * 郑州 (zhengzhou) drafts; the province and 河南省交通运输厅 (jiaotong) acknowledge or return.
 */

let h: TestDb;
let anon: Caller;
let zz: Caller; // 郑州市行政审批和政务信息管理局 (municipal_admin, 410100)
let zz2: Caller; // a second user of it (keeps each user under the write rate limit)
let province: Caller;
let jiaotong: Caller; // 河南省交通运输厅 (industry_dept)
let weijian: Caller; // 河南省卫生健康委员会 (industry_dept), never a recipient here
let agency: Caller; // 郑州市大数据发展中心 (implementing_agency, reads its region's plans)
let operator: Caller;
let lyAdmin: Caller; // 洛阳 (municipal_admin, 410300)
const ORG = { jiaotong: '', province: '', weijian: '', zz: '' };
const RES = { sc: '', rs: '', draft: '', luoyang: '', provincial: '' };

beforeAll(async () => {
  h = await openSeededDb();
  ORG.jiaotong = await orgId(h.db, '河南省交通运输厅');
  ORG.province = await orgId(h.db, '河南省行政审批和政务信息管理局');
  ORG.weijian = await orgId(h.db, '河南省卫生健康委员会');
  ORG.zz = await orgId(h.db, '郑州市行政审批和政务信息管理局');
  RES.sc = await resourceId(h.db, '410100-SC-0001');
  RES.rs = await resourceId(h.db, '410100-RS-0001');
  RES.draft = await resourceId(h.db, '410100-BDC-0001');
  RES.luoyang = await resourceId(h.db, '410300-SC-0001');
  RES.provincial = await resourceId(h.db, '410000-JT-0001');
  anon = await callerAs(h.db, null);
  zz = await callerAs(h.db, demoUser('municipal_admin'));
  province = await callerAs(h.db, demoUser('province_admin'));
  jiaotong = await callerAs(h.db, demoUser('industry_dept'));
  agency = await callerAs(h.db, demoUser('implementing_agency'));
  operator = await callerAs(h.db, demoUser('operator'));
  zz2 = await extraUser(h.db, 'zz_admin_b', ['municipal_admin'], '郑州市行政审批和政务信息管理局');
  weijian = await extraUser(h.db, 'weijian', ['industry_dept'], '河南省卫生健康委员会');
  lyAdmin = await extraUser(h.db, 'ly_plan_admin', ['municipal_admin'], '洛阳市公共数据主管部门');
});
afterAll(() => h.close());

function planInput(o: Partial<PlanInput> = {}): PlanInput {
  return { name: `郑州市公共数据授权运营实施方案${tag()}`, industryOrgId: ORG.jiaotong, resourceIds: [RES.sc, RES.rs], sections: planSections(), ...o };
}

async function draft(c: Caller = zz, o: Partial<PlanInput> = {}) {
  return (await c.plan.create(planInput(o))).id;
}

/** The 三重一大 record with its minutes and the government approval (HN-11 ¶1); returns the version. */
async function records(id: string, c: Caller = zz, username = 'zhengzhou') {
  let p = await c.plan.get({ id });
  await c.plan.recordDecision({ id, version: p.version, decisionOn: '2025-03-01', decisionMeeting: '市政府第 10 次常务会议' });
  await uploadMinutes(h.db, username, 'implementation_plan_minutes', id);
  p = await c.plan.get({ id });
  await c.plan.recordApproval({ id, version: p.version, approvalOn: '2025-03-15', approvalRef: '郑政文〔2025〕12号' });
  return (await c.plan.get({ id })).version;
}

/** A city plan filed to the province and 交通运输厅. */
async function filing(c: Caller = zz, username = 'zhengzhou') {
  const id = await draft(c);
  const version = await records(id, c, username);
  await c.plan.file({ id, version });
  return id;
}

async function receiptOf(id: string, org: string, versionNo?: number) {
  const rows = await h.db.select().from(filingReceipts)
    .where(and(eq(filingReceipts.entityId, id), eq(filingReceipts.recipientOrgId, org)));
  return rows.filter((r) => versionNo === undefined || r.versionNo === versionNo).sort((a, b) => b.versionNo - a.versionNo)[0];
}

describe('plan.create (HN-12)', () => {
  it('a city drafts a plan with the 11 contents: owner and region from the session', async () => {
    const id = await draft();
    const p = await zz.plan.get({ id });
    expect(p.status).toBe('draft');
    expect(p.ownerName).toBe('郑州市行政审批和政务信息管理局');
    expect(p.regionCode).toBe('410100');
    expect(p.industryName).toBe('河南省交通运输厅');
    expect(p.resources.map((r) => r.code)).toEqual(['410100-SC-0001', '410100-RS-0001']);
    expect(p.sections.mode.type).toBe('domain');
    expect(p.actions).toContain('file');
    expect(p.canEdit).toBe(true);
    const [event] = await h.db.select().from(auditLog).where(and(eq(auditLog.action, 'implementation_plan.create'), eq(auditLog.entityId, id)));
    expect(event).toBeDefined();
  });

  it('needs a session and plan.write', async () => {
    expect(await errorCode(anon.plan.create(planInput()))).toBe('UNAUTHORIZED');
    expect(await errorCode(agency.plan.create(planInput()))).toBe('FORBIDDEN');
    expect(await errorCode(jiaotong.plan.create(planInput()))).toBe('FORBIDDEN');
    expect(await errorCode(operator.plan.create(planInput()))).toBe('FORBIDDEN');
  });

  it('each missing content names its item of HN-12', async () => {
    const s = planSections() as Record<string, unknown>;
    const bad = { ...s, mode: { description: '' }, products: { items: [] }, other: '' } as unknown as PlanInput['sections'];
    const f = await failure(zz.plan.create(planInput({ name: '', resourceIds: [], sections: bad })));
    expect(f.code).toBe('BAD_REQUEST');
    expect(f.fieldErrors['sections.mode.type']).toEqual(['缺少授权运营模式(HN-12(3))']);
    expect(f.fieldErrors['sections.mode.description'][0]).toContain('HN-12(3)');
    expect(f.fieldErrors['sections.products.items'][0]).toContain('HN-12(6)');
    expect(f.fieldErrors['sections.other'][0]).toContain('HN-12(11)');
    expect(f.fieldErrors.name[0]).toContain('HN-12(1)');
    expect(f.fieldErrors.resourceIds[0]).toContain('HN-12(4)');
  });

  it('the product list separates public-interest from industry uses (HN-12(6))', async () => {
    const s = planSections();
    const rows = [{ ...s.products.items[0], category: 'commercial' }] as unknown as PlanInput['sections']['products']['items'];
    const f = await failure(zz.plan.create(planInput({ sections: { ...s, products: { items: rows } } })));
    expect(f.fieldErrors['sections.products.items.0.category'][0]).toContain('公共治理/公益事业');
  });

  it('a city plan names the provincial industry department it is filed to (HN-11 ¶2)', async () => {
    let f = await failure(zz.plan.create(planInput({ industryOrgId: null })));
    expect(f.code).toBe('BAD_REQUEST');
    expect(f.fieldErrors.industryOrgId[0]).toContain('HN-11 ¶2');
    f = await failure(zz.plan.create(planInput({ industryOrgId: ORG.province })));
    expect(f.fieldErrors.industryOrgId[0]).toContain('行业主管部门');
  });

  it('the scope picks published resources of the city; the province may pick any city\'s and its own (HN-12(4))', async () => {
    let f = await failure(zz.plan.create(planInput({ resourceIds: [RES.sc, RES.draft] })));
    expect(f.fieldErrors.resourceIds[0]).toContain('410100-BDC-0001');
    expect(f.fieldErrors.resourceIds[0]).toContain('HN-12(4)');
    f = await failure(zz.plan.create(planInput({ resourceIds: [RES.luoyang] })));
    expect(f.fieldErrors.resourceIds[0]).toContain('410300-SC-0001');
    const { id } = await province.plan.create(planInput({ industryOrgId: ORG.jiaotong, resourceIds: [RES.luoyang, RES.provincial, RES.sc] }));
    const p = await province.plan.get({ id });
    expect(p.provincial).toBe(true);
    expect(p.industryOrgId).toBeNull(); // a provincial plan is filed to nobody
    expect(p.resources).toHaveLength(3);
    const options = await zz.plan.resourceOptions({});
    expect(options.map((o) => o.code)).toContain('410100-SC-0001');
    expect(options.map((o) => o.code)).not.toContain('410300-SC-0001');
    expect(options.map((o) => o.code)).not.toContain('410100-BDC-0001');
  });
});

describe('plan.update', () => {
  it('saves the working copy and moves the version on', async () => {
    const id = await draft();
    const p = await zz.plan.get({ id });
    await zz.plan.update({ ...planInput({ name: `改名${tag()}` }), id, version: p.version });
    const q = await zz.plan.get({ id });
    expect(q.version).toBe(p.version + 1);
    expect(q.name).toMatch(/^改名/);
  });

  it('UNAUTHORIZED, FORBIDDEN (no permission; the province is not the owner), NOT_FOUND (another city), CONFLICT (stale)', async () => {
    const id = await draft();
    const input = { ...planInput(), id, version: 1 };
    expect(await errorCode(anon.plan.update(input))).toBe('UNAUTHORIZED');
    expect(await errorCode(agency.plan.update(input))).toBe('FORBIDDEN');
    expect(await errorCode(province.plan.update(input))).toBe('FORBIDDEN');
    expect(await errorCode(lyAdmin.plan.update(input))).toBe('NOT_FOUND');
    expect(await errorCode(zz.plan.update({ ...input, id: NO_ID }))).toBe('NOT_FOUND');
    expect(await errorCode(zz.plan.update({ ...input, version: 9 }))).toBe('CONFLICT');
    const f = await failure(zz.plan.update({ ...input, sections: { ...input.sections, parties: ' ' } }));
    expect(f.fieldErrors['sections.parties'][0]).toContain('HN-12(10)');
  });

  it('a plan out for filing cannot be changed', async () => {
    const id = await filing();
    const p = await zz.plan.get({ id });
    const f = await failure(zz.plan.update({ ...planInput(), id, version: p.version }));
    expect(f.code).toBe('PRECONDITION_FAILED');
  });
});

describe('plan.recordDecision / recordApproval (HN-11 ¶1)', () => {
  it('records the decision, then the approval after it', async () => {
    const id = await draft(zz2);
    let p = await zz2.plan.get({ id });
    const early = await failure(zz2.plan.recordApproval({ id, version: p.version, approvalOn: '2025-03-15', approvalRef: 'X' }));
    expect(early.code).toBe('PRECONDITION_FAILED');
    expect(early.message).toContain('HN-11 ¶1');
    await zz2.plan.recordDecision({ id, version: p.version, decisionOn: '2025-03-01', decisionMeeting: '常务会议' });
    p = await zz2.plan.get({ id });
    expect(p.checklist.decision).toBe(true);
    const before = await failure(zz2.plan.recordApproval({ id, version: p.version, approvalOn: '2025-02-01', approvalRef: 'X' }));
    expect(before.fieldErrors.approvalOn[0]).toContain('HN-11 ¶1');
    const future = await failure(zz2.plan.recordApproval({ id, version: p.version, approvalOn: '2999-01-01', approvalRef: 'X' }));
    expect(future.fieldErrors.approvalOn).toBeDefined();
    await zz2.plan.recordApproval({ id, version: p.version, approvalOn: '2025-03-15', approvalRef: '郑政文〔2025〕1号' });
    expect((await zz2.plan.get({ id })).checklist.approval).toBe(true);
  });

  it('bad input, wrong role, another city, stale version', async () => {
    const id = await draft(zz2);
    const input = { id, version: 1, decisionOn: '2025-13-01', decisionMeeting: '' };
    const f = await failure(zz2.plan.recordDecision(input));
    expect(f.code).toBe('BAD_REQUEST');
    expect(f.fieldErrors.decisionOn).toBeDefined();
    expect(f.fieldErrors.decisionMeeting[0]).toContain('HN-11 ¶1');
    const ok = { ...input, decisionOn: '2025-03-01', decisionMeeting: '会议' };
    expect(await errorCode(anon.plan.recordDecision(ok))).toBe('UNAUTHORIZED');
    expect(await errorCode(agency.plan.recordDecision(ok))).toBe('FORBIDDEN');
    expect(await errorCode(lyAdmin.plan.recordDecision(ok))).toBe('NOT_FOUND');
    expect(await errorCode(zz2.plan.recordDecision({ ...ok, version: 7 }))).toBe('CONFLICT');
    expect(await errorCode(lyAdmin.plan.recordApproval({ id, version: 1, approvalOn: '2025-03-01', approvalRef: 'X' }))).toBe('NOT_FOUND');
    expect(await errorCode(zz2.plan.recordApproval({ id, version: 1, approvalOn: '2025-03-01', approvalRef: '' }))).toBe('BAD_REQUEST');
  });
});

describe('plan.file (HN-11 ¶1, ¶2)', () => {
  it('is refused without the 三重一大 record, its minutes, or the approval', async () => {
    const id = await draft(zz2);
    let p = await zz2.plan.get({ id });
    let f = await failure(zz2.plan.file({ id, version: p.version }));
    expect(f.code).toBe('PRECONDITION_FAILED');
    expect(f.article).toBe('HN-11 ¶1');
    expect(f.message).toContain('三重一大');
    await zz2.plan.recordDecision({ id, version: p.version, decisionOn: '2025-03-01', decisionMeeting: '常务会议' });
    p = await zz2.plan.get({ id });
    f = await failure(zz2.plan.file({ id, version: p.version }));
    expect(f.message).toContain('会议纪要');
    await uploadMinutes(h.db, 'zz_admin_b', 'implementation_plan_minutes', id);
    f = await failure(zz2.plan.file({ id, version: p.version }));
    expect(f.message).toContain('政府审议通过');
    expect(f.article).toBe('HN-11 ¶1');
    await zz2.plan.recordApproval({ id, version: p.version, approvalOn: '2025-03-10', approvalRef: '郑政文〔2025〕2号' });
    p = await zz2.plan.get({ id });
    const filed = await zz2.plan.file({ id, version: p.version });
    expect(filed.status).toBe('filing');
  });

  it('files version 1 to the province and the industry department at once, each with a 待办', async () => {
    const id = await filing();
    const p = await zz.plan.get({ id });
    expect(p.status).toBe('filing');
    expect(p.lastVersionNo).toBe(1);
    expect(p.receipts.map((r) => [r.recipientName, r.status]).sort()).toEqual([['河南省交通运输厅', 'pending'], ['河南省行政审批和政务信息管理局', 'pending']]);
    const [v] = await h.db.select().from(filingVersions).where(and(eq(filingVersions.entityId, id), eq(filingVersions.versionNo, 1)));
    expect((v.snapshot as { resources: string[] }).resources[0]).toContain('410100-SC-0001');
    expect((await province.me.inbox()).some((i) => i.href === `/filings/plans/${id}` && i.step === 'ack')).toBe(true);
    expect((await jiaotong.me.inbox()).some((i) => i.href === `/filings/plans/${id}`)).toBe(true);
    expect((await weijian.me.inbox()).some((i) => i.href === `/filings/plans/${id}`)).toBe(false);
    // the minutes are frozen with the version
    expect((await zz.attachment.list({ entityType: 'implementation_plan_minutes', entityId: id })).canAdd).toBe(false);
  });

  it('UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT', async () => {
    const id = await draft(zz2);
    const version = await records(id, zz2, 'zz_admin_b');
    expect(await errorCode(anon.plan.file({ id, version }))).toBe('UNAUTHORIZED');
    expect(await errorCode(agency.plan.file({ id, version }))).toBe('FORBIDDEN');
    expect(await errorCode(province.plan.file({ id, version }))).toBe('FORBIDDEN');
    expect(await errorCode(lyAdmin.plan.file({ id, version }))).toBe('NOT_FOUND');
    expect(await errorCode(zz2.plan.file({ id, version: version - 1 }))).toBe('CONFLICT');
    expect(await errorCode(zz2.plan.file({ id: 'nope', version }))).toBe('BAD_REQUEST');
  });
});

describe('receipts (HN-11 ¶2: each recipient acknowledges on its own)', () => {
  it('one acknowledgement leaves it 备案中; the second makes it 已备案', async () => {
    const id = await filing();
    const pr = await receiptOf(id, ORG.province);
    expect((await province.plan.list({ awaiting: true })).items.map((i) => i.id)).toContain(id);
    await province.plan.receipt.acknowledge({ id: pr.id, version: pr.version });
    let p = await zz.plan.get({ id });
    expect(p.status).toBe('filing');
    expect(p.receipts.find((r) => r.recipientOrgId === ORG.province)?.status).toBe('acknowledged');
    expect((await province.plan.list({ awaiting: true })).items.map((i) => i.id)).not.toContain(id);
    expect((await jiaotong.plan.list({ awaiting: true })).items.map((i) => i.id)).toContain(id);
    expect((await openItems(h.db, 'filing_receipt', pr.id)).every((i) => i.closedAt)).toBe(true);

    const jr = await receiptOf(id, ORG.jiaotong);
    await jiaotong.plan.receipt.acknowledge({ id: jr.id, version: jr.version });
    p = await zz.plan.get({ id });
    expect(p.status).toBe('filed');
    expect(p.filedVersionNo).toBe(1);
    expect(p.versions[0].outcome).toBe('filed');
    expect(p.timeline.events.map((e) => e.action)).toEqual(expect.arrayContaining(['implementation_plan.file', 'filing_receipt.acknowledge', 'implementation_plan.complete']));
  });

  it('one return makes it 已退回 with the reason; the other pending receipt is closed; refiling opens fresh receipts', async () => {
    const id = await filing();
    const jr = await receiptOf(id, ORG.jiaotong);
    const bad = await failure(jiaotong.plan.receipt.return({ id: jr.id, version: jr.version, reason: '' }));
    expect(bad.fieldErrors.reason).toBeDefined();
    await jiaotong.plan.receipt.return({ id: jr.id, version: jr.version, reason: '产品清单缺少交通领域场景' });
    const p = await zz.plan.get({ id });
    expect(p.status).toBe('returned');
    expect(p.receipts.find((r) => r.recipientOrgId === ORG.jiaotong)?.reason).toBe('产品清单缺少交通领域场景');
    expect(p.receipts.find((r) => r.recipientOrgId === ORG.province)?.status).toBe('superseded');
    expect((await province.me.inbox()).some((i) => i.href === `/filings/plans/${id}`)).toBe(false);
    const fix = (await zz.me.inbox()).find((i) => i.entityId === id && i.step === 'revise');
    expect(fix?.title).toContain('退回');
    expect(p.actions).toContain('file');

    await zz.plan.update({ ...planInput({ name: p.name }), id, version: p.version });
    const q = await zz.plan.get({ id });
    await zz.plan.file({ id, version: q.version });
    const r = await zz.plan.get({ id });
    expect(r.status).toBe('filing');
    expect(r.lastVersionNo).toBe(2);
    expect(r.receipts.filter((x) => x.versionNo === 2).map((x) => x.status)).toEqual(['pending', 'pending']);
    expect(r.receipts.filter((x) => x.versionNo === 1).map((x) => x.status).sort()).toEqual(['returned', 'superseded']);
    expect(r.versions.map((v) => v.outcome)).toEqual(['filing', 'returned']);
    expect((await zz.me.inbox()).some((i) => i.entityId === id && i.step === 'revise')).toBe(false);
    expect((await province.plan.list({ awaiting: true })).items.map((i) => i.id)).toContain(id);
  });

  it('only the recipient acts on its receipt: other organizations get NOT_FOUND; stale versions CONFLICT', async () => {
    const id = await filing(zz2, 'zz_admin_b');
    const pr = await receiptOf(id, ORG.province);
    expect(await errorCode(anon.plan.receipt.acknowledge({ id: pr.id, version: pr.version }))).toBe('UNAUTHORIZED');
    expect(await errorCode(zz.plan.receipt.acknowledge({ id: pr.id, version: pr.version }))).toBe('FORBIDDEN');
    expect(await errorCode(jiaotong.plan.receipt.acknowledge({ id: pr.id, version: pr.version }))).toBe('NOT_FOUND');
    expect(await errorCode(weijian.plan.receipt.return({ id: pr.id, version: pr.version, reason: '不属于本部门' }))).toBe('NOT_FOUND');
    expect(await errorCode(province.agreement.receipt.acknowledge({ id: pr.id, version: pr.version }))).toBe('NOT_FOUND');
    expect(await errorCode(province.plan.receipt.acknowledge({ id: pr.id, version: pr.version + 1 }))).toBe('CONFLICT');
    await province.plan.receipt.acknowledge({ id: pr.id, version: pr.version });
    expect(await errorCode(province.plan.receipt.acknowledge({ id: pr.id, version: pr.version + 1 }))).toBe('PRECONDITION_FAILED');
  });

  it('the owner may withdraw a version out for filing: its receipts close', async () => {
    const id = await filing(zz2, 'zz_admin_b');
    const p = await zz2.plan.get({ id });
    expect(await errorCode(lyAdmin.plan.withdraw({ id, version: p.version }))).toBe('NOT_FOUND');
    expect(await errorCode(province.plan.withdraw({ id, version: p.version }))).toBe('FORBIDDEN');
    expect(await errorCode(zz2.plan.withdraw({ id, version: p.version - 1 }))).toBe('CONFLICT');
    await zz2.plan.withdraw({ id, version: p.version });
    const q = await zz2.plan.get({ id });
    expect(q.status).toBe('draft');
    expect(q.receipts.map((r) => r.status)).toEqual(['superseded', 'superseded']);
    expect(q.versions[0].outcome).toBe('withdrawn');
    expect((await jiaotong.me.inbox()).some((i) => i.href === `/filings/plans/${id}`)).toBe(false);
  });
});

describe('a provincial plan (HN-11 ¶2 covers 省辖市 only)', () => {
  it('takes effect without receipts once its records exist', async () => {
    const id = await draft(province, { industryOrgId: null, resourceIds: [RES.provincial] });
    const version = await records(id, province, 'province');
    const f = await failure(province.plan.file({ id, version }));
    expect(f.code).toBe('PRECONDITION_FAILED');
    expect(f.article).toBe('HN-11 ¶2');
    expect((await province.plan.get({ id })).actions).toEqual(['enact']);
    await province.plan.enact({ id, version });
    const p = await province.plan.get({ id });
    expect(p.status).toBe('effective');
    expect(p.filedVersionNo).toBe(1);
    expect(p.receipts).toEqual([]);
    expect(p.versions[0].outcome).toBe('effective');
    // a city's plan cannot skip filing
    const city = await draft(zz2);
    const cv = await records(city, zz2, 'zz_admin_b');
    expect((await failure(zz2.plan.enact({ id: city, version: cv }))).article).toBe('HN-11 ¶2');
  });
});

describe('revisions: numbered versions with a diff', () => {
  it('editing a filed plan makes a working copy; the filed version stays in force; any two versions compare', async () => {
    const id = await filing();
    for (const org of [ORG.province, ORG.jiaotong]) {
      const r = await receiptOf(id, org);
      await (org === ORG.province ? province : jiaotong).plan.receipt.acknowledge({ id: r.id, version: r.version });
    }
    let p = await zz.plan.get({ id });
    const s = planSections();
    await zz.plan.update({ ...planInput({ name: p.name, sections: { ...s, term: { ...s.term, years: 2 } } }), id, version: p.version });
    p = await zz.plan.get({ id });
    expect(p.status).toBe('draft');
    expect(p.filedVersionNo).toBe(1);
    expect(p.canRecord).toBe(true);
    const d = await zz.plan.diff({ id, from: 1, to: 0 });
    // the revision clears version 1's records: the revised text needs its own (HN-11 ¶1)
    expect(d.changes.map((c) => c.path).sort()).toEqual(['approvalOn', 'approvalRef', 'decisionMeeting', 'decisionOn', 'sections.term.years']);
    expect(d.changes).toContainEqual({ path: 'sections.term.years', before: 3, after: 2 });
    expect((await failure(zz.plan.file({ id, version: p.version }))).article).toBe('HN-11 ¶1');
    const now = shanghaiDate(new Date());
    await zz.plan.recordDecision({ id, version: p.version, decisionOn: now, decisionMeeting: '市政府第 20 次常务会议' });
    p = await zz.plan.get({ id });
    // version 1's minutes do not count for the revision
    expect((await failure(zz.plan.file({ id, version: p.version }))).message).toContain('修订版须上传本次决策的会议纪要');
    await uploadMinutes(h.db, 'zhengzhou', 'implementation_plan_minutes', id);
    p = await zz.plan.get({ id });
    await zz.plan.recordApproval({ id, version: p.version, approvalOn: now, approvalRef: '郑政文〔2026〕3号' });
    p = await zz.plan.get({ id });
    await zz.plan.file({ id, version: p.version });
    expect((await jiaotong.plan.diff({ id, from: 1, to: 2 })).changes.map((c) => c.path)).toContain('sections.term.years');
    expect(await errorCode(zz.plan.diff({ id, from: 1, to: 5 }))).toBe('NOT_FOUND');
    expect(await errorCode(lyAdmin.plan.diff({ id, from: 1, to: 2 }))).toBe('NOT_FOUND');
    expect(await errorCode(operator.plan.diff({ id, from: 1, to: 2 }))).toBe('FORBIDDEN');
    expect(await errorCode(anon.plan.diff({ id, from: 1, to: 2 }))).toBe('UNAUTHORIZED');
    expect(await errorCode(zz.plan.diff({ id, from: -1, to: 2 }))).toBe('BAD_REQUEST');
  });
});

describe('scope (DESIGN §1)', () => {
  it('owner, province, recipients, the region\'s agencies; nobody else', async () => {
    const id = await draft();
    expect((await agency.plan.get({ id })).canEdit).toBe(false);
    expect((await province.plan.get({ id })).id).toBe(id);
    expect(await errorCode(jiaotong.plan.get({ id }))).toBe('NOT_FOUND'); // not filed to it yet
    expect(await errorCode(lyAdmin.plan.get({ id }))).toBe('NOT_FOUND');
    expect(await errorCode(weijian.plan.get({ id }))).toBe('NOT_FOUND');
    expect(await errorCode(operator.plan.get({ id }))).toBe('FORBIDDEN');
    expect(await errorCode(anon.plan.get({ id }))).toBe('UNAUTHORIZED');
    expect((await lyAdmin.plan.list({})).items.map((i) => i.id)).not.toContain(id);
    expect((await zz.plan.list({ mine: true, sort: 'name', dir: 'asc' })).items.map((i) => i.id)).toContain(id);
    const version = await records(id);
    await zz.plan.file({ id, version });
    expect((await jiaotong.plan.get({ id })).myReceipt).not.toBeNull();
    expect((await weijian.plan.list({})).items.map((i) => i.id)).not.toContain(id);
  });

  it('lists filter by status and search, page by keyset, and export the same rows', async () => {
    const name = `检索用方案${tag()}`;
    await draft(zz2, { name });
    const found = await zz.plan.list({ q: name.slice(-8), status: 'draft' });
    expect(found.items.map((i) => i.name)).toEqual([name]);
    const first = await zz.plan.list({ limit: 1 });
    expect(first.nextCursor).not.toBeNull();
    const second = await zz.plan.list({ limit: 1, cursor: first.nextCursor });
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect((await zz.plan.facets()).regions.map((r) => r.code)).toEqual(['410100']);
    const user = { orgId: ORG.zz, regionCode: '410100', industry: null, roles: ['municipal_admin' as const] };
    const res = await exportPlans(h.db, { id: null, name: 'test', orgId: ORG.zz, ip: null }, user, new URLSearchParams({ format: 'csv', q: name.slice(-8) }));
    const csv = await res.text();
    expect(csv).toContain(name);
    expect(csv.trim().split('\r\n')).toHaveLength(2);
    expect((await exportPlans(h.db, { id: null, name: 'test', orgId: ORG.zz, ip: null }, user, new URLSearchParams({ status: 'nope' }))).status).toBe(400);
  });
});

describe('the procedure ladder on every plan procedure', () => {
  it('no session → UNAUTHORIZED; a role without the permission → FORBIDDEN', async () => {
    const id = await draft(zz2);
    const ref = { id, version: 1 };
    const calls: [string, (c: Caller) => Promise<unknown>][] = [
      ['list', (c) => c.plan.list({})],
      ['facets', (c) => c.plan.facets()],
      ['get', (c) => c.plan.get({ id })],
      ['industryOptions', (c) => c.plan.industryOptions()],
      ['resourceOptions', (c) => c.plan.resourceOptions({})],
      ['create', (c) => c.plan.create(planInput())],
      ['update', (c) => c.plan.update({ ...planInput(), ...ref })],
      ['recordDecision', (c) => c.plan.recordDecision({ ...ref, decisionOn: '2025-03-01', decisionMeeting: '会议' })],
      ['recordApproval', (c) => c.plan.recordApproval({ ...ref, approvalOn: '2025-03-01', approvalRef: '文号' })],
      ['file', (c) => c.plan.file(ref)],
      ['enact', (c) => c.plan.enact(ref)],
      ['withdraw', (c) => c.plan.withdraw(ref)],
      ['receipt.acknowledge', (c) => c.plan.receipt.acknowledge(ref)],
      ['receipt.return', (c) => c.plan.receipt.return({ ...ref, reason: '理由' })],
      ['diff', (c) => c.plan.diff({ id, from: 0, to: 0 })],
    ];
    for (const [name, call] of calls) {
      expect(await errorCode(call(anon)), name).toBe('UNAUTHORIZED');
      expect(await errorCode(call(operator)), name).toBe('FORBIDDEN');
    }
    expect((await zz.plan.industryOptions()).map((o) => o.name)).toEqual(expect.arrayContaining(['河南省交通运输厅', '河南省卫生健康委员会']));
  });

  it('enact and recordApproval: another organization, no permission, stale version', async () => {
    const id = await draft(province, { industryOrgId: null, resourceIds: [RES.provincial] });
    const version = await records(id, province, 'province');
    expect(await errorCode(zz.plan.enact({ id, version }))).toBe('NOT_FOUND');
    expect(await errorCode(agency.plan.enact({ id, version }))).toBe('FORBIDDEN');
    expect(await errorCode(province.plan.enact({ id, version: version - 1 }))).toBe('CONFLICT');
    expect(await errorCode(province.plan.enact({ id, version: -1.5 }))).toBe('BAD_REQUEST');
    const city = await draft(zz2);
    const c = await zz2.plan.get({ id: city });
    expect(await errorCode(province.plan.recordApproval({ id: city, version: c.version, approvalOn: '2025-03-01', approvalRef: 'X' }))).toBe('FORBIDDEN');
    expect(await errorCode(zz2.plan.recordApproval({ id: city, version: c.version + 1, approvalOn: '2025-03-01', approvalRef: 'X' }))).toBe('CONFLICT');
  });
});

describe('demo seed', () => {
  it('a filed 郑州 plan that the seeded agreement implements, and one waiting on the province (待我备案)', async () => {
    const rows = (await province.plan.list({ q: DEMO_PLAN_NAME })).items;
    const filedPlan = rows.find((r) => r.name === DEMO_PLAN_NAME)!;
    expect(filedPlan.status).toBe('filed');
    expect(filedPlan.receipts).toBe('2/2');
    const pending = (await province.plan.list({ awaiting: true })).items.find((r) => r.name === DEMO_PENDING_PLAN_NAME)!;
    expect(pending.status).toBe('filing');
    expect(pending.receipts).toBe('1/2');
    expect((await jiaotong.plan.list({ awaiting: true })).items.some((r) => r.name === DEMO_PENDING_PLAN_NAME)).toBe(false);
    const [agreement] = await h.db.select().from(operatingAgreements).where(eq(operatingAgreements.name, DEMO_AGREEMENT_NAME));
    expect(agreement.planId).toBe(filedPlan.id);
    expect((await agency.agreement.diff({ id: agreement.id, from: 1, to: 0 })).changes).toEqual([]);
    expect((await province.me.inbox()).some((i) => i.title.includes(DEMO_PENDING_PLAN_NAME))).toBe(true);
  });
});

describe('database', () => {
  it('every status was set by a transition (audited)', async () => {
    const rows = await h.db.select({ id: implementationPlans.id, status: implementationPlans.status }).from(implementationPlans);
    for (const r of rows.filter((x) => x.status !== 'draft')) {
      const events = await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, r.id)));
      expect(events.some((e) => (e.after as { status?: string } | null)?.status === r.status), r.id).toBe(true);
    }
  });
});
