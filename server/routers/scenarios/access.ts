import { and, asc, eq, inArray, isNull, or, sql, type InferSelectModel, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import {
  catalogResources, complianceReviews, dataProducts, deadlines, developerSelections, inboxItems, operatingAgreements, organizations, scenarioApplications, usageDisclosures,
} from '@/db/schema';
import { mayOperateEach } from '@/server/domain/catalog';
import { shanghaiDate } from '@/server/domain/deadlines';
import { DomainError, notFound, precondition } from '@/server/domain/errors';
import { agreementInForceSql, type Authority, authorityOf, isInForce } from '@/server/domain/filings';
import { scopeLevel, type ScopeSubject } from '@/server/domain/scope';

/**
 * Who sees and who acts on the rows of HN-15 / HN-17, in one place (DESIGN §1). A row outside the
 * caller's scope is simply not selected (NOT_FOUND); a row in scope on which the caller has no step
 * to take is FORBIDDEN.
 */

/** The parties of a row: its operator, its implementing agency, its region, and its operating agreement. */
interface Parties {
  operator: PgColumn;
  agency: PgColumn;
  region: PgColumn;
  agreement: SQL;
}

/**
 * The province sees every row; an industry department the rows under agreements filed to it
 * (HN-13 ¶2) or of its industry's agencies; a city its region's; the operator and the agency their own.
 */
function partiesScope(user: ScopeSubject, p: Parties): SQL {
  switch (scopeLevel(user)) {
    case 'province':
      return sql`true`;
    case 'industry':
      return sql`(${p.agency} in (select ${organizations.id} from ${organizations} where ${organizations.industry} = ${user.industry})
        or exists (select 1 from ${operatingAgreements} where ${operatingAgreements.id} = ${p.agreement} and ${operatingAgreements.industryOrgId} = ${user.orgId}))`;
    case 'region':
      return eq(p.region, user.regionCode);
    case 'org':
      return or(eq(p.operator, user.orgId), eq(p.agency, user.orgId))!;
  }
}

export const scenarioScope = (user: ScopeSubject) => partiesScope(user, {
  operator: scenarioApplications.operatorOrgId, agency: scenarioApplications.agencyOrgId, region: scenarioApplications.regionCode,
  agreement: sql`${scenarioApplications.agreementId}`,
});

/** A secondary developer also sees the products it has signed an application agreement for (HN-17 ¶1). */
export function productScope(user: ScopeSubject): SQL {
  const parties = partiesScope(user, {
    operator: dataProducts.operatorOrgId, agency: dataProducts.agencyOrgId, region: dataProducts.regionCode,
    agreement: sql`(select ${scenarioApplications.agreementId} from ${scenarioApplications} where ${scenarioApplications.id} = ${dataProducts.scenarioId})`,
  });
  if (!user.roles.includes('secondary_developer')) return parties;
  return sql`(${parties} or exists (select 1 from ${developerSelections} where ${developerSelections.productId} = ${dataProducts.id}
    and ${developerSelections.developerOrgId} = ${user.orgId} and ${developerSelections.status} = 'contracted'))`;
}

/** The developer named in a selection reads it once the operator has submitted it (HN-17 ¶1). */
export function selectionScope(user: ScopeSubject): SQL {
  const parties = partiesScope(user, {
    operator: developerSelections.operatorOrgId, agency: developerSelections.agencyOrgId, region: developerSelections.regionCode,
    agreement: sql`(select ${scenarioApplications.agreementId} from ${scenarioApplications} join ${dataProducts} on ${dataProducts.scenarioId} = ${scenarioApplications.id} where ${dataProducts.id} = ${developerSelections.productId})`,
  });
  if (!user.roles.includes('secondary_developer')) return parties;
  return sql`(${parties} or (${developerSelections.developerOrgId} = ${user.orgId} and ${developerSelections.status} <> 'draft'))`;
}

/**
 * Usage disclosures (HN-17 ¶2): the operator sees its own drafts and published ones; the others see
 * published disclosures of operators they have an agreement with (the agency), in their region (a
 * city), or all (the province).
 */
export function disclosureScope(user: ScopeSubject): SQL {
  const own = eq(usageDisclosures.operatorOrgId, user.orgId);
  const published = eq(usageDisclosures.status, 'published');
  const withAgreement = (cond: SQL) =>
    sql`exists (select 1 from ${operatingAgreements} where ${operatingAgreements.operatorOrgId} = ${usageDisclosures.operatorOrgId} and ${cond})`;
  switch (scopeLevel(user)) {
    case 'province':
      return or(own, published)!;
    case 'region':
      return or(own, and(published, withAgreement(eq(operatingAgreements.regionCode, user.regionCode))))!;
    case 'industry':
      return or(own, and(published, withAgreement(eq(operatingAgreements.industryOrgId, user.orgId))))!;
    case 'org':
      return or(own, and(published, withAgreement(eq(operatingAgreements.agencyOrgId, user.orgId))))!;
  }
}

/** The row of `table` with this id in the caller's scope, locked for the transaction; NOT_FOUND outside it. */
export async function lockInScope<T extends PgTable & { id: PgColumn }>(tx: DbOrTx, table: T, id: string, scope: SQL, what: string): Promise<InferSelectModel<T>> {
  const rows = await tx.select().from(table as PgTable).where(and(eq(table.id, id), scope)).for('update');
  if (!rows[0]) throw notFound(what);
  return rows[0] as InferSelectModel<T>;
}

// ---- who acts

export const isOperatorOf = (user: ScopeSubject, row: { operatorOrgId: string }) =>
  row.operatorOrgId === user.orgId && user.roles.includes('operator');

/** The implementing agency of the row (HN-15 ¶2 实施机构, HN-17 ¶1 经实施机构审核). */
export const isAgencyOf = (user: ScopeSubject, row: { agencyOrgId: string }) =>
  row.agencyOrgId === user.orgId && user.roles.includes('implementing_agency');

/** The agency's same-level public data authority (HN-15 ¶2 公共数据主管部门). */
export const isAuthority = (user: ScopeSubject, authority: Authority | null) =>
  !!authority && authority.orgId === user.orgId && user.roles.includes(authority.role);

export function mustOperate(user: ScopeSubject, row: { operatorOrgId: string }) {
  if (!isOperatorOf(user, row)) throw new DomainError('forbidden', '只有申请的一级开发主体可以办理此事项');
}

/** The authority that reviews after the agency: `authorityOf`, refused with the article when a region has none. */
export async function reviewingAuthority(db: DbOrTx, agencyOrgId: string): Promise<Authority> {
  const a = await authorityOf(db, agencyOrgId);
  if (!a) throw precondition('实施机构所在地区没有在用的公共数据主管部门,无法送审', 'HN-15 ¶2');
  return a;
}

// ---- operating agreements (read only: rows of another area)

export const today = () => shanghaiDate(new Date());

/**
 * The caller's operating agreement, in force today: filed (HN-13 ¶2) and within its term (HN-14(2)).
 * Another operator's agreement is NOT_FOUND.
 */
export async function agreementInForce(db: DbOrTx, user: ScopeSubject, agreementId: string) {
  const [a] = await db.select().from(operatingAgreements)
    .where(and(eq(operatingAgreements.id, agreementId), eq(operatingAgreements.operatorOrgId, user.orgId)));
  if (!a) throw notFound('运营协议');
  const d = today();
  if (!isInForce(a)) throw precondition('运营协议尚未完成备案或已终止,不能据此申请应用场景', 'HN-13 ¶2');
  if (d < a.startsOn || d > a.endsOn) throw precondition(`运营协议不在运营期限内(${a.startsOn} 至 ${a.endsOn})`, 'HN-14(2)');
  return a;
}

/** The caller's filed agreements whose term includes today (the ones a scenario may be applied under). */
export function agreementsInForce(db: DbOrTx, user: ScopeSubject) {
  const d = today();
  return db.select().from(operatingAgreements).where(and(
    eq(operatingAgreements.operatorOrgId, user.orgId),
    agreementInForceSql(),
    sql`${operatingAgreements.startsOn} <= ${d}::date and ${operatingAgreements.endsOn} >= ${d}::date`,
  ));
}

// ---- the data a scenario uses (catalog rows, read only)

/** Resources with their names and whether each may be operated today (HN-10 ¶2). */
export async function resourcesOf(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  const rows = await db.select({ id: catalogResources.id, code: catalogResources.code, name: catalogResources.name })
    .from(catalogResources).where(inArray(catalogResources.id, ids)).orderBy(asc(catalogResources.code));
  const each = await mayOperateEach(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, operability: each.get(r.id)! }));
}

/** HN-10 ¶2: 相应公共数据资源不得投入运营 — refused, naming the first resource that may not be operated. */
export async function assertOperable(db: DbOrTx, ids: string[]) {
  for (const r of await resourcesOf(db, ids)) {
    if (!r.operability.operable) throw precondition(`数据资源「${r.name}」(${r.code})${r.operability.message.replace('(HN-10)', '')}`, 'HN-10 ¶2');
  }
}

// ---- 我的待办: rows waiting on someone

/** Open inbox items of these entity types on these ids (inbox items carry text entity ids). */
const openItems = (types: string[], ids: SQL) =>
  and(inArray(inboxItems.entityType, types), sql`${inboxItems.entityId} in ${ids}`, isNull(inboxItems.closedAt));

/** True when one of the rows waits on the caller (a step in its 我的待办). */
export function waitingOn(user: ScopeSubject & { id: string }, types: string[], ids: SQL): SQL {
  return sql`exists (select 1 from ${inboxItems} where ${and(
    openItems(types, ids),
    or(eq(inboxItems.assigneeUserId, user.id), and(eq(inboxItems.assigneeOrgId, user.orgId), inArray(inboxItems.assigneeRole, [...user.roles]))),
  )})`;
}

/** The earliest running clock of the rows' open steps, for the list's remaining-time tag. */
export function openDeadlineOf(types: string[], ids: SQL) {
  return sql<{ dueAt: string; kind: string; pausedAt: string | null; basis: string | null } | null>`(
    select json_build_object('dueAt', ${deadlines.dueAt}, 'kind', ${deadlines.kind}, 'pausedAt', ${deadlines.pausedAt}, 'basis', ${deadlines.basis})
      from ${inboxItems} join ${deadlines} on ${deadlines.id} = ${inboxItems.deadlineId}
     where ${openItems(types, ids)} and ${deadlines.completedAt} is null
     order by ${deadlines.dueAt} limit 1)`;
}

/** A scenario and its compliance rounds, as the text ids its inbox items carry. */
export const scenarioTaskIds = (scenarioId: PgColumn | SQL) =>
  sql`(select ${scenarioId}::text union all select ${complianceReviews.id}::text from ${complianceReviews} where ${complianceReviews.scenarioId} = ${scenarioId})`;
export const SCENARIO_TASK_TYPES = ['scenario_application', 'compliance_review'];
