import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { catalogResources, filingReceipts, operatingAgreements } from '@/db/schema';
import { shanghaiDate } from '@/server/domain/deadlines';
import { qualityStep, raiseQuality } from '@/server/routers/reports/quality';
import { createReport, deliverReport, markReportRead } from '@/server/routers/reports/report';
import type { ReportContent } from '@/server/routers/reports/schema';
import type { DemoFilingContext } from './filings-demo';
import { demoSubject } from './factories';

/**
 * Demo rows of data-quality requests (HN-16) and periodic reports (HN-22 ¶3), written through the
 * same service functions as the router, at the dates they would have happened:
 * - reports of the demo agreement: 2025 Q1 on time (read by both recipients), Q2 late, Q3 on time
 *   and corrected once (v2); the later quarters and the 2025 summary are missing;
 * - a quality request answered late (raised 2025-09-30, due 2025-10-16, answered 2025-10-20) and one
 *   raised today, waiting on the provider.
 */
const at = (s: string) => new Date(`${s}+08:00`);

function content(quarter: string, calls: number, developers: boolean): ReportContent {
  return {
    operations: `${quarter}按协议开展企业登记数据授权运营,平台运行平稳,完成数据更新 ${Math.round(calls / 1000)} 批次,未发生中断。`,
    products: '企业信用画像接口;企业经营状况分析报告(月度)',
    usage: { calls, users: Math.round(calls / 900), note: '调用方主要为银行、担保机构和产业园区' },
    finance: { revenue: calls * 0.8, cost: calls * 0.5, note: '按协议单独核算,收入为接口服务费' },
    security: { incidents: 0, note: '落实分类分级保护和访问控制,原始数据未出域;开展季度安全检查 1 次' },
    problems: '部分企业名称存在乱码,已提出数据校核需求;下季度扩大园区用户覆盖面',
    secondary: developers
      ? { none: false, rows: [{ developer: '郑州智数科技有限公司', product: '企业信用画像接口', use: '嵌入供应链金融风控模型,为中小企业融资提供辅助评估', calls: Math.round(calls / 5) }] }
      : { none: true, rows: [] },
  };
}

export async function seedDemoReports(tx: DbOrTx, ctx: DemoFilingContext): Promise<void> {
  const operator = await demoSubject(tx, 'operator');
  const agency = await demoSubject(tx, 'agency');
  const zhengzhou = await demoSubject(tx, 'zhengzhou');
  const provider = await demoSubject(tx, 'provider');

  const file = async (quarter: number, createdOn: string, submittedOn: string, c: ReportContent) => {
    const draft = await createReport(tx, operator, operator, { agreementId: ctx.agreementId, kind: 'quarterly', year: 2025, quarter }, at(`${createdOn}T09:00:00`));
    return deliverReport(tx, operator, operator, 'submit', { id: draft.id, version: draft.version, content: c }, at(`${submittedOn}T16:00:00`));
  };
  const q1 = await file(1, '2025-04-02', '2025-04-10', content('2025年第1季度', 120_000, false));
  await file(2, '2025-07-08', '2025-07-22', content('2025年第2季度', 185_000, true)); // due 07-15: late
  const q3 = await file(3, '2025-10-09', '2025-10-14', content('2025年第3季度', 240_000, true));
  await deliverReport(tx, operator, operator, 'correct', {
    id: q3.id, version: q3.version, content: { ...content('2025年第3季度', 251_300, true), problems: '调用次数按平台日志复核后更正;下季度扩大园区用户覆盖面' },
    reason: '调用次数统计口径更正(含 9 月 30 日数据)',
  }, at('2025-10-20T10:00:00'));
  const receipts = await tx.select().from(filingReceipts).where(eq(filingReceipts.entityId, q1.id));
  for (const who of [agency, zhengzhou]) {
    const mine = receipts.find((x) => x.recipientOrgId === who.orgId)!;
    await markReportRead(tx, who, who, { id: mine.id, version: mine.version }, at('2025-04-14T10:00:00'));
  }

  const [sc] = await tx.select({ id: catalogResources.id }).from(catalogResources).where(eq(catalogResources.code, '410100-SC-0001'));
  const late = await raiseQuality(tx, operator, operator, {
    resourceId: sc.id, subject: 'item', itemName: '企业名称', description: '约 0.3% 的企业名称含乱码字符(如“郑州市��科技有限公司”),影响企业信用画像的匹配',
  }, at('2025-09-30T10:00:00'));
  await qualityStep(tx, provider, provider, 'answer', {
    id: late.id, version: late.version, body: '经核查为历史数据迁移时的编码问题,已批量修正 1,126 条记录并重新推送',
  }, at('2025-10-20T15:00:00'));
  // one waiting on the provider now, while the demo agreement is in force (HN-16: raised under an agreement in its term)
  const [term] = await tx.select({ endsOn: operatingAgreements.endsOn }).from(operatingAgreements).where(eq(operatingAgreements.id, ctx.agreementId));
  if (shanghaiDate(new Date()) > term.endsOn) return;
  await raiseQuality(tx, operator, operator, {
    resourceId: sc.id, subject: 'sample', itemName: null, description: '样例:统一社会信用代码 91410100MA44XXXX0X 的成立日期(2031-05-01)晚于当前日期,疑为录入错误',
  }, new Date());
}
