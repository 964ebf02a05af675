import { z } from 'zod';
import { CHECKPOINTS, PRICING_BASES, PRODUCT_FORMS, USE_CATEGORIES, type Checkpoint } from '@/server/domain/filings';
import { ZPageInput } from '@/server/domain/paging';
import { PERIOD } from './terms';

/**
 * Inputs of the scenario, compliance-review, product, secondary-developer and disclosure procedures
 * (HN-15, HN-17). Every mutation of an existing row takes `{ id, version }`; the caller's
 * organization always comes from the session.
 */
export const ZId = z.object({ id: z.uuid() });
export const ZRef = z.object({ id: z.uuid(), version: z.number().int() });

const text = (min: number, max: number, what: string) =>
  z.string({ message: `请填写${what}` }).trim().min(min, min > 1 ? `请填写${what}(至少 ${min} 个字)` : `请填写${what}`).max(max, `${what}至多 ${max} 字`);

/** A step that needs a reason the other side will read (退回, 不予登记). */
export const ZReasonRef = ZRef.extend({ reason: text(2, 500, '理由') });

/**
 * HN-15 ¶2: 审核不通过的,应当说明理由和依据. A rejection carries both: the reason, and the law,
 * regulation or standard with its article that it rests on. Each missing one is its own field error.
 */
export const ZRejectInput = ZRef.extend({
  reason: text(2, 1000, '不通过的理由'),
  basis: text(2, 500, '不通过的依据(法律、法规或标准及条款)'),
});
export type RejectInput = z.infer<typeof ZRejectInput>;

const listSort = <K extends readonly [string, ...string[]]>(keys: K) => ({
  sort: z.enum(keys).default(keys[0]),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
const listInput = <S extends z.ZodRawShape>(filter: z.ZodObject<S>) =>
  ZPageInput.extend(filter.shape).extend({ limit: z.number().int().min(1).max(200).default(20) });
const q = z.string().trim().max(50, '搜索词至多 50 个字').optional();

// ---- scenario applications (HN-15 ¶1)

export const SCENARIO_STATUSES = ['draft', 'agency_review', 'authority_review', 'approved', 'rejected', 'withdrawn'] as const;
export type ScenarioStatus = (typeof SCENARIO_STATUSES)[number];

const scenarioFields = {
  name: text(2, 100, '场景名称'),
  description: text(10, 2000, '场景描述'),
  purpose: text(5, 1000, '数据使用目的'),
  productForm: z.enum(PRODUCT_FORMS, { message: '请选择产品和服务形式' }),
  useCategory: z.enum(USE_CATEGORIES, { message: '请选择用途类别' }),
  resourceIds: z.array(z.uuid({ message: '数据资源无效' }), { message: '请选择所需数据' })
    .min(1, '至少选择一项所需数据(HN-15 数据需求)').max(100, '至多 100 项')
    .refine((ids) => new Set(ids).size === ids.length, '所需数据有重复'),
};
export const ZScenarioInput = z.object({ agreementId: z.uuid({ message: '请选择运营协议' }), ...scenarioFields });
export type ScenarioInput = z.infer<typeof ZScenarioInput>;
export const ZUpdateScenarioInput = ZRef.extend(scenarioFields);

export const ZScenarioFilter = z.object({
  q,
  status: z.enum(SCENARIO_STATUSES).optional(),
  useCategory: z.enum(USE_CATEGORIES).optional(),
  productForm: z.enum(PRODUCT_FORMS).optional(),
  /** Only what waits on the caller (an open step in its 我的待办). */
  waiting: z.boolean().optional(),
  ...listSort(['updatedAt', 'name'] as const),
});
export type ScenarioFilter = z.infer<typeof ZScenarioFilter>;
export const ZListScenariosInput = listInput(ZScenarioFilter);

// ---- compliance reviews (HN-15 ¶2)

export const ZComplianceRequestInput = z.object({
  scenarioId: z.uuid(),
  productName: text(2, 100, '产品和服务名称'),
  productDescription: text(10, 2000, '产品和服务说明'),
});

const ZCheckpointResult = z.object({
  result: z.enum(['pass', 'fail'], { message: '请选择通过或不通过' }).nullable(),
  remark: z.string().trim().max(500, '说明至多 500 字').default(''),
});
export type CheckpointResult = z.infer<typeof ZCheckpointResult>;
export type Checkpoints = Record<Checkpoint, CheckpointResult>;

/** HN-15 ¶2: the five checkpoints, each pass / fail with a remark (a failed one must say why). */
export const ZCheckpoints = z.object(Object.fromEntries(CHECKPOINTS.map((c) => [c, ZCheckpointResult])) as Record<Checkpoint, typeof ZCheckpointResult>)
  .superRefine((v, ctx) => {
    for (const c of CHECKPOINTS) {
      if (v[c].result === 'fail' && !v[c].remark) ctx.addIssue({ code: 'custom', path: [c, 'remark'], message: '不通过的检查项须写明情况说明(HN-15 ¶2)' });
    }
  });
export const ZRecordInput = ZRef.extend({ checkpoints: ZCheckpoints });

export const emptyCheckpoints = (): Checkpoints =>
  Object.fromEntries(CHECKPOINTS.map((c) => [c, { result: null, remark: '' }])) as Checkpoints;

// ---- products (HN-15 ¶2, HN-10)

function priceRule(v: { pricingBasis?: string; priceNote?: string | null }, ctx: z.RefinementCtx) {
  if (v.pricingBasis === 'gov_guided' && !v.priceNote?.trim()) {
    ctx.addIssue({ code: 'custom', path: ['priceNote'], message: '政府指导价须写明价格及定价依据(HN-15 ¶2)' });
  }
}
export const ZRegisterProductInput = z.object({
  complianceReviewId: z.uuid({ message: '请选择审核通过的合规审核' }),
  pricingBasis: z.enum(PRICING_BASES, { message: '请选择定价方式' }),
  priceNote: z.string().trim().max(1000, '价格说明至多 1000 字').nullish(),
}).superRefine(priceRule);

export const PRODUCT_PHASES = ['submitted', 'in_notice', 'effective', 'rejected', 'withdrawn'] as const;
export const ZProductFilter = z.object({
  q,
  phase: z.enum(PRODUCT_PHASES).optional(),
  pricingBasis: z.enum(PRICING_BASES).optional(),
  productForm: z.enum(PRODUCT_FORMS).optional(),
  useCategory: z.enum(USE_CATEGORIES).optional(),
  waiting: z.boolean().optional(),
  ...listSort(['updatedAt', 'name', 'registrationNo'] as const),
});
export type ProductFilter = z.infer<typeof ZProductFilter>;
export const ZListProductsInput = listInput(ZProductFilter);

// ---- secondary developers (HN-17 ¶1)

export const SELECTION_STATUSES = ['draft', 'submitted', 'approved', 'returned', 'contracted'] as const;
const selectionFields = {
  developerOrgId: z.uuid({ message: '请选择二级开发主体' }),
  criteria: text(5, 2000, '准入条件和选择方式'),
  capability: text(5, 2000, '资质能力评估'),
  need: text(5, 2000, '需求合理性评估'),
  scenarioCompliance: text(5, 2000, '场景合规性评估'),
  securityRisk: text(5, 2000, '安全风险性评估'),
};
export const ZSelectionInput = z.object({ productId: z.uuid({ message: '请选择已登记的产品和服务' }), ...selectionFields });
export type SelectionInput = z.infer<typeof ZSelectionInput>;
export const ZUpdateSelectionInput = ZRef.extend(selectionFields);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const day = (what: string) => z.string({ message: `请选择${what}` }).regex(DATE, `请选择${what}`);
/** HN-17 ¶1: the application agreement states 目的、范围、方式、期限、收益分配和安全保密要求. */
export const ZApplicationAgreement = z.object({
  signedOn: day('签订日期'),
  purpose: text(2, 1000, '数据使用目的'),
  scope: text(2, 1000, '使用范围'),
  method: text(2, 1000, '使用方式'),
  startsOn: day('起始日期'),
  endsOn: day('截止日期'),
  revenueSharing: text(2, 1000, '收益分配'),
  security: text(2, 1000, '安全保密要求'),
}).superRefine((v, ctx) => {
  if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: '截止日期不能早于起始日期' });
});
export type ApplicationAgreement = z.infer<typeof ZApplicationAgreement>;
export const ZContractInput = ZRef.extend({ agreement: ZApplicationAgreement });

export const ZSelectionFilter = z.object({
  q,
  status: z.enum(SELECTION_STATUSES).optional(),
  waiting: z.boolean().optional(),
  ...listSort(['updatedAt'] as const),
});
export type SelectionFilter = z.infer<typeof ZSelectionFilter>;
export const ZListSelectionsInput = listInput(ZSelectionFilter);

// ---- usage disclosures (HN-17 ¶2)

const disclosureFields = {
  period: z.string({ message: '请选择披露期间' }).regex(PERIOD, '请选择披露期间'),
  title: text(2, 100, '标题'),
  body: text(20, 20000, '披露内容'),
};
export const ZDisclosureInput = z.object(disclosureFields);
export type DisclosureInput = z.infer<typeof ZDisclosureInput>;
export const ZUpdateDisclosureInput = ZRef.extend(disclosureFields);

export const ZDisclosureFilter = z.object({
  q,
  status: z.enum(['draft', 'published']).optional(),
  ...listSort(['updatedAt', 'period'] as const),
});
export type DisclosureFilter = z.infer<typeof ZDisclosureFilter>;
export const ZListDisclosuresInput = listInput(ZDisclosureFilter);
