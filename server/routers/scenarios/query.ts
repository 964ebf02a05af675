import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import {
  complianceReviews, dataProducts, developerSelections, operatingAgreements, organizations, scenarioApplications, usageDisclosures,
} from '@/db/schema';
import { deadlineStatus, type DeadlineKind } from '@/server/domain/deadlines';
import { keyset, likePattern, pageOf, timeCursor, timeSortKey, type Cursor } from '@/server/domain/paging';
import type { ScopeSubject } from '@/server/domain/scope';
import { registrationPhase } from '@/server/routers/catalog/query';
import { suspensionJson } from '@/server/routers/rectification/suspension-sql';
import {
  disclosureScope, openDeadlineOf, productScope, SCENARIO_TASK_TYPES, scenarioScope, scenarioTaskIds, selectionScope, waitingOn,
} from './access';
import type { DisclosureFilter, ProductFilter, ScenarioFilter, SelectionFilter } from './schema';

/**
 * The list queries of HN-15 / HN-17, shared by the tRPC list procedures (one keyset page) and the
 * export routes (every row of the same filter), so that an export is what the list shows.
 */
type Page = { cursor?: Cursor | null; limit: number };
type User = ScopeSubject & { id: string };

const operator = alias(organizations, 'operator');
const agency = alias(organizations, 'agency');
const developer = alias(organizations, 'developer');

const search = (q: string | undefined, ...cols: (PgColumn | SQL)[]) => {
  if (!q) return undefined;
  const p = likePattern(q.toLowerCase());
  return sql`(${sql.join(cols.map((c) => sql`lower(${c}) like ${p}`), sql` or `)})`;
};

/** The clock of a row's open step, with its status now (running / due soon / overdue / paused). */
function withDue<T extends { due: { dueAt: string; kind: string; pausedAt: string | null; basis: string | null } | null }>(r: T) {
  const { due, ...rest } = r;
  if (!due) return { ...rest, due: null };
  const d = { kind: due.kind as DeadlineKind, dueAt: new Date(due.dueAt), pausedAt: due.pausedAt ? new Date(due.pausedAt) : null };
  return { ...rest, due: { dueAt: d.dueAt, basis: due.basis, status: deadlineStatus(d, new Date()) } };
}

// ---- scenario applications

const SCENARIO_SORT = {
  updatedAt: timeSortKey(scenarioApplications.updatedAt),
  name: scenarioApplications.name,
} satisfies Record<ScenarioFilter['sort'], PgColumn>;

/** The latest compliance round of a scenario: its number and status. */
const latestRound = sql<{ round: number; status: string } | null>`(
  select json_build_object('round', ${complianceReviews.round}, 'status', ${complianceReviews.status}) from ${complianceReviews}
   where ${complianceReviews.scenarioId} = ${scenarioApplications.id} order by ${complianceReviews.round} desc limit 1)`;

/** The latest registration of a scenario's products. */
const latestProduct = sql<{ id: string; status: string; effectiveOn: string | null; registrationNo: string | null } | null>`(
  select json_build_object('id', ${dataProducts.id}, 'status', ${dataProducts.status}, 'effectiveOn', ${dataProducts.effectiveOn}, 'registrationNo', ${dataProducts.registrationNo})
    from ${dataProducts} where ${dataProducts.scenarioId} = ${scenarioApplications.id} order by ${dataProducts.createdAt} desc limit 1)`;

export async function selectScenarios(db: DbOrTx, user: User, f: ScenarioFilter, page: Page, extra?: SQL) {
  const { where, order } = keyset(SCENARIO_SORT[f.sort], scenarioApplications.id, { cursor: page.cursor, dir: f.dir });
  const rows = await db
    .select({
      id: scenarioApplications.id,
      name: scenarioApplications.name,
      status: scenarioApplications.status,
      productForm: scenarioApplications.productForm,
      useCategory: scenarioApplications.useCategory,
      resourceCount: sql<number>`cardinality(${scenarioApplications.resourceIds})`,
      agreementName: operatingAgreements.name,
      operatorName: operator.name,
      /** HN-22 ¶2: the operator's active suspension, for the 暂停运营 tag. */
      operatorSuspension: suspensionJson(operator.id),
      agencyName: agency.name,
      regionCode: scenarioApplications.regionCode,
      createdAt: scenarioApplications.createdAt,
      updatedAt: scenarioApplications.updatedAt,
      version: scenarioApplications.version,
      latestRound,
      latestProduct,
      due: openDeadlineOf(SCENARIO_TASK_TYPES, scenarioTaskIds(scenarioApplications.id)),
    })
    .from(scenarioApplications)
    .innerJoin(operatingAgreements, eq(operatingAgreements.id, scenarioApplications.agreementId))
    .innerJoin(operator, eq(operator.id, scenarioApplications.operatorOrgId))
    .innerJoin(agency, eq(agency.id, scenarioApplications.agencyOrgId))
    .where(and(
      where, extra, scenarioScope(user),
      search(f.q, scenarioApplications.name, operator.name, agency.name, operatingAgreements.name),
      f.status ? eq(scenarioApplications.status, f.status) : undefined,
      f.useCategory ? eq(scenarioApplications.useCategory, f.useCategory) : undefined,
      f.productForm ? eq(scenarioApplications.productForm, f.productForm) : undefined,
      f.waiting ? waitingOn(user, SCENARIO_TASK_TYPES, scenarioTaskIds(scenarioApplications.id)) : undefined,
    ))
    .orderBy(...order)
    .limit(page.limit + 1);
  return pageOf(rows.map(withDue), page.limit, (r) => (f.sort === 'updatedAt' ? timeCursor(r.updatedAt) : r.name));
}

// ---- products

const PRODUCT_SORT = {
  updatedAt: timeSortKey(dataProducts.updatedAt),
  name: dataProducts.name,
  registrationNo: sql`coalesce(${dataProducts.registrationNo}, '')` as unknown as PgColumn,
} satisfies Record<ProductFilter['sort'], PgColumn>;

function phaseCondition(phase: ProductFilter['phase'], today: string): SQL | undefined {
  if (phase === 'in_notice') return sql`${dataProducts.status} = 'approved' and ${dataProducts.effectiveOn} > ${today}::date`;
  if (phase === 'effective') return sql`${dataProducts.status} = 'approved' and ${dataProducts.effectiveOn} <= ${today}::date`;
  return phase ? eq(dataProducts.status, phase) : undefined;
}

export async function selectProducts(db: DbOrTx, user: User, f: ProductFilter, page: Page, today: string, extra?: SQL) {
  const { where, order } = keyset(PRODUCT_SORT[f.sort], dataProducts.id, { cursor: page.cursor, dir: f.dir });
  const rows = await db
    .select({
      id: dataProducts.id,
      scenarioId: dataProducts.scenarioId,
      complianceReviewId: dataProducts.complianceReviewId,
      name: dataProducts.name,
      description: dataProducts.description,
      productForm: dataProducts.productForm,
      useCategory: dataProducts.useCategory,
      pricingBasis: dataProducts.pricingBasis,
      priceNote: dataProducts.priceNote,
      status: dataProducts.status,
      registrationNo: dataProducts.registrationNo,
      noticeStartsOn: dataProducts.noticeStartsOn,
      noticeEndsOn: dataProducts.noticeEndsOn,
      effectiveOn: dataProducts.effectiveOn,
      decidedAt: dataProducts.decidedAt,
      decisionReason: dataProducts.decisionReason,
      operatorOrgId: dataProducts.operatorOrgId,
      operatorName: operator.name,
      agencyOrgId: dataProducts.agencyOrgId,
      agencyName: agency.name,
      regionCode: dataProducts.regionCode,
      scenarioName: scenarioApplications.name,
      createdAt: dataProducts.createdAt,
      updatedAt: dataProducts.updatedAt,
      version: dataProducts.version,
    })
    .from(dataProducts)
    .innerJoin(scenarioApplications, eq(scenarioApplications.id, dataProducts.scenarioId))
    .innerJoin(operator, eq(operator.id, dataProducts.operatorOrgId))
    .innerJoin(agency, eq(agency.id, dataProducts.agencyOrgId))
    .where(and(
      where, extra, productScope(user),
      search(f.q, dataProducts.name, sql`coalesce(${dataProducts.registrationNo}, '')`, operator.name),
      phaseCondition(f.phase, today),
      f.pricingBasis ? eq(dataProducts.pricingBasis, f.pricingBasis) : undefined,
      f.productForm ? eq(dataProducts.productForm, f.productForm) : undefined,
      f.useCategory ? eq(dataProducts.useCategory, f.useCategory) : undefined,
      f.waiting ? waitingOn(user, ['data_product'], sql`(select ${dataProducts.id}::text)`) : undefined,
    ))
    .orderBy(...order)
    .limit(page.limit + 1);
  const items = rows.map((r) => ({ ...r, phase: registrationPhase(r, today) }));
  return pageOf(items, page.limit, (r) => (f.sort === 'updatedAt' ? timeCursor(r.updatedAt) : f.sort === 'name' ? r.name : r.registrationNo ?? ''));
}

// ---- secondary developer selections

export async function selectSelections(db: DbOrTx, user: User, f: SelectionFilter, page: Page, extra?: SQL) {
  const { where, order } = keyset(timeSortKey(developerSelections.updatedAt), developerSelections.id, { cursor: page.cursor, dir: f.dir });
  const rows = await db
    .select({
      id: developerSelections.id,
      status: developerSelections.status,
      productId: developerSelections.productId,
      productName: dataProducts.name,
      registrationNo: dataProducts.registrationNo,
      operatorOrgId: developerSelections.operatorOrgId,
      operatorName: operator.name,
      developerOrgId: developerSelections.developerOrgId,
      developerName: developer.name,
      agencyOrgId: developerSelections.agencyOrgId,
      agencyName: agency.name,
      regionCode: developerSelections.regionCode,
      criteria: developerSelections.criteria,
      capability: developerSelections.capability,
      need: developerSelections.need,
      scenarioCompliance: developerSelections.scenarioCompliance,
      securityRisk: developerSelections.securityRisk,
      reviewReason: developerSelections.reviewReason,
      agreement: developerSelections.agreement,
      createdAt: developerSelections.createdAt,
      updatedAt: developerSelections.updatedAt,
      version: developerSelections.version,
      due: openDeadlineOf(['developer_selection'], sql`(select ${developerSelections.id}::text)`),
    })
    .from(developerSelections)
    .innerJoin(dataProducts, eq(dataProducts.id, developerSelections.productId))
    .innerJoin(operator, eq(operator.id, developerSelections.operatorOrgId))
    .innerJoin(developer, eq(developer.id, developerSelections.developerOrgId))
    .innerJoin(agency, eq(agency.id, developerSelections.agencyOrgId))
    .where(and(
      where, extra, selectionScope(user),
      search(f.q, developer.name, dataProducts.name, operator.name),
      f.status ? eq(developerSelections.status, f.status) : undefined,
      f.waiting ? waitingOn(user, ['developer_selection'], sql`(select ${developerSelections.id}::text)`) : undefined,
    ))
    .orderBy(...order)
    .limit(page.limit + 1);
  const items = rows.map((r) => ({ ...withDue(r), agreement: r.agreement as import('./schema').ApplicationAgreement | null }));
  return pageOf(items, page.limit, (r) => timeCursor(r.updatedAt));
}

// ---- usage disclosures

const DISCLOSURE_SORT = {
  updatedAt: timeSortKey(usageDisclosures.updatedAt),
  period: usageDisclosures.period,
} satisfies Record<DisclosureFilter['sort'], PgColumn>;

export async function selectDisclosures(db: DbOrTx, user: User, f: DisclosureFilter, page: Page, extra?: SQL) {
  const { where, order } = keyset(DISCLOSURE_SORT[f.sort], usageDisclosures.id, { cursor: page.cursor, dir: f.dir });
  const rows = await db
    .select({
      id: usageDisclosures.id,
      operatorOrgId: usageDisclosures.operatorOrgId,
      operatorName: operator.name,
      period: usageDisclosures.period,
      title: usageDisclosures.title,
      body: usageDisclosures.body,
      status: usageDisclosures.status,
      publishedAt: usageDisclosures.publishedAt,
      createdAt: usageDisclosures.createdAt,
      updatedAt: usageDisclosures.updatedAt,
      version: usageDisclosures.version,
    })
    .from(usageDisclosures)
    .innerJoin(operator, eq(operator.id, usageDisclosures.operatorOrgId))
    .where(and(
      where, extra, disclosureScope(user),
      search(f.q, usageDisclosures.title, usageDisclosures.period, operator.name),
      f.status ? eq(usageDisclosures.status, f.status) : undefined,
    ))
    .orderBy(...order)
    .limit(page.limit + 1);
  return pageOf(rows, page.limit, (r) => (f.sort === 'updatedAt' ? timeCursor(r.updatedAt) : r.period));
}

/** The rounds of a scenario, newest first. */
export function roundsOf(db: DbOrTx, scenarioId: string) {
  return db
    .select({
      id: complianceReviews.id,
      round: complianceReviews.round,
      productName: complianceReviews.productName,
      productDescription: complianceReviews.productDescription,
      status: complianceReviews.status,
      checkpoints: complianceReviews.checkpoints,
      reason: complianceReviews.reason,
      basis: complianceReviews.basis,
      reviewedAt: complianceReviews.reviewedAt,
      reviewedBy: sql<string | null>`(select display_name from users where users.id = ${complianceReviews.reviewedBy})`,
      createdAt: complianceReviews.createdAt,
      updatedAt: complianceReviews.updatedAt,
      version: complianceReviews.version,
    })
    .from(complianceReviews)
    .where(eq(complianceReviews.scenarioId, scenarioId))
    .orderBy(desc(complianceReviews.round));
}
