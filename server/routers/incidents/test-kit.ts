import { and, eq, isNotNull } from 'drizzle-orm';
import { incidentRecipients, incidents, inboxItems, operatingAgreements, organizations } from '@/db/schema';
import { openUserKit } from '@/server/test/harness';
import { reportIncident } from './incidents';
import type { ReportIncidentInput } from './schema';

/**
 * Shared set-up of the incident tests: a seeded database (the demo filed agreement of 郑州市大数据发展中心
 * with 河南数据集团有限公司, a critical information infrastructure operator), the demo callers, users of
 * other organizations for the NOT_FOUND cases, and the actor / scope of a user for calling the service
 * functions at fixed times.
 */
export type { Caller } from '@/server/test/harness';
export { NO_ID } from '@/server/test/harness';

/** A wall-clock time in Asia/Shanghai: `at('2026-09-30T22:30:00')`. */
export { shanghaiAt as at } from '@/server/test/harness';

export async function openKit() {
  // more users of the demo organizations keep each user under the write rate limit
  const { h, as, demo, subject, orgId } = await openUserKit([
    ['op_b', '河南数据集团有限公司', 'operator'],
    ['zz_operator', '郑州数据运营有限公司', 'operator'],
    ['ly_admin', '洛阳市公共数据主管部门', 'municipal_admin'],
    ['ly_agency', '洛阳市大数据中心', 'implementing_agency'],
    ['gongan', '河南省公安厅网络安全保卫总队', 'regulator'],
    ['zhongyuan', '中原出行网络科技有限公司', 'platform'],
    ['zz_b', '郑州市行政审批和政务信息管理局', 'municipal_admin'],
    ['agency_b', '郑州市大数据发展中心', 'implementing_agency'],
  ]);
  const c = {
    ...demo,
    opB: await as('op_b'),
    agencyB: await as('agency_b'),
    zzB: await as('zz_b'),
    /** 河南省公安厅网络安全保卫总队. */
    gongan: await as('gongan'),
    zhongyuan: await as('zhongyuan'),
    lyAdmin: await as('ly_admin'),
    lyAgency: await as('ly_agency'),
    zzOperator: await as('zz_operator'),
  };
  const operatorOrg = await orgId('河南数据集团有限公司');
  const [filed] = await h.db.select({ id: operatingAgreements.id }).from(operatingAgreements)
    .where(and(eq(operatingAgreements.operatorOrgId, operatorOrg), isNotNull(operatingAgreements.filedVersionNo)));
  const agreementId = filed.id;

  /** A minimal initial report by a user, made `reportedAt` (default 10 minutes after the discovery; service level: no rate limit, any clock). */
  const reportAt = async (username: string, discoveredAt: Date, o: Partial<ReportIncidentInput> = {}, reportedAt = new Date(discoveredAt.getTime() + 10 * 60_000)) => {
    const { actor, user } = await subject(username);
    const regime = user.orgType === 'platform' ? 'ID' : 'HN';
    return reportIncident(h.db, actor, user, {
      agreementId: regime === 'HN' && user.orgType === 'operator' ? agreementId : null,
      systemName: '企业信用画像平台', type: 'leakage', severity: 'large', discoveredAt, measures: '已封堵泄露接口并保全日志', ...o,
    } as ReportIncidentInput, reportedAt);
  };
  /** Recipients of an incident, with the organization's name. */
  const recipientsOf = async (id: string) => h.db
    .select({ kind: incidentRecipients.kind, org: organizations.name, basis: incidentRecipients.basis, hours: incidentRecipients.hours, dueAt: incidentRecipients.dueAt, late: incidentRecipients.late, acknowledgedAt: incidentRecipients.acknowledgedAt, addedAt: incidentRecipients.addedAt })
    .from(incidentRecipients).innerJoin(organizations, eq(organizations.id, incidentRecipients.orgId))
    .where(eq(incidentRecipients.incidentId, id));
  const tasksOf = async (id: string) => h.db.select().from(inboxItems).where(and(eq(inboxItems.entityType, 'incident'), eq(inboxItems.entityId, id)));
  const row = async (id: string) => (await h.db.select().from(incidents).where(eq(incidents.id, id)))[0];
  return { h, c, orgId, subject, agreementId, reportAt, recipientsOf, tasksOf, row };
}
