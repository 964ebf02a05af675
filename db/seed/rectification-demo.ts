import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rectificationOrders } from '@/db/schema';
import { addDays, shanghaiDate } from '@/server/domain/deadlines';
import { createCriticism } from '@/server/routers/rectification/criticisms';
import type { OrderAction, OrderRow } from '@/server/routers/rectification/order-machine';
import { addProgress, issueOrder, orderStep, type StepRef } from '@/server/routers/rectification/orders';
import { createUser, demoSubject } from './factories';

/** Demo password (db/seed/demo.ts DEMO_PASSWORD; not imported from there, which imports this file). */
const DEMO_PASSWORD = 'Henan#Demo2026';
/** The 洛阳 operator's account (not one of the per-role demo accounts). */
export const LUOYANG_OPERATOR = 'luoyang';

/**
 * Demo rectification orders and a 通报批评 (HN-20, HN-22 ¶2, HN-24), written through the same service
 * functions as the console (numbers, entries, inbox tasks, audit):
 * - 河南数据集团有限公司 (the demo operator) has an order in progress with a progress update (郑州市大数据
 *   发展中心), a closed one and one waiting for its plan (the province) — none overdue, so that it stays
 *   operable for the other journeys;
 * - 洛阳城市数据运营有限公司 (account `luoyang`) has an order issued by the province on 2026-09-01, due
 *   2026-10-30, still in progress: past due, so the overdue check (on its schedule or on the first read) suspends that
 *   operator and opens a 约谈. The suspension is deliberately not seeded.
 * - one 通报批评 of 郑州数据运营有限公司 by 郑州市行政审批和政务信息管理局.
 */
const at = (s: string) => new Date(`${s}+08:00`);
const dayOf = (now: Date, n: number) => at(`${addDays(shanghaiDate(now), n)}T10:00:00`);

export async function seedDemoRectification(tx: DbOrTx, orgIds: Map<string, string>): Promise<void> {
  const org = (name: string) => {
    const id = orgIds.get(name);
    if (!id) throw new Error(`demo organization ${name} missing`);
    return id;
  };
  const henan = org('河南数据集团有限公司');
  const luoyang = org('洛阳城市数据运营有限公司');
  // 洛阳城市数据运营有限公司 answers its order through its own account (shown as 暂停运营 on its console home)
  await createUser(tx, { username: LUOYANG_OPERATOR, displayName: '孙洛运', orgId: luoyang, roles: ['operator'], password: DEMO_PASSWORD });
  const province = await demoSubject(tx, 'province');
  const zhengzhou = await demoSubject(tx, 'zhengzhou');
  const agency = await demoSubject(tx, 'agency');
  const operator = await demoSubject(tx, 'operator');
  const lyOperator = await demoSubject(tx, LUOYANG_OPERATOR);
  const now = new Date();

  type Party = typeof province;
  const versionOf = async (id: string) =>
    (await tx.select({ version: rectificationOrders.version }).from(rectificationOrders).where(eq(rectificationOrders.id, id)))[0].version;
  const step = async (o: OrderRow, who: Party, action: OrderAction, when: Date, extra: Omit<StepRef, 'id' | 'version'> = {}) =>
    orderStep(tx, who, who, action, { id: o.id, version: await versionOf(o.id), ...extra }, when);
  const progress = async (o: OrderRow, who: Party, body: string, percent: number, when: Date) =>
    addProgress(tx, who, who, { id: o.id, version: await versionOf(o.id), body, percent }, when);

  // 洛阳: issued 2026-09-01, 59 calendar days → due at the end of 2026-10-30; in progress, never verified.
  const ly = await issueOrder(tx, province, {
    source: 'inspection', targetOrgId: luoyang, title: '运营服务平台访问控制和日志审计整改',
    findings: ['运营服务平台部分账号未启用双因素认证', '数据调用日志留存不足 6 个月'], article: 'HN-20', majorRisk: false,
    deadlineKind: 'calendar_days', deadlineAmount: 59,
  }, at('2026-09-01T10:00:00'));
  await step(ly, lyOperator, 'submitPlan', at('2026-09-08T15:00:00'), { measures: '全部运营账号启用双因素认证;日志留存调整为 12 个月并接入审计平台', responsible: '信息安全部 孙洛运', plannedOn: '2026-10-25' });
  await step(ly, province, 'acceptPlan', at('2026-09-10T09:30:00'));
  await progress(ly, lyOperator, '已完成 60% 账号的双因素认证改造', 40, at('2026-10-09T16:00:00'));

  // 河南数据集团: closed (the province, annual evaluation finding)
  const closed = await issueOrder(tx, province, {
    source: 'evaluation', targetOrgId: henan, title: '年度评价发现的运营报告报送问题整改',
    findings: ['第二季度运营报告未包含二级开发主体再开发利用情况(HN-22 ¶3)'], article: 'HN-22 ¶2', majorRisk: false,
    deadlineKind: 'working_days', deadlineAmount: 20,
  }, dayOf(now, -60));
  await step(closed, operator, 'submitPlan', dayOf(now, -55), { measures: '补报第二季度二级开发利用情况,修订报告模板', responsible: '钱运营', plannedOn: addDays(shanghaiDate(now), -35) });
  await step(closed, province, 'acceptPlan', dayOf(now, -54));
  await progress(closed, operator, '已补报第二季度报告并修订报告模板,新增二级开发利用情况章节', 100, dayOf(now, -40));
  await step(closed, operator, 'requestVerify', dayOf(now, -39), { body: '整改已完成,请验收' });
  await step(closed, province, 'acceptVerify', dayOf(now, -36), { body: '经核查,整改到位' });

  // 河南数据集团: in progress with a progress update (郑州市大数据发展中心, supervision inspection HN-20)
  const running = await issueOrder(tx, agency, {
    source: 'inspection', targetOrgId: henan, title: '数据脱敏规则和原始数据不出域检查整改',
    findings: ['部分场景的脱敏规则未按数据分级更新', '沙箱导出审批记录不完整'], article: 'HN-20', majorRisk: false,
    deadlineKind: 'calendar_days', deadlineAmount: 45,
  }, dayOf(now, -10));
  await step(running, operator, 'submitPlan', dayOf(now, -8), { measures: '按数据分级更新脱敏规则,补全沙箱导出审批流程并留痕', responsible: '钱运营', plannedOn: addDays(shanghaiDate(now), 25) });
  await step(running, agency, 'acceptPlan', dayOf(now, -7));
  await progress(running, operator, '已完成 12 个场景的脱敏规则更新,沙箱导出审批流程改造中', 60, dayOf(now, -2));

  // 河南数据集团: waiting for its plan (the province, incident follow-up HN-18)
  await issueOrder(tx, province, {
    source: 'incident', targetOrgId: henan, title: '数据接口异常访问事件后续整改',
    findings: ['异常访问发现后未在规定时限内报告实施机构(HN-18)'], article: 'HN-18', majorRisk: false,
    deadlineKind: 'working_days', deadlineAmount: 15,
  }, dayOf(now, -1));

  // 通报批评 (HN-24) of 郑州数据运营有限公司 by the Zhengzhou authority, with the government's approval
  await createCriticism(tx, zhengzhou, zhengzhou, {
    orgId: org('郑州数据运营有限公司'),
    violation: '未经合规审核即对外提供数据产品试用服务,违反一场景一审核要求(HN-15)',
    approvalRef: '郑政文〔2026〕118号',
    approvedOn: addDays(shanghaiDate(now), -20),
    publishedOn: addDays(shanghaiDate(now), -18),
    orderId: null,
    order: null,
  }, now);
}
