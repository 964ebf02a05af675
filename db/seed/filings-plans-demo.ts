import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { catalogResources, filingReceipts, filingVersions, operatingAgreements } from '@/db/schema';
import type { SessionUser } from '@/server/auth/session';
import { transition, type WorkflowActor } from '@/server/domain/workflow';
import { agreementSnapshot } from '@/server/routers/plans/agreement';
import { uploadAttachment } from '@/server/routers/attachments/service';
import { planMachine } from '@/server/routers/plans/machines';
import { lockPlan, PLAN_FILING, PLAN_MINUTES, planStepInput, recordPlan, writePlan } from '@/server/routers/plans/plan';
import { decideReceipt, PLAN_KIND } from '@/server/routers/plans/receipts';
import type { PlanInput } from '@/server/routers/plans/schema';
import type { DemoFilingContext } from './filings-demo';
import { demoSubject } from './factories';

/**
 * Demo implementation plans (HN-11, HN-12), written through the router's own functions: 郑州's plan
 * filed to the province and 河南省交通运输厅 and acknowledged by both (the seeded agreement implements
 * it), and a second 郑州 plan acknowledged by the department and waiting on the province (待我备案).
 */
export const DEMO_PLAN_NAME = '郑州市公共数据资源授权运营实施方案';
export const DEMO_PENDING_PLAN_NAME = '郑州市交通出行公共数据授权运营实施方案';

function sections(focus: string): PlanInput['sections'] {
  return {
    necessity: {
      necessity: `推动${focus}公共数据资源开发利用,释放数据要素价值,服务数字郑州建设`,
      feasibility: '本市公共数据资源目录已编制并登记,省一体化大数据平台授权运营域已具备承载能力',
    },
    mode: { type: 'domain', description: `按${focus}领域分领域授权,由一级开发主体在授权运营域内加工形成产品和服务` },
    resources: { updateFrequency: '按资源目录约定的更新周期更新,企业登记信息每日更新', quality: '数据经提供单位校核,字段完整率不低于 98%' },
    term: {
      years: 3,
      construction: '建设授权运营域数据加工环境和产品发布渠道',
      techSupport: '依托河南省一体化大数据平台,隐私计算和数据沙箱保障原始数据不出域',
      schedule: '第一年完成平台对接,第二年形成首批产品,第三年全面运营',
      evaluationStandards: '按省年度评价指标体系考核',
      exitMechanism: '评价不合格或发生重大安全事件的,终止授权并退出',
      assetManagement: '形成的公共数据资产按国有资产管理规定登记管理',
    },
    products: {
      items: [
        { name: '企业信用画像服务', category: 'industry', form: 'api', description: '面向金融机构的企业信用评估' },
        { name: '惠企政策精准匹配', category: 'public', form: 'app', description: '面向市场主体的政策推送' },
      ],
    },
    security: {
      dataSecurity: '落实数据分类分级保护,敏感数据脱敏处理',
      networkSecurity: '授权运营域按网络安全等级保护第三级要求建设',
      personalInfo: '个人信息去标识化,按最小必要原则使用',
      emergency: '制定数据安全事件应急预案,发生事件立即停止处理并报告',
    },
    accounting: { costAccounting: '一级开发主体对授权范围内的经营成本和收入单独核算', revenueDistribution: '收益按省公共数据资源授权运营收益分配办法分配' },
    supervision: { supervision: '市公共数据主管部门会同网信、公安等部门监督检查', evaluation: '每年开展授权运营情况评价' },
    parties: '市公共数据主管部门负责统筹监管,实施机构负责协议签订和日常管理,一级开发主体负责开发运营',
    other: '无',
  };
}

export async function seedDemoPlans(tx: DbOrTx, ctx: DemoFilingContext): Promise<void> {
  const zz = await demoSubject(tx, 'zhengzhou');
  const province = await demoSubject(tx, 'province');
  const jiaotong = await demoSubject(tx, 'jiaotong');
  const resource = async (code: string) => (await tx.select({ id: catalogResources.id }).from(catalogResources).where(eq(catalogResources.code, code)))[0].id;
  const owner = { orgId: zz.orgId, regionCode: zz.regionCode };
  const industryOrgId = ctx.org('河南省交通运输厅');

  /** Draft, 三重一大 with minutes, government approval, and filing (HN-11). */
  async function filedPlan(name: string, focus: string, resourceCodes: string[], decisionOn: string, approvalOn: string) {
    const resourceIds = await Promise.all(resourceCodes.map(resource));
    const id = await writePlan(tx, zz, owner, { name, industryOrgId, resourceIds, sections: sections(focus) }, null);
    await recordPlan(tx, zz, await lockPlan(tx, zz, id), 'record_decision', { decisionOn, decisionMeeting: '郑州市人民政府第 35 次常务会议' });
    await uploadAttachment(tx, zz, zz, { entityType: PLAN_MINUTES, entityId: id, filename: '市政府常务会议纪要.pdf', data: Buffer.from(`%PDF-1.7\n${name}`) });
    await recordPlan(tx, zz, await lockPlan(tx, zz, id), 'record_approval', { approvalOn, approvalRef: `郑政文〔${approvalOn.slice(0, 4)}〕58号` });
    const row = await lockPlan(tx, zz, id);
    await transition(tx, planMachine, zz, { id, version: row.version, action: 'file', input: await planStepInput(tx, row) });
    return id;
  }

  /** The recipient's decision on its receipt of the current version. */
  async function acknowledge(planId: string, who: SessionUser & WorkflowActor) {
    const [r] = await tx.select().from(filingReceipts)
      .where(and(eq(filingReceipts.entityId, planId), eq(filingReceipts.recipientOrgId, who.orgId), eq(filingReceipts.status, 'pending')));
    await decideReceipt(tx, who, who, PLAN_KIND, PLAN_FILING, { id: r.id, version: r.version, action: 'acknowledge' });
  }

  const filed = await filedPlan(DEMO_PLAN_NAME, '市场监管、社会保障', ['410100-SC-0001', '410100-RS-0001'], '2024-10-15', '2024-11-05');
  await acknowledge(filed, province);
  await acknowledge(filed, jiaotong);
  const pending = await filedPlan(DEMO_PENDING_PLAN_NAME, '交通出行', ['410100-SC-0001'], '2025-09-10', '2025-09-26');
  await acknowledge(pending, jiaotong);

  // The seeded agreement implements the filed plan; its frozen version says so too.
  const [agreement] = await tx.update(operatingAgreements).set({ planId: filed }).where(eq(operatingAgreements.id, ctx.agreementId)).returning();
  await tx.update(filingVersions).set({ snapshot: await agreementSnapshot(tx, agreement) })
    .where(and(eq(filingVersions.entityType, 'operating_agreement'), eq(filingVersions.entityId, ctx.agreementId), eq(filingVersions.versionNo, 1)));
}
