import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { incidentRecipients, incidents, operatingAgreements, organizations, regions } from '@/db/schema';
import { deadlineStatus } from '@/server/domain/deadlines';
import { SEVERITIES, type Severity } from '@/server/domain/incidents';
import { keyset, likePattern, pageOf, timeCursor, timeSortKey, type Cursor } from '@/server/domain/paging';
import type { ScopeSubject } from '@/server/domain/scope';
import { timelineOf } from '@/server/domain/timeline';
import { incidentScope, incidentWhere, receivedBy } from './access';
import { incidentRecord, notificationOwed, orderOf, pendingReceipts } from './incidents';
import { isReporter, isReviewer, type IncidentRow } from './machine';
import type { IncidentFilter } from './schema';

/** Reading incidents: the list and its export, the charts, one incident with its record and clocks. */

const reporterOrg = alias(organizations, 'reporter_org');
const nowText = (now: Date) => sql`${now.toISOString()}::timestamptz`;

/** Recipients still to acknowledge: their clocks run. */
const pendingDueSql = sql<Date | null>`(select min(${incidentRecipients.dueAt}) from ${incidentRecipients} where ${incidentRecipients.incidentId} = ${incidents.id} and ${incidentRecipients.acknowledgedAt} is null)`
  .mapWith(incidentRecipients.dueAt);
const lateCountSql = sql<number>`(select count(*)::int from ${incidentRecipients} where ${incidentRecipients.incidentId} = ${incidents.id} and ${incidentRecipients.late})`.mapWith(Number);
const recipientCountSql = sql<number>`(select count(*)::int from ${incidentRecipients} where ${incidentRecipients.incidentId} = ${incidents.id})`.mapWith(Number);
const ackCountSql = sql<number>`(select count(*)::int from ${incidentRecipients} where ${incidentRecipients.incidentId} = ${incidents.id} and ${incidentRecipients.acknowledgedAt} is not null)`.mapWith(Number);
const myPendingDueSql = (orgId: string) => sql<Date | null>`(select min(${incidentRecipients.dueAt}) from ${incidentRecipients} where ${incidentRecipients.incidentId} = ${incidents.id} and ${incidentRecipients.orgId} = ${orgId} and ${incidentRecipients.acknowledgedAt} is null)`
  .mapWith(incidentRecipients.dueAt);

/** The closing summary is overdue: still owed past its due time, or first submitted after it. */
export const summaryOverdueSql = (now: Date) => sql`((${incidents.status} = 'handling_ended' and ${incidents.summaryDueAt} < ${nowText(now)})
  or (${incidents.summarySubmittedAt} is not null and ${incidents.summarySubmittedAt} > ${incidents.summaryDueAt}))`;
const hasLateSql = sql`exists (select 1 from ${incidentRecipients} where ${incidentRecipients.incidentId} = ${incidents.id} and ${incidentRecipients.late})`;
const hasPendingSql = sql`exists (select 1 from ${incidentRecipients} where ${incidentRecipients.incidentId} = ${incidents.id} and ${incidentRecipients.acknowledgedAt} is null)`;

const severityRankSql = sql`(case ${incidents.severity} ${sql.join(SEVERITIES.map((s, i) => sql`when ${s} then ${i}`), sql` `)} end)`;

const SORT = {
  discoveredAt: timeSortKey(incidents.discoveredAt),
  updatedAt: timeSortKey(incidents.updatedAt),
  severity: severityRankSql as unknown as PgColumn,
} satisfies Record<IncidentFilter['sort'], PgColumn>;

export function incidentConditions(user: ScopeSubject, f: Omit<Partial<IncidentFilter>, 'sort' | 'dir'>, now: Date): (SQL | undefined)[] {
  const conds: (SQL | undefined)[] = [incidentScope(user)];
  if (f.q) {
    const p = likePattern(f.q.toLowerCase());
    conds.push(sql`(lower(${incidents.title}) like ${p} or lower(${incidents.systemName}) like ${p} or lower(${reporterOrg.name}) like ${p})`);
  }
  if (f.status) conds.push(eq(incidents.status, f.status));
  if (f.severity) conds.push(eq(incidents.severity, f.severity));
  if (f.type) conds.push(eq(incidents.type, f.type));
  if (f.regime) conds.push(eq(incidents.regime, f.regime));
  if (f.regionCode) conds.push(eq(incidents.regionCode, f.regionCode));
  switch (f.view) {
    case 'open': conds.push(ne(incidents.status, 'closed')); break;
    case 'running': conds.push(hasPendingSql); break;
    case 'late': conds.push(hasLateSql); break;
    case 'summary_overdue': conds.push(summaryOverdueSql(now)); break;
    case 'mine': conds.push(eq(incidents.reporterOrgId, user.orgId)); break;
    case 'received': conds.push(receivedBy(user.orgId)); break;
    default: break;
  }
  return conds;
}

/**
 * Where a clock stands, in clock hours: running / due soon (under an hour) / overdue / done. Shown as
 * the time left (h:mm) or past, on the reporter's and the recipients' screens.
 */
export function hourClock(dueAt: Date | null, completedAt: Date | null, now: Date) {
  if (!dueAt) return null;
  const status = deadlineStatus({ kind: 'hours', dueAt, pausedAt: null, completedAt }, now);
  return { status, dueAt, leftMs: dueAt.getTime() - now.getTime() };
}

function listColumns(user: ScopeSubject) {
  return {
    id: incidents.id,
    title: incidents.title,
    systemName: incidents.systemName,
    regime: incidents.regime,
    type: incidents.type,
    severity: incidents.severity,
    status: incidents.status,
    discoveredAt: incidents.discoveredAt,
    regionCode: incidents.regionCode,
    regionName: regions.name,
    reporterOrgId: incidents.reporterOrgId,
    reporterName: reporterOrg.name,
    cii: incidents.cii,
    summaryDueAt: incidents.summaryDueAt,
    summarySubmittedAt: incidents.summarySubmittedAt,
    orderId: incidents.orderId,
    updatedAt: incidents.updatedAt,
    version: incidents.version,
    pendingDueAt: pendingDueSql,
    myPendingDueAt: myPendingDueSql(user.orgId),
    lateCount: lateCountSql,
    recipientCount: recipientCountSql,
    ackCount: ackCountSql,
  };
}

function baseQuery(db: DbOrTx, user: ScopeSubject) {
  return db.select(listColumns(user)).from(incidents)
    .innerJoin(reporterOrg, eq(reporterOrg.id, incidents.reporterOrgId))
    .leftJoin(regions, eq(regions.code, incidents.regionCode));
}

function withClocks<R extends { pendingDueAt: Date | null; myPendingDueAt: Date | null; status: string; summaryDueAt: Date | null; summarySubmittedAt: Date | null }>(r: R, now: Date) {
  // the summary's clock stops at its first submission
  const summaryDone = r.status === 'handling_ended' ? null : r.summarySubmittedAt;
  return {
    ...r,
    /** The first recipient clock still running (acknowledgement pending); none once the incident is closed. */
    clock: r.status === 'closed' ? null : hourClock(r.pendingDueAt, null, now),
    /** The caller's own receipt, when it has one pending. */
    myClock: r.status === 'closed' ? null : hourClock(r.myPendingDueAt, null, now),
    /** The closing summary's 30-day clock (from the end of handling). */
    summaryClock: r.summaryDueAt ? hourClock(r.summaryDueAt, summaryDone, now) : null,
    summaryLate: !!r.summarySubmittedAt && !!r.summaryDueAt && r.summarySubmittedAt.getTime() > r.summaryDueAt.getTime(),
  };
}

/** One keyset page of the incidents in the caller's scope (the list and its export). */
export async function selectIncidents(db: DbOrTx, user: ScopeSubject, f: IncidentFilter, page: { cursor?: Cursor | null; limit: number }, now: Date) {
  const { where, order } = keyset(SORT[f.sort], incidents.id, { cursor: page.cursor, dir: f.dir });
  const rows = await baseQuery(db, user).where(and(where, ...incidentConditions(user, f, now))).orderBy(...order).limit(page.limit + 1);
  const items = rows.map((r) => withClocks(r, now));
  return pageOf(items, page.limit, (r) => (f.sort === 'severity' ? SEVERITIES.indexOf(r.severity as Severity) : timeCursor(f.sort === 'updatedAt' ? r.updatedAt : r.discoveredAt)));
}

/**
 * The charts of the list (SQL aggregation, never rows in JS): incidents per month (Asia/Shanghai) and
 * grade over the last `months` months, per type, and the counters (open, clocks running, late, summaries overdue).
 */
export async function incidentStats(db: DbOrTx, user: ScopeSubject, f: Omit<Partial<IncidentFilter>, 'sort' | 'dir'> & { months: number }, now: Date) {
  const conds = incidentConditions(user, f, now);
  const from = sql`date_trunc('month', ${nowText(now)} at time zone 'Asia/Shanghai') - make_interval(months => ${f.months - 1})`;
  const month = sql<string>`to_char(${incidents.discoveredAt} at time zone 'Asia/Shanghai', 'YYYY-MM')`;
  const byMonth = await db.select({ month, severity: incidents.severity, n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(incidents).innerJoin(reporterOrg, eq(reporterOrg.id, incidents.reporterOrgId))
    .where(and(...conds, sql`(${incidents.discoveredAt} at time zone 'Asia/Shanghai') >= ${from}`))
    .groupBy(month, incidents.severity);
  const byType = await db.select({ type: incidents.type, n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(incidents).innerJoin(reporterOrg, eq(reporterOrg.id, incidents.reporterOrgId))
    .where(and(...conds)).groupBy(incidents.type);
  const [totals] = await db.select({
    total: sql<number>`count(*)::int`.mapWith(Number),
    open: sql<number>`count(*) filter (where ${incidents.status} <> 'closed')::int`.mapWith(Number),
    running: sql<number>`count(*) filter (where ${hasPendingSql})::int`.mapWith(Number),
    late: sql<number>`count(*) filter (where ${hasLateSql})::int`.mapWith(Number),
    summaryOverdue: sql<number>`count(*) filter (where ${summaryOverdueSql(now)})::int`.mapWith(Number),
  }).from(incidents).innerJoin(reporterOrg, eq(reporterOrg.id, incidents.reporterOrgId)).where(and(...conds));
  // every month of the window, with zeros, in order
  const months: { month: string; general: number; large: number; major: number; critical: number }[] = [];
  const [y, m] = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(now).split('-').map(Number);
  for (let i = f.months - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    const key = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    const row = { month: key, general: 0, large: 0, major: 0, critical: 0 };
    for (const b of byMonth) if (b.month === key) row[b.severity as Severity] = b.n;
    months.push(row);
  }
  return { months, byType, totals };
}

/** One incident with its record, recipients and clocks, the caller's possible steps, and the timeline; null outside the scope. */
export async function getIncident(db: DbOrTx, user: ScopeSubject, actor: { orgId: string | null; roles: readonly string[] }, id: string, now: Date) {
  const [r] = await baseQuery(db, user).where(incidentWhere(user, id));
  if (!r) return null;
  const [row] = await db.select().from(incidents).where(eq(incidents.id, id));
  const agency = alias(organizations, 'agency_org');
  const authority = alias(organizations, 'authority_org');
  const [names] = await db.select({ agencyName: agency.name, authorityName: authority.name, agreementName: operatingAgreements.name })
    .from(incidents)
    .leftJoin(agency, eq(agency.id, incidents.agencyOrgId))
    .leftJoin(authority, eq(authority.id, incidents.authorityOrgId))
    .leftJoin(operatingAgreements, eq(operatingAgreements.id, incidents.agreementId))
    .where(eq(incidents.id, id));
  const record = await incidentRecord(db, id);
  const order = await orderOf(db, row.orderId);
  const timeline = await timelineOf(db, [{ type: 'incident', id }, ...(order ? [{ type: 'rectification_order', id: order.id }] : [])]);
  const mine = await pendingReceipts(db, user.orgId, id);
  const reporter = isReporter(row, actor);
  const reviewer = isReviewer(row, actor);
  const open = row.status !== 'closed';
  return {
    ...withClocks(r, now),
    ...names,
    occurredAt: row.occurredAt,
    processingStoppedAt: row.processingStoppedAt,
    measures: row.measures,
    peopleAffected: row.peopleAffected,
    personalInfoPeople: row.personalInfoPeople,
    directLossYuan: row.directLossYuan,
    crimeSuspected: row.crimeSuspected,
    handlingEndedAt: row.handlingEndedAt,
    summary: row.summary as Record<string, string> | null,
    notification: row.notification as NotificationRecord | null,
    notificationOwed: notificationOwed(row as IncidentRow),
    reviewNote: row.reviewNote,
    reviewedAt: row.reviewedAt,
    closedAt: row.closedAt,
    createdAt: row.createdAt,
    recipients: record.recipients.map((x) => ({ ...x, clock: hourClock(x.dueAt, x.acknowledgedAt, now) })),
    updates: record.updates,
    severityChanges: record.severityChanges,
    order,
    timeline,
    can: {
      followUp: reporter && (['reported', 'handling', 'handling_ended', 'more_requested'] as string[]).includes(row.status),
      notify: reporter && open,
      endHandling: reporter && (row.status === 'reported' || row.status === 'handling'),
      submitSummary: reporter && (row.status === 'handling_ended' || row.status === 'more_requested'),
      acknowledge: mine.length > 0,
      review: reviewer && row.status === 'summary_submitted',
      openOrder: reviewer && !row.orderId,
    },
  };
}

export interface NotificationRecord {
  decision: 'notify' | 'not_notify';
  notifiedAt?: string;
  channels?: string[];
  items?: Record<string, string>;
  reason?: string;
}
