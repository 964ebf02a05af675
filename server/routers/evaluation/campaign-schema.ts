import { z } from 'zod';
import { AGGREGATIONS, CAMPAIGN_STATUSES, DEFAULT_DIVERGENCE_PCT, DEFAULT_TRIMMED_MIN, TARGET_KINDS } from '@/server/domain/evaluation';
import { ZPageInput } from '@/server/domain/paging';

/** Inputs of the 年度评价 campaigns (HN-22): set-up, self-assessment, conflicts of interest, blind scoring. */

export const ZId = z.object({ id: z.uuid() });
export const ZRef = z.object({ id: z.uuid(), version: z.number().int() });
export const ZCampaignRef = z.object({ campaignId: z.uuid() });
export const ZTargetRef = z.object({ targetId: z.uuid() });

const day = (message: string) => z.string({ message }).regex(/^\d{4}-\d{2}-\d{2}$/, message);

/** The schedule, in order (Asia/Shanghai dates, inclusive). */
export const SCHEDULE_FIELDS = ['selfStartsOn', 'selfEndsOn', 'scoringEndsOn', 'reviewEndsOn', 'publishOn'] as const;
export type ScheduleField = (typeof SCHEDULE_FIELDS)[number];

const scheduleShape = {
  selfStartsOn: day('请选择自评开始日期'),
  selfEndsOn: day('请选择自评截止日期'),
  scoringEndsOn: day('请选择评分截止日期'),
  reviewEndsOn: day('请选择复核截止日期'),
  publishOn: day('请选择结果发布日期'),
};

/** Each step of the schedule comes after the one before (the self-assessment window may be one day). */
function checkSchedule(v: Record<ScheduleField, string>, ctx: z.RefinementCtx) {
  const order: [ScheduleField, ScheduleField, boolean, string][] = [
    ['selfStartsOn', 'selfEndsOn', false, '自评截止日期不能早于开始日期'],
    ['selfEndsOn', 'scoringEndsOn', true, '评分截止日期应晚于自评截止日期'],
    ['scoringEndsOn', 'reviewEndsOn', true, '复核截止日期应晚于评分截止日期'],
    ['reviewEndsOn', 'publishOn', false, '结果发布日期不能早于复核截止日期'],
  ];
  for (const [a, b, strict, message] of order) {
    if (!v[a] || !v[b]) continue;
    if (strict ? v[b] <= v[a] : v[b] < v[a]) ctx.addIssue({ code: 'custom', path: [b], message });
  }
}

const campaignShape = {
  name: z.string({ message: '请填写评价活动名称' }).trim().min(2, '请填写评价活动名称(至少 2 个字)').max(100, '至多 100 字'),
  year: z.number({ message: '请填写评价年度' }).int('年度应为整数').min(2000, '年度有误').max(2100, '年度有误'),
  targetKind: z.enum(TARGET_KINDS, { message: '请选择评价对象类型' }),
  versionId: z.uuid({ message: '请选择已发布的指标体系版本' }),
  targetOrgIds: z.array(z.uuid({ message: '评价对象有误' })).max(500, '评价对象至多 500 个').default([]),
  evaluatorUserIds: z.array(z.uuid({ message: '评审专家有误' })).max(50, '评审专家至多 50 名').default([]),
  leadUserId: z.uuid({ message: '请选择评审组长' }).nullish(),
  ...scheduleShape,
  aggregation: z.enum(AGGREGATIONS, { message: '请选择汇总方式' }).default('trimmed'),
  trimmedMin: z.number({ message: '请填写人数' }).int('应为整数').min(3, '至少 3 人').max(50, '至多 50 人').default(DEFAULT_TRIMMED_MIN),
  divergencePct: z.number({ message: '请填写分歧阈值' }).int('应为整数').min(1, '至少 1%').max(100, '至多 100%').default(DEFAULT_DIVERGENCE_PCT),
};

function checkCampaign(v: { evaluatorUserIds: string[]; leadUserId?: string | null } & Record<ScheduleField, string>, ctx: z.RefinementCtx) {
  checkSchedule(v, ctx);
  if (v.leadUserId && !v.evaluatorUserIds.includes(v.leadUserId)) {
    ctx.addIssue({ code: 'custom', path: ['leadUserId'], message: '评审组长应为评审专家组成员' });
  }
}

export const ZCreateCampaignInput = z.object(campaignShape).superRefine(checkCampaign);
export type CreateCampaignInput = z.infer<typeof ZCreateCampaignInput>;
export const ZUpdateCampaignInput = ZRef.extend(campaignShape).superRefine(checkCampaign);
export type UpdateCampaignInput = z.infer<typeof ZUpdateCampaignInput>;

/** The owner's steps (publication is confirmed with the results, server/routers/evaluation/result-router.ts). */
export const OWNER_STEPS = ['start', 'open_scoring', 'close_scoring'] as const;
export const ZStepInput = ZRef.extend({ action: z.enum(OWNER_STEPS, { message: '未知操作' }) });

export const ZFormOptionsInput = z.object({ targetKind: z.enum(TARGET_KINDS, { message: '请选择评价对象类型' }) });

export const ZCampaignFilter = z.object({
  q: z.string().trim().max(50, '搜索词至多 50 个字').optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  targetKind: z.enum(TARGET_KINDS).optional(),
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  sort: z.enum(['createdAt', 'year', 'name', 'selfEndsOn']).default('createdAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type CampaignFilter = z.infer<typeof ZCampaignFilter>;
export const ZListCampaignsInput = ZPageInput.extend(ZCampaignFilter.shape).extend({ limit: z.number().int().min(1).max(200).default(20) });

const score = z.number({ message: '请填写分值' }).min(0, '分值不能为负数').max(1000, '分值过大').refine((x) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-6, '分值至多两位小数');
const comment = z.string().trim().max(2000, '至多 2000 字');
const nodeCode = z.string({ message: '请选择指标' }).trim().min(1, '请选择指标').max(64, '指标编码有误');

// ---- self-assessment (HN-22 ¶2: 如实提供有关资料)

export const ZSaveSelfInput = ZCampaignRef.extend({ nodeCode, score: score.nullish(), comment: comment.nullish() });
export const ZSubmitSelfInput = ZCampaignRef.extend({ version: z.number().int() });

// ---- conflicts of interest and blind scoring

export const ZDeclareInput = ZTargetRef.extend({
  version: z.number().int(),
  conflict: z.boolean({ message: '请选择有无利益冲突' }),
  note: z.string().trim().max(1000, '至多 1000 字').nullish(),
}).superRefine((v, ctx) => {
  if (v.conflict && (!v.note || v.note.length < 2)) ctx.addIssue({ code: 'custom', path: ['note'], message: '请说明利益冲突的情况(至少 2 个字)' });
});
export const ZSaveScoreInput = ZTargetRef.extend({ nodeCode, score, comment: comment.nullish() });
export const ZSubmitScoresInput = ZTargetRef.extend({ version: z.number().int() });
