import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { incidentRecipients, incidents, organizations } from '@/db/schema';
import { appendAudit, type AuditActor } from '@/server/domain/audit';
import {
  incidentRecipients as computeRecipients, isLate, reportingDueAt, reportingHours, type IncidentPolicy, type IncidentType, type RecipientKind, type Severity,
} from '@/server/domain/incidents';
import { PROVINCE_REGION } from '@/server/domain/roles';
import { openInbox } from '@/server/domain/workflow';

type IncidentRow = typeof incidents.$inferSelect;

export const KIND_LABEL: Record<RecipientKind, string> = {
  agency: '实施机构',
  authority: '本级公共数据主管部门',
  cyberspace_same_level: '本级网信部门',
  cyberspace_province: '省网信办',
  police: '公安机关',
};

/** The role whose holders act for an organization of this type on an incident (inbox tasks). */
export function receiverRole(orgType: string): string {
  switch (orgType) {
    case 'province_authority': return 'province_admin';
    case 'municipal_authority': return 'municipal_admin';
    case 'regulator': return 'regulator';
    default: return 'implementing_agency';
  }
}

/** The reporting role of an organization type (the reporter's inbox tasks). */
export function reporterRole(orgType: string): string {
  if (orgType === 'operator') return 'operator';
  if (orgType === 'platform' || orgType === 'identity_service') return 'platform';
  return 'implementing_agency';
}

/**
 * The regulator of a field (网信 / 公安) for a region: the region's own, else the province's
 * (a city without its own office in the console reports to the provincial one).
 */
async function regulatorOf(db: DbOrTx, industry: '网信' | '公安', regionCode: string): Promise<string | null> {
  const [r] = await db.select({ id: organizations.id }).from(organizations)
    .where(and(
      eq(organizations.type, 'regulator'), eq(organizations.industry, industry), eq(organizations.active, true),
      inArray(organizations.regionCode, [...new Set([regionCode, PROVINCE_REGION])]),
    ))
    .orderBy(desc(sql`${organizations.regionCode} = ${regionCode}`), organizations.name)
    .limit(1);
  return r?.id ?? null;
}

/**
 * A recipient kind mapped to a real organization, on the server, never typed by hand:
 * agency = the agreement's implementing agency (HN-18); authority = the data authority of the
 * agency's level; 网信 of the same level, else the provincial office; the provincial 网信 office;
 * 公安 of the region, else the province's.
 */
export async function recipientOrg(db: DbOrTx, kind: RecipientKind, i: Pick<IncidentRow, 'agencyOrgId' | 'authorityOrgId' | 'regionCode'>): Promise<string | null> {
  switch (kind) {
    case 'agency': return i.agencyOrgId;
    case 'authority': return i.authorityOrgId;
    case 'cyberspace_same_level': return regulatorOf(db, '网信', i.regionCode);
    case 'cyberspace_province': return regulatorOf(db, '网信', PROVINCE_REGION);
    case 'police': return regulatorOf(db, '公安', i.regionCode);
  }
}

export interface AddedRecipient {
  kind: RecipientKind;
  orgId: string;
  orgName: string;
  basis: string;
  dueAt: Date;
  late: boolean;
}

/**
 * Bring the recipients up to date with the incident's current facts: kinds the rules now require
 * and that are not there yet are added with their own clock from the discovery (a report reaching
 * one after its due time is late reporting, 迟报); existing ones are never removed or re-timed.
 * Each new recipient gets a task to acknowledge receipt, carrying that clock.
 */
export async function addRecipients(tx: DbOrTx, actor: AuditActor, inc: IncidentRow, policy: IncidentPolicy, now: Date): Promise<AddedRecipient[]> {
  const wanted = computeRecipients({
    regime: inc.regime as 'HN' | 'ID', type: inc.type as IncidentType, severity: inc.severity as Severity, crimeSuspected: inc.crimeSuspected,
  });
  const existing = new Set((await tx.select({ kind: incidentRecipients.kind }).from(incidentRecipients).where(eq(incidentRecipients.incidentId, inc.id))).map((r) => r.kind));
  const added: AddedRecipient[] = [];
  const unmapped: RecipientKind[] = [];
  for (const { kind, basis } of wanted) {
    if (existing.has(kind)) continue;
    const orgId = await recipientOrg(tx, kind, inc);
    // an implementing agency reporting its own incident does not report to itself
    if (kind === 'agency' && orgId === inc.reporterOrgId) continue;
    if (!orgId) {
      unmapped.push(kind);
      continue;
    }
    const [org] = await tx.select({ name: organizations.name, type: organizations.type }).from(organizations).where(eq(organizations.id, orgId));
    const severity = inc.severity as Severity;
    const hours = reportingHours(severity, inc.cii, policy);
    const dueAt = reportingDueAt(inc.discoveredAt, severity, inc.cii, policy);
    const late = isLate(now, dueAt);
    await tx.insert(incidentRecipients).values({ incidentId: inc.id, kind, orgId, basis, hours, dueAt, addedAt: now, late });
    await openInbox(tx, 'incident', inc.id, [{
      assigneeOrgId: orgId,
      assigneeRole: receiverRole(org.type),
      step: `ack_${kind}`,
      title: `确认接收安全事件报告:${inc.title}`,
      href: `/incidents/${inc.id}`,
      basis,
      deadline: { kind: 'hours', amount: hours, basis, startedAt: inc.discoveredAt },
    }]);
    added.push({ kind, orgId, orgName: org.name, basis, dueAt, late });
  }
  if (added.length || unmapped.length) {
    await appendAudit(tx, actor, {
      action: 'incident.recipients_added', entityType: 'incident', entityId: inc.id,
      after: {
        recipients: added.map((r) => ({ kind: r.kind, org: r.orgName, basis: r.basis, dueAt: r.dueAt.toISOString(), late: r.late })),
        ...(unmapped.length ? { unmapped } : {}),
      },
    });
  }
  return added;
}
