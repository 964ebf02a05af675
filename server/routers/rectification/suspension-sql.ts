import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** What the 暂停运营 tag shows (app/_components/suspension-tag.tsx): since when, basis, issuer, reason. */
export interface SuspensionInfo {
  startedAt: string;
  basis: string;
  issuerName: string;
  reason: string;
}

/**
 * The organization's active suspension (HN-22 ¶2) as one JSON column, or null: for list queries of
 * other domains (directory, agreements, scenarios) that show the 暂停运营 tag next to an operator.
 * A dependency-free module, so that those queries do not pull in the rectification workflow.
 */
export const suspensionJson = (orgCol: PgColumn): SQL<SuspensionInfo | null> => sql<SuspensionInfo | null>`(
  select json_build_object('startedAt', ss.started_at, 'basis', ss.basis, 'issuerName', so.name, 'reason', ss.reason)
  from operation_suspensions ss join organizations so on so.id = ss.issuer_org_id
  where ss.org_id = ${orgCol} and ss.resumed_at is null order by ss.started_at desc limit 1)`;
