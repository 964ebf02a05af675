import { z } from 'zod';
import { PRODUCT_FORMS, termExceedsLimit, USE_CATEGORIES } from '@/server/domain/filings';
import { ZPageInput } from '@/server/domain/paging';
import { AGREEMENT_STATUSES, EXIT_PATHS, PLAN_MODES, PLAN_STATUSES } from './terms';

export type { AgreementStatus, PlanStatus } from './terms';

/**
 * Inputs of implementation plans (HN-11, HN-12) and operating agreements (HN-13, HN-14). Every
 * required part names its article in its error, so the form shows "缺少授权运营模式(HN-12(3))"
 * beside the field. Inputs never carry the caller's organization or region (they come from the session).
 */

/** A required text part: missing or blank is "缺少<label>(<article>)". */
export function required(label: string, article: string, max = 5000) {
  const missing = `缺少${label}(${article})`;
  return z.string({ error: missing }).trim().min(1, missing).max(max, `${label}至多 ${max} 字`);
}
const optionalText = (max: number) => z.string().trim().max(max, `至多 ${max} 字`).default('');
const day = (label: string) => z.iso.date({ error: `请填写${label}(YYYY-MM-DD)` });

/** One row of a product and service list: its use category and form (HN-12(6), HN-14(3)). */
function productRow(article: string) {
  return z.object({
    name: required('产品和服务名称', article, 100),
    category: z.enum(USE_CATEGORIES, { error: `请选择用途类别:公共治理/公益事业或产业发展/行业发展(${article})` }),
    form: z.enum(PRODUCT_FORMS, { error: `请选择预期产品和服务形式(${article})` }),
    description: optionalText(500),
  });
}

const ZRef = z.object({ id: z.uuid(), version: z.number().int() });
export { ZRef };
export const ZId = z.object({ id: z.uuid() });
const ZReason = z.string({ error: '请填写理由' }).trim().min(2, '请填写理由(至少 2 个字)').max(1000, '理由至多 1000 字');
export const ZReasonRef = ZRef.extend({ reason: ZReason });
export const ZDiffInput = z.object({
  id: z.uuid(),
  /** A version number, or 0 for the current working copy. */
  from: z.number().int().min(0),
  to: z.number().int().min(0),
});

// ---- implementation plans (HN-11, HN-12)

/** HN-12 (二) … (十一); (一) the name is the plan's own column. */
export const ZPlanSections = z.object({
  necessity: z.object({
    necessity: required('必要性论证', 'HN-12(2)'),
    feasibility: required('可行性论证', 'HN-12(2)'),
  }, { error: '缺少必要性和可行性论证(HN-12(2))' }),
  mode: z.object({
    type: z.enum(PLAN_MODES, { error: '缺少授权运营模式(HN-12(3))' }),
    description: required('授权运营模式说明', 'HN-12(3)'),
  }, { error: '缺少授权运营模式(HN-12(3))' }),
  resources: z.object({
    updateFrequency: required('数据更新频率', 'HN-12(4)', 500),
    quality: required('数据质量情况', 'HN-12(4)'),
  }, { error: '缺少数据资源范围(HN-12(4))' }),
  term: z.object({
    years: z.number({ error: '缺少授权运营期限(HN-12(5))' }).int('期限按整年填写(HN-12(5))').min(1, '授权运营期限至少 1 年(HN-12(5))').max(10, '授权运营期限至多 10 年(HN-12(5))'),
    construction: required('建设内容', 'HN-12(5)'),
    techSupport: required('技术保障', 'HN-12(5)'),
    schedule: required('实施进度', 'HN-12(5)'),
    evaluationStandards: required('评价标准', 'HN-12(5)'),
    exitMechanism: required('退出机制', 'HN-12(5)'),
    assetManagement: required('资产管理', 'HN-12(5)'),
  }, { error: '缺少授权运营期限等内容(HN-12(5))' }),
  products: z.object({
    items: z.array(productRow('HN-12(6)'), { error: '缺少拟提供的产品和服务清单(HN-12(6))' })
      .min(1, '至少列出一项拟提供的产品和服务(HN-12(6))').max(100, '至多 100 项'),
  }, { error: '缺少拟提供的产品和服务清单(HN-12(6))' }),
  security: z.object({
    dataSecurity: required('数据安全措施', 'HN-12(7)'),
    networkSecurity: required('网络安全措施', 'HN-12(7)'),
    personalInfo: required('个人信息保护措施', 'HN-12(7)'),
    emergency: required('应急处置措施', 'HN-12(7)'),
  }, { error: '缺少安全保护措施(HN-12(7))' }),
  accounting: z.object({
    costAccounting: required('经营成本和收入核算机制', 'HN-12(8)'),
    revenueDistribution: required('收益分配机制', 'HN-12(8)'),
  }, { error: '缺少核算和收益分配机制(HN-12(8))' }),
  supervision: z.object({
    supervision: required('监督管理要求', 'HN-12(9)'),
    evaluation: required('考核评价要求', 'HN-12(9)'),
  }, { error: '缺少监督管理及考核评价要求(HN-12(9))' }),
  parties: required('相关参与方权利义务', 'HN-12(10)'),
  other: required('应当明确的其他事项(没有请填“无”)', 'HN-12(11)'),
}, { error: '缺少实施方案内容(HN-12)' });
export type PlanSections = z.infer<typeof ZPlanSections>;

const planFields = {
  name: required('授权运营名称', 'HN-12(1)', 100),
  /** HN-11 ¶2: the provincial industry department a municipal plan is also filed to. */
  industryOrgId: z.uuid({ error: '请选择备案的省级行业主管部门(HN-11 ¶2)' }).nullish(),
  /** HN-12(4): published catalog resources in scope. */
  resourceIds: z.array(z.uuid(), { error: '缺少授权运营的数据资源范围(HN-12(4))' })
    .min(1, '至少选择一项已发布的数据资源(HN-12(4))').max(500, '至多 500 项数据资源'),
  sections: ZPlanSections,
};
export const ZPlanInput = z.object(planFields);
export type PlanInput = z.infer<typeof ZPlanInput>;
export const ZUpdatePlanInput = ZRef.extend(planFields);

/** HN-11 ¶1: 按照“三重一大”决策机制要求 (the minutes are an attachment). */
export const ZDecisionInput = ZRef.extend({
  decisionOn: day('决策日期'),
  decisionMeeting: required('决策会议', 'HN-11 ¶1', 200),
});
/** HN-11 ¶1: 经本级政府审议通过. */
export const ZApprovalInput = ZRef.extend({
  approvalOn: day('审议通过日期'),
  approvalRef: required('批准文号', 'HN-11 ¶1', 100),
});

const listSort = { dir: z.enum(['asc', 'desc']).default('desc') };

export const ZPlanFilter = z.object({
  q: z.string().trim().max(50, '搜索词至多 50 个字').optional(),
  status: z.enum(PLAN_STATUSES).optional(),
  regionCode: z.string().trim().max(12).optional(),
  /** 待我备案: a pending receipt of the current version addressed to the caller's organization. */
  awaiting: z.boolean().optional(),
  mine: z.boolean().optional(),
  sort: z.enum(['updatedAt', 'name']).default('updatedAt'),
  ...listSort,
});
export type PlanFilter = z.infer<typeof ZPlanFilter>;
export const ZListPlansInput = ZPageInput.extend(ZPlanFilter.shape).extend({ limit: z.number().int().min(1).max(200).default(20) });

// ---- operating agreements (HN-13, HN-14)

/** The 13 clauses of HN-14; (1) and (2) are also structured columns (resources, dates). */
export const ZAgreementClauses = z.object({
  resources: optionalText(2000),
  term: optionalText(1000),
  products: z.object({
    items: z.array(productRow('HN-14(3)'), { error: '缺少产品和服务清单(HN-14(3))' })
      .min(1, '至少列出一项拟提供的产品和服务(HN-14(3))').max(100, '至多 100 项'),
    techStandards: required('技术标准', 'HN-14(3)'),
    securityReview: required('安全审核要求', 'HN-14(3)'),
    businessReview: required('业务规范性审核要求', 'HN-14(3)'),
  }, { error: '缺少产品和服务清单(HN-14(3))' }),
  platform: required('技术支撑平台', 'HN-14(4)'),
  assets: z.object({
    equipment: required('软硬件设备权属', 'HN-14(5)'),
    products: required('公共数据产品和服务权属', 'HN-14(5)'),
  }, { error: '缺少资产权属(HN-14(5))' }),
  disclosure: required('信息披露要求', 'HN-14(6)'),
  accounting: z.object({
    costAccounting: required('经营成本和收入核算要求', 'HN-14(7)'),
    revenueDistribution: required('收益分配机制', 'HN-14(7)'),
  }, { error: '缺少核算要求和收益分配机制(HN-14(7))' }),
  security: z.object({
    measures: required('数据安全、网络安全、个人信息保护要求', 'HN-14(8)'),
    riskMonitoring: required('风险监测措施', 'HN-14(8)'),
    emergency: required('应急处置措施', 'HN-14(8)'),
  }, { error: '缺少安全要求(HN-14(8))' }),
  evaluation: z.object({
    evaluation: required('运营成效评价', 'HN-14(9)'),
    renewalExit: required('续约或退出机制', 'HN-14(9)'),
  }, { error: '缺少运营成效评价和续约、退出机制(HN-14(9))' }),
  liability: required('违约责任', 'HN-14(10)'),
  disputes: required('争议解决方式', 'HN-14(11)'),
  changes: required('协议变更、终止条件', 'HN-14(12)'),
  other: required('需要明确的其他事项(没有请填“无”)', 'HN-14(13)'),
}, { error: '缺少协议条款(HN-14)' });
export type AgreementClauses = z.infer<typeof ZAgreementClauses>;

const agreementFields = {
  name: required('协议名称', 'HN-13', 100),
  operatorOrgId: z.uuid({ error: '请选择一级开发主体(HN-13 ¶1)' }),
  /** HN-13 ¶2: the provincial industry department it is filed to. */
  industryOrgId: z.uuid({ error: '请选择备案的省级行业主管部门(HN-13 ¶2)' }),
  /** HN-13 ¶1: 会同本级有关行业主管部门 (optional). */
  partnerOrgIds: z.array(z.uuid()).max(10, '至多 10 个会同签订的行业主管部门').default([]),
  planId: z.uuid().nullish(),
  signedOn: day('签订日期').nullish(),
  startsOn: day('运营期限起始日(HN-14(2))'),
  endsOn: day('运营期限截止日(HN-14(2))'),
  /** HN-14(2) 原则上: the justification of a longer term, for the province's approval. */
  termException: z.string().trim().max(2000, '至多 2000 字').nullish(),
  resourceIds: z.array(z.uuid(), { error: '缺少授权运营的数据资源范围(HN-14(1))' })
    .min(1, '至少选择一项可投入运营的数据资源(HN-14(1))').max(500, '至多 500 项数据资源'),
  clauses: ZAgreementClauses,
};

/** HN-14(2): 运营期限原则上最长不超过3年 (inclusive end dates); a longer term needs its justification. */
function termRule(v: { startsOn: string; endsOn: string; termException?: string | null }, ctx: z.RefinementCtx) {
  if (v.endsOn < v.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: '运营期限截止日不能早于起始日(HN-14(2))' });
  } else if (termExceedsLimit(v.startsOn, v.endsOn) && (v.termException?.trim().length ?? 0) < 5) {
    ctx.addIssue({
      code: 'custom',
      path: ['endsOn'],
      message: '运营期限原则上最长不超过3年(HN-14(2));确需超过的,请填写例外理由(至少 5 个字),经省级公共数据主管部门批准后方可备案',
    });
  }
}

export const ZAgreementInput = z.object(agreementFields).superRefine(termRule);
export type AgreementInput = z.infer<typeof ZAgreementInput>;
export const ZUpdateAgreementInput = ZRef.extend(agreementFields).superRefine(termRule);

/** HN-13 ¶1: the agency's “三重一大” decision before signing (the minutes are an attachment). */
export const ZAgreementDecisionInput = ZRef.extend({
  decisionOn: day('决策日期'),
  decisionMeeting: required('决策会议', 'HN-13 ¶1', 200),
});

/** HN-14(2): the province approves or refuses a term over 3 years. */
export const ZExceptionDecisionInput = ZRef.extend({
  decision: z.enum(['approve', 'refuse'], { error: '请选择批准或不批准' }),
  reason: z.string().trim().max(1000, '理由至多 1000 字').nullish(),
}).superRefine((v, ctx) => {
  if (v.decision === 'refuse' && (v.reason?.length ?? 0) < 2) ctx.addIssue({ code: 'custom', path: ['reason'], message: '不批准须说明理由(HN-14(2))' });
});

/** HN-14(9): 续约或退出 at the end of the term. */
export const ZExitPathInput = ZRef.extend({
  exitPath: z.enum(EXIT_PATHS, { error: '请选择续约或退出(HN-14(9))' }),
  exitNote: required('续约或退出安排说明', 'HN-14(9)', 2000),
});

export const ZAgreementFilter = z.object({
  q: z.string().trim().max(50, '搜索词至多 50 个字').optional(),
  status: z.enum(AGREEMENT_STATUSES).optional(),
  regionCode: z.string().trim().max(12).optional(),
  awaiting: z.boolean().optional(),
  /** 即将到期: filed agreements ending within 90 days (HN-14(9)). */
  expiring: z.boolean().optional(),
  /** Term exceptions waiting on the province (HN-14(2)). */
  exceptionPending: z.boolean().optional(),
  mine: z.boolean().optional(),
  sort: z.enum(['updatedAt', 'name', 'endsOn']).default('updatedAt'),
  ...listSort,
});
export type AgreementFilter = z.infer<typeof ZAgreementFilter>;
export const ZListAgreementsInput = ZPageInput.extend(ZAgreementFilter.shape).extend({ limit: z.number().int().min(1).max(200).default(20) });

/** Options for a picker: an optional search text. */
export const ZOptionsInput = z.object({ q: z.string().trim().max(50).optional() }).default({});
