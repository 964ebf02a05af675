import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { catalogResources, filingReceipts, filingVersions, operatingAgreements, users } from '@/db/schema';
import { appendAudit } from '@/server/domain/audit';
import { agreementSnapshot } from '@/server/routers/plans/agreement';
import type { AgreementClauses } from '@/server/routers/plans/schema';
import { seedDemoPlans } from './filings-plans-demo';
import { seedDemoReports } from './filings-reports-demo';
import { seedDemoScenarios } from './filings-scenarios-demo';

/**
 * Demo operation filings (HN-11 … HN-17, HN-22 ¶3). The one fact every later step needs is a filed
 * operating agreement: 郑州市大数据发展中心 with 河南数据集团有限公司 over 企业登记基本信息 (a
 * registered, operable resource), acknowledged by the province and the industry department.
 * Then each filing area adds its own demo rows.
 */
export interface DemoFilingContext {
  org: (name: string) => string;
  userId: (username: string) => Promise<string>;
  /** The filed demo agreement. */
  agreementId: string;
}

export const DEMO_AGREEMENT_NAME = '郑州市公共数据资源授权运营协议(企业登记数据)';

/** The 13 clauses of HN-14, in the shape of the agreement form (server/routers/plans/schema.ts). */
const CLAUSES: AgreementClauses = {
  resources: '郑州市企业登记基本信息(410100-SC-0001),以已登记的目录为准',
  term: '自 2025 年 1 月 1 日起至 2027 年 12 月 31 日止',
  products: {
    items: [
      { name: '企业信用画像接口', category: 'industry', form: 'api', description: '' },
      { name: '企业经营状况分析报告', category: 'public', form: 'report', description: '' },
    ],
    techStandards: '接口遵循省一体化大数据平台数据服务规范',
    securityReview: '产品发布前经合规审核(HN-15),原始数据不出域',
    businessReview: '按实施机构业务规范性审核要求逐项审核',
  },
  platform: '河南省一体化大数据平台授权运营域',
  assets: { equipment: '软硬件设备归乙方所有', products: '公共数据产品和服务的权属按协议附件约定' },
  disclosure: '每季度在门户网站披露公共数据资源使用情况',
  accounting: { costAccounting: '单独核算授权范围内的经营成本和收入', revenueDistribution: '收益按省有关办法分配' },
  security: { measures: '落实数据分类分级保护,原始数据不出域', riskMonitoring: '建立风险监测机制', emergency: '建立应急处置机制,发生安全事件立即报告' },
  evaluation: { evaluation: '接受年度评价', renewalExit: '评价合格的可申请续约,不合格的按协议退出' },
  liability: '违反协议的,按协议约定承担违约责任',
  disputes: '协商解决;协商不成的,向郑州仲裁委员会申请仲裁',
  changes: '经双方协商一致并备案后可变更;出现法定情形时终止',
  other: '无',
};

export async function seedDemoFilings(tx: DbOrTx, orgIds: Map<string, string>): Promise<void> {
  const org = (name: string) => orgIds.get(name)!;
  const userId = async (username: string) => (await tx.select({ id: users.id }).from(users).where(eq(users.username, username)))[0].id;
  const agencyUser = await userId('agency');
  const [sc] = await tx.select({ id: catalogResources.id }).from(catalogResources)
    .where(and(eq(catalogResources.code, '410100-SC-0001'), inArray(catalogResources.ownerOrgId, [org('郑州市大数据发展中心')])));
  const [agreement] = await tx.insert(operatingAgreements).values({
    agencyOrgId: org('郑州市大数据发展中心'),
    regionCode: '410100',
    operatorOrgId: org('河南数据集团有限公司'),
    industryOrgId: org('河南省交通运输厅'),
    name: DEMO_AGREEMENT_NAME,
    status: 'filed',
    signedOn: '2024-12-20',
    startsOn: '2025-01-01',
    endsOn: '2027-12-31',
    clauses: CLAUSES,
    resourceIds: [sc.id],
    decisionOn: '2024-12-10',
    decisionMeeting: '郑州市大数据发展中心 2024 年第 12 次主任办公会',
    lastVersionNo: 1,
    filedVersionNo: 1,
    createdBy: agencyUser,
    version: 3,
  }).returning();
  await tx.insert(filingVersions).values({
    entityType: 'operating_agreement', entityId: agreement.id, versionNo: 1, submittedBy: agencyUser, submittedAt: new Date('2025-01-02T02:00:00Z'),
    snapshot: await agreementSnapshot(tx, agreement),
  });
  const decidedAt = new Date('2025-01-06T02:00:00Z');
  await tx.insert(filingReceipts).values([
    { entityType: 'operating_agreement', entityId: agreement.id, versionNo: 1, recipientOrgId: org('河南省行政审批和政务信息管理局'), recipientRole: 'province_admin', status: 'acknowledged', decidedBy: await userId('province'), decidedAt, version: 2 },
    { entityType: 'operating_agreement', entityId: agreement.id, versionNo: 1, recipientOrgId: org('河南省交通运输厅'), recipientRole: 'industry_dept', status: 'acknowledged', decidedBy: await userId('jiaotong'), decidedAt, version: 2 },
  ]);
  const system = { id: null, name: 'system', orgId: null, ip: null };
  await appendAudit(tx, system, { action: 'operating_agreement.seed', entityType: 'operating_agreement', entityId: agreement.id, reason: 'demo: filed agreement', after: { status: 'filed' } });

  const ctx: DemoFilingContext = { org, userId, agreementId: agreement.id };
  await seedDemoPlans(tx, ctx);
  await seedDemoScenarios(tx, ctx);
  await seedDemoReports(tx, ctx);
}
