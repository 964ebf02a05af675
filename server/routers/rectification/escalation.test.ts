import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, inboxItems, interviews, operationSuspensions, rectificationOrders } from '@/db/schema';
import { LUOYANG_OPERATOR } from '@/db/seed/rectification-demo';
import { addDays, shanghaiDate } from '@/server/domain/deadlines';
import { approvedRound, fileKit, scenarioInput, type Kit } from '@/server/routers/scenarios/test-kit';
import { actorOf, callerAs, errorCode, failure, sessionUserFor } from '@/server/test/harness';
import { issueOrder } from './orders';
import { sweepOverdueOrders } from './overdue';
import { runScheduledSweeps } from './scheduler';
import { activeSuspension, suspendedOrgIds } from './suspensions';
import { expectFieldErrors, expectWhoMayCall, NO_ID, type Caller } from './test-kit';
import type { IssueOrderInput } from './schema';

/**
 * Escalation (HN-22 ¶2 评价发现重大安全风险或未按期整改到位的,应当暂停公共数据资源授权运营工作,
 * 必要时约谈主要负责人) on a real seeded database with the scenario kit (the demo agreement of
 * 郑州市大数据发展中心 with 河南数据集团): the overdue check suspends the operator and opens a 约谈,
 * idempotently; while suspended, new scenario applications and product registrations are refused
 * with HN-22 ¶2; resumption is an explicit decision after which they pass.
 */
const k: Kit = fileKit();
const DAY = 86_400_000;
const REF = { id: NO_ID, version: 1 };

const org = (name: string) => k.orgId(name);
async function actor(username: string) {
  return actorOf(await sessionUserFor(k.h.db, username), null);
}
const input = async (o: Partial<IssueOrderInput> = {}): Promise<IssueOrderInput> => ({
  source: 'inspection', targetOrgId: await org('河南数据集团有限公司'), title: '逾期测试', findings: ['日志缺失'], article: 'HN-20',
  majorRisk: false, deadlineKind: 'calendar_days', deadlineAmount: 30, ...o,
});
const suspensionsOf = async (name: string) => k.h.db.select().from(operationSuspensions).where(eq(operationSuspensions.orgId, await org(name)));
const interviewsOf = async (name: string) => k.h.db.select().from(interviews).where(eq(interviews.orgId, await org(name)));

describe('who may call', () => {
  it('suspension.* and criticism.*: permission named, UNAUTHORIZED without a session, FORBIDDEN for roles without it', async () => {
    const developer = await callerAs(k.h.db, 'developer');
    const evaluator = await callerAs(k.h.db, 'evaluator');
    const platform = await callerAs(k.h.db, 'platform');
    await expectWhoMayCall(k.c.anon, ['suspension.'], (x: Caller) => ({
      'suspension.list': { perm: 'suspension.read', call: () => x.suspension.list({}) },
      'suspension.mine': { perm: 'suspension.read', call: () => x.suspension.mine() },
      'suspension.resume': { perm: 'suspension.decide', call: () => x.suspension.resume({ ...REF, reason: '整改到位' }) },
      'suspension.interviews': { perm: 'suspension.read', call: () => x.suspension.interviews({}) },
      'suspension.scheduleInterview': { perm: 'suspension.decide', call: () => x.suspension.scheduleInterview({ ...REF, scheduledOn: '2030-01-01' }) },
      'suspension.holdInterview': { perm: 'suspension.decide', call: () => x.suspension.holdInterview({ ...REF, heldOn: '2026-01-01', attendees: '张三、李四', minutes: '约谈纪要内容' }) },
      'suspension.cancelInterview': { perm: 'suspension.decide', call: () => x.suspension.cancelInterview({ ...REF, reason: '已恢复' }) },
    }), {
      'suspension.read': [developer, evaluator, platform],
      'suspension.decide': [k.c.operator, k.c.agency, k.c.jiaotong],
    });
  });
});

describe('the overdue check (HN-22 ¶2)', () => {
  it('the seeded past-due 洛阳 order suspends its operator on the first read, without anyone deciding, and opens a 约谈', async () => {
    expect(await suspensionsOf('洛阳城市数据运营有限公司')).toHaveLength(0);
    await k.c.province.suspension.list({});
    const [s] = await suspensionsOf('洛阳城市数据运营有限公司');
    const [order] = await k.h.db.select().from(rectificationOrders).where(eq(rectificationOrders.targetOrgId, await org('洛阳城市数据运营有限公司')));
    expect(s).toMatchObject({ cause: 'overdue', basis: 'HN-22 ¶2', issuedBy: null, orderId: order.id, resumedAt: null, issuerOrgId: order.issuerOrgId });
    expect(s.reason).toContain(order.no);
    expect(order.overdueAt).toBeInstanceOf(Date);
    const [iv] = await interviewsOf('洛阳城市数据运营有限公司');
    expect(iv).toMatchObject({ status: 'scheduled', suspensionId: s.id, orderId: order.id, issuerOrgId: order.issuerOrgId });
    // the issuer (the province) gets 安排约谈 and 决定恢复
    const inbox = await k.c.province.me.inbox();
    expect(inbox.filter((i) => i.entityId === s.id || i.entityId === iv.id).map((i) => i.step).sort()).toEqual(['hold', 'resume']);
    // the operator sees its own suspension on its console home
    const ly = await callerAs(k.h.db, LUOYANG_OPERATOR);
    expect(await ly.suspension.mine()).toMatchObject({ basis: 'HN-22 ¶2', issuerName: '河南省行政审批和政务信息管理局', orderNo: order.no });
    expect(await k.c.operator.suspension.mine()).toBeNull();
  });

  it('an overdue order of an operator suspends it and opens a 约谈; a second sweep does nothing more; scenario applications and product registrations are refused until resumption', async () => {
    const henan = await org('河南数据集团有限公司');
    // prepared before: an approved compliance round (for a registration) and a draft application
    const { round } = await approvedRound(k);
    const draft = await k.c.opB.scenario.create(scenarioInput(k));
    const issued = new Date(Date.now() - 40 * DAY);
    const o = await issueOrder(k.h.db, await actor('agency'), await input(), issued);
    expect(o.dueAt.getTime()).toBeLessThan(Date.now());
    expect(await activeSuspension(k.h.db, henan)).toBeNull();

    const now = new Date();
    expect(await sweepOverdueOrders(k.h.db, now)).toBe(1);
    const [s] = await suspensionsOf('河南数据集团有限公司');
    expect(s).toMatchObject({ cause: 'overdue', basis: 'HN-22 ¶2', orderId: o.id, issuedBy: null, startedAt: now });
    expect((await k.h.db.select().from(rectificationOrders).where(eq(rectificationOrders.id, o.id)))[0].overdueAt?.toISOString()).toBe(now.toISOString());
    expect(await interviewsOf('河南数据集团有限公司')).toHaveLength(1);
    const audits = await k.h.db.select().from(auditLog).where(eq(auditLog.entityId, o.id));
    expect(audits.filter((a) => a.action === 'rectification_order.overdue')).toHaveLength(1);
    // issued by an implementing agency for a province-level operator: the province decides
    const tasks = await k.h.db.select().from(inboxItems).where(and(eq(inboxItems.entityId, s.id), isNull(inboxItems.closedAt)));
    expect(tasks).toMatchObject([{ step: 'resume', assigneeRole: 'province_admin', assigneeOrgId: await org('河南省行政审批和政务信息管理局') }]);

    // idempotent: nothing more, even later
    expect(await sweepOverdueOrders(k.h.db, new Date(now.getTime() + 60_000))).toBe(0);
    expect(await suspensionsOf('河南数据集团有限公司')).toHaveLength(1);
    expect(await interviewsOf('河南数据集团有限公司')).toHaveLength(1);
    expect(await suspendedOrgIds(k.h.db, [henan, await org('郑州数据运营有限公司')])).toEqual(new Set([henan]));

    const create = await failure(k.c.operator.scenario.create(scenarioInput(k)));
    expect(create).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-22 ¶2' });
    expect(create.message).toMatch(/暂停公共数据资源授权运营/);
    expect(await failure(k.c.opB.scenario.submit({ id: draft.id, version: draft.version }))).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-22 ¶2' });
    expect(await failure(k.c.operator.product.register({ complianceReviewId: round.id, pricingBasis: 'public_free' }))).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-22 ¶2' });
    // existing work can still be read
    expect(await errorCode(k.c.operator.scenario.get({ id: draft.id }))).toBe('OK');

    // resumption: the data authority's explicit decision with a reason
    expect(await errorCode(k.c.zz.suspension.resume({ id: s.id, version: s.version, reason: '整改到位' }))).toBe('NOT_FOUND');
    await expectFieldErrors([[() => k.c.province.suspension.resume({ id: s.id, version: s.version, reason: '' }), ['reason']]]);
    expect(await errorCode(k.c.province.suspension.resume({ id: s.id, version: s.version + 1, reason: '整改到位,恢复运营' }))).toBe('CONFLICT');
    const r = await k.c.province.suspension.resume({ id: s.id, version: s.version, reason: '整改到位,恢复运营' });
    expect(r).toMatchObject({ resumeReason: '整改到位,恢复运营', version: s.version + 1 });
    expect(r.resumedAt).toBeInstanceOf(Date);
    expect(await errorCode(k.c.province.suspension.resume({ id: s.id, version: r.version, reason: '再次恢复' }))).toBe('PRECONDITION_FAILED');
    const [ra] = await k.h.db.select().from(auditLog).where(and(eq(auditLog.action, 'operation_suspension.resume'), eq(auditLog.entityId, s.id)));
    expect(ra.reason).toBe('整改到位,恢复运营');
    expect(await k.h.db.select().from(inboxItems).where(and(eq(inboxItems.entityId, s.id), isNull(inboxItems.closedAt)))).toHaveLength(0);

    // after resumption they pass, and the check does not suspend again for the same overdue order
    expect(await errorCode(k.c.opB.scenario.submit({ id: draft.id, version: draft.version }))).toBe('OK');
    expect(await errorCode(k.c.operator.product.register({ complianceReviewId: round.id, pricingBasis: 'public_free' }))).toBe('OK');
    expect(await sweepOverdueOrders(k.h.db, new Date(Date.now() + 60_000))).toBe(0);
    expect(await activeSuspension(k.h.db, await org('河南数据集团有限公司'))).toBeNull();
  });

  it('an implementing agency (or platform) target is flagged overdue but never suspended', async () => {
    const agencyOrg = await org('郑州市大数据发展中心');
    const o = await issueOrder(k.h.db, await actor('province'), await input({ targetOrgId: agencyOrg, title: '实施机构逾期' }), new Date(Date.now() - 40 * DAY));
    expect(await sweepOverdueOrders(k.h.db, new Date())).toBe(1);
    expect((await k.h.db.select().from(rectificationOrders).where(eq(rectificationOrders.id, o.id)))[0].overdueAt).not.toBeNull();
    expect(await k.h.db.select().from(operationSuspensions).where(eq(operationSuspensions.orgId, agencyOrg))).toHaveLength(0);
    expect(await k.h.db.select().from(interviews).where(eq(interviews.orgId, agencyOrg))).toHaveLength(0);
  });

  it('an order raised for a major security risk suspends the operator at once, with the issuer recorded', async () => {
    const zzOp = await org('郑州数据运营有限公司');
    const zz = await actor('zhengzhou');
    const o = await issueOrder(k.h.db, zz, await input({ targetOrgId: zzOp, title: '重大安全风险', majorRisk: true, source: 'incident', article: 'HN-18' }), new Date());
    const [s] = await k.h.db.select().from(operationSuspensions).where(eq(operationSuspensions.orgId, zzOp));
    expect(s).toMatchObject({ cause: 'major_risk', basis: 'HN-22 ¶2', orderId: o.id, issuedBy: zz.id, issuerOrgId: zz.orgId });
    expect(await k.h.db.select().from(interviews).where(eq(interviews.orgId, zzOp))).toHaveLength(1);
    // the municipal authority that issued it decides, and sees it; another city does not
    expect((await k.c.zz.suspension.list({ active: true })).items.map((x) => x.orgName)).toContain('郑州数据运营有限公司');
    expect((await k.c.zz.suspension.list({ active: true })).items.find((x) => x.id === s.id)?.canDecide).toBe(true);
    expect((await k.c.lyAdmin.suspension.list({})).items.some((x) => x.id === s.id)).toBe(false);
    expect(await errorCode(k.c.lyAdmin.suspension.resume({ id: s.id, version: s.version, reason: '恢复' }))).toBe('NOT_FOUND');
    // the operator itself sees its suspension, and nobody else's
    expect((await k.c.zzOperator.suspension.list({})).items.map((x) => x.orgName)).toEqual(['郑州数据运营有限公司']);
    // the province (in scope) may decide too; the agency of another operator sees nothing of it
    expect((await k.c.agency.suspension.list({})).items.some((x) => x.id === s.id)).toBe(false);
    // a majorRisk order to an operator already suspended adds no second suspension
    await issueOrder(k.h.db, zz, await input({ targetOrgId: zzOp, title: '又一重大风险', majorRisk: true }), new Date());
    expect(await k.h.db.select().from(operationSuspensions).where(eq(operationSuspensions.orgId, zzOp))).toHaveLength(1);
  });
});

describe('约谈 (HN-22 ¶2 必要时约谈主要负责人)', () => {
  it('schedule, hold with date, attendees and minutes (all required), cancel with a reason; stale versions CONFLICT; out of scope NOT_FOUND', async () => {
    const list = await k.c.zz.suspension.interviews({ status: 'scheduled' });
    const iv = list.items.find((i) => i.orgName === '郑州数据运营有限公司')!;
    expect(iv.canDecide).toBe(true);
    const today = shanghaiDate(new Date());
    await expectFieldErrors([[() => k.c.zz.suspension.scheduleInterview({ id: iv.id, version: iv.version, scheduledOn: '明天' }), ['scheduledOn']]]);
    expect((await failure(k.c.zz.suspension.scheduleInterview({ id: iv.id, version: iv.version, scheduledOn: addDays(today, -1) }))).fieldErrors).toHaveProperty('scheduledOn');
    const sch = await k.c.zz.suspension.scheduleInterview({ id: iv.id, version: iv.version, scheduledOn: addDays(today, 3) });
    expect(sch.scheduledOn).toBe(addDays(today, 3));
    expect(await errorCode(k.c.lyAdmin.suspension.holdInterview({ id: iv.id, version: sch.version, heldOn: today, attendees: '张三', minutes: '约谈纪要内容' }))).toBe('NOT_FOUND');
    await expectFieldErrors([[() => k.c.zz.suspension.holdInterview({ id: iv.id, version: sch.version, heldOn: today, attendees: '', minutes: '' }), ['attendees', 'minutes']]]);
    expect((await failure(k.c.zz.suspension.holdInterview({ id: iv.id, version: sch.version, heldOn: addDays(today, 1), attendees: '张三、李四', minutes: '约谈纪要内容' }))).fieldErrors).toHaveProperty('heldOn');
    expect(await errorCode(k.c.zz.suspension.holdInterview({ id: iv.id, version: sch.version - 1, heldOn: today, attendees: '张三、李四', minutes: '约谈纪要内容' }))).toBe('CONFLICT');
    const held = await k.c.zz.suspension.holdInterview({ id: iv.id, version: sch.version, heldOn: today, attendees: '王郑州;郑州数据运营有限公司 总经理', minutes: '通报重大安全风险,要求立即停止相关数据处理并限期整改' });
    expect(held).toMatchObject({ status: 'held', heldOn: today });
    expect(await errorCode(k.c.zz.suspension.cancelInterview({ id: iv.id, version: held.version, reason: '取消' }))).toBe('PRECONDITION_FAILED');
    const [a] = await k.h.db.select().from(auditLog).where(and(eq(auditLog.action, 'interview.hold'), eq(auditLog.entityId, iv.id)));
    expect(a).toBeDefined();
    // the province may cancel the 洛阳 one (it issued the order); the operator reads its own record
    const ly = (await k.c.province.suspension.interviews({ q: '洛阳城市' })).items[0];
    await expectFieldErrors([[() => k.c.province.suspension.cancelInterview({ id: ly.id, version: ly.version, reason: '' }), ['reason']]]);
    const x = await k.c.province.suspension.cancelInterview({ id: ly.id, version: ly.version, reason: '已书面说明,无需约谈' });
    expect(x.status).toBe('cancelled');
    expect((await k.c.zzOperator.suspension.interviews({})).items.map((i) => i.status)).toEqual(['held']);
    // a municipal authority in scope but not deciding: 郑州 cannot record 洛阳's (not in scope at all → NOT_FOUND)
    expect(await errorCode(k.c.zz.suspension.cancelInterview({ id: ly.id, version: x.version, reason: '取消' }))).toBe('NOT_FOUND');
  });
});

describe('the scheduled job', () => {
  it('runs the overdue check and the HN-14(9) agreement-expiry reminders, logging errors instead of throwing', async () => {
    const o = await issueOrder(k.h.db, await actor('province'), await input({ targetOrgId: await org('豫事办科技有限公司'), title: '定时检查' }), new Date(Date.now() - 40 * DAY));
    const result = await runScheduledSweeps(k.h.db, new Date());
    expect(result.overdue).toBe(1);
    expect(typeof result.agreementReminders).toBe('number');
    expect((await k.h.db.select().from(rectificationOrders).where(eq(rectificationOrders.id, o.id)))[0].overdueAt).not.toBeNull();
    const errors: unknown[] = [];
    const broken = { select: () => { throw new Error('db down'); } } as unknown as typeof k.h.db;
    const r = await runScheduledSweeps(broken, new Date(), (e) => errors.push(e));
    expect(r).toEqual({ overdue: null, agreementReminders: null });
    expect(errors).toHaveLength(2);
  });
});
