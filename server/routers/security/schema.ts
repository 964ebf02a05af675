import { z } from 'zod';
import { ZSecurityPolicy } from '@/server/auth/security-policy';
import { CALENDAR_NAME_MAX, isIsoDate } from './calendar-table';

export const ZUpdatePolicyInput = ZSecurityPolicy.extend({ version: z.number().int().min(0) });

export const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').refine(isIsoDate, '日期不存在');

export const ZCalendarDay = z.object({
  date: ZDate,
  working: z.boolean(),
  name: z.string().trim().max(CALENDAR_NAME_MAX, `名称至多 ${CALENDAR_NAME_MAX} 字`).nullish(),
});

export const ZYearInput = z.object({ year: z.number().int().min(2004, '年份不早于 2004').max(2100, '年份不晚于 2100') });

/** A whole year's official table: the holidays (休) and adjusted working weekend days (班). */
export const ZLoadYearInput = ZYearInput.extend({
  days: z.array(ZCalendarDay).min(1, '至少包含一天').max(366),
}).superRefine((v, ctx) => {
  v.days.forEach((d, i) => {
    if (!d.date.startsWith(`${v.year}-`)) ctx.addIssue({ code: 'custom', path: ['days', i, 'date'], message: `${d.date} 不属于 ${v.year} 年` });
  });
  const seen = new Set<string>();
  v.days.forEach((d, i) => {
    if (seen.has(d.date)) ctx.addIssue({ code: 'custom', path: ['days', i, 'date'], message: `${d.date} 重复` });
    seen.add(d.date);
  });
});

/** Dry run of a table: pasted text, or an xlsx file as base64 (≤ 1 MB). */
export const ZPreviewYearInput = ZYearInput.extend({
  text: z.string().max(100_000, '文本过长').optional(),
  xlsxBase64: z.string().max(1_400_000, '文件不得超过 1 MB').optional(),
}).refine((v) => !!v.text?.trim() || !!v.xlsxBase64, { path: ['text'], message: '请粘贴日历文本或上传 Excel 文件' });

/** The deadline calculator: the date `days` working days after `start` (the start day is not counted). */
export const ZAddWorkingDaysInput = z.object({
  start: ZDate,
  days: z.number().int().min(0, '不能为负数').max(365, '至多 365 个工作日'),
});
