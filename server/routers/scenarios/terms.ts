/**
 * Chinese labels of the HN-15 / HN-17 values for the spreadsheet exports (the pages take theirs from
 * messages/<locale>/scenarios.json), and the disclosure periods.
 */
export const LABELS = {
  scenarioStatus: { draft: '草稿', agency_review: '实施机构审核中', authority_review: '主管部门审核中', approved: '审核通过', rejected: '审核不通过', withdrawn: '已撤回' },
  reviewStatus: { submitted: '审核中', approved: '通过', rejected: '不通过', withdrawn: '已撤回' },
  productStatus: { submitted: '登记审核中', approved: '已登记', rejected: '不予登记', withdrawn: '已撤回' },
  productPhase: { submitted: '待审核', in_notice: '公示中', effective: '已生效', rejected: '不予登记', withdrawn: '已撤回' },
  productForm: { api: '数据接口', dataset: '数据集', model: '模型', report: '分析报告', app: '应用系统', other: '其他' },
  useCategory: { public: '公共治理、公益事业', industry: '产业发展、行业发展' },
  pricingBasis: { public_free: '公益无偿使用', gov_guided: '政府指导价' },
  selectionStatus: { draft: '草稿', submitted: '待实施机构审核', approved: '审核通过', returned: '已退回', contracted: '已签订应用协议' },
} satisfies Record<string, Record<string, string>>;

/** A disclosure period: a year (2026), a half (2026-H1) or a quarter (2026-Q3). */
export const PERIOD = /^(20\d{2})(?:-(Q[1-4]|H[12]))?$/;

const PART: Record<string, string> = { Q1: '第一季度', Q2: '第二季度', Q3: '第三季度', Q4: '第四季度', H1: '上半年', H2: '下半年' };

/** 2026-Q3 → { year: 2026, part: 'Q3' }; 2026 → { year: 2026, part: 'Y' }. */
export function parsePeriod(p: string): { year: number; part: 'Y' | 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'H1' | 'H2' } | null {
  const m = PERIOD.exec(p);
  return m ? { year: Number(m[1]), part: (m[2] ?? 'Y') as 'Y' } : null;
}

/** 2026-Q3 → 2026年第三季度; 2026 → 2026年度. */
export function periodText(p: string): string {
  const v = parsePeriod(p);
  if (!v) return p;
  return v.part === 'Y' ? `${v.year}年度` : `${v.year}年${PART[v.part]}`;
}

/** The quarter before `day` (YYYY-MM-DD), the period an operator usually discloses next: 2026-11-23 → 2026-Q3. */
export function previousQuarter(day: string): string {
  const [y, m] = day.split('-').map(Number);
  const q = Math.floor((m - 1) / 3);
  return q === 0 ? `${y - 1}-Q4` : `${y}-Q${q}`;
}
