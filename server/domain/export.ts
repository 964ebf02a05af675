import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { appendAudit, type AuditActor } from './audit';

/**
 * Export of any list (DESIGN §3): the same column definitions give an xlsx workbook or a CSV file.
 * Values are written as text/number/date; formulas are never produced, and CSV cells that would start
 * a formula in a spreadsheet (= + - @) are prefixed with a quote (CSV injection).
 */
export interface ExportColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | boolean | Date | null | undefined;
}

export async function toXlsx<T>(sheetName: string, columns: ExportColumn<T>[], rows: Iterable<T>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '河南省公共数据授权运营监管平台';
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  ws.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 18 }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) {
    ws.addRow(columns.map((c) => {
      const v = c.value(r);
      return typeof v === 'string' ? safeText(v) : v ?? null;
    }));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function safeText(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export function toCsv<T>(columns: ExportColumn<T>[], rows: Iterable<T>): string {
  const cell = (v: unknown) => {
    if (v === null || v === undefined) return '';
    const s = v instanceof Date ? v.toISOString() : safeText(String(v));
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [columns.map((c) => cell(c.header)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell(c.value(r))).join(','));
  // BOM so that Excel opens UTF-8 Chinese text correctly.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A download response; the file name may be Chinese (RFC 5987). */
export function fileResponse(body: Buffer | string, filename: string, type: string): Response {
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    headers: {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="export"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Cache-Control': 'no-store',
    },
  });
}

export const ZExportFormat = z.object({ format: z.enum(['xlsx', 'csv'], { message: '导出格式应为 xlsx 或 csv' }).default('xlsx') });

/** Times as Asia/Shanghai wall-clock text (DESIGN §3), not UTC instants a spreadsheet would shift. */
const SHANGHAI = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
export const shanghaiText = (d: Date | null | undefined) => (d ? SHANGHAI.format(d) : null);

/** Query string → filter; empty parameters are absent. A bad one is a 400 naming the field. */
export function parseExportQuery<S extends z.ZodType>(schema: S, params: URLSearchParams): { data: z.infer<S> } | { response: Response } {
  const raw = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { data: parsed.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[issue.path.join('.') || '_'] ??= []).push(issue.message);
  return { response: Response.json({ error: 'BAD_REQUEST', fieldErrors }, { status: 400 }) };
}

export async function sendExport<T>(
  db: Db, actor: AuditActor,
  what: { action: string; sheet: string; filename: string; format: 'xlsx' | 'csv'; filter: Record<string, unknown> },
  columns: ExportColumn<T>[], page: { items: T[]; nextCursor: unknown },
): Promise<Response> {
  await db.transaction((tx) =>
    appendAudit(tx, actor, { action: what.action, after: { format: what.format, filter: what.filter, rows: page.items.length, truncated: page.nextCursor !== null } }),
  );
  const stamp = shanghaiText(new Date())!.slice(0, 10).replaceAll('-', '');
  const name = `${what.filename}-${stamp}.${what.format}`;
  return what.format === 'csv'
    ? fileResponse(toCsv(columns, page.items), name, 'text/csv; charset=utf-8')
    : fileResponse(await toXlsx(what.sheet, columns, page.items), name, XLSX_TYPE);
}

