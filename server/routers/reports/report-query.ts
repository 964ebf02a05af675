import { eq, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { queryRows, type DbOrTx } from '@/db/client';
import { operatingAgreements, organizations, periodicReports } from '@/db/schema';
import { deadlineStatus, endOfShanghaiDay, shanghaiDate, type DeadlineStatus } from '@/server/domain/deadlines';
import { keyset, likePattern, pageOf, timeCursor, timeSortKey, type Cursor } from '@/server/domain/paging';
import { scopeLevel, type ScopeSubject } from '@/server/domain/scope';
import type { ReportFilter } from './schema';
import type { ReportKind, ReportState } from './terms';

/**
 * What each recipient's list shows (HN-22 ¶3): for every filed agreement in the caller's scope, the
 * periods that have ended within its term (quarters, and years for the annual summary), joined to
 * the reports filed for them. A period whose due day has passed without a submitted report is
 * 缺报 (missing); one submitted after its due day is 迟报 (late). The periods are generated in SQL,
 * at most 4 + 1 per year of term (≤ 15 for a 3-year agreement), so the cost is bounded per agreement.
 */

/** Agreements whose reports the caller sees: its own (as operator or agency), its city's, or all (province). */
export function agreementScope(user: ScopeSubject): SQL {
  const own = or(eq(operatingAgreements.operatorOrgId, user.orgId), eq(operatingAgreements.agencyOrgId, user.orgId))!;
  switch (scopeLevel(user)) {
    case 'province':
      return sql`true`;
    case 'region':
      return or(eq(operatingAgreements.regionCode, user.regionCode), own)!;
    default:
      return own;
  }
}

/** Reports the caller may open: recipients (agency, its data authority, the province) see submitted reports only. */
export function reportScope(user: ScopeSubject): SQL {
  const r = periodicReports;
  const own = or(eq(r.operatorOrgId, user.orgId), eq(r.agencyOrgId, user.orgId), eq(r.authorityOrgId, user.orgId))!;
  const rows = scopeLevel(user) === 'province' ? sql`true` : scopeLevel(user) === 'region' ? or(eq(r.regionCode, user.regionCode), own)! : own;
  return sql`(${rows} and (${r.operatorOrgId} = ${user.orgId} or ${r.status} = 'submitted'))`;
}

export interface PeriodRow {
  id: string;
  reportId: string | null;
  agreementId: string;
  agreementName: string;
  operatorName: string;
  agencyName: string;
  kind: ReportKind;
  year: number;
  quarter: number;
  dueOn: string;
  status: 'draft' | 'submitted' | null;
  submittedAt: Date | null;
  lastVersionNo: number;
  version: number | null;
  state: ReportState;
  /** The due day as a deadline (end of the day, Asia/Shanghai), for the remaining-time tag. */
  due: { dueAt: Date; status: DeadlineStatus };
}

interface RawRow {
  id: string;
  report_id: string | null;
  agreement_id: string;
  agreement_name: string;
  operator_name: string;
  agency_name: string;
  kind: ReportKind;
  year: number;
  quarter: number;
  due_on: string;
  status: 'draft' | 'submitted' | null;
  submitted_at: string | null;
  last_version_no: number | null;
  version: number | null;
  state: ReportState;
}

/**
 * The rows (expected periods ∪ reports) of the agreements in scope, as a subquery `t`. Drafts are
 * the operator's own business: other callers see a drafted period as 待报送 / 缺报, without its id.
 */
function periodTable(user: ScopeSubject, f: Pick<ReportFilter, 'agreementId' | 'q'>, today: string, days: number): SQL {
  const a = operatingAgreements;
  const seeDrafts = user.roles.includes('operator');
  const conds: SQL[] = [isNotNull(a.filedVersionNo), agreementScope(user)];
  if (f.agreementId) conds.push(eq(a.id, f.agreementId));
  if (f.q) {
    const p = likePattern(f.q.toLowerCase());
    conds.push(sql`(lower(${a.name}) like ${p} or ${a.operatorOrgId} in (select ${organizations.id} from ${organizations} where lower(${organizations.name}) like ${p})
      or ${a.agencyOrgId} in (select ${organizations.id} from ${organizations} where lower(${organizations.name}) like ${p}))`);
  }
  const day = sql`${today}::date`;
  const visible = seeDrafts ? sql`true` : sql`rep.status = 'submitted'`;
  return sql`(
    with ag as (
      select ${a.id} as id, ${a.name} as name, ${a.startsOn} as starts_on, ${a.endsOn} as ends_on, ${a.operatorOrgId} as operator_org_id, ${a.agencyOrgId} as agency_org_id
        from ${a} where ${sql.join(conds, sql` and `)}
    ), exp as (
      select ag.id as agreement_id, 'quarterly'::varchar as kind, extract(year from q)::int as year, extract(quarter from q)::int as quarter,
             ((q + interval '3 months')::date - 1 + ${days}::int) as due_on
        from ag cross join lateral generate_series(date_trunc('quarter', ag.starts_on::timestamp), date_trunc('quarter', least(ag.ends_on, ${day} - 1)::timestamp), interval '3 months') q
       where (q + interval '3 months')::date - 1 < ${day}
      union all
      select ag.id, 'annual'::varchar, extract(year from y)::int, 0, make_date(extract(year from y)::int + 1, 3, 31)
        from ag cross join lateral generate_series(date_trunc('year', ag.starts_on::timestamp), date_trunc('year', least(ag.ends_on, ${day} - 1)::timestamp), interval '1 year') y
       where make_date(extract(year from y)::int, 12, 31) < ${day}
    ), rep as (
      select * from ${periodicReports} where agreement_id in (select id from ag)
    ), j as (
      select coalesce(rep.agreement_id, e.agreement_id) as agreement_id, coalesce(rep.kind, e.kind) as kind,
             coalesce(rep.year, e.year) as year, coalesce(rep.quarter, e.quarter) as quarter, coalesce(rep.due_on, e.due_on) as due_on,
             case when ${visible} then rep.id end as report_id,
             case when ${visible} then rep.status end as status,
             rep.submitted_at, rep.last_version_no, case when ${visible} then rep.version end as version
        from exp e full join rep on rep.agreement_id = e.agreement_id and rep.kind = e.kind and rep.year = e.year and rep.quarter = e.quarter
    )
    select coalesce(j.report_id::text, 'p:' || j.agreement_id || ':' || j.kind || ':' || j.year || ':' || j.quarter) as id,
           j.report_id, j.agreement_id, ag.name as agreement_name, op.name as operator_name, agc.name as agency_name,
           j.kind, j.year, j.quarter, j.due_on::text as due_on, j.status,
           case when j.status = 'submitted' then to_char(j.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') end as submitted_at,
           case when j.status = 'submitted' then j.submitted_at end as submitted_sort,
           coalesce(j.last_version_no, 0) as last_version_no, j.version,
           j.year * 10 + case when j.quarter = 0 then 5 else j.quarter end as period_key,
           case when j.status = 'submitted' then case when (j.submitted_at at time zone 'Asia/Shanghai')::date > j.due_on then 'late' else 'submitted' end
                when j.due_on < ${day} then 'missing'
                when j.status = 'draft' then 'draft'
                else 'pending' end as state
      from j
      join ag on ag.id = j.agreement_id
      join ${organizations} op on op.id = ag.operator_org_id
      join ${organizations} agc on agc.id = ag.agency_org_id
  ) t`;
}

const col = (name: string) => sql.raw(`t.${name}`) as unknown as PgColumn;
const SORT = {
  dueOn: col('due_on'),
  period: col('period_key'),
  submittedAt: timeSortKey(col('submitted_sort'), true),
  agreement: col('agreement_name'),
} satisfies Record<ReportFilter['sort'], PgColumn>;

function fromRaw(r: RawRow, now: Date): PeriodRow {
  const dueAt = endOfShanghaiDay(r.due_on);
  const done = r.state === 'submitted' || r.state === 'late';
  return {
    id: r.id, reportId: r.report_id, agreementId: r.agreement_id, agreementName: r.agreement_name, operatorName: r.operator_name, agencyName: r.agency_name,
    kind: r.kind, year: r.year, quarter: r.quarter, dueOn: r.due_on, status: r.status, submittedAt: r.submitted_at ? new Date(r.submitted_at) : null,
    lastVersionNo: r.last_version_no ?? 0, version: r.version, state: r.state,
    due: { dueAt, status: done ? 'done' : deadlineStatus({ kind: 'calendar_days', dueAt, pausedAt: null }, now) },
  };
}

function rowFilters(f: ReportFilter): SQL[] {
  const conds: SQL[] = [];
  if (f.kind) conds.push(sql`t.kind = ${f.kind}`);
  if (f.year) conds.push(sql`t.year = ${f.year}`);
  if (f.state) conds.push(sql`t.state = ${f.state}`);
  return conds;
}

/** One keyset page of periods (filed, late, missing, pending, drafts) in the caller's scope. */
export async function selectPeriods(db: DbOrTx, user: ScopeSubject, f: ReportFilter, page: { cursor?: Cursor | null; limit: number }, now: Date, days: number) {
  const today = shanghaiDate(now);
  const { where, order } = keyset(SORT[f.sort], col('id'), { cursor: page.cursor, dir: f.dir });
  const conds = [...rowFilters(f), ...(where ? [where] : [])];
  const raw = await queryRows<RawRow>(db, sql`select * from ${periodTable(user, f, today, days)}
    ${conds.length ? sql`where ${sql.join(conds, sql` and `)}` : sql``}
    order by ${sql.join(order, sql`, `)} limit ${page.limit + 1}`);
  const rows = raw.map((r) => fromRaw(r, now));
  return pageOf(rows, page.limit, (r) => {
    switch (f.sort) {
      case 'dueOn': return r.dueOn;
      case 'period': return r.year * 10 + (r.quarter === 0 ? 5 : r.quarter);
      case 'submittedAt': return timeCursor(r.submittedAt);
      case 'agreement': return r.agreementName;
    }
  });
}

/** How many periods are in each state (the counters above the list). */
export async function countPeriods(db: DbOrTx, user: ScopeSubject, f: Pick<ReportFilter, 'agreementId' | 'q'>, today: string, days: number) {
  const rows = await queryRows<{ state: ReportState; n: number }>(db, sql`select t.state, count(*)::int as n from ${periodTable(user, f, today, days)} group by t.state`);
  const counts: Record<ReportState, number> = { submitted: 0, late: 0, missing: 0, pending: 0, draft: 0 };
  for (const r of rows) counts[r.state] = r.n;
  return counts;
}

/** The periods still to be reported (pending, draft, missing), soonest due first. */
export async function openPeriods(db: DbOrTx, user: ScopeSubject, now: Date, days: number, limit = 50) {
  const raw = await queryRows<RawRow>(db, sql`select * from ${periodTable(user, {}, shanghaiDate(now), days)}
    where t.state in ('pending', 'draft', 'missing') order by t.due_on asc, t.id asc limit ${limit}`);
  return raw.map((r) => fromRaw(r, now));
}
