import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { incidentRecipients, incidents } from '@/db/schema';
import type { Fact } from '@/server/routers/evaluation/facts';
import { summaryOverdueSql } from './query';

/**
 * For the annual evaluation (HN-22): an organization's incident reporting in a year (by the time of
 * discovery, Asia/Shanghai) — incidents reported, late reports (迟报: a recipient reached after its
 * clock ran out), closing summaries overdue, HN-18 risks with no recorded stop of processing.
 */
export async function incidentFacts(db: DbOrTx, orgId: string, year: number, now: Date = new Date()): Promise<Fact[]> {
  const late = sql`exists (select 1 from ${incidentRecipients} where ${incidentRecipients.incidentId} = ${incidents.id} and ${incidentRecipients.late})`;
  const [r] = await db.select({
    reported: sql<number>`count(*)::int`.mapWith(Number),
    late: sql<number>`count(*) filter (where ${late})::int`.mapWith(Number),
    summaryOverdue: sql<number>`count(*) filter (where ${summaryOverdueSql(now)})::int`.mapWith(Number),
    notStopped: sql<number>`count(*) filter (where ${incidents.type} = 'relationship_risk' and ${incidents.processingStoppedAt} is null)::int`.mapWith(Number),
  }).from(incidents).where(and(
    eq(incidents.reporterOrgId, orgId),
    sql`extract(year from ${incidents.discoveredAt} at time zone 'Asia/Shanghai') = ${year}`,
  ));
  return [
    { code: 'incidentsReported', label: '报告安全事件和风险隐患(起)', value: r.reported, tone: 'ok', href: '/incidents?view=mine' },
    { code: 'incidentsLate', label: '迟报(起,HN-18 / 网络安全事件报告管理办法)', value: r.late, tone: r.late ? 'bad' : 'ok', href: '/incidents?view=late' },
    { code: 'incidentSummariesOverdue', label: '总结报告逾期(起)', value: r.summaryOverdue, tone: r.summaryOverdue ? 'bad' : 'ok', href: '/incidents?view=summary_overdue' },
    { code: 'incidentsNotStopped', label: '风险隐患未记录停止处理(起,HN-18)', value: r.notStopped, tone: r.notStopped ? 'warn' : 'ok', href: '/incidents?view=open' },
  ];
}
