import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, filingReceipts, inboxItems, operatingAgreements, registrations } from '@/db/schema';
import { DEMO_AGREEMENT_NAME } from '@/db/seed/filings-demo';
import { addDays, shanghaiDate } from '@/server/domain/deadlines';
import {
  callerAs, demoUser, errorCode, extraUser, failure, NO_ID, openSeededDb, orgId, resourceId, type Caller, type TestDb,
} from '@/server/test/harness';
import { sweepAgreementExpiry } from './expiry';
import type { AgreementInput } from './schema';
import { agreementClauses, openItems, tag, uploadMinutes } from './test-kit';

/**
 * Operating agreements (HN-13, HN-14) against a real seeded database: 郑州市大数据发展中心 (agency)
 * signs with 河南数据集团有限公司 (operator), filed to the province and 河南省交通运输厅 (jiaotong).
 */

let h: TestDb;
let anon: Caller;
let agency: Caller;
let agency2: Caller; // a second user of the same agency
let province: Caller;
let jiaotong: Caller;
let weijian: Caller; // 河南省卫生健康委员会 (industry_dept)
let zz: Caller; // 郑州 municipal authority: reads its region's agreements
let operator: Caller; // 河南数据集团有限公司
let otherOperator: Caller; // 郑州数据运营有限公司
let lyAgency: Caller; // 洛阳市大数据中心
const ORG = { operator: '', jiaotong: '', weijian: '', province: '', agency: '' };
const RES = { sc: '', rs: '', ga: '', luoyang: '' };

beforeAll(async () => {
  h = await openSeededDb();
  ORG.operator = await orgId(h.db, '河南数据集团有限公司');
  ORG.jiaotong = await orgId(h.db, '河南省交通运输厅');
  ORG.weijian = await orgId(h.db, '河南省卫生健康委员会');
  ORG.province = await orgId(h.db, '河南省行政审批和政务信息管理局');
  ORG.agency = await orgId(h.db, '郑州市大数据发展中心');
  RES.sc = await resourceId(h.db, '410100-SC-0001'); // registered, operable
  RES.rs = await resourceId(h.db, '410100-RS-0001'); // registration in its notice period
  RES.ga = await resourceId(h.db, '410100-GA-0001'); // not published
  RES.luoyang = await resourceId(h.db, '410300-SC-0001');
  anon = await callerAs(h.db, null);
  agency = await callerAs(h.db, demoUser('implementing_agency'));
  province = await callerAs(h.db, demoUser('province_admin'));
  jiaotong = await callerAs(h.db, demoUser('industry_dept'));
  zz = await callerAs(h.db, demoUser('municipal_admin'));
  operator = await callerAs(h.db, demoUser('operator'));
  agency2 = await extraUser(h.db, 'zz_agency_2', ['implementing_agency'], '郑州市大数据发展中心');
  weijian = await extraUser(h.db, 'weijian_a', ['industry_dept'], '河南省卫生健康委员会');
  otherOperator = await extraUser(h.db, 'zz_operator', ['operator'], '郑州数据运营有限公司');
  lyAgency = await extraUser(h.db, 'ly_agency_a', ['implementing_agency'], '洛阳市大数据中心');
});
afterAll(() => h.close());

const today = () => shanghaiDate(new Date());

function input(o: Partial<AgreementInput> = {}): AgreementInput {
  return {
    name: `运营协议${tag()}`, operatorOrgId: ORG.operator, industryOrgId: ORG.jiaotong, partnerOrgIds: [], planId: null,
    signedOn: '2025-12-20', startsOn: '2026-01-01', endsOn: '2028-12-31', termException: null,
    resourceIds: [RES.sc], clauses: agreementClauses(), ...o,
  };
}

async function draft(c: Caller = agency, o: Partial<AgreementInput> = {}) {
  return (await c.agreement.create(input(o))).id;
}

/** The 三重一大 record and its minutes (HN-13 ¶1); returns the version. */
async function decided(id: string, c: Caller = agency, username = 'agency') {
  const a = await c.agreement.get({ id });
  await c.agreement.recordDecision({ id, version: a.version, decisionOn: '2025-12-10', decisionMeeting: '中心主任办公会' });
  await uploadMinutes(h.db, username, 'operating_agreement_minutes', id);
  return (await c.agreement.get({ id })).version;
}

async function receipt(id: string, org: string) {
  const rows = await h.db.select().from(filingReceipts).where(and(eq(filingReceipts.entityId, id), eq(filingReceipts.recipientOrgId, org)));
  return rows.sort((a, b) => b.versionNo - a.versionNo)[0];
}

/** Filed and acknowledged by both recipients. */
async function filed(o: Partial<AgreementInput> = {}, c: Caller = agency2, username = 'zz_agency_2') {
  const id = await draft(c, o);
  await c.agreement.file({ id, version: await decided(id, c, username) });
  for (const [org, who] of [[ORG.province, province], [ORG.jiaotong, jiaotong]] as const) {
    const r = await receipt(id, org);
    await who.agreement.receipt.acknowledge({ id: r.id, version: r.version });
  }
  return id;
}

describe('agreement.create (HN-13, HN-14)', () => {
  it('the agency records an agreement with the 13 clauses; the agency is the caller\'s organization', async () => {
    const id = await draft();
    const a = await agency.agreement.get({ id });
    expect(a.status).toBe('draft');
    expect(a.agencyName).toBe('郑州市大数据发展中心');
    expect(a.operatorName).toBe('河南数据集团有限公司');
    expect(a.regionCode).toBe('410100');
    expect(a.resources[0].operability.operable).toBe(true);
    expect(a.exceptionStatus).toBe('none');
    expect(a.clauses.evaluation.renewalExit).toContain('续约');
  });

  it('needs a session and agreement.write', async () => {
    expect(await errorCode(anon.agreement.create(input()))).toBe('UNAUTHORIZED');
    expect(await errorCode(zz.agreement.create(input()))).toBe('FORBIDDEN');
    expect(await errorCode(operator.agreement.create(input()))).toBe('FORBIDDEN');
    expect(await errorCode(province.agreement.create(input()))).toBe('FORBIDDEN');
  });

  it('HN-14(2): 3 years and 1 day is refused; exactly 3 years (inclusive end) is accepted', async () => {
    const f = await failure(agency.agreement.create(input({ startsOn: '2026-01-01', endsOn: '2029-01-01' })));
    expect(f.code).toBe('BAD_REQUEST');
    expect(f.fieldErrors.endsOn[0]).toContain('运营期限原则上最长不超过3年');
    expect(f.fieldErrors.endsOn[0]).toContain('HN-14(2)');
    const { id } = await agency.agreement.create(input({ startsOn: '2026-01-01', endsOn: '2028-12-31' }));
    expect((await agency.agreement.get({ id })).termExceeds).toBe(false);
    expect((await failure(agency.agreement.create(input({ startsOn: '2026-01-01', endsOn: '2025-12-31' })))).fieldErrors.endsOn[0]).toContain('早于');
  });

  it('each clause names its item of HN-14; the parties are checked (HN-13)', async () => {
    const c = { ...agreementClauses(), liability: '', products: { ...agreementClauses().products, items: [] } };
    let f = await failure(agency.agreement.create(input({ clauses: c, resourceIds: [] })));
    expect(f.fieldErrors['clauses.liability'][0]).toContain('HN-14(10)');
    expect(f.fieldErrors['clauses.products.items'][0]).toContain('HN-14(3)');
    expect(f.fieldErrors.resourceIds[0]).toContain('HN-14(1)');
    f = await failure(agency.agreement.create(input({ operatorOrgId: ORG.jiaotong })));
    expect(f.fieldErrors.operatorOrgId[0]).toContain('HN-13 ¶1');
    f = await failure(agency.agreement.create(input({ industryOrgId: ORG.operator })));
    expect(f.fieldErrors.industryOrgId[0]).toContain('HN-13 ¶2');
    f = await failure(agency.agreement.create(input({ partnerOrgIds: [ORG.operator] })));
    expect(f.fieldErrors.partnerOrgIds).toBeDefined();
    f = await failure(agency.agreement.create(input({ planId: NO_ID })));
    expect(f.fieldErrors.planId).toBeDefined();
  });

  it('only resources that may be operated, of its own catalog or region, can be in scope (HN-10, HN-14(1))', async () => {
    let f = await failure(agency.agreement.create(input({ resourceIds: [RES.sc, RES.rs] })));
    expect(f.code).toBe('BAD_REQUEST');
    expect(f.fieldErrors.resourceIds[0]).toContain('410100-RS-0001');
    expect(f.fieldErrors.resourceIds[0]).toContain('公示期');
    f = await failure(agency.agreement.create(input({ resourceIds: [RES.ga] })));
    expect(f.fieldErrors.resourceIds[0]).toContain('目录未发布');
    f = await failure(agency.agreement.create(input({ resourceIds: [RES.luoyang] })));
    expect(f.fieldErrors.resourceIds[0]).toContain('本机构或本地区');
    const options = await agency.agreement.resourceOptions({});
    expect(options.find((o) => o.id === RES.sc)?.operability.operable).toBe(true);
    expect(options.find((o) => o.id === RES.rs)?.operability.operable).toBe(false);
    expect(options.some((o) => o.id === RES.luoyang)).toBe(false);
  });
});

describe('agreement.update', () => {
  it('saves; UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, BAD_REQUEST', async () => {
    const id = await draft();
    const a = await agency.agreement.get({ id });
    const upd = { ...input({ name: a.name }), id, version: a.version };
    expect(await errorCode(anon.agreement.update(upd))).toBe('UNAUTHORIZED');
    expect(await errorCode(zz.agreement.update(upd))).toBe('FORBIDDEN');
    expect(await errorCode(lyAgency.agreement.update(upd))).toBe('NOT_FOUND');
    expect(await errorCode(agency.agreement.update({ ...upd, version: 99 }))).toBe('CONFLICT');
    expect((await failure(agency.agreement.update({ ...upd, endsOn: '2029-01-01' }))).fieldErrors.endsOn[0]).toContain('HN-14(2)');
    await agency.agreement.update({ ...upd, signedOn: '2025-12-21' });
    expect((await agency.agreement.get({ id })).version).toBe(a.version + 1);
  });
});

describe('the HN-14(2) exception: a justified longer term needs the province\'s approval', () => {
  it('justified → pending in the province\'s 待办; filing refused until approved; approved → filing allowed', async () => {
    const id = await draft(agency, { startsOn: '2026-01-01', endsOn: '2030-12-31', termException: '基础设施投资回收期需要 5 年' });
    let a = await agency.agreement.get({ id });
    expect(a.exceptionStatus).toBe('pending');
    expect(a.termExceeds).toBe(true);
    expect((await province.me.inbox()).some((i) => i.entityId === id && i.step === 'exception')).toBe(true);
    expect((await province.agreement.list({ exceptionPending: true })).items.map((i) => i.id)).toContain(id);
    const version = await decided(id);
    const f = await failure(agency.agreement.file({ id, version }));
    expect(f.code).toBe('PRECONDITION_FAILED');
    expect(f.article).toBe('HN-14(2)');
    expect(await errorCode(jiaotong.agreement.decideException({ id, version, decision: 'approve' }))).toBe('FORBIDDEN');
    expect(await errorCode(agency.agreement.decideException({ id, version, decision: 'approve' }))).toBe('FORBIDDEN');
    expect(await errorCode(anon.agreement.decideException({ id, version, decision: 'approve' }))).toBe('UNAUTHORIZED');
    expect(await errorCode(province.agreement.decideException({ id: NO_ID, version, decision: 'approve' }))).toBe('NOT_FOUND');
    expect(await errorCode(province.agreement.decideException({ id, version: version - 1, decision: 'approve' }))).toBe('CONFLICT');
    await province.agreement.decideException({ id, version, decision: 'approve', reason: '重大基础设施项目' });
    a = await agency.agreement.get({ id });
    expect(a.exceptionStatus).toBe('approved');
    expect((await province.me.inbox()).some((i) => i.entityId === id && i.step === 'exception')).toBe(false);
    expect(await errorCode(province.agreement.decideException({ id, version: a.version, decision: 'approve' }))).toBe('PRECONDITION_FAILED');
    const filing = await agency.agreement.file({ id, version: a.version });
    expect(filing.status).toBe('filing');
  });

  it('refused (with a reason) → cannot be filed; the agency sees it in its 待办; a changed term asks again', async () => {
    const id = await draft(agency2, { startsOn: '2026-01-01', endsOn: '2030-12-31', termException: '投资回收期较长,需要 5 年' });
    const version = await decided(id, agency2, 'zz_agency_2');
    const bad = await failure(province.agreement.decideException({ id, version, decision: 'refuse' }));
    expect(bad.fieldErrors.reason[0]).toContain('HN-14(2)');
    await province.agreement.decideException({ id, version, decision: 'refuse', reason: '理由不充分' });
    let a = await agency2.agreement.get({ id });
    expect(a.exceptionStatus).toBe('refused');
    expect(a.exceptionReason).toBe('理由不充分');
    expect((await agency2.me.inbox()).some((i) => i.entityId === id && i.step === 'exception_refused')).toBe(true);
    const f = await failure(agency2.agreement.file({ id, version: a.version }));
    expect(f.article).toBe('HN-14(2)');
    expect(f.message).toContain('未获');
    // shortened to 3 years: no exception needed any more
    await agency2.agreement.update({ ...input({ name: a.name, startsOn: '2026-01-01', endsOn: '2028-12-31' }), id, version: a.version });
    a = await agency2.agreement.get({ id });
    expect(a.exceptionStatus).toBe('none');
    expect((await agency2.me.inbox()).some((i) => i.entityId === id && i.step.startsWith('exception'))).toBe(false);
  });
});

describe('agreement.recordDecision and file (HN-13)', () => {
  it('the decision precedes the signing; without it or its minutes filing is refused', async () => {
    const id = await draft(agency, { signedOn: '2025-12-01' });
    let a = await agency.agreement.get({ id });
    const late = await failure(agency.agreement.recordDecision({ id, version: a.version, decisionOn: '2025-12-05', decisionMeeting: '主任办公会' }));
    expect(late.fieldErrors.decisionOn[0]).toContain('HN-13 ¶1');
    expect(await errorCode(lyAgency.agreement.recordDecision({ id, version: a.version, decisionOn: '2025-11-05', decisionMeeting: '会' }))).toBe('NOT_FOUND');
    expect(await errorCode(zz.agreement.recordDecision({ id, version: a.version, decisionOn: '2025-11-05', decisionMeeting: '会' }))).toBe('FORBIDDEN');
    expect(await errorCode(agency.agreement.recordDecision({ id, version: a.version + 3, decisionOn: '2025-11-05', decisionMeeting: '会' }))).toBe('CONFLICT');
    let f = await failure(agency.agreement.file({ id, version: a.version }));
    expect(f.article).toBe('HN-13 ¶1');
    await agency.agreement.recordDecision({ id, version: a.version, decisionOn: '2025-11-05', decisionMeeting: '主任办公会' });
    a = await agency.agreement.get({ id });
    f = await failure(agency.agreement.file({ id, version: a.version }));
    expect(f.message).toContain('会议纪要');
    await uploadMinutes(h.db, 'agency', 'operating_agreement_minutes', id);
    expect(await errorCode(anon.agreement.file({ id, version: a.version }))).toBe('UNAUTHORIZED');
    expect(await errorCode(zz.agreement.file({ id, version: a.version }))).toBe('FORBIDDEN');
    expect(await errorCode(lyAgency.agreement.file({ id, version: a.version }))).toBe('NOT_FOUND');
    expect(await errorCode(agency.agreement.file({ id, version: a.version - 1 }))).toBe('CONFLICT');
    await agency.agreement.file({ id, version: a.version });
    a = await agency.agreement.get({ id });
    expect(a.receipts.map((r) => r.recipientName).sort()).toEqual(['河南省交通运输厅', '河南省行政审批和政务信息管理局']);
  });

  it('a resource that may no longer be operated blocks the filing (HN-14(1))', async () => {
    const id = await draft(agency2);
    const version = await decided(id, agency2, 'zz_agency_2');
    // the registration of 企业登记基本信息 is cancelled before the filing
    const [reg] = await h.db.select().from(registrations).where(and(eq(registrations.resourceId, RES.sc), eq(registrations.status, 'approved')));
    const [cancel] = await h.db.insert(registrations).values({
      resourceId: RES.sc, applicantOrgId: ORG.agency, regionCode: '410100', kind: 'cancel', status: 'approved', description: 'test',
      registrationNo: `T${tag()}`, effectiveOn: addDays(today(), -1), decidedAt: new Date(), noticeStartsOn: addDays(today(), -2), noticeEndsOn: addDays(today(), -2),
    }).returning();
    try {
      const f = await failure(agency2.agreement.file({ id, version }));
      expect(f.code).toBe('PRECONDITION_FAILED');
      expect(f.article).toBe('HN-14(1)');
      expect(f.message).toContain('410100-SC-0001');
    } finally {
      await h.db.delete(registrations).where(eq(registrations.id, cancel.id));
    }
    expect(reg).toBeDefined();
  });
});

describe('receipts of an agreement (HN-13 ¶2)', () => {
  it('two acknowledgements file it; the operator and the recipients read it, others do not', async () => {
    const id = await filed();
    const a = await agency2.agreement.get({ id });
    expect(a.status).toBe('filed');
    expect(a.filedVersionNo).toBe(1);
    expect((await operator.agreement.get({ id })).operatorName).toBe('河南数据集团有限公司');
    expect((await jiaotong.agreement.get({ id })).id).toBe(id);
    expect((await zz.agreement.get({ id })).id).toBe(id);
    expect(await errorCode(otherOperator.agreement.get({ id }))).toBe('NOT_FOUND');
    expect(await errorCode(weijian.agreement.get({ id }))).toBe('NOT_FOUND');
    expect(await errorCode(lyAgency.agreement.get({ id }))).toBe('NOT_FOUND');
    expect(await errorCode(anon.agreement.get({ id }))).toBe('UNAUTHORIZED');
  });

  it('a return sends it back with the reason; a co-signing department reads it too', async () => {
    const id = await draft(agency, { partnerOrgIds: [ORG.weijian] });
    expect((await weijian.agreement.get({ id })).partners.map((p) => p.name)).toEqual(['河南省卫生健康委员会']);
    expect(await errorCode(jiaotong.agreement.get({ id }))).toBe('NOT_FOUND'); // not filed to it yet
    await agency.agreement.file({ id, version: await decided(id) });
    const r = await receipt(id, ORG.province);
    expect(await errorCode(jiaotong.agreement.receipt.acknowledge({ id: r.id, version: r.version }))).toBe('NOT_FOUND');
    expect(await errorCode(agency.agreement.receipt.acknowledge({ id: r.id, version: r.version }))).toBe('FORBIDDEN');
    expect(await errorCode(province.agreement.receipt.return({ id: r.id, version: r.version + 1, reason: '缺少附件' }))).toBe('CONFLICT');
    await province.agreement.receipt.return({ id: r.id, version: r.version, reason: '协议未写明收益分配比例' });
    const a = await agency.agreement.get({ id });
    expect(a.status).toBe('returned');
    expect(a.receipts.find((x) => x.recipientOrgId === ORG.province)?.reason).toBe('协议未写明收益分配比例');
    expect(a.receipts.find((x) => x.recipientOrgId === ORG.jiaotong)?.status).toBe('superseded');
    expect((await agency.me.inbox()).some((i) => i.entityId === id && i.step === 'revise')).toBe(true);
  });
});

describe('expiry (HN-14(9))', () => {
  it('list and detail count the days left with 90/30-day levels; the 即将到期 filter', async () => {
    const id = await filed({ startsOn: addDays(today(), -700), endsOn: addDays(today(), 20) });
    const a = await agency2.agreement.get({ id });
    expect(a.daysLeft).toBe(20);
    expect(a.expiry).toBe('within30');
    const expiring = (await agency2.agreement.list({ expiring: true, sort: 'endsOn', dir: 'asc' })).items;
    expect(expiring.map((i) => i.id)).toContain(id);
    expect(expiring.find((i) => i.name === DEMO_AGREEMENT_NAME)).toBeUndefined();
    const seeded = (await agency2.agreement.list({ q: '企业登记数据' })).items[0];
    expect(seeded.expiry === null || seeded.expiry === 'within90' || seeded.expiry === 'within30').toBe(true);
  });

  it('the sweep opens one reminder per threshold, never twice, and the recorded path closes them', async () => {
    const id = await filed({ startsOn: addDays(today(), -600), endsOn: addDays(today(), 60) });
    const items = async () => (await h.db.select().from(inboxItems).where(and(eq(inboxItems.entityType, 'operating_agreement'), eq(inboxItems.entityId, id))))
      .filter((i) => i.step.startsWith('expiry_'));
    await sweepAgreementExpiry(h.db, today());
    let mine = await items();
    expect(mine.map((i) => [i.step.split(':')[0], !!i.closedAt])).toEqual([['expiry_90', false]]);
    expect(mine[0].assigneeRole).toBe('implementing_agency');
    expect(mine[0].basis).toBe('HN-14(9)');
    await sweepAgreementExpiry(h.db, today());
    expect(await items()).toHaveLength(1);
    // 40 days later the end is 20 days away: the 30-day reminder replaces the 90-day one
    const later = addDays(today(), 40);
    await sweepAgreementExpiry(h.db, later);
    await sweepAgreementExpiry(h.db, later);
    mine = await items();
    expect(mine.map((i) => [i.step.split(':')[0], !!i.closedAt]).sort()).toEqual([['expiry_30', false], ['expiry_90', true]]);
    expect((await agency.me.inbox()).some((i) => i.entityId === id && i.step.startsWith('expiry_30'))).toBe(true);

    const a = await agency2.agreement.get({ id });
    expect(a.canExitPath).toBe(true);
    expect(await errorCode(lyAgency.agreement.recordExitPath({ id, version: a.version, exitPath: 'renew', exitNote: '续约' }))).toBe('NOT_FOUND');
    expect(await errorCode(operator.agreement.recordExitPath({ id, version: a.version, exitPath: 'renew', exitNote: '续约' }))).toBe('FORBIDDEN');
    expect(await errorCode(agency2.agreement.recordExitPath({ id, version: a.version + 1, exitPath: 'renew', exitNote: '续约' }))).toBe('CONFLICT');
    const bad = await failure(agency2.agreement.recordExitPath({ id, version: a.version, exitPath: 'later' as 'renew', exitNote: '' }));
    expect(bad.fieldErrors.exitPath[0]).toContain('HN-14(9)');
    await agency2.agreement.recordExitPath({ id, version: a.version, exitPath: 'exit', exitNote: '评价不合格,期满退出' });
    expect((await items()).every((i) => i.closedAt)).toBe(true);
    await sweepAgreementExpiry(h.db, later);
    expect((await items()).every((i) => i.closedAt)).toBe(true);

    // HN-14(9), HN-14(12): the agreement ends by the recorded exit
    const b = await agency2.agreement.get({ id });
    expect(b.actions).toContain('end');
    expect(await errorCode(agency2.agreement.end({ id, version: b.version, reason: '' }))).toBe('BAD_REQUEST');
    expect(await errorCode(lyAgency.agreement.end({ id, version: b.version, reason: '期满退出' }))).toBe('NOT_FOUND');
    await agency2.agreement.end({ id, version: b.version, reason: '期满退出' });
    expect((await agency2.agreement.get({ id })).status).toBe('ended');
  });

  it('ending needs the exit recorded first', async () => {
    const id = await filed();
    const a = await agency2.agreement.get({ id });
    const f = await failure(agency2.agreement.end({ id, version: a.version, reason: '提前终止' }));
    expect(f.article).toBe('HN-14(9)');
    expect(await errorCode(agency2.agreement.recordExitPath({ id: (await draft(agency2)), version: 1, exitPath: 'renew', exitNote: '续约' }))).toBe('PRECONDITION_FAILED');
  });
});

describe('the procedure ladder on every agreement procedure', () => {
  it('no session → UNAUTHORIZED; a role without the permission → FORBIDDEN', async () => {
    const developer = await callerAs(h.db, demoUser('secondary_developer'));
    const id = await draft(agency2);
    const ref = { id, version: 1 };
    const calls: [string, (c: Caller) => Promise<unknown>][] = [
      ['list', (c) => c.agreement.list({})],
      ['facets', (c) => c.agreement.facets()],
      ['get', (c) => c.agreement.get({ id })],
      ['options', (c) => c.agreement.options()],
      ['resourceOptions', (c) => c.agreement.resourceOptions({})],
      ['create', (c) => c.agreement.create(input())],
      ['update', (c) => c.agreement.update({ ...input(), ...ref })],
      ['recordDecision', (c) => c.agreement.recordDecision({ ...ref, decisionOn: '2025-03-01', decisionMeeting: '会议' })],
      ['file', (c) => c.agreement.file(ref)],
      ['withdraw', (c) => c.agreement.withdraw(ref)],
      ['end', (c) => c.agreement.end({ ...ref, reason: '期满' })],
      ['recordExitPath', (c) => c.agreement.recordExitPath({ ...ref, exitPath: 'renew', exitNote: '续约' })],
      ['decideException', (c) => c.agreement.decideException({ ...ref, decision: 'approve' })],
      ['receipt.acknowledge', (c) => c.agreement.receipt.acknowledge(ref)],
      ['receipt.return', (c) => c.agreement.receipt.return({ ...ref, reason: '理由' })],
      ['diff', (c) => c.agreement.diff({ id, from: 0, to: 0 })],
    ];
    for (const [name, call] of calls) {
      expect(await errorCode(call(anon)), name).toBe('UNAUTHORIZED');
      expect(await errorCode(call(developer)), name).toBe('FORBIDDEN');
    }
  });

  it('withdraw: the agency takes a version back from filing; others cannot', async () => {
    const id = await draft(agency2);
    await agency2.agreement.file({ id, version: await decided(id, agency2, 'zz_agency_2') });
    const a = await agency2.agreement.get({ id });
    expect(await errorCode(lyAgency.agreement.withdraw({ id, version: a.version }))).toBe('NOT_FOUND');
    expect(await errorCode(province.agreement.withdraw({ id, version: a.version }))).toBe('FORBIDDEN');
    expect(await errorCode(agency2.agreement.withdraw({ id, version: a.version + 1 }))).toBe('CONFLICT');
    expect(await errorCode(agency2.agreement.withdraw({ id: 'x', version: a.version }))).toBe('BAD_REQUEST');
    await agency2.agreement.withdraw({ id, version: a.version });
    const b = await agency2.agreement.get({ id });
    expect(b.status).toBe('draft');
    expect(b.receipts.map((r) => r.status)).toEqual(['superseded', 'superseded']);
    expect((await province.me.inbox()).some((i) => i.href === `/filings/agreements/${id}`)).toBe(false);
  });
});

describe('revisions and lists', () => {
  it('a revised filed agreement keeps its filed version; the diff names the changed clause', async () => {
    const id = await filed();
    const a = await agency2.agreement.get({ id });
    await agency2.agreement.update({ ...input({ name: a.name, clauses: { ...agreementClauses(), disputes: '诉讼' } }), id, version: a.version });
    const b = await agency2.agreement.get({ id });
    expect(b.status).toBe('draft');
    expect(b.filedVersionNo).toBe(1);
    const d = await agency2.agreement.diff({ id, from: 1, to: 0 });
    expect(d.changes.map((c) => c.path)).toContain('clauses.disputes');
    expect(d.changes.find((c) => c.path === 'clauses.disputes')?.after).toBe('诉讼');
    expect(await errorCode(otherOperator.agreement.diff({ id, from: 1, to: 0 }))).toBe('NOT_FOUND');
    // the filed version stays in force while the revision is drafted: the operator may still apply under it
    expect(b.canExitPath).toBe(true);
    expect((await operator.scenario.agreementOptions()).map((o) => o.id)).toContain(id);
    // the revised text needs a new 三重一大 decision (HN-13 ¶1): version 1's is cleared
    expect(b.decisionOn).toBeNull();
    expect((await failure(agency2.agreement.file({ id, version: b.version }))).article).toBe('HN-13 ¶1');
  });

  it('filing needs the signing date (HN-13 ¶1); an industry department cannot file to itself (HN-13 ¶2)', async () => {
    const id = await draft(agency, { signedOn: null });
    const v = await decided(id);
    const f = await failure(agency.agreement.file({ id, version: v }));
    expect(f.article).toBe('HN-13 ¶1');
    expect(f.message).toContain('签订日期');
    expect((await failure(agency.agreement.create(input({ signedOn: '2999-01-01' })))).fieldErrors.signedOn).toBeDefined();
    const jtAgency = await extraUser(h.db, 'jt_agency_self', ['implementing_agency'], '河南省交通运输厅');
    expect((await failure(jtAgency.agreement.create(input({ industryOrgId: ORG.jiaotong })))).fieldErrors.industryOrgId[0]).toContain('HN-13 ¶2');
  });

  it('the seeded filed agreement is in every scope that should see it', async () => {
    const [seeded] = await h.db.select().from(operatingAgreements).where(eq(operatingAgreements.name, DEMO_AGREEMENT_NAME));
    expect(seeded.status).toBe('filed');
    const a = await operator.agreement.get({ id: seeded.id });
    expect(a.versions[0].outcome).toBe('filed');
    expect((await jiaotong.agreement.list({})).items.map((i) => i.id)).toContain(seeded.id);
    expect((await province.agreement.facets()).regions.map((r) => r.code)).toContain('410100');
    const options = await agency.agreement.options();
    expect(options.operators.map((o) => o.name)).toContain('河南数据集团有限公司');
    expect(options.industries.map((o) => o.name)).toContain('河南省交通运输厅');
    const [event] = await h.db.select().from(auditLog).where(and(eq(auditLog.entityId, seeded.id)));
    expect(event).toBeDefined();
    expect((await openItems(h.db, 'operating_agreement', NO_ID))).toEqual([]);
  });
});
