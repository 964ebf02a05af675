import { z } from 'zod';
import { ZPageInput } from '@/server/domain/paging';
import {
  INCIDENT_STATUSES, INCIDENT_TYPES, INCIDENT_VIEWS, NOTIFY_CHANNELS, NOTIFY_ITEMS, RECIPIENT_KINDS, SEVERITIES, SUMMARY_FIELDS,
} from '@/server/domain/incidents';
import { DEADLINE_MAX, DEADLINE_MIN, ORDER_DEADLINE_KINDS } from '@/server/domain/rectification';

/** Inputs of incident and risk reports (HN-18, ID-12 ¶3, the national incident-reporting rules). */

export const ZId = z.object({ id: z.uuid({ message: '记录编号有误' }) });
export const ZRef = z.object({ id: z.uuid({ message: '记录编号有误' }), version: z.number().int() });

const text = (min: number, message: string, max: number) => z.string({ message }).trim().min(min, message).max(max, `至多 ${max} 字`);
const optionalText = (max: number) => z.string().trim().max(max, `至多 ${max} 字`).nullish();
/** A count of people or yuan: a whole, non-negative number. */
const amount = (max: number) => z.number({ message: '请填写数字' }).int('应为整数').min(0, '不能为负数').max(max, '数值过大').nullish();
const instant = (message: string) => z.date({ message });

/** The facts a follow-up may add or correct (the initial report may carry them already). */
const facts = {
  occurredAt: instant('请选择发生时间').nullish(),
  peopleAffected: amount(2_000_000_000),
  personalInfoPeople: amount(2_000_000_000),
  directLossYuan: amount(1e13),
  crimeSuspected: z.boolean().optional(),
};

/**
 * The initial report: only the basics (who — from the session, which system, when discovered, type,
 * preliminary severity, what was done). HN-18 first sentence: for a risk in data relationships the
 * time processing stopped, or "not yet stopped" (to be completed by a follow-up).
 */
export const ZReportIncidentInput = z.object({
  agreementId: z.uuid({ message: '请选择运营协议' }).nullish(),
  systemName: text(2, '请填写涉及的信息系统或数据资源(至少 2 个字)', 100),
  title: optionalText(100),
  type: z.enum(INCIDENT_TYPES, { message: '请选择事件类型' }),
  severity: z.enum(SEVERITIES, { message: '请选择初步定级' }),
  discoveredAt: instant('请选择发现时间'),
  measures: text(2, '请填写已采取的措施(至少 2 个字)', 4000),
  processingStoppedAt: instant('请选择停止处理的时间').nullish(),
  processingNotStopped: z.boolean().optional(),
  ...facts,
}).superRefine((v, ctx) => {
  if (v.type === 'relationship_risk' && !v.processingStoppedAt && !v.processingNotStopped) {
    ctx.addIssue({ code: 'custom', path: ['processingStoppedAt'], message: '请填写停止数据处理和运营活动的时间,或勾选“尚未停止”稍后续报(HN-18)' });
  }
  if (v.processingStoppedAt && v.processingNotStopped) {
    ctx.addIssue({ code: 'custom', path: ['processingNotStopped'], message: '已填写停止时间,不能同时勾选“尚未停止”' });
  }
});
export type ReportIncidentInput = z.infer<typeof ZReportIncidentInput>;

/** A follow-up report (续报): what is new, and any fact or grade that changed (a new grade needs its reason). */
export const ZFollowUpInput = ZRef.extend({
  body: text(2, '请填写续报内容(至少 2 个字)', 4000),
  type: z.enum(INCIDENT_TYPES, { message: '请选择事件类型' }).optional(),
  severity: z.enum(SEVERITIES, { message: '请选择定级' }).optional(),
  severityReason: optionalText(1000),
  measures: optionalText(4000),
  processingStoppedAt: instant('请选择停止处理的时间').nullish(),
  ...facts,
});
export type FollowUpInput = z.infer<typeof ZFollowUpInput>;

/** Notification of individuals (ID-12 ¶3, PIPL Art 57). */
export const ZNotifyInput = ZRef.extend({
  decision: z.enum(['notify', 'not_notify'], { message: '请选择是否告知个人' }),
  notifiedAt: instant('请选择告知时间').nullish(),
  channels: z.array(z.enum(NOTIFY_CHANNELS)).max(NOTIFY_CHANNELS.length).default([]),
  items: z.partialRecord(z.enum(NOTIFY_ITEMS), z.string().trim().max(2000, '至多 2000 字')).default({}),
  reason: optionalText(2000),
}).superRefine((v, ctx) => {
  if (v.decision === 'notify') {
    if (!v.notifiedAt) ctx.addIssue({ code: 'custom', path: ['notifiedAt'], message: '请选择告知时间' });
    if (v.channels.length === 0) ctx.addIssue({ code: 'custom', path: ['channels'], message: '请至少选择一种告知方式' });
    for (const k of NOTIFY_ITEMS) {
      if ((v.items[k] ?? '').length < 2) ctx.addIssue({ code: 'custom', path: ['items', k], message: '请填写告知内容的这一项(《个人信息保护法》第五十七条)' });
    }
  } else if ((v.reason ?? '').length < 2) {
    ctx.addIssue({ code: 'custom', path: ['reason'], message: '请填写不告知个人的理由(例如已采取措施能够有效避免危害)' });
  }
});
export type NotifyInput = z.infer<typeof ZNotifyInput>;

export const ZEndHandlingInput = ZRef.extend({
  endedAt: instant('请选择处置结束时间'),
  body: optionalText(2000),
});

export const ZSummaryInput = ZRef.extend({
  summary: z.object(Object.fromEntries(SUMMARY_FIELDS.map((k) => [k, text(2, '请填写这一部分(至少 2 个字)', 4000)])) as Record<(typeof SUMMARY_FIELDS)[number], z.ZodString>),
});
export type SummaryInput = z.infer<typeof ZSummaryInput>;

/** A rectification order opened from the closure review (source incident, target the reporter). */
export const ZOrderPart = z.object({
  findings: z.array(text(2, '每条问题至少 2 个字', 2000), { message: '请至少填写一条发现的问题' }).min(1, '请至少填写一条发现的问题').max(50, '至多 50 条'),
  deadlineKind: z.enum(ORDER_DEADLINE_KINDS, { message: '请选择期限类型' }),
  deadlineAmount: z.number({ message: '请填写整改期限' }).int('应为整数').min(DEADLINE_MIN, `至少 ${DEADLINE_MIN} 天`).max(DEADLINE_MAX, `至多 ${DEADLINE_MAX} 天`),
  majorRisk: z.boolean().default(false),
});

export const ZReviewInput = ZRef.extend({
  decision: z.enum(['accept', 'more'], { message: '请选择审核结论' }),
  reason: optionalText(2000),
  order: ZOrderPart.nullish(),
}).superRefine((v, ctx) => {
  if (v.decision === 'more' && (v.reason ?? '').length < 2) ctx.addIssue({ code: 'custom', path: ['reason'], message: '请说明需要补充的内容(至少 2 个字)' });
});
export type ReviewInput = z.infer<typeof ZReviewInput>;

export const ZOpenOrderInput = ZRef.extend(ZOrderPart.shape);
export type OpenOrderInput = z.infer<typeof ZOpenOrderInput>;

export const ZIncidentFilter = z.object({
  q: z.string().trim().max(50, '搜索词至多 50 个字').optional(),
  view: z.enum(INCIDENT_VIEWS).default('all'),
  status: z.enum(INCIDENT_STATUSES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  type: z.enum(INCIDENT_TYPES).optional(),
  regime: z.enum(['HN', 'ID']).optional(),
  regionCode: z.string().trim().max(12).optional(),
  sort: z.enum(['discoveredAt', 'severity', 'updatedAt']).default('discoveredAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type IncidentFilter = z.infer<typeof ZIncidentFilter>;
export const ZListIncidentsInput = ZPageInput.extend(ZIncidentFilter.shape).extend({ limit: z.number().int().min(1).max(200).default(20) });
/** The charts take the list's filters (no paging). */
export const ZStatsInput = ZIncidentFilter.omit({ sort: true, dir: true }).extend({ months: z.number().int().min(1).max(36).default(12) }).prefault({});

export const ZRecipientKind = z.enum(RECIPIENT_KINDS);

// ---- the incident policy table (secadmin)

const threshold = (max: number) => z.number({ message: '请填写门槛' }).int('应为整数').min(1, '应为正数').max(max, '数值过大');
const band = (max: number) => z.object({ large: threshold(max), major: threshold(max), critical: threshold(max) });

export const ZIncidentPolicy = z.object({
  thresholds: z.object({ personalInfoPeople: band(2_000_000_000), directLossYuan: band(1e13) }),
  seriousHours: z.number({ message: '请填写小时数' }).int('应为整数').min(1, '至少 1 小时').max(72, '至多 72 小时'),
  ciiHours: z.number({ message: '请填写小时数' }).int('应为整数').min(1, '至少 1 小时').max(72, '至多 72 小时'),
  promptHours: z.number({ message: '请填写小时数' }).int('应为整数').min(1, '至少 1 小时').max(168, '至多 168 小时'),
  summaryDays: z.number({ message: '请填写天数' }).int('应为整数').min(1, '至少 1 天').max(365, '至多 365 天'),
});
export const ZUpdateIncidentPolicyInput = ZIncidentPolicy.extend({ version: z.number().int().min(0) });
