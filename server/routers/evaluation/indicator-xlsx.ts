import ExcelJS from 'exceljs';
import type { Db } from '@/db/client';
import { appendAudit, type AuditActor } from '@/server/domain/audit';
import { DomainError, invalidField } from '@/server/domain/errors';
import {
  DEFAULT_MAX_SCORE, diffTrees, FACT_KEY_LABELS, FACT_KEYS, GRADE_LABELS, isFactKey, MAX_NODES, preorder,
  type GradeBands, type IndicatorNode, type RubricLevel, type TargetKind, type TreeProblem,
} from '@/server/domain/evaluation';
import { fileResponse, parseExportQuery, sendExport, shanghaiText, XLSX_TYPE, ZExportFormat, type ExportColumn } from '@/server/domain/export';
import { cellText, isBlankRow, readWorkbook, type CellProblem } from '@/server/domain/import';
import type { PolicySubject } from '@/server/domain/policy';
import { checkTree, getVersion, selectSystems, type TreeNode } from './indicators';
import { ZIndicatorFilter, type NodeInput } from './indicator-schema';

/**
 * An indicator-system version as a workbook (HN-22): sheet 指标 (one row per node, in reading order)
 * and sheet 等次分数线 (the grade bands), plus 说明. The same layout is imported into a draft: a dry
 * run reports every problem by sheet, row and column before anything is written, and the confirmed
 * import replaces the draft's whole tree. Export then import gives the same tree.
 */
export const NODE_SHEET = '指标';
export const BAND_SHEET = '等次分数线';
export const NODE_COLUMNS = ['编码*', '上级编码', '层级', '名称*', '权重*', '满分', '评分标准', '应提供的证明材料', '依据条款', '一票否决线', '预填事实'] as const;
const COLUMN_OF: Record<string, number> = {
  code: 0, parentCode: 1, depth: 2, name: 3, weight: 4, maxScore: 5, rubric: 6, evidence: 7, article: 8, vetoBelow: 9, factKey: 10,
};
const columnName = (field: string) => NODE_COLUMNS[COLUMN_OF[field] ?? 0].replace('*', '');
const TARGET_KIND_LABEL: Record<TargetKind, string> = { agency: '实施机构(HN-22 ¶1)', operator: '一级开发主体(HN-22 ¶2)' };
const BAND_KEYS = ['excellent', 'good', 'pass'] as const;

// ---- rubric as text: 优:90-100:说明|良:75-89:说明 (a \ escapes | and : and itself)

const num = (x: number) => String(Number(x.toFixed(2)));
const escLabel = (s: string) => s.replace(/[\\|:：]/g, (c) => `\\${c}`);
const escGuidance = (s: string) => s.replace(/[\\|]/g, (c) => `\\${c}`);

export function rubricText(levels: readonly RubricLevel[] | null | undefined): string {
  return (levels ?? []).map((l) => `${escLabel(l.label)}:${num(l.min)}-${num(l.max)}${l.guidance ? `:${escGuidance(l.guidance)}` : ''}`).join('|');
}

/** Split at unescaped separators; `limit` pieces at most (the last keeps the rest, escapes resolved). */
function splitEscaped(s: string, seps: string, limit = Infinity): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      cur += s[++i];
    } else if (seps.includes(c) && out.length < limit - 1) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Split levels at unescaped `|`, keeping escapes for the second pass. */
function splitLevels(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      cur += c + s[++i];
    } else if (c === '|') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const RANGE = /^(\d+(?:\.\d+)?)\s*(?:[-–—~～至]\s*(\d+(?:\.\d+)?))?$/;

export function parseRubric(text: string): { levels: RubricLevel[] } | { error: string } {
  const levels: RubricLevel[] = [];
  for (const part of splitLevels(text.trim())) {
    if (!part.trim()) continue;
    const [label, range, guidance] = splitEscaped(part.trim(), ':：', 3);
    const m = RANGE.exec((range ?? '').trim());
    if (!label?.trim() || !m) return { error: `无法识别档次“${part.trim().slice(0, 30)}”,应写作 档次:最低分-最高分:评分说明,多个档次用 | 分隔` };
    levels.push({ label: label.trim(), min: Number(m[1]), max: Number(m[2] ?? m[1]), guidance: (guidance ?? '').trim() });
  }
  return { levels };
}

// ---- export

interface VersionTree {
  system: { name: string; targetKind: TargetKind; description?: string | null };
  version: { versionNo: number; status: string; publishedAt: Date | null; changeNote: string | null; gradeBands: GradeBands };
  nodes: readonly (IndicatorNode & { depth?: number })[];
}

function nodeRow(n: IndicatorNode & { depth?: number }, leaf: boolean): (string | number | null)[] {
  return [
    n.code, n.parentCode ?? null, n.depth ?? null, n.name, n.weight,
    leaf ? n.maxScore ?? DEFAULT_MAX_SCORE : null,
    leaf ? rubricText(n.rubric) || null : null,
    leaf ? n.evidence || null : null,
    n.article || null,
    leaf ? n.vetoBelow ?? null : null,
    leaf ? n.factKey || null : null,
  ];
}

export async function versionWorkbook(tree: VersionTree): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '河南省公共数据授权运营监管平台';
  wb.created = new Date();
  const ws = wb.addWorksheet(NODE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = [16, 14, 6, 36, 8, 8, 80, 40, 12, 10, 22];
  ws.columns = NODE_COLUMNS.map((header, i) => ({ header, width: widths[i] }));
  ws.getRow(1).font = { bold: true };
  const parents = new Set(tree.nodes.map((n) => n.parentCode));
  // Values are written as plain text and numbers (never formulas), so a cell starting with = stays text.
  for (const n of preorder(tree.nodes)) ws.addRow(nodeRow(n, !parents.has(n.code)));

  const bands = wb.addWorksheet(BAND_SHEET);
  bands.columns = [{ header: '等次', width: 10 }, { header: '最低分*', width: 10 }, { header: '说明', width: 50 }];
  bands.getRow(1).font = { bold: true };
  for (const k of BAND_KEYS) bands.addRow([GRADE_LABELS[k], tree.version.gradeBands[k], `总分 ≥ 该分数为${GRADE_LABELS[k]}`]);
  bands.addRow([GRADE_LABELS.fail, null, `总分低于合格线,或触发一票否决项,为${GRADE_LABELS.fail}`]);

  const help = wb.addWorksheet('说明');
  help.getColumn(1).width = 120;
  const lines = [
    `${tree.system.name}  v${tree.version.versionNo}(${tree.version.status === 'published' ? `已发布 ${shanghaiText(tree.version.publishedAt) ?? ''}` : '草稿'})`,
    `评价对象:${TARGET_KIND_LABEL[tree.system.targetKind]};依据《河南省公共数据资源授权运营实施办法(试行)》第二十二条`,
    ...(tree.version.changeNote ? [`修订说明:${tree.version.changeNote}`] : []),
    '',
    '「指标」每行一个指标:维度 → 指标 → 检查项(至多 4 级),以「上级编码」挂到上级;同一上级下的各项权重之和为 100。',
    '编码在各版本之间保持不变(版本比较和评分都按编码对应),只能由字母、数字和 . _ - 组成。「层级」由上级编码推算,可不填。',
    '末级检查项:「满分」默认 100;「评分标准」写作 档次:最低分-最高分:评分说明,多个档次用 | 分隔,例如 优:90-100:制度健全并有效执行|良:75-89:……;文字中的 | 或档次名中的 : 前加 \\。',
    '「一票否决线」:该项得分低于此分时,无论总分多少,等次为不合格。「依据条款」如 HN-16、HN-22 ¶2、HN-8(3)。',
    `「预填事实」(可选,平台据已记录的事实预填证明材料):${FACT_KEYS.map((k) => `${k}=${FACT_KEY_LABELS[k]}`).join(';')}`,
    '「等次分数线」:优秀、良好、合格的最低分,0 < 合格 < 良好 < 优秀 ≤ 100。',
    '导入先做预检,逐行逐列列出问题;确认后导入的内容整体替换草稿版本的指标和等次分数线。',
  ];
  for (const l of lines) help.addRow([l]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** GET /api/evaluation/indicators/versions/<id>/export: the version as xlsx, audited. */
export async function exportVersion(db: Db, actor: AuditActor, user: PolicySubject, id: string): Promise<Response> {
  let v: Awaited<ReturnType<typeof getVersion>>;
  try {
    v = await getVersion(db, user, id);
  } catch (err) {
    if (err instanceof DomainError && err.kind === 'not_found') return Response.json({ error: 'NOT_FOUND', message: err.message }, { status: 404 });
    throw err;
  }
  const body = await versionWorkbook(v);
  await db.transaction((tx) => appendAudit(tx, actor, {
    action: 'indicator_version.export', entityType: 'indicator_version', entityId: v.version.id,
    after: { system: v.system.name, versionNo: v.version.versionNo, nodes: v.nodes.length },
  }));
  return fileResponse(body, `${v.system.name}-v${v.version.versionNo}.xlsx`, XLSX_TYPE);
}

/** GET /api/evaluation/indicators/export: the list of systems with the list's filters. */
export async function exportSystems(db: Db, actor: AuditActor, user: PolicySubject, params: URLSearchParams): Promise<Response> {
  const q = parseExportQuery(ZIndicatorFilter.extend(ZExportFormat.shape), params);
  if ('response' in q) return q.response;
  const { format, ...filter } = q.data;
  const page = await selectSystems(db, user, filter, { limit: 5000 });
  type Row = (typeof page.items)[number];
  const columns: ExportColumn<Row>[] = [
    { header: '指标体系', width: 40, value: (r) => r.name },
    { header: '评价对象', width: 24, value: (r) => TARGET_KIND_LABEL[r.targetKind] },
    { header: '现行版本', width: 10, value: (r) => (r.publishedVersionNo ? `v${r.publishedVersionNo}` : '未发布') },
    { header: '发布时间', width: 20, value: (r) => shanghaiText(r.publishedAt) },
    { header: '草稿', width: 10, value: (r) => (r.draftVersionNo ? `v${r.draftVersionNo}` : null) },
    { header: '更新时间', width: 20, value: (r) => shanghaiText(r.updatedAt) },
    { header: '说明', width: 40, value: (r) => r.description },
  ];
  return sendExport(db, actor, { action: 'indicator_system.export', sheet: '评价指标体系', filename: '评价指标体系', format, filter }, columns, page);
}

// ---- import

export interface ImportNodeRow {
  row: number;
  code: string;
  name: string;
  depth: number | null;
  leaf: boolean;
  problems: CellProblem[];
}

export interface IndicatorImportPlan {
  rows: ImportNodeRow[];
  /** Every problem, in sheet and row order (those of the node rows, the grade bands and the file). */
  problems: CellProblem[];
  nodes: NodeInput[];
  gradeBands: GradeBands;
  /** False when the file has no 等次分数线 sheet: the draft keeps its bands. */
  bandsFromFile: boolean;
  summary: { nodes: number; dimensions: number; leaves: number; problems: number; added: number; removed: number; changed: number; bandsChanged: boolean };
}

type Cell = string | number | null;

function numberCell(v: unknown): { value: number | null } | { error: string } {
  if (v === null || v === undefined || cellText(v) === '') return { value: null };
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v } : { error: '应为数字' };
  const s = cellText(v).replace(/[%％]$/, '');
  const n = Number(s);
  return s !== '' && Number.isFinite(n) ? { value: n } : { error: `“${cellText(v)}”不是数字` };
}

function factKeyOf(s: string): string | null {
  if (!s) return null;
  if (isFactKey(s)) return s;
  const byLabel = (Object.entries(FACT_KEY_LABELS) as [string, string][]).find(([, l]) => l === s);
  return byLabel ? byLabel[0] : s; // unknown: checkTree names it
}

/**
 * Read the workbook and check it as a whole tree, exactly as saving the draft would; writes nothing.
 * `current` is the draft (its bands stay when the file has no 等次分数线 sheet, and the summary says
 * how many nodes the import would add, remove and change).
 */
export async function planIndicatorImport(base64: string, current: { nodes: readonly TreeNode[]; gradeBands: GradeBands }): Promise<IndicatorImportPlan> {
  const sheets = await readWorkbook(base64, { columns: NODE_COLUMNS.length, maxRows: MAX_NODES + 1 });
  const sheet = sheets.get(NODE_SHEET);
  if (!sheet) throw invalidField('xlsxBase64', `文件中没有「${NODE_SHEET}」工作表,请使用本页导出的文件作为模板`);
  const body = sheet.filter((r) => r.row > 1 && !isBlankRow(r.cells));
  if (!body.length) throw invalidField('xlsxBase64', `「${NODE_SHEET}」工作表没有数据行`);
  if (body.length > MAX_NODES) throw invalidField('xlsxBase64', `一个指标体系至多 ${MAX_NODES} 个指标`);

  const rows: ImportNodeRow[] = [];
  const nodes: NodeInput[] = [];
  const declaredDepth = new Map<number, number>();
  const firstRowOf = new Map<string, number>();
  for (const r of body) {
    const c = r.cells as Cell[];
    const text = c.map(cellText);
    const mine: CellProblem[] = [];
    const bad = (field: string, message: string) => mine.push({ sheet: NODE_SHEET, row: r.row, column: columnName(field), message });
    const code = text[0];
    if (!code) bad('code', '缺少编码');
    else if (firstRowOf.has(code)) bad('code', `编码 ${code} 与第 ${firstRowOf.get(code)} 行重复`);
    else firstRowOf.set(code, r.row);
    const numeric = (i: number, field: string) => {
      const x = numberCell(c[i]);
      if ('error' in x) bad(field, x.error);
      return 'value' in x ? x.value : null;
    };
    const weight = numeric(4, 'weight');
    if (weight === null && !mine.some((p) => p.column === columnName('weight'))) bad('weight', '缺少权重');
    const depth = numeric(2, 'depth');
    if (depth !== null) declaredDepth.set(r.row, depth);
    let rubric: RubricLevel[] | null = null;
    if (text[6]) {
      const parsed = parseRubric(text[6]);
      if ('error' in parsed) bad('rubric', parsed.error);
      else rubric = parsed.levels;
    }
    nodes.push({
      code: code || `#${r.row}`,
      parentCode: text[1] || null,
      name: text[3],
      weight: weight ?? 0,
      maxScore: numeric(5, 'maxScore'),
      rubric,
      evidence: text[7] || null,
      article: text[8] || null,
      vetoBelow: numeric(9, 'vetoBelow'),
      factKey: factKeyOf(text[10]),
    });
    rows.push({ row: r.row, code, name: text[3], depth: null, leaf: false, problems: mine });
  }

  // grade bands: the file's, or the draft's when the sheet is absent
  let gradeBands = current.gradeBands;
  const bandSheet = sheets.get(BAND_SHEET);
  const bandProblemsFound: CellProblem[] = [];
  if (bandSheet) {
    const found: Partial<GradeBands> = {};
    for (const r of bandSheet.filter((x) => x.row > 1 && !isBlankRow(x.cells))) {
      const label = cellText(r.cells[0]);
      const key = BAND_KEYS.find((k) => GRADE_LABELS[k] === label || k === label);
      if (!key) continue; // 不合格 and notes
      const x = numberCell(r.cells[1]);
      if ('error' in x || x.value === null) bandProblemsFound.push({ sheet: BAND_SHEET, row: r.row, column: '最低分', message: 'error' in x ? x.error : `缺少${label}的最低分` });
      else found[key] = x.value;
    }
    for (const k of BAND_KEYS) {
      if (found[k] === undefined && !bandProblemsFound.length) bandProblemsFound.push({ sheet: BAND_SHEET, row: 1, column: '等次', message: `缺少“${GRADE_LABELS[k]}”一行` });
    }
    gradeBands = { ...current.gradeBands, ...found };
  }

  const checked = checkTree(nodes, gradeBands);
  const rowOfCode = new Map<string, ImportNodeRow>();
  rows.forEach((r, i) => {
    if (!rowOfCode.has(nodes[i].code)) rowOfCode.set(nodes[i].code, r);
  });
  const fileProblems: CellProblem[] = [...bandProblemsFound];
  const place = (p: TreeProblem) => {
    if (!p.code) {
      if (p.field === 'gradeBands') fileProblems.push({ sheet: BAND_SHEET, row: 1, column: '最低分', message: p.message });
      else fileProblems.push({ sheet: NODE_SHEET, row: 1, column: '—', message: p.message });
      return;
    }
    const row = rowOfCode.get(p.code);
    if (!row) return;
    const column = columnName(p.field);
    // one message per cell: the cell's own reading problem comes first
    if (row.problems.some((x) => x.column === column)) return;
    row.problems.push({ sheet: NODE_SHEET, row: row.row, column, message: p.message });
  };
  for (const p of checked.problems) place(p);
  const parents = new Set(checked.nodes.map((n) => n.parentCode));
  checked.nodes.forEach((n, i) => {
    const row = rows[i];
    row.depth = n.depth || null;
    row.leaf = !parents.has(n.code);
    const declared = declaredDepth.get(row.row);
    if (declared !== undefined && n.depth && declared !== n.depth && !row.problems.some((x) => x.column === columnName('parentCode'))) {
      row.problems.push({ sheet: NODE_SHEET, row: row.row, column: columnName('depth'), message: `层级应为 ${n.depth}(由上级编码推算)` });
    }
  });
  for (const r of rows) r.problems.sort((a, b) => COLUMN_INDEX(a.column) - COLUMN_INDEX(b.column));
  const all = [...rows.flatMap((r) => r.problems), ...fileProblems];
  const d = diffTrees({ nodes: current.nodes, gradeBands: current.gradeBands }, { nodes: checked.nodes, gradeBands });
  const n = (k: 'added' | 'removed' | 'changed') => d.nodes.filter((x) => x.change === k).length;
  return {
    rows,
    problems: all,
    nodes,
    gradeBands,
    bandsFromFile: !!bandSheet,
    summary: {
      nodes: nodes.length,
      dimensions: checked.nodes.filter((x) => x.parentCode === null).length,
      leaves: rows.filter((r) => r.leaf).length,
      problems: all.length,
      added: n('added'),
      removed: n('removed'),
      changed: n('changed'),
      bandsChanged: d.bands.length > 0,
    },
  };
}

const COLUMN_INDEX = (column: string) => {
  const i = NODE_COLUMNS.findIndex((c) => c.replace('*', '') === column);
  return i < 0 ? 99 : i;
};
