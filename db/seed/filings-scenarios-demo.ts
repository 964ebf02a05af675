import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { operatingAgreements } from '@/db/schema';
import { shanghaiDate } from '@/server/domain/deadlines';
import { authorityOf } from '@/server/domain/filings';
import { transition } from '@/server/domain/workflow';
import { complianceMachine, disclosureMachine, scenarioMachine, selectionMachine } from '@/server/routers/scenarios/machines';
import type { Checkpoints } from '@/server/routers/scenarios/schema';
import { previousQuarter } from '@/server/routers/scenarios/terms';
import {
  approveProduct, insertDisclosure, insertProduct, insertRound, insertScenario, insertSelection, saveCheckpoints,
} from '@/server/routers/scenarios/service';
import type { DemoFilingContext } from './filings-demo';
import { demoSubject } from './factories';

/**
 * Demo rows of HN-15 and HN-17, written through the router's own functions and machines, under the
 * seeded filed agreement: 企业信用画像服务 approved by 郑州市大数据发展中心 and 郑州市行政审批和政务信息
 * 管理局, its compliance review rejected once (desensitization) and passed in round 2, its product
 * registered (in force, so /open lists it); 企业经营状况分析报告 waiting on the agency; a published
 * usage disclosure; a secondary-developer selection waiting on the agency.
 */
export const DEMO_PRODUCT_NAME = '企业信用画像评分接口';
export const DEMO_PENDING_SCENARIO_NAME = '区域企业经营状况分析';

const checkpoints = (failed?: { key: keyof Checkpoints; remark: string }): Checkpoints => ({
  sources: { result: 'pass', remark: '数据来源为已登记的 410100-SC-0001,授权链条完整' },
  desensitization: failed?.key === 'desensitization' ? { result: 'fail', remark: failed.remark } : { result: 'pass', remark: '法定代表人姓名已按 GB/T 37964-2019 去标识化' },
  inDomain: { result: 'pass', remark: '加工在授权运营域内完成,仅输出评分结果' },
  accessControl: { result: 'pass', remark: '调用方白名单与接口鉴权已配置' },
  authorization: { result: 'pass', remark: '关联主体授权配置已核验' },
});

export async function seedDemoScenarios(tx: DbOrTx, ctx: DemoFilingContext): Promise<void> {
  const [agreement] = await tx.select().from(operatingAgreements).where(eq(operatingAgreements.id, ctx.agreementId));
  const op = await demoSubject(tx, 'operator');
  const agency = await demoSubject(tx, 'agency');
  const city = await demoSubject(tx, 'zhengzhou');
  const authority = (await authorityOf(tx, agreement.agencyOrgId))!;

  // 1. An approved scenario (HN-15 ¶1): the agency, then the city.
  let s = await insertScenario(tx, op, agreement, {
    name: '企业信用画像服务', productForm: 'api', useCategory: 'industry', resourceIds: agreement.resourceIds,
    description: '面向银行等金融机构,按统一社会信用代码提供企业信用画像评分,用于小微企业贷前风险核查',
    purpose: '支持普惠金融,降低小微企业融资中的信息不对称',
  });
  s = await transition(tx, scenarioMachine, op, { id: s.id, version: s.version, action: 'submit', input: {} });
  s = await transition(tx, scenarioMachine, agency, { id: s.id, version: s.version, action: 'agencyApprove', input: { authority } });
  s = await transition(tx, scenarioMachine, city, { id: s.id, version: s.version, action: 'authorityApprove', input: {} });

  // 2. Compliance review (HN-15 ¶2): round 1 fails on desensitization, round 2 passes.
  const product = { productName: DEMO_PRODUCT_NAME, productDescription: '输入统一社会信用代码,返回 0–100 的企业信用画像评分及等级,不返回明细数据' };
  let r1 = await insertRound(tx, op, s, product);
  r1 = await saveCheckpoints(tx, agency, r1, r1.version, checkpoints({ key: 'desensitization', remark: '法定代表人姓名以明文参与加工,未见脱敏规则' }));
  const reason = '敏感数据未脱敏:法定代表人姓名以明文参与加工';
  const basis = '《河南省公共数据资源授权运营实施办法(试行)》第十五条第二款;GB/T 37964-2019《个人信息去标识化指南》';
  await transition(tx, complianceMachine, agency, {
    id: r1.id, version: r1.version, action: 'reject', reason: `${reason}(依据:${basis})`, input: { reason, basis, reviewerId: agency.id, scenario: s },
  });
  let r2 = await insertRound(tx, op, s, product);
  r2 = await saveCheckpoints(tx, agency, r2, r2.version, checkpoints());
  r2 = await transition(tx, complianceMachine, agency, { id: r2.id, version: r2.version, action: 'approve', input: { reviewerId: agency.id, scenario: s } });

  // 3. The product, registered by the city 40 days ago: its notice is over and it is in force.
  const p = await insertProduct(tx, op, r2, s, { pricingBasis: 'gov_guided', priceNote: '每次调用 0.30 元,按省发展改革委公共数据产品和服务政府指导价执行' });
  const registered = await approveProduct(tx, city, p, p.version, new Date(Date.now() - 40 * 86_400_000));

  // 4. A scenario waiting on the agency.
  const pending = await insertScenario(tx, op, agreement, {
    name: DEMO_PENDING_SCENARIO_NAME, productForm: 'report', useCategory: 'public', resourceIds: agreement.resourceIds,
    description: '按季度汇总全市市场主体登记数据,形成区域企业经营状况分析报告,供政府部门决策参考',
    purpose: '服务营商环境评估和产业政策制定(公共治理)',
  });
  await transition(tx, scenarioMachine, op, { id: pending.id, version: pending.version, action: 'submit', input: {} });

  // 5. A published usage disclosure (HN-17 ¶2).
  const period = previousQuarter(shanghaiDate(new Date()));
  const d = await insertDisclosure(tx, op, agreement.operatorOrgId, {
    period,
    title: '公共数据资源使用情况披露',
    body: '本期依据郑州市公共数据资源授权运营协议,使用企业登记基本信息 1 类公共数据资源,提供企业信用画像评分接口 1 项产品,'
      + '服务金融机构 6 家,累计调用 18,420 次;未发生数据安全事件;原始数据均在授权运营域内加工,未出域。',
  });
  await transition(tx, disclosureMachine, op, { id: d.id, version: d.version, action: 'publish', input: {} });

  // 6. A secondary developer selected for the product, waiting on the agency (HN-17 ¶1).
  const sel = await insertSelection(tx, op, registered, {
    developerOrgId: ctx.org('郑州智数科技有限公司'),
    criteria: '在郑州市注册、具备数据安全管理能力、近三年无数据安全违法记录;在运营门户公开征集,按评分择优',
    capability: '通过 DCMM 稳健级评估,设有数据安全负责人和 5 名专职安全人员',
    need: '为本地城商行开发小微企业贷前核查应用,需调用企业信用画像评分',
    scenarioCompliance: '用于金融风控,与登记的产品用途一致,不向第三方提供评分结果',
    securityRisk: '仅接收评分结果,不落地存储原始数据;接口调用留痕并定期审计,风险可控',
  });
  await transition(tx, selectionMachine, op, { id: sel.id, version: sel.version, action: 'submit', input: { title: `郑州智数科技有限公司 · ${registered.name}` } });
}
