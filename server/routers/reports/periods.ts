import { addDays } from '@/server/domain/deadlines';
import { annualDueOn, quarterEnd, quarterlyDueOn } from '@/server/domain/filings';
import type { ReportKind } from './terms';

/**
 * Reporting periods of HN-22 ¶3 (按季度报送运营报告, 每年第一季度报送上一年度总结报告): pure dates,
 * shared by the router, the seed and the tests. Dates are YYYY-MM-DD (Asia/Shanghai).
 */

export interface Period {
  kind: ReportKind;
  year: number;
  /** 1–4 for a quarterly report, 0 for the annual summary. */
  quarter: number;
}

export function periodStart(p: Period): string {
  return p.kind === 'annual' ? `${p.year}-01-01` : `${p.year}-${String((p.quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
}

export function periodEnd(p: Period): string {
  return p.kind === 'annual' ? `${p.year}-12-31` : quarterEnd(p.year, p.quarter);
}

/** HN-22 ¶3: a quarterly report is due `days` after its quarter (policy), the summary by 31 March. */
export function periodDueOn(p: Period, quarterlyDueDays: number): string {
  return p.kind === 'annual' ? annualDueOn(p.year) : quarterlyDueOn(p.year, p.quarter, quarterlyDueDays);
}

/** 2025年第3季度 / 2025年度. */
export function periodLabel(p: Period): string {
  return p.kind === 'annual' ? `${p.year}年度` : `${p.year}年第${p.quarter}季度`;
}

/**
 * Why a period cannot be reported under an agreement, or null: a report covers a period that has
 * ended (it reports what happened) and that overlaps the agreement's term (HN-22 ¶3, HN-14(2)).
 */
export function periodProblem(p: Period, term: { startsOn: string; endsOn: string }, today: string): { message: string; article: string } | null {
  if (periodStart(p) > term.endsOn || periodEnd(p) < term.startsOn) {
    return { message: `${periodLabel(p)}不在运营协议期限(${term.startsOn} 至 ${term.endsOn})内,无需报送`, article: 'HN-22 ¶3' };
  }
  if (periodEnd(p) >= today) {
    return { message: `${periodLabel(p)}尚未结束(${periodEnd(p)} 结束),报告期结束后才能报送`, article: 'HN-22 ¶3' };
  }
  return null;
}

/** The quarter a day falls in. */
export function quarterOf(day: string): Period {
  return { kind: 'quarterly', year: Number(day.slice(0, 4)), quarter: Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1 };
}

/**
 * The next period an operator will have to report under a term, seen from `today`: the running
 * quarter (reportable from the day after it ends), or null once the term is over.
 */
export function nextPeriod(term: { startsOn: string; endsOn: string }, today: string, quarterlyDueDays: number) {
  const from = today < term.startsOn ? term.startsOn : today;
  if (from > term.endsOn) return null;
  const p = quarterOf(from);
  return { ...p, opensOn: addDays(periodEnd(p), 1), dueOn: periodDueOn(p, quarterlyDueDays) };
}
