import { addDays } from './dates';

/**
 * Terms and date rules shared by the operation filings (HN-11 … HN-17, HN-22 ¶3). Pure: safe to
 * import in client components (filings.ts re-exports them with the database helpers). Labels live
 * in messages/<locale>/*.json.
 */

/** HN-12: the 11 contents of an implementation plan, in the article's order. */
export const PLAN_SECTIONS = [
  'name', 'necessity', 'mode', 'resources', 'term', 'products', 'security', 'accounting', 'supervision', 'parties', 'other',
] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

/** HN-14: the 13 clauses of an operating agreement, in the article's order. */
export const AGREEMENT_CLAUSES = [
  'resources', 'term', 'products', 'platform', 'assets', 'disclosure', 'accounting', 'security', 'evaluation', 'liability', 'disputes', 'changes', 'other',
] as const;
export type AgreementClause = (typeof AGREEMENT_CLAUSES)[number];

/** HN-15 ¶2: the five checkpoints of a compliance review. */
export const CHECKPOINTS = ['sources', 'desensitization', 'inDomain', 'accessControl', 'authorization'] as const;
export type Checkpoint = (typeof CHECKPOINTS)[number];

/** HN-12(6): 公共治理/公益事业 vs 产业发展/行业发展. */
export const USE_CATEGORIES = ['public', 'industry'] as const;
export type UseCategory = (typeof USE_CATEGORIES)[number];

export const PRODUCT_FORMS = ['api', 'dataset', 'model', 'report', 'app', 'other'] as const;
export type ProductForm = (typeof PRODUCT_FORMS)[number];

/** HN-15 ¶2 (按照国家和省价格主管部门有关规定定价), HN-21 ¶3 (无偿使用). */
export const PRICING_BASES = ['public_free', 'gov_guided'] as const;
export type PricingBasis = (typeof PRICING_BASES)[number];

/** HN-14(2): 运营期限原则上最长不超过3年. */
export const MAX_TERM_YEARS = 3;

/**
 * The latest last day a term starting on `startsOn` may have without an approved exception: the end
 * dates are inclusive, as agreements state them (自 2025年1月1日 起至 2027年12月31日 止 is 3 years).
 */
export function latestEndOn(startsOn: string): string {
  const [y, m, d] = startsOn.split('-').map(Number);
  // Date.UTC rolls 29 February + 3 years over to 1 March, so the day before is 28 February.
  return new Date(Date.UTC(y + MAX_TERM_YEARS, m - 1, d) - 86_400_000).toISOString().slice(0, 10);
}

/** True when the term runs past 3 years (HN-14(2)). */
export function termExceedsLimit(startsOn: string, endsOn: string): boolean {
  return endsOn > latestEndOn(startsOn);
}

/** Reminder level of an agreement's end (HN-14(9)): 90 and 30 days before, and after it. */
export type ExpiryLevel = 'expired' | 'within30' | 'within90' | null;
export const EXPIRY_REMINDER_DAYS = [90, 30] as const;

export function expiryLevel(endsOn: string, today: string): ExpiryLevel {
  if (endsOn < today) return 'expired';
  if (endsOn <= addDays(today, 30)) return 'within30';
  if (endsOn <= addDays(today, 90)) return 'within90';
  return null;
}

/** HN-16: 相关单位应当在7个工作日内反馈校核结果. */
export const QUALITY_ANSWER_WORKING_DAYS = 7;

/** HN-22 ¶3: quarterly reports, due a configurable number of days after the quarter ends. */
export const REPORT_POLICY_KEY = 'filings.reports';
export const DEFAULT_QUARTERLY_DUE_DAYS = 15;

export function quarterEnd(year: number, quarter: 1 | 2 | 3 | 4 | number): string {
  const last = new Date(Date.UTC(year, quarter * 3, 0));
  return last.toISOString().slice(0, 10);
}

export function quarterlyDueOn(year: number, quarter: number, dueDays = DEFAULT_QUARTERLY_DUE_DAYS): string {
  return addDays(quarterEnd(year, quarter), dueDays);
}

/** HN-22 ¶3: 每年第一季度报送上一年度总结报告, so the summary for `year` is due on 31 March of the next. */
export function annualDueOn(year: number): string {
  return `${year + 1}-03-31`;
}

