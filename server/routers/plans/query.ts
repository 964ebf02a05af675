import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { catalogResources, implementationPlans, operatingAgreements, organizations, regions } from '@/db/schema';
import { addDays } from '@/server/domain/deadlines';
import { agreementInForceSql, expiryLevel, isInForce } from '@/server/domain/filings';
import { keyset, likePattern, pageOf, timeCursor, timeSortKey, type Cursor } from '@/server/domain/paging';
import type { ScopeSubject } from '@/server/domain/scope';
import { suspensionJson } from '@/server/routers/rectification/suspension-sql';
import { daysUntil } from './expiry';
import { awaitingReceipt, filedTo, receiptProgress } from './receipts';
import type { AgreementFilter, PlanFilter } from './schema';

/**
 * Scopes and list queries of plans and agreements, shared by the list procedures (one keyset page)
 * and the export routes (every row of the same filter), so that an export is what the list shows.
 */

// ---- scope (DESIGN §1): a row outside it is NOT_FOUND

/**
 * Plans: the province sees all; the owner its own; an industry department those filed to it
 * (HN-11 ¶2); a municipal authority and the implementing agencies of a region that region's plans
 * (HN-11 ¶1: 组织实施机构编制).
 */
export function planScope(user: ScopeSubject): SQL {
  if (user.roles.includes('province_admin')) return sql`true`;
  const parts: SQL[] = [eq(implementationPlans.ownerOrgId, user.orgId)];
  if (user.roles.includes('industry_dept')) parts.push(filedTo('implementation_plan', implementationPlans.id, user.orgId));
  if (user.roles.includes('municipal_admin') || user.roles.includes('implementing_agency')) parts.push(eq(implementationPlans.regionCode, user.regionCode));
  return or(...parts)!;
}

/**
 * Agreements: the province sees all; the agency and the operator their own; an industry
 * department those filed to it (HN-13 ¶2) or naming it as a co-signer (HN-13 ¶1); a municipal
 * authority its region's.
 */
export function agreementScope(user: ScopeSubject): SQL {
  if (user.roles.includes('province_admin')) return sql`true`;
  const parts: SQL[] = [eq(operatingAgreements.agencyOrgId, user.orgId), eq(operatingAgreements.operatorOrgId, user.orgId)];
  if (user.roles.includes('industry_dept')) {
    parts.push(filedTo('operating_agreement', operatingAgreements.id, user.orgId));
    parts.push(sql`${operatingAgreements.partnerOrgIds} @> array[${user.orgId}]::uuid[]`);
  }
  if (user.roles.includes('municipal_admin')) parts.push(eq(operatingAgreements.regionCode, user.regionCode));
  return or(...parts)!;
}

// ---- plans

const owner = alias(organizations, 'owner');
const industry = alias(organizations, 'industry');

function planColumns(user: ScopeSubject) {
  return {
    id: implementationPlans.id,
    name: implementationPlans.name,
    ownerOrgId: implementationPlans.ownerOrgId,
    ownerName: owner.name,
    regionCode: implementationPlans.regionCode,
    regionName: regions.name,
    industryOrgId: implementationPlans.industryOrgId,
    industryName: industry.name,
    status: implementationPlans.status,
    lastVersionNo: implementationPlans.lastVersionNo,
    filedVersionNo: implementationPlans.filedVersionNo,
    updatedAt: implementationPlans.updatedAt,
    version: implementationPlans.version,
    receipts: receiptProgress('implementation_plan', implementationPlans.id, implementationPlans.lastVersionNo),
    awaitingMe: sql<boolean>`${awaitingReceipt('implementation_plan', implementationPlans.id, implementationPlans.lastVersionNo, user.orgId)}`,
  };
}

const PLAN_SORT = {
  updatedAt: timeSortKey(implementationPlans.updatedAt),
  name: implementationPlans.name,
} satisfies Record<PlanFilter['sort'], PgColumn>;

function planConditions(user: ScopeSubject, f: PlanFilter): (SQL | undefined)[] {
  const conds: (SQL | undefined)[] = [planScope(user)];
  if (f.q) {
    const p = likePattern(f.q.toLowerCase());
    conds.push(sql`(lower(${implementationPlans.name}) like ${p} or lower(${owner.name}) like ${p})`);
  }
  if (f.status) conds.push(eq(implementationPlans.status, f.status));
  if (f.regionCode) conds.push(eq(implementationPlans.regionCode, f.regionCode));
  if (f.mine) conds.push(eq(implementationPlans.ownerOrgId, user.orgId));
  if (f.awaiting) conds.push(awaitingReceipt('implementation_plan', implementationPlans.id, implementationPlans.lastVersionNo, user.orgId));
  return conds;
}

function planSelect(db: DbOrTx, user: ScopeSubject) {
  return db
    .select(planColumns(user))
    .from(implementationPlans)
    .innerJoin(owner, eq(owner.id, implementationPlans.ownerOrgId))
    .innerJoin(regions, eq(regions.code, implementationPlans.regionCode))
    .leftJoin(industry, eq(industry.id, implementationPlans.industryOrgId))
    .$dynamic();
}

export async function selectPlans(db: DbOrTx, user: ScopeSubject, f: PlanFilter, page: { cursor?: Cursor | null; limit: number }) {
  const { where, order } = keyset(PLAN_SORT[f.sort], implementationPlans.id, { cursor: page.cursor, dir: f.dir });
  const rows = await planSelect(db, user).where(and(where, ...planConditions(user, f))).orderBy(...order).limit(page.limit + 1);
  return pageOf(rows, page.limit, (r) => (f.sort === 'updatedAt' ? timeCursor(r.updatedAt) : r.name));
}

/** One plan in the caller's scope with every column (null when out of scope). */
export async function findPlan(db: DbOrTx, user: ScopeSubject, id: string) {
  const [r] = await planSelect(db, user).where(and(eq(implementationPlans.id, id), planScope(user)));
  if (!r) return null;
  const [row] = await db.select().from(implementationPlans).where(eq(implementationPlans.id, id));
  return { ...row, ...r };
}

// ---- agreements

const agency = alias(organizations, 'agency');
const operator = alias(organizations, 'operator');

function agreementColumns(user: ScopeSubject) {
  return {
    id: operatingAgreements.id,
    name: operatingAgreements.name,
    agencyOrgId: operatingAgreements.agencyOrgId,
    agencyName: agency.name,
    operatorOrgId: operatingAgreements.operatorOrgId,
    operatorName: operator.name,
    /** HN-22 ¶2: the operator's active suspension, for the 暂停运营 tag. */
    operatorSuspension: suspensionJson(operator.id),
    industryOrgId: operatingAgreements.industryOrgId,
    industryName: industry.name,
    regionCode: operatingAgreements.regionCode,
    regionName: regions.name,
    status: operatingAgreements.status,
    signedOn: operatingAgreements.signedOn,
    startsOn: operatingAgreements.startsOn,
    endsOn: operatingAgreements.endsOn,
    exceptionStatus: operatingAgreements.exceptionStatus,
    exitPath: operatingAgreements.exitPath,
    lastVersionNo: operatingAgreements.lastVersionNo,
    filedVersionNo: operatingAgreements.filedVersionNo,
    updatedAt: operatingAgreements.updatedAt,
    version: operatingAgreements.version,
    receipts: receiptProgress('operating_agreement', operatingAgreements.id, operatingAgreements.lastVersionNo),
    awaitingMe: sql<boolean>`${awaitingReceipt('operating_agreement', operatingAgreements.id, operatingAgreements.lastVersionNo, user.orgId)}`,
  };
}

const AGREEMENT_SORT = {
  updatedAt: timeSortKey(operatingAgreements.updatedAt),
  name: operatingAgreements.name,
  endsOn: operatingAgreements.endsOn,
} satisfies Record<AgreementFilter['sort'], PgColumn>;

/** 即将到期 (HN-14(9)): an agreement in force whose last day is within 90 days. */
export function expiringCondition(today: string): SQL {
  return and(
    agreementInForceSql(),
    sql`${operatingAgreements.endsOn} between ${today}::date and ${addDays(today, 90)}::date`,
  )!;
}

function agreementConditions(user: ScopeSubject, f: AgreementFilter, today: string): (SQL | undefined)[] {
  const conds: (SQL | undefined)[] = [agreementScope(user)];
  if (f.q) {
    const p = likePattern(f.q.toLowerCase());
    conds.push(sql`(lower(${operatingAgreements.name}) like ${p} or lower(${agency.name}) like ${p} or lower(${operator.name}) like ${p})`);
  }
  if (f.status) conds.push(eq(operatingAgreements.status, f.status));
  if (f.regionCode) conds.push(eq(operatingAgreements.regionCode, f.regionCode));
  if (f.mine) conds.push(or(eq(operatingAgreements.agencyOrgId, user.orgId), eq(operatingAgreements.operatorOrgId, user.orgId)));
  if (f.awaiting) conds.push(awaitingReceipt('operating_agreement', operatingAgreements.id, operatingAgreements.lastVersionNo, user.orgId));
  if (f.expiring) conds.push(expiringCondition(today));
  if (f.exceptionPending) conds.push(eq(operatingAgreements.exceptionStatus, 'pending'));
  return conds;
}

function agreementSelect(db: DbOrTx, user: ScopeSubject) {
  return db
    .select(agreementColumns(user))
    .from(operatingAgreements)
    .innerJoin(agency, eq(agency.id, operatingAgreements.agencyOrgId))
    .innerJoin(operator, eq(operator.id, operatingAgreements.operatorOrgId))
    .innerJoin(regions, eq(regions.code, operatingAgreements.regionCode))
    .leftJoin(industry, eq(industry.id, operatingAgreements.industryOrgId))
    .$dynamic();
}

/** Days left of the term and its reminder level (HN-14(9)); only an agreement in force counts down. */
export function withExpiry<T extends { status: string; filedVersionNo: number | null; endsOn: string }>(r: T, today: string) {
  return { ...r, daysLeft: daysUntil(today, r.endsOn), expiry: isInForce(r) ? expiryLevel(r.endsOn, today) : null };
}

export async function selectAgreements(db: DbOrTx, user: ScopeSubject, f: AgreementFilter, page: { cursor?: Cursor | null; limit: number }, today: string) {
  const { where, order } = keyset(AGREEMENT_SORT[f.sort], operatingAgreements.id, { cursor: page.cursor, dir: f.dir });
  const rows = await agreementSelect(db, user).where(and(where, ...agreementConditions(user, f, today))).orderBy(...order).limit(page.limit + 1);
  return pageOf(rows.map((r) => withExpiry(r, today)), page.limit, (r) => (f.sort === 'updatedAt' ? timeCursor(r.updatedAt) : f.sort === 'name' ? r.name : r.endsOn));
}

export async function findAgreement(db: DbOrTx, user: ScopeSubject, id: string, today: string) {
  const [r] = await agreementSelect(db, user).where(and(eq(operatingAgreements.id, id), agreementScope(user)));
  if (!r) return null;
  const [row] = await db.select().from(operatingAgreements).where(eq(operatingAgreements.id, id));
  return withExpiry({ ...row, ...r }, today);
}

// ---- shared

/** Code and name of catalog resources, in the order given (for details and snapshots). */
export async function resourceLabels(db: DbOrTx, ids: readonly string[]) {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: catalogResources.id, code: catalogResources.code, name: catalogResources.name, regionName: regions.name })
    .from(catalogResources)
    .innerJoin(regions, eq(regions.code, catalogResources.regionCode))
    .where(inArray(catalogResources.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is NonNullable<typeof r> => !!r);
}

/** Names of organizations by id, in the order given. */
export async function orgNames(db: DbOrTx, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (!ids.length) return [];
  const rows = await db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is { id: string; name: string } => !!r);
}
