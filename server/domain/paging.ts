import { asc, desc, gt, lt, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';

/**
 * Keyset pagination (no OFFSET, no count unless asked): order by one sortable column plus the id as
 * tie-break; the cursor is the last row's (value, id).
 */
export const ZPageInput = z.object({
  cursor: z.object({ v: z.union([z.string(), z.number(), z.null()]), id: z.string() }).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
  dir: z.enum(['asc', 'desc']).default('asc'),
  q: z.string().trim().max(100).optional(),
});
export type PageInput = z.infer<typeof ZPageInput>;
export type Cursor = NonNullable<PageInput['cursor']>;

/**
 * The cursor condition is one row comparison, `(sort, id) > (v, id)` (`<` descending): an index on
 * (sort, id) takes it as its starting point, where the equivalent `sort > v or (sort = v and id > id)`
 * could only be filtered row by row from the top. `v` is bound as given (ISO text for time keys).
 */
export function keyset(sortCol: PgColumn, idCol: PgColumn, input: Pick<PageInput, 'cursor' | 'dir'>) {
  const order = input.dir === 'desc' ? [desc(sortCol), desc(idCol)] : [asc(sortCol), asc(idCol)];
  let where: SQL | undefined;
  if (input.cursor) {
    const { v, id } = input.cursor;
    where = v === null
      ? (input.dir === 'desc' ? lt : gt)(idCol, id)
      : sql`(${sortCol}, ${idCol}) ${sql.raw(input.dir === 'desc' ? '<' : '>')} (${v}, ${id})`;
  }
  return { where, order };
}

export function pageOf<T extends { id: string }>(rows: T[], limit: number, sortValue: (r: T) => string | number | null) {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: hasMore && last ? { v: sortValue(last), id: last.id } : null };
}

/** Escape LIKE wildcards in a user's search text. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A timestamp sort key as an SQL expression. The cursor carries it as an ISO string (which Drizzle
 * would otherwise try to map as a Date), so the key is cut to milliseconds like a JS Date, or the
 * last row of a page would come back on the next one; a never-set value sorts as the epoch so that
 * keyset paging neither skips nor repeats those rows (NULL compares as unknown). Pair it with
 * `timeCursor` for the cursor value.
 */
export const timeSortKey = (col: PgColumn, nullable = false) =>
  sql`date_trunc('milliseconds', ${nullable ? sql`coalesce(${col}, 'epoch'::timestamptz)` : col})` as unknown as PgColumn;

export const timeCursor = (d: Date | null) => (d ?? new Date(0)).toISOString();
