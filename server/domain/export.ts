import ExcelJS from 'exceljs';

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
