import { and, eq, max, type InferSelectModel } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { complianceReviews, dataProducts, developerSelections, operatingAgreements, scenarioApplications, usageDisclosures } from '@/db/schema';
import { appendAudit, diff } from '@/server/domain/audit';
import { nextRegistrationNo, noticeDates, noticeDays, reviewerOrgOf } from '@/server/domain/catalog';
import { shanghaiDate } from '@/server/domain/deadlines';
import { conflict } from '@/server/domain/errors';
import { closeInbox, openInbox, transition, type WorkflowActor } from '@/server/domain/workflow';
import { productHref, productMachine, REVIEW_WORKING_DAYS, scenarioHref } from './machines';
import { emptyCheckpoints, type Checkpoints, type DisclosureInput, type ScenarioInput, type SelectionInput } from './schema';

/**
 * The writes of HN-15 / HN-17 that are not a status change, each with its audit event (and the
 * inbox steps it opens or answers). The procedures call them after their checks (scope, who, rules);
 * the demo seed calls them too, so that demo rows are the rows the console writes.
 */
type Agreement = typeof operatingAgreements.$inferSelect;
type ScenarioRow = typeof scenarioApplications.$inferSelect;
type ReviewRow = typeof complianceReviews.$inferSelect;
type ProductRow = typeof dataProducts.$inferSelect;

export const scenarioFields = (v: Pick<ScenarioRow, 'name' | 'description' | 'purpose' | 'productForm' | 'useCategory' | 'resourceIds'>) =>
  ({ name: v.name, description: v.description, purpose: v.purpose, productForm: v.productForm, useCategory: v.useCategory, resourceIds: v.resourceIds });

/** A draft scenario application of the agreement's operator (HN-15 ¶1). */
export async function insertScenario(tx: DbOrTx, actor: WorkflowActor, agreement: Agreement, input: Omit<ScenarioInput, 'agreementId'>) {
  const [row] = await tx.insert(scenarioApplications).values({
    ...scenarioFields(input),
    agreementId: agreement.id, operatorOrgId: agreement.operatorOrgId, agencyOrgId: agreement.agencyOrgId, regionCode: agreement.regionCode,
    createdBy: actor.id,
  }).returning();
  await appendAudit(tx, actor, { action: 'scenario_application.create', entityType: 'scenario_application', entityId: row.id, after: { ...scenarioFields(input), agreement: agreement.name } });
  return row;
}

/** The next compliance round of an approved scenario, in the agency's 我的待办 (HN-15 ¶2). */
export async function insertRound(tx: DbOrTx, actor: WorkflowActor, s: ScenarioRow, input: { productName: string; productDescription: string }) {
  const [{ n }] = await tx.select({ n: max(complianceReviews.round) }).from(complianceReviews).where(eq(complianceReviews.scenarioId, s.id));
  const [row] = await tx.insert(complianceReviews).values({
    scenarioId: s.id, round: (n ?? 0) + 1, productName: input.productName, productDescription: input.productDescription,
    checkpoints: emptyCheckpoints(), createdBy: actor.id,
  }).returning();
  await appendAudit(tx, actor, {
    action: 'compliance_review.submit', entityType: 'compliance_review', entityId: row.id,
    after: { scenario: s.name, round: row.round, productName: row.productName, status: 'submitted' },
  });
  // the operator's own tasks this request answers: "submit a compliance review", "fix the rejected round"
  await closeInbox(tx, 'scenario_application', s.id, ['compliance']);
  const earlier = await tx.select({ id: complianceReviews.id }).from(complianceReviews).where(eq(complianceReviews.scenarioId, s.id));
  for (const prev of earlier) if (prev.id !== row.id) await closeInbox(tx, 'compliance_review', prev.id, ['fix']);
  await openInbox(tx, 'compliance_review', row.id, [{
    assigneeOrgId: s.agencyOrgId, assigneeRole: 'implementing_agency', step: 'review',
    title: `合规审核(第 ${row.round} 轮):${row.productName}`, href: scenarioHref(s.id), basis: 'HN-15.2',
    deadline: { kind: 'working_days', amount: REVIEW_WORKING_DAYS, basis: 'HN-15.2' },
  }]);
  return row;
}

/**
 * Save a row's working copy: the fields, the next version (the caller's `version` must still be the
 * row's, else CONFLICT) and one audit event `<entity>.<verb>` holding what changed (`before` against
 * `after`, the fields unless said otherwise).
 */
export async function saveVersioned<T extends PgTable & { id: PgColumn; version: PgColumn }>(
  tx: DbOrTx, actor: WorkflowActor, table: T, entity: string,
  req: { id: string; version: number; verb: string; fields: Record<string, unknown>; before: Record<string, unknown>; after?: Record<string, unknown> },
): Promise<InferSelectModel<T>> {
  const rows = await tx.update(table).set({ ...req.fields, version: req.version + 1, updatedAt: new Date() } as never)
    .where(and(eq(table.id, req.id), eq(table.version, req.version))).returning();
  const row = (rows as InferSelectModel<T>[])[0];
  if (!row) throw conflict();
  const changed = diff(req.before, req.after ?? req.fields);
  await appendAudit(tx, actor, { action: `${entity}.${req.verb}`, entityType: entity, entityId: req.id, ...changed });
  return row;
}

/** Save the five checkpoints of a round (versioned; the audit event holds what changed). */
export function saveCheckpoints(tx: DbOrTx, actor: WorkflowActor, round: ReviewRow, version: number, checkpoints: Checkpoints) {
  return saveVersioned(tx, actor, complianceReviews, 'compliance_review', {
    id: round.id, version, verb: 'record', fields: { checkpoints }, before: round.checkpoints as Record<string, unknown>, after: checkpoints,
  });
}

/** A registration application for the product of an approved round, to the region's decider (HN-10). */
export async function insertProduct(tx: DbOrTx, actor: WorkflowActor, round: ReviewRow, s: ScenarioRow, input: { pricingBasis: string; priceNote?: string | null }) {
  const [row] = await tx.insert(dataProducts).values({
    scenarioId: s.id, complianceReviewId: round.id, operatorOrgId: s.operatorOrgId, agencyOrgId: s.agencyOrgId, regionCode: s.regionCode,
    name: round.productName, description: round.productDescription, productForm: s.productForm, useCategory: s.useCategory,
    pricingBasis: input.pricingBasis, priceNote: input.priceNote?.trim() || null, createdBy: actor.id,
  }).returning();
  await appendAudit(tx, actor, {
    action: 'data_product.create', entityType: 'data_product', entityId: row.id,
    after: { name: row.name, scenario: s.name, round: round.round, pricingBasis: row.pricingBasis, priceNote: row.priceNote },
  });
  await closeInbox(tx, 'compliance_review', round.id, ['register']);
  const decider = await reviewerOrgOf(tx, { ownerOrgId: row.operatorOrgId, regionCode: row.regionCode });
  if (decider) {
    await openInbox(tx, 'data_product', row.id, [{
      assigneeOrgId: decider.orgId, assigneeRole: decider.role, step: 'decide',
      title: `审核产品和服务登记申请:${row.name}`, href: productHref(row.id), basis: 'HN-10',
    }]);
  }
  return row;
}

/** Register it: the next number of the one register and the notice period from `at` (HN-10). */
export async function approveProduct(tx: DbOrTx, actor: WorkflowActor, row: ProductRow, version: number, at = new Date()) {
  const { noticeWorkingDays } = await noticeDays(tx);
  return transition(tx, productMachine, actor, {
    id: row.id, version, action: 'approve',
    input: { registrationNo: await nextRegistrationNo(tx, shanghaiDate(at).slice(0, 4)), notice: noticeDates(at, noticeWorkingDays), decidedBy: actor.id },
  });
}

export const selectionFields = (v: Omit<SelectionInput, 'productId'>) => ({
  developerOrgId: v.developerOrgId, criteria: v.criteria, capability: v.capability, need: v.need,
  scenarioCompliance: v.scenarioCompliance, securityRisk: v.securityRisk,
});

/** A draft selection of a secondary developer for a registered product (HN-17 ¶1). */
export async function insertSelection(tx: DbOrTx, actor: WorkflowActor, product: ProductRow, input: Omit<SelectionInput, 'productId'>) {
  const [row] = await tx.insert(developerSelections).values({
    ...selectionFields(input), productId: product.id, operatorOrgId: product.operatorOrgId, agencyOrgId: product.agencyOrgId, regionCode: product.regionCode,
    createdBy: actor.id,
  }).returning();
  await appendAudit(tx, actor, { action: 'developer_selection.create', entityType: 'developer_selection', entityId: row.id, after: { product: product.name, ...selectionFields(input) } });
  return row;
}

export const disclosureFields = (v: DisclosureInput) => ({ period: v.period, title: v.title, body: v.body });

/** A draft usage disclosure of an operator (HN-17 ¶2). */
export async function insertDisclosure(tx: DbOrTx, actor: WorkflowActor, operatorOrgId: string, input: DisclosureInput) {
  const [row] = await tx.insert(usageDisclosures).values({ ...disclosureFields(input), operatorOrgId, createdBy: actor.id }).returning();
  await appendAudit(tx, actor, { action: 'usage_disclosure.create', entityType: 'usage_disclosure', entityId: row.id, after: { period: row.period, title: row.title } });
  return row;
}
