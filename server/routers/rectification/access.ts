import { and, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { criticisms, interviews, operatingAgreements, operationSuspensions, organizations, rectificationOrders } from '@/db/schema';
import { TARGET_ORG_TYPES } from '@/server/domain/rectification';
import type { ScopeSubject } from '@/server/domain/scope';

/**
 * Who sees what of rectification (DESIGN §1), from the session only. A row outside the scope is not
 * selected at all, so it surfaces as NOT_FOUND. A user with several roles sees the union.
 */
const has = (u: ScopeSubject, role: string) => (u.roles as readonly string[]).includes(role);
const FALSE = sql`false`;

/** Organizations of the user's industry (industry_dept: read only). */
const industryOrgs = (u: ScopeSubject, col: PgColumn) =>
  sql`${col} in (select ${organizations.id} from ${organizations} where ${organizations.industry} = ${u.industry})`;
/** Organizations of the user's region. */
const regionOrgs = (u: ScopeSubject, col: PgColumn) =>
  sql`${col} in (select ${organizations.id} from ${organizations} where ${organizations.regionCode} = ${u.regionCode})`;
/** Operators the implementing agency has an operating agreement with (HN-13). */
const agreementOperators = (u: ScopeSubject, col: PgColumn) =>
  sql`${col} in (select ${operatingAgreements.operatorOrgId} from ${operatingAgreements} where ${operatingAgreements.agencyOrgId} = ${u.orgId})`;

function union(parts: (SQL | undefined | false)[]): SQL {
  const p = parts.filter((x): x is SQL => !!x);
  return p.length ? or(...p)! : FALSE;
}

/**
 * Orders: the province all; an industry department those targeting organizations of its industry;
 * a municipal authority those it issued or targeting its region; an implementing agency those it
 * issued or targeting it; an operator or platform those targeting it.
 */
export function orderScope(u: ScopeSubject): SQL {
  if (has(u, 'province_admin')) return sql`true`;
  return union([
    has(u, 'industry_dept') && !!u.industry && industryOrgs(u, rectificationOrders.targetOrgId),
    has(u, 'municipal_admin') && or(eq(rectificationOrders.issuerOrgId, u.orgId), eq(rectificationOrders.regionCode, u.regionCode)),
    has(u, 'implementing_agency') && or(eq(rectificationOrders.issuerOrgId, u.orgId), eq(rectificationOrders.targetOrgId, u.orgId)),
    (has(u, 'operator') || has(u, 'platform')) && eq(rectificationOrders.targetOrgId, u.orgId),
  ]);
}

/**
 * HN-20: whom an issuer may order to rectify (a condition on organizations): the province any
 * operator, implementing agency or platform; a municipal authority those of its region; an
 * implementing agency the operators it has an operating agreement with. Never itself.
 */
export function issuableTargets(u: ScopeSubject): SQL {
  const types = inArray(organizations.type, [...TARGET_ORG_TYPES]);
  const own = ne(organizations.id, u.orgId);
  if (has(u, 'province_admin')) return and(types, own)!;
  return and(types, own, union([
    has(u, 'municipal_admin') && eq(organizations.regionCode, u.regionCode),
    has(u, 'implementing_agency') && and(eq(organizations.type, 'operator'), agreementOperators(u, organizations.id)),
  ]))!;
}

/** Suspensions (and their 约谈): the data authorities by region / industry, the agency for its operators, the operator its own. */
function sanctionScope(u: ScopeSubject, orgCol: PgColumn, issuerCol: PgColumn): SQL {
  if (has(u, 'province_admin')) return sql`true`;
  return union([
    has(u, 'industry_dept') && !!u.industry && industryOrgs(u, orgCol),
    has(u, 'municipal_admin') && or(eq(issuerCol, u.orgId), regionOrgs(u, orgCol)),
    has(u, 'implementing_agency') && or(eq(issuerCol, u.orgId), eq(orgCol, u.orgId), agreementOperators(u, orgCol)),
    (has(u, 'operator') || has(u, 'platform')) && eq(orgCol, u.orgId),
  ]);
}

export const suspensionScope = (u: ScopeSubject) => sanctionScope(u, operationSuspensions.orgId, operationSuspensions.issuerOrgId);
export const interviewScope = (u: ScopeSubject) => sanctionScope(u, interviews.orgId, interviews.issuerOrgId);

/** 通报批评 (HN-24): as suspensions; the criticised organization sees its own. */
export const criticismScope = (u: ScopeSubject) => sanctionScope(u, criticisms.orgId, criticisms.issuerOrgId);

/** Which organizations a 通报批评 may name: the province any, a municipal authority those of its region (HN-24 本级). */
export function criticisableOrgs(u: ScopeSubject): SQL {
  const own = ne(organizations.id, u.orgId);
  const notAuthority = sql`${organizations.type} not in ('province_authority', 'municipal_authority')`;
  if (has(u, 'province_admin')) return and(own, notAuthority)!;
  if (has(u, 'municipal_admin')) return and(own, notAuthority, eq(organizations.regionCode, u.regionCode))!;
  return FALSE;
}

/**
 * May this user decide on a suspension (resume it) or a 约谈: the province, or a municipal authority
 * that issued it or in whose region the operator is (HN-22 ¶2: 公共数据主管部门).
 */
export function decidableSuspensions(u: ScopeSubject, orgCol: PgColumn, issuerCol: PgColumn): SQL {
  if (has(u, 'province_admin')) return sql`true`;
  if (has(u, 'municipal_admin')) return or(eq(issuerCol, u.orgId), regionOrgs(u, orgCol))!;
  return FALSE;
}
