/**
 * A year's official calendar table (the State Council notice on holidays and adjusted working
 * days), as the secadmin pastes it (`2027-01-01 休 元旦`) or uploads it (xlsx: 日期, 类型, 名称).
 * Parsing gives a dry-run preview with per-row problems; nothing is written until the secadmin
 * confirms, and `security.calendar.loadYear` validates again. Pure code: no database, no I/O.
 */

export type CalendarRowProblem = 'missing_date' | 'bad_date' | 'wrong_year' | 'unknown_type' | 'duplicate' | 'name_too_long';

export interface CalendarPreviewRow {
  /** Line number of the pasted text, or row number of the sheet. */
  row: number;
  raw: string;
  date: string | null;
  working: boolean | null;
  name: string | null;
  problems: CalendarRowProblem[];
}

export interface CalendarTableDay {
  date: string;
  working: boolean;
  name: string | null;
}

export const CALENDAR_NAME_MAX = 50;

/** YYYY-MM-DD that names a real day. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}

/** Accepts 2027-01-01, 2027/1/1, 2027.1.1, 20270101 and 2027年1月1日; null when it is none of those. */
export function normalizeDate(value: unknown): string | null {
  if (value instanceof Date) {
    // Excel date cells come back as midnight UTC of that day.
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  }
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const s = String(value).trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

const REST = new Set(['休', '休息', '休息日', '假', '放假', '节假日', '法定节假日', 'rest', 'holiday', 'off']);
const WORK = new Set(['班', '上班', '补班', '调休上班', '工作日', 'work', 'workday', 'working']);

/** 休 → false (day off), 班 → true (working day); null when the type is not recognised. */
export function parseDayType(value: unknown): boolean | null {
  const s = String(value ?? '').trim().toLowerCase();
  if (REST.has(s)) return false;
  if (WORK.has(s)) return true;
  return null;
}

const HEADER = /^(日期|date)$/i;

/** One row of cells (date, type, name) → a preview row; duplicates are marked by `checkTable`. */
function toPreviewRow(row: number, cells: unknown[], year: number): CalendarPreviewRow {
  const [rawDate, rawType, rawName] = cells;
  const raw = cells.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : String(c ?? ''))).join(' ').trim();
  const problems: CalendarRowProblem[] = [];
  let date: string | null = null;
  if (rawDate === null || rawDate === undefined || String(rawDate).trim() === '') problems.push('missing_date');
  else {
    date = normalizeDate(rawDate);
    if (!date || !isIsoDate(date)) {
      problems.push('bad_date');
      date = null;
    } else if (!date.startsWith(`${year}-`)) problems.push('wrong_year');
  }
  const working = parseDayType(rawType);
  if (working === null) problems.push('unknown_type');
  const name = String(rawName ?? '').trim() || null;
  if (name && name.length > CALENDAR_NAME_MAX) problems.push('name_too_long');
  return { row, raw, date, working, name, problems };
}

function checkTable(rows: CalendarPreviewRow[]) {
  const seen = new Set<string>();
  for (const r of rows) {
    if (!r.date) continue;
    if (seen.has(r.date)) r.problems.push('duplicate');
    seen.add(r.date);
  }
  const ok = rows.every((r) => r.problems.length === 0);
  const days: CalendarTableDay[] = ok ? rows.map((r) => ({ date: r.date!, working: r.working!, name: r.name })) : [];
  return { rows, days, problemCount: rows.filter((r) => r.problems.length).length };
}

/** Pasted lines: `2027-01-01 休 元旦` (spaces, tabs or commas between the three parts). */
export function parseCalendarText(text: string, year: number) {
  const rows: CalendarPreviewRow[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const s = line.trim();
    if (!s || s.startsWith('#')) return;
    const [date = '', type = '', ...rest] = s.split(/[\s,,\t]+/);
    if (HEADER.test(date)) return;
    rows.push(toPreviewRow(i + 1, [date, type, rest.join(' ')], year));
  });
  return checkTable(rows);
}

/** Sheet rows (first row may be the header 日期/类型/名称); `row` numbers are 1-based like Excel's. */
export function parseCalendarSheet(sheet: { row: number; cells: unknown[] }[], year: number) {
  const rows: CalendarPreviewRow[] = [];
  for (const { row, cells } of sheet) {
    if (cells.every((c) => c === null || c === undefined || String(c).trim() === '')) continue;
    if (typeof cells[0] === 'string' && HEADER.test(cells[0].trim())) continue;
    rows.push(toPreviewRow(row, cells.slice(0, 3), year));
  }
  return checkTable(rows);
}
