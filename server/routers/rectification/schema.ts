import { z } from 'zod';
import { isKnownCitation } from '@/server/domain/citations';
import { ZPageInput } from '@/server/domain/paging';
import {
  DEADLINE_MAX, DEADLINE_MIN, INTERVIEW_STATUSES, ORDER_DEADLINE_KINDS, ORDER_SOURCES, ORDER_STATUSES,
} from '@/server/domain/rectification';

/** Inputs of rectification orders (HN-20, HN-22 ¶2, ID-14), suspensions and 约谈 (HN-22 ¶2), 通报批评 (HN-24). */

export const ZId = z.object({ id: z.uuid({ message: '记录编号有误' }) });
export const ZRef = z.object({ id: z.uuid({ message: '记录编号有误' }), version: z.number().int() });

const text = (min: number, message: string, max: number) => z.string({ message }).trim().min(min, message).max(max, `至多 ${max} 字`);
const reason = (message: string) => text(2, message, 1000);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const day = (message: string) => z.string({ message }).regex(DATE, message).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), message);

/** A citation the regulation reader knows: HN-20, HN-22 ¶2, ID-14 … */
export const ZArticle = z.string({ message: '请填写所依据的条款' }).trim().min(1, '请填写所依据的条款').max(32, '条款至多 32 个字符')
  .refine(isKnownCitation, '条款不存在,请按 HN-20、HN-22 ¶2、ID-14 的格式填写');

// ---- orders

export const ZIssueOrderInput = z.object({
  source: z.enum(ORDER_SOURCES, { message: '请选择整改来源' }),
  sourceRef: z.string().trim().max(200, '至多 200 字').nullish(),
  targetOrgId: z.uuid({ message: '请选择整改对象' }),
  title: text(2, '请填写整改事项(至少 2 个字)', 200),
  findings: z.array(text(2, '每条问题至少 2 个字', 2000), { message: '请至少填写一条发现的问题' })
    .min(1, '请至少填写一条发现的问题').max(50, '至多 50 条'),
  article: ZArticle,
  majorRisk: z.boolean().default(false),
  deadlineKind: z.enum(ORDER_DEADLINE_KINDS, { message: '请选择期限类型' }),
  deadlineAmount: z.number({ message: '请填写整改期限' }).int('应为整数').min(DEADLINE_MIN, `至少 ${DEADLINE_MIN} 天`).max(DEADLINE_MAX, `至多 ${DEADLINE_MAX} 天`),
});
export type IssueOrderInput = z.input<typeof ZIssueOrderInput>;

export const ZSubmitPlanInput = ZRef.extend({
  measures: text(5, '请填写整改措施(至少 5 个字)', 4000),
  responsible: text(2, '请填写整改责任人', 100),
  plannedOn: day('请选择计划完成日期'),
});

export const ZProgressInput = ZRef.extend({
  body: text(2, '请填写整改进展(至少 2 个字)', 4000),
  percent: z.number({ message: '请填写完成比例' }).int('应为整数').min(0, '不能小于 0').max(100, '不能大于 100'),
});

export const ZVerifyRequestInput = ZRef.extend({ body: text(2, '请说明整改完成情况(至少 2 个字)', 4000) });
export const ZAcceptInput = ZRef.extend({ body: z.string().trim().max(2000, '至多 2000 字').nullish() });
export const ZReturnInput = ZRef.extend({ reason: reason('请填写退回理由(至少 2 个字)') });
export const ZCancelInput = ZRef.extend({ reason: reason('请填写撤销理由(至少 2 个字)') });

export const ZExtensionRequestInput = ZRef.extend({
  requestedDueOn: day('请选择申请延长至的日期'),
  reason: reason('请填写延期理由(至少 2 个字)'),
});
export const ZExtensionDecideInput = z.object({
  /** The extension request. */
  id: z.uuid({ message: '记录编号有误' }),
  version: z.number().int(),
  grant: z.boolean({ message: '请选择同意或不同意' }),
  reason: z.string().trim().max(1000, '至多 1000 字').nullish(),
}).superRefine((v, ctx) => {
  if (!v.grant && (!v.reason || v.reason.length < 2)) ctx.addIssue({ code: 'custom', path: ['reason'], message: '不同意延期时请填写理由' });
});

export const ORDER_VIEWS = ['all', 'due_soon', 'overdue', 'open', 'mine'] as const;

export const ZOrderFilter = z.object({
  q: z.string().trim().max(50, '搜索词至多 50 个字').optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  source: z.enum(ORDER_SOURCES).optional(),
  regionCode: z.string().trim().regex(/^\d{6}$|^\d{6}[A-Z0-9]*$/, '地区代码有误').max(12).optional(),
  /** due_soon: open and due within 7 days; overdue: open and past due. */
  view: z.enum(ORDER_VIEWS).default('all'),
  targetOrgId: z.uuid().optional(),
  sort: z.enum(['issuedAt', 'dueAt', 'no', 'updatedAt']).default('issuedAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type OrderFilter = z.infer<typeof ZOrderFilter>;
export const ZListOrdersInput = ZPageInput.extend(ZOrderFilter.shape).extend({ limit: z.number().int().min(1).max(200).default(20) });

export const ZTargetSearch = z.object({ q: z.string().trim().max(50, '搜索词至多 50 个字').optional() });

// ---- suspensions and 约谈 (HN-22 ¶2)

export const ZSuspensionFilter = z.object({
  q: z.string().trim().max(50, '搜索词至多 50 个字').optional(),
  active: z.boolean().optional(),
  sort: z.enum(['startedAt', 'resumedAt']).default('startedAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type SuspensionFilter = z.infer<typeof ZSuspensionFilter>;
export const ZListSuspensionsInput = ZPageInput.extend(ZSuspensionFilter.shape).extend({ limit: z.number().int().min(1).max(200).default(20) });

export const ZResumeInput = ZRef.extend({ reason: reason('请填写恢复运营的理由(至少 2 个字)') });

export const ZInterviewFilter = z.object({
  q: z.string().trim().max(50, '搜索词至多 50 个字').optional(),
  status: z.enum(INTERVIEW_STATUSES).optional(),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type InterviewFilter = z.infer<typeof ZInterviewFilter>;
export const ZListInterviewsInput = ZPageInput.extend(ZInterviewFilter.shape).extend({ limit: z.number().int().min(1).max(200).default(20) });

export const ZScheduleInterviewInput = ZRef.extend({ scheduledOn: day('请选择约谈日期') });
export const ZHoldInterviewInput = ZRef.extend({
  heldOn: day('请选择约谈日期'),
  attendees: text(2, '请填写参加人员(至少 2 个字)', 1000),
  minutes: text(5, '请填写约谈纪要(至少 5 个字)', 8000),
});
export const ZCancelInterviewInput = ZRef.extend({ reason: reason('请填写取消理由(至少 2 个字)') });

// ---- 通报批评 (HN-24)

export const ZCriticismInput = z.object({
  orgId: z.uuid({ message: '请选择被通报单位' }),
  violation: text(5, '请填写违规事实(至少 5 个字)', 4000),
  /** 本级政府同意 (HN-24): the approval's reference (文号) and date are both required. */
  approvalRef: text(2, '请填写本级政府同意文号(HN-24)', 100),
  approvedOn: day('请选择本级政府同意日期(HN-24)'),
  publishedOn: day('请选择通报日期'),
  orderId: z.uuid({ message: '整改通知编号有误' }).nullish(),
  /** 同时责令整改: issue an order (source notice, HN-24) in the same transaction. */
  order: z.object({
    title: text(2, '请填写整改事项(至少 2 个字)', 200),
    deadlineKind: z.enum(ORDER_DEADLINE_KINDS, { message: '请选择期限类型' }),
    deadlineAmount: z.number({ message: '请填写整改期限' }).int('应为整数').min(DEADLINE_MIN, `至少 ${DEADLINE_MIN} 天`).max(DEADLINE_MAX, `至多 ${DEADLINE_MAX} 天`),
  }).nullish(),
}).superRefine((v, ctx) => {
  if (v.orderId && v.order) ctx.addIssue({ code: 'custom', path: ['orderId'], message: '已关联整改通知时不能再同时责令整改' });
});
export type CriticismInput = z.infer<typeof ZCriticismInput>;

export const ZCriticismFilter = z.object({
  q: z.string().trim().max(50, '搜索词至多 50 个字').optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  regionCode: z.string().trim().max(12).optional(),
  sort: z.enum(['publishedOn', 'approvedOn', 'createdAt']).default('publishedOn'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type CriticismFilter = z.infer<typeof ZCriticismFilter>;
export const ZListCriticismsInput = ZPageInput.extend(ZCriticismFilter.shape).extend({ limit: z.number().int().min(1).max(200).default(20) });
