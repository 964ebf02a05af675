import { describe, expect, it } from 'vitest';
import {
  aggregateLeaf, bandProblems, DEFAULT_GRADE_BANDS, diffTrees, gradeOf, isDivergent, preorder, rollup, treeProblems, vetoedBy, type IndicatorNode,
} from './evaluation';

/** The pure rules of the annual evaluation (HN-22): aggregation, divergence, roll-up, grade, tree checks. */
const rubric = (max: number) => [{ label: '好', min: max * 0.8, max, guidance: '' }, { label: '差', min: 0, max: max * 0.8, guidance: '' }];
/** D1 (60) → L1 (25, max 10), L2 (75, max 20); D2 (40) → L3 (100, max 100, veto below 60). */
const TREE: IndicatorNode[] = [
  { code: 'D1', parentCode: null, name: '维度一', weight: 60 },
  { code: 'L1', parentCode: 'D1', name: '检查项一', weight: 25, maxScore: 10, rubric: rubric(10) },
  { code: 'L2', parentCode: 'D1', name: '检查项二', weight: 75, maxScore: 20, rubric: rubric(20) },
  { code: 'D2', parentCode: null, name: '维度二', weight: 40 },
  { code: 'L3', parentCode: 'D2', name: '检查项三', weight: 100, maxScore: 100, rubric: rubric(100), vetoBelow: 60 },
];

describe('aggregateLeaf: mean, or trimmed mean from trimmedMin scores on', () => {
  it('the mean below trimmedMin, whatever the aggregation', () => {
    expect(aggregateLeaf([10, 20, 60, 90], { aggregation: 'trimmed', trimmedMin: 5 })).toBe(45);
    expect(aggregateLeaf([10, 20, 60, 90, 100], { aggregation: 'mean', trimmedMin: 5 })).toBe(56);
  });
  it('drops exactly one highest and one lowest from n ≥ trimmedMin (ties: only one of each)', () => {
    expect(aggregateLeaf([10, 20, 60, 90, 100], { aggregation: 'trimmed', trimmedMin: 5 })).toBeCloseTo((20 + 60 + 90) / 3);
    expect(aggregateLeaf([0, 0, 50, 100, 100], { aggregation: 'trimmed', trimmedMin: 5 })).toBeCloseTo((0 + 50 + 100) / 3);
    expect(aggregateLeaf([1, 2, 3, 4, 5, 6], { aggregation: 'trimmed', trimmedMin: 5 })).toBe(3.5);
    // never below three scores, whatever trimmedMin says
    expect(aggregateLeaf([0, 50], { aggregation: 'trimmed', trimmedMin: 1 })).toBe(25);
    expect(aggregateLeaf([0, 50, 100], { aggregation: 'trimmed', trimmedMin: 3 })).toBe(50);
  });
  it('null without scores', () => {
    expect(aggregateLeaf([], { aggregation: 'mean', trimmedMin: 5 })).toBeNull();
  });
});

describe('isDivergent: range above pct % of the leaf maximum', () => {
  it('strictly above the threshold only', () => {
    expect(isDivergent([50, 80], 100, 30)).toBe(false); // 30 = 30 % of 100: not above
    expect(isDivergent([50, 80.5], 100, 30)).toBe(true);
    expect(isDivergent([2, 6], 10, 30)).toBe(true); // 4 > 3
    expect(isDivergent([2, 5], 10, 30)).toBe(false);
    expect(isDivergent([0, 100, 40], 100, 50)).toBe(true);
  });
  it('one score never diverges', () => {
    expect(isDivergent([0], 100, 0)).toBe(false);
    expect(isDivergent([], 100, 30)).toBe(false);
  });
});

describe('rollup: leaf score / max × 100, weighted up the tree', () => {
  it('total and per node', () => {
    const r = rollup(TREE, new Map([['L1', 10], ['L2', 10], ['L3', 50]]));
    // D1 = 0.25 × 100 + 0.75 × 50 = 62.5; D2 = 50; total = 0.6 × 62.5 + 0.4 × 50 = 57.5
    expect(r.byCode.get('L2')).toBe(50);
    expect(r.byCode.get('D1')).toBe(62.5);
    expect(r.byCode.get('D2')).toBe(50);
    expect(r.total).toBeCloseTo(57.5);
  });
  it('a leaf nobody scored counts 0; full marks give 100', () => {
    expect(rollup(TREE, new Map([['L1', 10], ['L2', 20]])).total).toBeCloseTo(60);
    expect(rollup(TREE, new Map([['L1', 10], ['L2', 20], ['L3', 100]])).total).toBeCloseTo(100);
  });
});

describe('gradeOf and the veto (一票否决)', () => {
  it('band edges: a total at a band\'s line is in that band', () => {
    const b = DEFAULT_GRADE_BANDS;
    expect(gradeOf(90, b, false)).toBe('excellent');
    expect(gradeOf(89.99, b, false)).toBe('good');
    expect(gradeOf(89.996, b, false)).toBe('excellent'); // rounded to two decimals first
    expect(gradeOf(80, b, false)).toBe('good');
    expect(gradeOf(79.99, b, false)).toBe('pass');
    expect(gradeOf(60, b, false)).toBe('pass');
    expect(gradeOf(59.99, b, false)).toBe('fail');
    expect(gradeOf(0, b, false)).toBe('fail');
    expect(gradeOf(75, { excellent: 95, good: 75, pass: 50 }, false)).toBe('good');
  });
  it('a triggered veto caps the grade at 不合格 whatever the total', () => {
    const scores = new Map([['L1', 10], ['L2', 20], ['L3', 59]]);
    const { total } = rollup(TREE, scores);
    expect(total).toBeGreaterThan(80);
    expect(vetoedBy(TREE, scores)).toEqual(['L3']);
    expect(gradeOf(total, DEFAULT_GRADE_BANDS, vetoedBy(TREE, scores).length > 0)).toBe('fail');
    expect(gradeOf(100, DEFAULT_GRADE_BANDS, true)).toBe('fail');
    // at the line itself the veto does not trigger; an unscored veto leaf does
    expect(vetoedBy(TREE, new Map([['L3', 60]]))).toEqual([]);
    expect(vetoedBy(TREE, new Map())).toEqual(['L3']);
  });
});

describe('bandProblems: 0 < 合格 < 良好 < 优秀 ≤ 100', () => {
  it('accepts the defaults and strictly increasing lines up to 100', () => {
    expect(bandProblems(DEFAULT_GRADE_BANDS)).toEqual([]);
    expect(bandProblems({ excellent: 100, good: 99, pass: 1 })).toEqual([]);
  });
  it.each([
    [{ excellent: 90, good: 90, pass: 60 }],
    [{ excellent: 90, good: 80, pass: 80 }],
    [{ excellent: 101, good: 80, pass: 60 }],
    [{ excellent: 90, good: 80, pass: 0 }],
    [{ excellent: 80, good: 90, pass: 60 }],
  ])('refuses %o on the gradeBands field', (b) => {
    expect(bandProblems(b)).toEqual([{ code: '', field: 'gradeBands', message: expect.stringContaining('0 < 合格 < 良好 < 优秀 ≤ 100') }]);
  });
});

describe('treeProblems', () => {
  const fields = (nodes: IndicatorNode[]) => treeProblems(nodes).map((p) => `${p.code}.${p.field}`).sort();
  it('a valid tree has none', () => {
    expect(treeProblems(TREE)).toEqual([]);
  });
  it('an empty tree', () => {
    expect(treeProblems([])).toEqual([{ code: '', field: 'nodes', message: '指标体系至少需要一个维度' }]);
  });
  it('sibling weights must sum to 100 (within rounding): every sibling of the group is marked', () => {
    expect(fields(TREE.map((n) => (n.code === 'L2' ? { ...n, weight: 65 } : n)))).toEqual(['L1.weight', 'L2.weight']);
    expect(treeProblems(TREE.map((n) => (n.code === 'L2' ? { ...n, weight: 65 } : n)))[0].message).toBe('维度一 的下级指标权重之和应为 100,现为 90');
    expect(fields(TREE.map((n) => (n.code === 'D2' ? { ...n, weight: 50 } : n)))).toEqual(['D1.weight', 'D2.weight']);
    const thirds: IndicatorNode[] = [
      { code: 'D', parentCode: null, name: 'd', weight: 100 },
      ...['a', 'b', 'c'].map((c, i) => ({ code: c, parentCode: 'D', name: c, weight: i === 2 ? 33.34 : 33.33, maxScore: 10, rubric: rubric(10) })),
    ];
    expect(treeProblems(thirds)).toEqual([]);
    expect(fields(TREE.map((n) => (n.code === 'L1' ? { ...n, weight: 0 } : n.code === 'L2' ? { ...n, weight: 100 } : n)))).toEqual(['L1.weight']);
  });
  it('depth above 4, cycles, missing parents, duplicate codes', () => {
    const chain = (depth: number): IndicatorNode[] => Array.from({ length: depth }, (_, i) => ({
      code: `N${i}`, parentCode: i ? `N${i - 1}` : null, name: `n${i}`, weight: 100, ...(i === depth - 1 ? { maxScore: 10, rubric: rubric(10) } : {}),
    }));
    expect(treeProblems(chain(4))).toEqual([]);
    expect(fields(chain(5))).toEqual(['N4.parentCode']);
    const cycle: IndicatorNode[] = [...TREE, { code: 'X', parentCode: 'Y', name: 'x', weight: 100 }, { code: 'Y', parentCode: 'X', name: 'y', weight: 100 }];
    expect(fields(cycle)).toEqual(expect.arrayContaining(['X.parentCode', 'Y.parentCode']));
    expect(fields([...TREE, { code: 'Z', parentCode: 'nope', name: 'z', weight: 100, maxScore: 10, rubric: rubric(10) }])).toEqual(['Z.parentCode']);
    expect(fields([...TREE, { ...TREE[4] }])).toContain('L3.code');
  });
  it('leaves: a rubric within 0–max without overlaps (a shared edge is fine), a positive max, a veto line within (0, max]', () => {
    const with_ = (p: Partial<IndicatorNode>) => TREE.map((n) => (n.code === 'L1' ? { ...n, ...p } : n));
    expect(fields(with_({ rubric: [] }))).toEqual(['L1.rubric']);
    expect(fields(with_({ rubric: [{ label: '好', min: 5, max: 11, guidance: '' }] }))).toEqual(['L1.rubric']);
    expect(fields(with_({ rubric: [{ label: '好', min: 6, max: 10, guidance: '' }, { label: '中', min: 4, max: 7, guidance: '' }] }))).toEqual(['L1.rubric']);
    expect(fields(with_({ rubric: [{ label: '好', min: 6, max: 10, guidance: '' }, { label: '差', min: 0, max: 6, guidance: '' }] }))).toEqual([]);
    expect(fields(with_({ rubric: [{ label: '', min: 0, max: 10, guidance: '' }] }))).toEqual(['L1.rubric']);
    expect(fields(with_({ maxScore: 0, rubric: [] }))).toEqual(['L1.maxScore', 'L1.rubric']);
    expect(fields(with_({ vetoBelow: 0 }))).toEqual(['L1.vetoBelow']);
    expect(fields(with_({ vetoBelow: 11 }))).toEqual(['L1.vetoBelow']);
    expect(fields(with_({ vetoBelow: 10 }))).toEqual([]);
    // inner nodes need no rubric
    expect(fields(TREE.map((n) => (n.code === 'D1' ? { ...n, rubric: null, maxScore: null } : n)))).toEqual([]);
  });
  it('names and codes are required', () => {
    expect(fields(TREE.map((n) => (n.code === 'L1' ? { ...n, name: ' ' } : n)))).toEqual(['L1.name']);
  });
});

describe('preorder and diffTrees', () => {
  it('reading order: each node then its children by seq', () => {
    const shuffled = [TREE[4], { ...TREE[2], seq: 1 }, TREE[3], { ...TREE[1], seq: 2 }, TREE[0]];
    expect(preorder(shuffled).map((n) => n.code)).toEqual(['D2', 'L3', 'D1', 'L2', 'L1']);
  });
  it('added, removed, changed field by field, and the bands', () => {
    const next = TREE.filter((n) => n.code !== 'L1').map((n) => (n.code === 'L2' ? { ...n, weight: 100, name: '新名称' } : n)).concat({ code: 'L4', parentCode: 'D2', name: '新增', weight: 10, maxScore: 10, rubric: rubric(10) });
    const d = diffTrees({ nodes: TREE, gradeBands: DEFAULT_GRADE_BANDS }, { nodes: next, gradeBands: { ...DEFAULT_GRADE_BANDS, pass: 65 } });
    expect(d.nodes.map((n) => [n.code, n.change])).toEqual([['L2', 'changed'], ['L4', 'added'], ['L1', 'removed']]);
    expect(d.nodes[0].fields).toEqual([{ field: 'name', before: '检查项二', after: '新名称' }, { field: 'weight', before: 75, after: 100 }]);
    expect(d.nodes[1].fields.map((f) => f.field)).toEqual(['name', 'parentCode', 'weight', 'maxScore', 'rubric']);
    expect(d.bands).toEqual([{ field: 'pass', before: 60, after: 65 }]);
    expect(diffTrees({ nodes: TREE, gradeBands: DEFAULT_GRADE_BANDS }, { nodes: [...TREE], gradeBands: DEFAULT_GRADE_BANDS })).toEqual({ nodes: [], bands: [] });
  });
});
