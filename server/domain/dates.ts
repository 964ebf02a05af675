/**
 * Calendar arithmetic in Asia/Shanghai (UTC+8, no daylight saving since 1991, so a fixed offset is
 * exact). Pure, so client components may import it; working days live in deadlines.ts.
 */
export const OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 24 * 3600_000;

/** YYYY-MM-DD of an instant in Asia/Shanghai. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant at which a Shanghai calendar day ends (23:59:59.999 +08:00). */
export function endOfShanghaiDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS + DAY_MS - 1);
}

/** A YYYY-MM-DD day plus n calendar days. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}
