import { z } from 'zod';
import { ZSecurityPolicy } from '@/server/auth/security-policy';

export const ZUpdatePolicyInput = ZSecurityPolicy.extend({ version: z.number().int() });

export const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), '日期不存在');

export const ZCalendarDay = z.object({
  date: ZDate,
  working: z.boolean(),
  name: z.string().trim().max(50).nullish(),
});

export const ZYearInput = z.object({ year: z.number().int().min(2004).max(2100) });

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
