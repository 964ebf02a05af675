/**
 * Annual evaluation rules (HN-22), pure and client-safe: the indicator tree's checks, leaf
 * aggregation (mean / trimmed mean), divergence, the weighted roll-up and the grade. The database
 * computes the same roll-up in SQL for whole campaigns (server/routers/evaluation/rollup.ts); these
 * functions are the reference its tests compare against, and what the screens use for one target.
 */

/** HN-22 ¶1: the province evaluates implementing agencies; HN-22 ¶2: the data authorities evaluate operators. */
export const TARGET_KINDS = ['agency', 'operator'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const TARGET_KIND_ARTICLE: Record<TargetKind, string> = { agency: 'HN-22 ¶1', operator: 'HN-22 ¶2' };
/** The organization type a target of each kind has. */
export const TARGET_ORG_TYPE: Record<TargetKind, 'implementing_agency' | 'operator'> = { agency: 'implementing_agency', operator: 'operator' };

export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

/** Lower bounds of the grades on the 0–100 total (editable per indicator-system version). */
export interface GradeBands {
  excellent: number;
  good: number;
  pass: number;
}
export const DEFAULT_GRADE_BANDS: GradeBands = { excellent: 90, good: 80, pass: 60 };

/** Dimension → indicator → check item, and one level more at most. */
export const MAX_DEPTH = 4;
export const DEFAULT_MAX_SCORE = 100;

export const CAMPAIGN_STATUSES = ['draft', 'self_assessment', 'scoring', 'review', 'published'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const AGGREGATIONS = ['mean', 'trimmed'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export const DEFAULT_TRIMMED_MIN = 5;
export const DEFAULT_DIVERGENCE_PCT = 30;

/**
 * Facts the console records and pre-fills as evidence of a leaf (server/routers/evaluation/facts.ts).
 * A leaf names at most one.
 */
export const FACT_KEYS = [
  'catalog_published', // HN-9
  'registration_complete', // HN-10
  'plan_filed', // HN-11
  'agreement_filed', // HN-13
  'scenario_reviews', // HN-15
  'quality_answers', // HN-16: answered within 7 working days
  'reports_on_time', // HN-22 ¶3
  'disclosures_published', // HN-17 ¶2
  'incidents_reported', // HN-18
  'rectifications_closed', // HN-22 ¶2
] as const;
export type FactKey = (typeof FACT_KEYS)[number];
/** What each fact says, for the xlsx and server messages (the screens use messages/<locale>/indicators.json). */
export const FACT_KEY_LABELS: Record<FactKey, string> = {
  catalog_published: '资源目录编制并发布',
  registration_complete: '资源登记完成',
  plan_filed: '实施方案备案',
  agreement_filed: '运营协议备案',
  scenario_reviews: '场景和产品合规审核',
  quality_answers: '数据校核按期答复',
  reports_on_time: '季度和年度报告按时报送',
  disclosures_published: '产品清单和使用情况披露',
  incidents_reported: '安全事件按规定报告',
  rectifications_closed: '整改按期完成',
};
export const isFactKey = (k: string): k is FactKey => (FACT_KEYS as readonly string[]).includes(k);
/** At most this many levels in a leaf's rubric, and nodes in a tree. */
export const MAX_RUBRIC_LEVELS = 10;
export const MAX_NODES = 500;

export interface RubricLevel {
  label: string;
  min: number;
  max: number;
  guidance: string;
}

export interface IndicatorNode {
  code: string;
  parentCode: string | null;
  name: string;
  weight: number;
  seq?: number;
  maxScore?: number | null;
  rubric?: RubricLevel[] | null;
  evidence?: string | null;
  article?: string | null;
  vetoBelow?: number | null;
  factKey?: string | null;
}

export interface TreeProblem {
  /** The node's code ('' for the whole tree) and the field, for a field-level error. */
  code: string;
  field: string;
  message: string;
}

const close = (a: number, b: number) => Math.abs(a - b) < 0.005;

/** Every problem of a tree (empty = valid): weights, depth, codes, rubrics, veto thresholds. */
export function treeProblems(nodes: readonly IndicatorNode[]): TreeProblem[] {
  const out: TreeProblem[] = [];
  if (!nodes.length) return [{ code: '', field: 'nodes', message: '指标体系至少需要一个维度' }];
  const byCode = new Map<string, IndicatorNode>();
  for (const n of nodes) {
    if (!n.code.trim()) out.push({ code: n.code, field: 'code', message: '请填写指标编码' });
    else if (byCode.has(n.code)) out.push({ code: n.code, field: 'code', message: `指标编码 ${n.code} 重复` });
    byCode.set(n.code, n);
    if (!n.name.trim()) out.push({ code: n.code, field: 'name', message: '请填写指标名称' });
    if (!(n.weight > 0 && n.weight <= 100)) out.push({ code: n.code, field: 'weight', message: '权重应大于 0 且不超过 100' });
  }
  const children = childrenOf(nodes);
  for (const n of nodes) {
    if (n.parentCode !== null && !byCode.has(n.parentCode)) out.push({ code: n.code, field: 'parentCode', message: `上级指标 ${n.parentCode} 不存在` });
  }
  for (const n of nodes) {
    const d = depthOf(n, byCode);
    if (d === null) out.push({ code: n.code, field: 'parentCode', message: '指标的上下级关系构成循环' });
    else if (d > MAX_DEPTH) out.push({ code: n.code, field: 'parentCode', message: `指标层级不能超过 ${MAX_DEPTH} 级` });
  }
  for (const [parent, kids] of children) {
    const sum = kids.reduce((s, k) => s + k.weight, 0);
    if (!close(sum, 100)) {
      const where = parent === null ? '各维度' : `${byCode.get(parent)?.name ?? parent} 的下级指标`;
      for (const k of kids) out.push({ code: k.code, field: 'weight', message: `${where}权重之和应为 100,现为 ${round2(sum)}` });
    }
  }
  for (const n of nodes) {
    if (children.has(n.code)) continue;
    const max = n.maxScore ?? DEFAULT_MAX_SCORE;
    if (!(max > 0)) out.push({ code: n.code, field: 'maxScore', message: '满分应大于 0' });
    const levels = n.rubric ?? [];
    if (!levels.length) out.push({ code: n.code, field: 'rubric', message: '末级指标需要评分标准(至少一个档次)' });
    if (levels.length > MAX_RUBRIC_LEVELS) out.push({ code: n.code, field: 'rubric', message: `评分档次至多 ${MAX_RUBRIC_LEVELS} 个` });
    for (const [i, l] of levels.entries()) {
      if (!l.label.trim()) out.push({ code: n.code, field: 'rubric', message: '评分档次需要名称' });
      if (!(l.min >= 0 && l.max <= max && l.min <= l.max)) {
        out.push({ code: n.code, field: 'rubric', message: `档次“${l.label}”的分值范围应在 0–${max} 之内且下限不大于上限` });
      }
      // Two levels may share a boundary score (良 75–90, 优 90–100), but not a range.
      const other = levels.slice(i + 1).find((o) => l.min < o.max && o.min < l.max);
      if (other) out.push({ code: n.code, field: 'rubric', message: `档次“${l.label}”与“${other.label}”的分值范围重叠` });
    }
    if (n.vetoBelow != null && !(n.vetoBelow > 0 && n.vetoBelow <= max)) {
      out.push({ code: n.code, field: 'vetoBelow', message: `一票否决线应大于 0 且不超过满分 ${max}` });
    }
  }
  return out;
}

export function childrenOf<N extends { parentCode: string | null }>(nodes: readonly N[]): Map<string | null, N[]> {
  const m = new Map<string | null, N[]>();
  for (const n of nodes) {
    const list = m.get(n.parentCode) ?? [];
    list.push(n);
    m.set(n.parentCode, list);
  }
  return m;
}

/** The depth of every node (1 = dimension), null inside a cycle; a missing parent counts as the root. */
export function depthsOf(nodes: readonly IndicatorNode[]): Map<string, number | null> {
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  return new Map(nodes.map((n) => [n.code, depthOf(n, byCode)]));
}

function depthOf(n: IndicatorNode, byCode: Map<string, IndicatorNode>): number | null {
  let d = 1;
  let p = n.parentCode;
  const seen = new Set([n.code]);
  while (p !== null) {
    if (seen.has(p)) return null;
    seen.add(p);
    const parent = byCode.get(p);
    if (!parent) return d;
    d++;
    p = parent.parentCode;
  }
  return d;
}

export const isLeaf = (code: string, nodes: readonly { parentCode: string | null }[]) => !nodes.some((n) => n.parentCode === code);

/**
 * A leaf's score from its evaluators' scores: the mean, or with `trimmed` and at least `trimmedMin`
 * scores the mean without one highest and one lowest score. null when nobody scored it.
 */
export function aggregateLeaf(scores: readonly number[], opts: { aggregation: Aggregation; trimmedMin: number }): number | null {
  if (!scores.length) return null;
  let xs = [...scores];
  if (opts.aggregation === 'trimmed' && xs.length >= Math.max(3, opts.trimmedMin)) {
    xs.sort((a, b) => a - b);
    xs = xs.slice(1, -1);
  }
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Divergent: the range of the scores is above `pct` % of the leaf's maximum (default 30 %). */
export function isDivergent(scores: readonly number[], maxScore: number, pct: number): boolean {
  if (scores.length < 2) return false;
  return Math.max(...scores) - Math.min(...scores) > (pct / 100) * maxScore;
}

/**
 * Roll leaf scores up the tree with the weights. A leaf counts as score / maxScore × 100; a node is
 * the weighted sum of its children (weights in percent). A leaf with no score counts 0. Returns the
 * 0–100 score of every node; the total is the sum over the dimensions.
 */
export function rollup(nodes: readonly IndicatorNode[], leafScores: ReadonlyMap<string, number | null>): { total: number; byCode: Map<string, number> } {
  const kids = childrenOf(nodes);
  const byCode = new Map<string, number>();
  const value = (n: IndicatorNode): number => {
    const c = kids.get(n.code);
    const v = c
      ? c.reduce((s, k) => s + (k.weight / 100) * value(k), 0)
      : ((leafScores.get(n.code) ?? 0) / (n.maxScore ?? DEFAULT_MAX_SCORE)) * 100;
    byCode.set(n.code, v);
    return v;
  };
  const total = (kids.get(null) ?? []).reduce((s, d) => s + (d.weight / 100) * value(d), 0);
  return { total, byCode };
}

/** Veto items (一票否决) whose aggregated score is below their line. */
export function vetoedBy(nodes: readonly IndicatorNode[], leafScores: ReadonlyMap<string, number | null>): string[] {
  return nodes.filter((n) => n.vetoBelow != null && (leafScores.get(n.code) ?? 0) < n.vetoBelow).map((n) => n.code);
}

/** The grade of a total; a triggered veto item caps it at 不合格 whatever the total. */
export function gradeOf(total: number, bands: GradeBands, vetoed: boolean): Grade {
  if (vetoed) return 'fail';
  const t = round2(total);
  if (t >= bands.excellent) return 'excellent';
  if (t >= bands.good) return 'good';
  if (t >= bands.pass) return 'pass';
  return 'fail';
}

export function bandProblems(b: GradeBands): TreeProblem[] {
  const out: TreeProblem[] = [];
  if (!(b.pass > 0 && b.pass < b.good && b.good < b.excellent && b.excellent <= 100)) {
    out.push({ code: '', field: 'gradeBands', message: '等次分数线应满足 0 < 合格 < 良好 < 优秀 ≤ 100' });
  }
  return out;
}

export const round2 = (x: number) => Math.round(x * 100) / 100;

/** The nodes in reading order: each node followed by its children (siblings by `seq`, then as given). */
export function preorder<N extends { code: string; parentCode: string | null; seq?: number }>(nodes: readonly N[]): N[] {
  const kids = childrenOf(nodes);
  for (const list of kids.values()) list.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  const out: N[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null) => {
    for (const n of kids.get(parent) ?? []) {
      if (seen.has(n.code)) continue;
      seen.add(n.code);
      out.push(n);
      walk(n.code);
    }
  };
  walk(null);
  // nodes under a missing parent (only in an invalid tree) keep their place at the end
  for (const n of nodes) if (!seen.has(n.code)) out.push(n);
  return out;
}

// ---- differences between two versions of a system (by node code, which is stable across versions)

/** The compared fields of a node; `parentCode` is shown as 上级指标. */
export const DIFF_FIELDS = ['name', 'parentCode', 'weight', 'maxScore', 'rubric', 'evidence', 'article', 'vetoBelow', 'factKey'] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

export interface NodeChange {
  code: string;
  name: string;
  change: 'added' | 'removed' | 'changed';
  fields: { field: DiffField; before: unknown; after: unknown }[];
}

export interface TreeDiff {
  nodes: NodeChange[];
  bands: { field: keyof GradeBands; before: number; after: number }[];
}

const blank = (v: unknown) => (v === undefined || v === '' ? null : v);
function fieldValue(n: IndicatorNode, f: DiffField): unknown {
  if (f === 'rubric') return n.rubric?.length ? n.rubric.map((l) => ({ label: l.label, min: l.min, max: l.max, guidance: l.guidance ?? '' })) : null;
  return blank(n[f]);
}
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What changed from version `a` to version `b`: nodes added, removed and changed field by field, and the grade bands. */
export function diffTrees(a: { nodes: readonly IndicatorNode[]; gradeBands: GradeBands }, b: { nodes: readonly IndicatorNode[]; gradeBands: GradeBands }): TreeDiff {
  const before = new Map(a.nodes.map((n) => [n.code, n]));
  const after = new Map(b.nodes.map((n) => [n.code, n]));
  const nodes: NodeChange[] = [];
  for (const n of preorder(b.nodes)) {
    const o = before.get(n.code);
    if (!o) {
      nodes.push({ code: n.code, name: n.name, change: 'added', fields: DIFF_FIELDS.map((f) => ({ field: f, before: null, after: fieldValue(n, f) })).filter((x) => x.after !== null) });
      continue;
    }
    const fields = DIFF_FIELDS.map((f) => ({ field: f, before: fieldValue(o, f), after: fieldValue(n, f) })).filter((x) => !same(x.before, x.after));
    if (fields.length) nodes.push({ code: n.code, name: n.name, change: 'changed', fields });
  }
  for (const o of preorder(a.nodes)) {
    if (!after.has(o.code)) nodes.push({ code: o.code, name: o.name, change: 'removed', fields: [] });
  }
  const bands = (['excellent', 'good', 'pass'] as const)
    .filter((k) => a.gradeBands[k] !== b.gradeBands[k])
    .map((k) => ({ field: k, before: a.gradeBands[k], after: b.gradeBands[k] }));
  return { nodes, bands };
}
