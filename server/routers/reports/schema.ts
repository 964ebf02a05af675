import { z } from 'zod';
import { ZPageInput } from '@/server/domain/paging';
import { QUALITY_STATUSES, QUALITY_SUBJECTS, REPORT_KINDS, REPORT_STATES } from './terms';

/** Inputs of the data-quality requests (HN-16) and periodic reports (HN-22 ¶3). */

export const ZId = z.object({ id: z.uuid() });
export const ZRef = z.object({ id: z.uuid(), version: z.number().int() });
const body = (message: string) => z.string().trim().min(2, message).max(2000, '至多 2000 字');

// ---- 数据校核 (HN-16)

export const ZRaiseQualityInput = z.object({
  resourceId: z.uuid({ message: '请选择数据资源' }),
  subject: z.enum(QUALITY_SUBJECTS, { message: '请选择问题类型' }),
  itemName: z.string().trim().max(100, '至多 100 字').nullish(),
  description: z.string().trim().min(5, '请描述数据质量问题(至少 5 个字)').max(4000, '至多 4000 字'),
}).superRefine((v, ctx) => {
  if (v.subject === 'item' && !v.itemName) ctx.addIssue({ code: 'custom', path: ['itemName'], message: '请选择有问题的数据项' });
});
export type RaiseQualityInput = z.infer<typeof ZRaiseQualityInput>;

/** A step with a message: a question for clarification, the clarification, the answer, a follow-up. */
export const ZMessageRef = ZRef.extend({ body: body('请填写内容(至少 2 个字)') });
/** Accepting an answer may carry a remark. */
export const ZCloseRef = ZRef.extend({ body: z.string().trim().max(2000, '至多 2000 字').nullish() });

export const ZQualityFilter = z.object({
  q: z.string().trim().max(50, '搜索词至多 50 个字').optional(),
  status: z.enum(QUALITY_STATUSES).optional(),
  subject: z.enum(QUALITY_SUBJECTS).optional(),
  /** Open past the answer deadline (HN-16: 7 个工作日). */
  overdue: z.boolean().optional(),
  /** Answered after the deadline. */
  late: z.boolean().optional(),
  sort: z.enum(['createdAt', 'dueAt', 'updatedAt']).default('createdAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type QualityFilter = z.infer<typeof ZQualityFilter>;
export const ZListQualityInput = ZPageInput.extend(ZQualityFilter.shape).extend({ limit: z.number().int().min(1).max(200).default(20) });

export const ZYearInput = z.object({ year: z.number().int().min(2000, '年份有误').max(2100, '年份有误') });

// ---- 运营报告 (HN-22 ¶3)

export const ZPeriodInput = z.object({
  agreementId: z.uuid({ message: '请选择运营协议' }),
  kind: z.enum(REPORT_KINDS, { message: '请选择报告类型' }),
  year: z.number({ message: '请填写年份' }).int().min(2000, '年份有误').max(2100, '年份有误'),
  /** 1–4, or 0 for the annual summary. */
  quarter: z.number({ message: '请选择季度' }).int().min(0).max(4),
}).superRefine((v, ctx) => {
  if (v.kind === 'quarterly' && v.quarter < 1) ctx.addIssue({ code: 'custom', path: ['quarter'], message: '请选择季度' });
  if (v.kind === 'annual' && v.quarter !== 0) ctx.addIssue({ code: 'custom', path: ['quarter'], message: '年度总结报告不分季度' });
});

/**
 * The content of a report. Drafts may be incomplete; a submission (and a correction) must have every
 * section, including the secondary developers' re-development use (HN-22 ¶3), which may be "none"
 * but must be stated. Amounts in yuan (HN-21 ¶4: 成本、收入和支出).
 */
function contentSchema(strict: boolean) {
  const text = (min: number, message: string, max = 5000) => {
    const s = z.string({ message }).trim().max(max, `至多 ${max} 字`);
    return strict ? s.min(min, message) : s.default('');
  };
  const count = (message: string) => {
    const n = z.number({ message }).int('应为整数').min(0, '不能为负数').max(1e13, '数值过大');
    return strict ? n : n.nullish();
  };
  const amount = (message: string) => {
    const n = z.number({ message }).min(0, '不能为负数').max(1e13, '数值过大');
    return strict ? n : n.nullish();
  };
  const row = z.object({
    developer: text(2, '请填写二级开发主体名称', 100),
    product: text(2, '请填写所用的一级开发产品或服务', 100),
    use: text(2, '请填写再开发利用情况', 1000),
    calls: z.number().int('应为整数').min(0, '不能为负数').max(1e13, '数值过大').nullish(),
  });
  const secondary = z.object({
    none: strict ? z.boolean({ message: '请说明本期二级开发主体再开发利用情况(HN-22 ¶3)' }) : z.boolean().nullish(),
    rows: z.array(row).max(200, '至多 200 行').default([]),
  }).superRefine((v, ctx) => {
    if (!strict) return;
    if (v.none === false && v.rows.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['rows'], message: '请逐项填写二级开发主体的再开发利用情况,或选择“本期无”(HN-22 ¶3)' });
    }
    if (v.none === true && v.rows.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['none'], message: '已填写再开发利用情况,不能同时选择“本期无”' });
    }
  });
  // a draft may leave a whole section out
  const section = <T extends z.ZodType>(s: T) => (strict ? s : s.prefault({} as z.input<T>));
  return z.object({
    operations: text(10, '请填写运营情况概述(至少 10 个字)'),
    products: text(2, '请填写提供的产品和服务'),
    usage: section(z.object({ calls: count('请填写调用次数'), users: count('请填写使用单位/用户数'), note: z.string().trim().max(2000, '至多 2000 字').default('') })),
    finance: section(z.object({ revenue: amount('请填写收入(元)'), cost: amount('请填写成本(元)'), note: z.string().trim().max(2000, '至多 2000 字').default('') })),
    security: section(z.object({ incidents: count('请填写安全事件数'), note: text(2, '请填写安全管理和风险事件情况', 2000) })),
    problems: text(2, '请填写存在的问题和下一步工作'),
    secondary: section(secondary),
  });
}

export const ZReportContent = contentSchema(true);
export const ZDraftContent = contentSchema(false);
export type ReportContent = z.infer<typeof ZReportContent>;
export type DraftContent = z.infer<typeof ZDraftContent>;

export const ZSaveReportInput = ZRef.extend({ content: ZDraftContent });
export const ZSubmitReportInput = ZRef.extend({ content: ZReportContent });
export const ZCorrectReportInput = ZSubmitReportInput.extend({ reason: z.string().trim().min(2, '请填写更正理由(至少 2 个字)').max(500, '至多 500 字') });
export const ZDiffInput = z.object({ id: z.uuid(), from: z.number().int().min(1), to: z.number().int().min(1) });

export const ZReportFilter = z.object({
  q: z.string().trim().max(50, '搜索词至多 50 个字').optional(),
  agreementId: z.uuid().optional(),
  kind: z.enum(REPORT_KINDS).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  state: z.enum(REPORT_STATES).optional(),
  sort: z.enum(['dueOn', 'period', 'submittedAt', 'agreement']).default('dueOn'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type ReportFilter = z.infer<typeof ZReportFilter>;
export const ZListReportsInput = ZPageInput.extend(ZReportFilter.shape).extend({ limit: z.number().int().min(1).max(200).default(20) });

export const ZReportPolicyInput = z.object({
  quarterlyDueDays: z.number({ message: '请填写天数' }).int('应为整数').min(1, '至少 1 天').max(90, '至多 90 天'),
  version: z.number().int(),
});
