import ExcelJS from 'exceljs';
import { invalidField } from './errors';

/**
 * Spreadsheet import (DESIGN §3): an uploaded xlsx read into plain rows, for a domain's dry run
 * (per-row, per-cell problems) and its confirmed write. Pure reading: no database.
 */
export interface SheetRow {
  /** 1-based, as Excel shows it. */
  row: number;
  cells: unknown[];
}

export interface CellProblem {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

/** The workbook's sheets (by name, in order), each as rows of plain cell values (text, number or date). */
export async function readWorkbook(base64: string, opts: { field?: string; maxRows?: number; columns?: number } = {}): Promise<Map<string, SheetRow[]>> {
  const field = opts.field ?? 'xlsxBase64';
  const maxRows = opts.maxRows ?? 1000;
  const columns = opts.columns ?? 3;
  const buf = Buffer.from(base64, 'base64');
  // An xlsx file is a zip archive: refuse anything else before handing it to the parser.
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw invalidField(field, '不是有效的 Excel (xlsx) 文件');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw invalidField(field, '无法读取该 Excel 文件,请使用模板');
  }
  if (!wb.worksheets.length) throw invalidField(field, '文件中没有工作表');
  const sheets = new Map<string, SheetRow[]>();
  for (const ws of wb.worksheets) {
    if (ws.rowCount > maxRows) throw invalidField(field, `工作表「${ws.name}」超过 ${maxRows} 行`);
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (r, n) => {
      rows.push({ row: n, cells: Array.from({ length: columns }, (_, i) => plainCell(r.getCell(i + 1).value)) });
    });
    sheets.set(ws.name.trim(), rows);
  }
  return sheets;
}

function plainCell(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined || v instanceof Date || typeof v !== 'object') return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return v.result instanceof Date || typeof v.result !== 'object' ? v.result : null;
  if ('text' in v) return v.text;
  return null;
}

/** A cell as trimmed text ('' when empty). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

export function isBlankRow(cells: unknown[]): boolean {
  return cells.every((c) => cellText(c) === '');
}

/** An xlsx template: one sheet per table (header row bold, frozen), plus a sheet of instructions. */
export async function templateWorkbook(sheets: { name: string; columns: { header: string; width?: number }[]; example?: unknown[][] }[], help: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.example ?? []) ws.addRow(r);
  }
  const h = wb.addWorksheet('说明');
  h.getColumn(1).width = 110;
  for (const line of help) h.addRow([line]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
