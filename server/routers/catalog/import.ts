import { inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { catalogResources, organizations } from '@/db/schema';
import {
  FORMATS, GRADES, ITEM_TYPES, normalizeItemName, OPEN_TYPES, SHARE_TYPES, UPDATE_CYCLES,
} from '@/server/domain/catalog';
import { cellText, isBlankRow, readWorkbook, type CellProblem, type SheetRow } from '@/server/domain/import';
import { invalidField } from '@/server/domain/errors';
import { findSourceMatches, type Owner } from './save';
import { ZResourceInput, type ResourceInput } from './schema';

/**
 * Catalog spreadsheet import (HN-9): sheet 资源目录 (one row per resource) and sheet 数据项 (one
 * row per item, tied to its resource by 资源代码). The dry run reports, per row and per cell, what
 * is wrong and what would be created or updated; the commit writes the valid resources in one
 * transaction after the user confirms.
 */

export const RESOURCE_SHEET = '资源目录';
export const ITEM_SHEET = '数据项';

export const RESOURCE_COLUMNS = ['资源代码*', '资源名称*', '数据提供单位*', '摘要', '资源格式*', '更新周期*', '共享类型*', '共享条件/不予共享依据', '开放类型*'] as const;
export const ITEM_COLUMNS = ['资源代码*', '数据项名称*', '字段编码', '数据类型*', '说明', '是否敏感', '数据分级*', '一数一源处理', '第二来源理由'] as const;

/** Chinese labels (and the codes themselves) accepted in each enumerated column. */
export const LABELS = {
  format: { table: '数据库表', file: '电子文件', api: '接口', image: '图像音视频', other: '其他' },
  updateCycle: { realtime: '实时', daily: '每日', weekly: '每周', monthly: '每月', quarterly: '每季度', yearly: '每年', irregular: '不定期' },
  shareType: { unconditional: '无条件共享', conditional: '有条件共享', none: '不予共享' },
  openType: { open: '无条件开放', conditional: '有条件开放', closed: '不予开放' },
  dataType: { string: '字符型', number: '数值型', date: '日期型', datetime: '日期时间型', boolean: '布尔型', binary: '二进制' },
  grade: { core: '核心', important: '重要', general: '一般' },
  resolution: { link: '关联', second: '第二来源' },
} as const;

function fromLabel<K extends string>(labels: Record<K, string>, allowed: readonly K[], raw: string): K | null {
  const s = raw.trim();
  if (!s) return null;
  if ((allowed as readonly string[]).includes(s)) return s as K;
  const hit = (Object.entries(labels) as [K, string][]).find(([, l]) => l === s || l.replace(/共享|开放|型$/g, '') === s);
  return hit ? hit[0] : null;
}

const yes = (s: string) => ['是', 'y', 'yes', 'true', '1', '敏感'].includes(s.toLowerCase());

export interface ImportRow {
  row: number;
  code: string;
  name: string;
  action: 'create' | 'update' | 'error';
  itemCount: number;
  problems: CellProblem[];
}

export interface ImportPlan {
  rows: ImportRow[];
  /** Problems not tied to a resource row (an item whose 资源代码 is in no resource row). */
  orphanProblems: CellProblem[];
  valid: { input: ResourceInput; existingId: string | null; existingStatus: string | null; existingVersion: number | null }[];
  summary: { create: number; update: number; error: number; items: number };
}

/** Resource field → its column (for zod issues on the resource). */
const FIELD_COLUMN: Record<string, string> = {
  code: '资源代码', name: '资源名称', providerOrgId: '数据提供单位', summary: '摘要', format: '资源格式',
  updateCycle: '更新周期', shareType: '共享类型', shareCondition: '共享条件/不予共享依据', openType: '开放类型', items: '数据项',
};
const ITEM_FIELD_COLUMN: Record<string, string> = {
  name: '数据项名称', fieldCode: '字段编码', dataType: '数据类型', description: '说明', sensitive: '是否敏感', grade: '数据分级',
  sourceResolution: '一数一源处理', justification: '第二来源理由',
};

/** Read the workbook and check every row against the rules and the database; writes nothing. */
export async function planImport(db: DbOrTx, owner: Owner, base64: string): Promise<ImportPlan> {
  const sheets = await readWorkbook(base64, { maxRows: 20_001, columns: 9 });
  const resSheet = sheets.get(RESOURCE_SHEET);
  if (!resSheet) throw invalidField('xlsxBase64', `文件中没有「${RESOURCE_SHEET}」工作表,请使用模板`);
  const itemSheet = sheets.get(ITEM_SHEET) ?? [];
  const body = (rows: SheetRow[]) => rows.filter((r) => r.row > 1 && !isBlankRow(r.cells));
  const resRows = body(resSheet);
  if (!resRows.length) throw invalidField('xlsxBase64', `「${RESOURCE_SHEET}」工作表没有数据行`);
  if (resRows.length > 2000) throw invalidField('xlsxBase64', '一次至多导入 2000 个资源');

  // Providers of the owner's region, by name and by credit code.
  const providerRefs = [...new Set(resRows.map((r) => cellText(r.cells[2])).filter(Boolean))];
  const providers = providerRefs.length
    ? await db
        .select({ id: organizations.id, name: organizations.name, creditCode: organizations.creditCode, regionCode: organizations.regionCode, active: organizations.active })
        .from(organizations)
        .where(or(inArray(organizations.name, providerRefs), inArray(organizations.creditCode, providerRefs.map((s) => s.toUpperCase()))))
    : [];
  const codes = [...new Set(resRows.map((r) => cellText(r.cells[0])).filter(Boolean))];
  const existing = codes.length
    ? await db
        .select({ id: catalogResources.id, code: catalogResources.code, ownerOrgId: catalogResources.ownerOrgId, status: catalogResources.status, version: catalogResources.version })
        .from(catalogResources)
        .where(inArray(catalogResources.code, codes))
    : [];

  // Items grouped by resource code.
  const itemsByCode = new Map<string, SheetRow[]>();
  const orphanProblems: CellProblem[] = [];
  for (const r of body(itemSheet)) {
    const code = cellText(r.cells[0]);
    if (!code) {
      orphanProblems.push({ sheet: ITEM_SHEET, row: r.row, column: '资源代码', message: '缺少资源代码' });
      continue;
    }
    (itemsByCode.get(code) ?? itemsByCode.set(code, []).get(code)!).push(r);
  }
  for (const [code, rows] of itemsByCode) {
    if (!codes.includes(code)) for (const r of rows) orphanProblems.push({ sheet: ITEM_SHEET, row: r.row, column: '资源代码', message: `资源代码 ${code} 不在「${RESOURCE_SHEET}」中` });
  }

  const seenCodes = new Set<string>();
  const rows: ImportRow[] = [];
  const valid: ImportPlan['valid'] = [];
  // Items of the earlier valid rows: the commit writes the rows in order, so a later row repeating
  // one of them (another provider, same field code or name) is a 一数一源 match as well.
  const earlier: { providerOrgId: string; providerName: string; resourceName: string; itemName: string; fieldCode: string | null; normName: string }[] = [];
  for (const r of resRows) {
    const c = r.cells.map(cellText);
    const problems: CellProblem[] = [];
    const bad = (column: string, message: string, sheet = RESOURCE_SHEET, row = r.row) => problems.push({ sheet, row, column, message });
    const code = c[0];
    if (code && seenCodes.has(code)) bad('资源代码', '与前面的行重复');
    seenCodes.add(code);
    const ex = existing.find((e) => e.code === code);
    if (ex && ex.ownerOrgId !== owner.id) bad('资源代码', '该资源代码已被其他机构的目录使用');
    else if (ex && ex.status === 'pending') bad('资源代码', '该资源正在审核中,不能导入修改');
    else if (ex && ex.status === 'disabled') bad('资源代码', '该资源已停用,不能导入修改');

    let providerOrgId = '';
    if (!c[2]) bad('数据提供单位', '缺少数据提供单位');
    else {
      const p = providers.find((x) => x.name === c[2] || x.creditCode === c[2].toUpperCase());
      if (!p) bad('数据提供单位', `未知的数据提供单位「${c[2]}」`);
      else if (!p.active || p.regionCode !== owner.regionCode) bad('数据提供单位', '数据提供单位须为本地区在用的机构');
      else providerOrgId = p.id;
    }
    const enumCell = <K extends string>(i: number, column: string, labels: Record<K, string>, allowed: readonly K[]) => {
      if (!c[i]) return undefined;
      const v = fromLabel(labels, allowed, c[i]);
      if (!v) bad(column, `「${c[i]}」不是可选值(${Object.values<string>(labels).join('/')})`);
      return v ?? undefined;
    };
    const format = enumCell(4, '资源格式', LABELS.format, FORMATS);
    const updateCycle = enumCell(5, '更新周期', LABELS.updateCycle, UPDATE_CYCLES);
    const shareType = enumCell(6, '共享类型', LABELS.shareType, SHARE_TYPES);
    const openType = enumCell(8, '开放类型', LABELS.openType, OPEN_TYPES);

    const itemRows = itemsByCode.get(code) ?? [];
    const items = itemRows.map((ir) => {
      const x = ir.cells.map(cellText);
      const itemBad = (column: string, message: string) => bad(column, message, ITEM_SHEET, ir.row);
      const pick = <K extends string>(i: number, column: string, labels: Record<K, string>, allowed: readonly K[]) => {
        if (!x[i]) return undefined;
        const v = fromLabel(labels, allowed, x[i]);
        if (!v) itemBad(column, `「${x[i]}」不是可选值(${Object.values<string>(labels).join('/')})`);
        return v ?? undefined;
      };
      return {
        name: x[1],
        fieldCode: x[2] || null,
        dataType: pick(3, '数据类型', LABELS.dataType, ITEM_TYPES),
        description: x[4],
        sensitive: yes(x[5]),
        grade: pick(6, '数据分级', LABELS.grade, GRADES),
        sourceResolution: pick(7, '一数一源处理', LABELS.resolution, ['link', 'second'] as const) ?? null,
        justification: x[8] || null,
      };
    });

    const parsed = ZResourceInput.safeParse({
      code, name: c[1], providerOrgId: providerOrgId || undefined, summary: c[3], format, updateCycle, shareType, shareCondition: c[7] || null, openType, items,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [first, index, field] = issue.path as (string | number)[];
        if (first === 'items' && typeof index === 'number' && itemRows[index]) {
          const col = ITEM_FIELD_COLUMN[String(field)] ?? '数据项';
          if (!problems.some((p) => p.sheet === ITEM_SHEET && p.row === itemRows[index].row && p.column === col)) {
            bad(col, field === undefined ? issue.message : issue.message === 'Invalid input' ? '缺少或无效' : issue.message, ITEM_SHEET, itemRows[index].row);
          }
        } else {
          const col = FIELD_COLUMN[String(first)] ?? String(first);
          if (!problems.some((p) => p.sheet === RESOURCE_SHEET && p.column === col)) bad(col, issue.code === 'invalid_value' || issue.code === 'invalid_type' ? `缺少${col}` : issue.message);
        }
      }
    }
    const matched: boolean[] = [];
    if (parsed.success && providerOrgId) {
      // 一数一源 (HN-9): a match with another provider's item must be linked or justified.
      const matches = await findSourceMatches(db, providerOrgId, ex?.id ?? null, parsed.data.items);
      parsed.data.items.forEach((it, i) => {
        const others = earlier.filter((e) => e.providerOrgId !== providerOrgId);
        const n = normalizeItemName(it.name);
        const m = matches[i] ?? (it.fieldCode ? others.find((e) => e.fieldCode === it.fieldCode) : undefined) ?? others.find((e) => e.normName === n);
        matched[i] = !!m;
        if (m && !it.sourceResolution) {
          bad('一数一源处理', `数据项「${it.name}」与 ${m.providerName}「${m.resourceName}」的「${m.itemName}」重复(HN-9 一数一源):填「关联」或「第二来源」并说明理由`, ITEM_SHEET, itemRows[i].row);
        }
      });
    }
    const action = problems.length ? 'error' : ex ? 'update' : 'create';
    rows.push({ row: r.row, code, name: c[1], action, itemCount: itemRows.length, problems });
    if (action !== 'error' && parsed.success) {
      valid.push({ input: parsed.data, existingId: ex?.id ?? null, existingStatus: ex?.status ?? null, existingVersion: ex?.version ?? null });
      const providerName = providers.find((p) => p.id === providerOrgId)?.name ?? '';
      for (const [i, it] of parsed.data.items.entries()) {
        if (matched[i]) continue; // a repeated item is not an authoritative source (as in findSourceMatches)
        earlier.push({ providerOrgId, providerName, resourceName: parsed.data.name, itemName: it.name, fieldCode: it.fieldCode ?? null, normName: normalizeItemName(it.name) });
      }
    }
  }
  const count = (a: ImportRow['action']) => rows.filter((r) => r.action === a).length;
  return {
    rows,
    orphanProblems,
    valid,
    summary: { create: count('create'), update: count('update'), error: count('error'), items: valid.reduce((n, v) => n + v.input.items.length, 0) },
  };
}

/** Keep item ids of an updated resource: match the imported items to the existing ones by name. */
export function keepItemIds(input: ResourceInput, existing: { id: string; name: string }[]): ResourceInput {
  return { ...input, items: input.items.map((it) => ({ ...it, id: existing.find((e) => e.name === it.name)?.id ?? null })) };
}

export const TEMPLATE_HELP = [
  '公共数据资源目录导入模板(依据《河南省公共数据资源授权运营实施办法(试行)》第九条,一数一源一标准)',
  `「${RESOURCE_SHEET}」每行一个资源;「${ITEM_SHEET}」每行一个数据项,以「资源代码」关联到资源。带 * 的列必填。`,
  `资源格式:${Object.values(LABELS.format).join(' / ')};更新周期:${Object.values(LABELS.updateCycle).join(' / ')}`,
  `共享类型:${Object.values(LABELS.shareType).join(' / ')}(有条件共享须写共享条件,不予共享须写依据);开放类型:${Object.values(LABELS.openType).join(' / ')}`,
  `数据类型:${Object.values(LABELS.dataType).join(' / ')};数据分级(GB/T 43697-2024):核心 / 重要 / 一般,资源分级取数据项的最高级`,
  '数据提供单位:填写本地区机构的名称或统一社会信用代码。',
  '一数一源:数据项与其他提供单位已编目的数据项同名或同字段编码时,「一数一源处理」填「关联」(以对方为权威来源)或「第二来源」(并填写理由)。',
  '导入先做预检:逐行逐列列出问题以及将新建或更新的资源;确认后才在一个事务中写入全部有效行。已存在的资源(本机构、草稿或已发布)将被更新为草稿,需重新提交审核。',
];

export const TEMPLATE_EXAMPLE = {
  resources: [['410100-EX-0001', '示例:企业登记信息', '(本地区数据提供单位名称)', '企业登记基本信息', '数据库表', '每日', '有条件共享', '用于政务服务', '有条件开放']],
  items: [
    ['410100-EX-0001', '统一社会信用代码', 'USCC', '字符型', '', '否', '一般', '', ''],
    ['410100-EX-0001', '法定代表人身份证号', 'LEGAL_ID', '字符型', '', '是', '重要', '', ''],
  ],
};

