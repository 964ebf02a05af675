import {
  boolean, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar,
} from 'drizzle-orm/pg-core';
import { id, timestamps, version } from './_columns';
import { organizations, users } from './admin';
import { catalogResources } from './catalog';
import { deadlines } from './workflow';

/**
 * Operation filings (HN-11 … HN-17, HN-22 ¶3). Enumerations and rules live in
 * server/domain/filings.ts; labels in messages/<locale>/filings.json.
 *
 * Plans and agreements are working copies with numbered frozen versions (`filing_versions`), like
 * catalog resources. Filing a version opens one receipt per recipient (`filing_receipts`): each
 * recipient acknowledges (备案) or returns it on its own, and the filing is 已备案 only when every
 * receipt of that version is acknowledged (HN-11 ¶2, HN-13 ¶2).
 */

/** Every submitted version of a plan, agreement or periodic report, frozen for diff and history. */
export const filingVersions = pgTable('filing_versions', {
  id: id(),
  entityType: varchar('entity_type', { length: 48 }).notNull(),
  entityId: uuid('entity_id').notNull(),
  versionNo: integer('version_no').notNull(),
  snapshot: jsonb('snapshot').notNull(),
  submittedBy: uuid('submitted_by').references(() => users.id),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('filing_versions_uq').on(t.entityType, t.entityId, t.versionNo)]);

/** One recipient's 备案 of one filed version: pending → acknowledged | returned (with reason). */
export const filingReceipts = pgTable('filing_receipts', {
  id: id(),
  entityType: varchar('entity_type', { length: 48 }).notNull(),
  entityId: uuid('entity_id').notNull(),
  versionNo: integer('version_no').notNull(),
  recipientOrgId: uuid('recipient_org_id').notNull().references(() => organizations.id),
  /** The role in the recipient organization that decides: province_admin | industry_dept. */
  recipientRole: varchar('recipient_role', { length: 32 }).notNull(),
  status: varchar('status', { length: 16 }).notNull().default('pending'),
  reason: text('reason'),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  version: version(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('filing_receipts_uq').on(t.entityType, t.entityId, t.versionNo, t.recipientOrgId),
  index('filing_receipts_recipient_idx').on(t.recipientOrgId, t.status),
]);

/** 实施方案 (HN-11, HN-12), drafted by a province or city data authority. */
export const implementationPlans = pgTable('implementation_plans', {
  id: id(),
  ownerOrgId: uuid('owner_org_id').notNull().references(() => organizations.id),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  name: text('name').notNull(),
  /** draft | filing | returned | filed (a provincial plan is in force once approved: no filing, HN-11 ¶2). */
  status: varchar('status', { length: 16 }).notNull().default('draft'),
  /** HN-11 ¶2: the provincial industry department a municipal plan is also filed to. */
  industryOrgId: uuid('industry_org_id').references(() => organizations.id),
  /** The 11 contents of HN-12 (structured where they can be). */
  sections: jsonb('sections').notNull(),
  /** HN-12(4): published catalog resources in scope. */
  resourceIds: uuid('resource_ids').array().notNull().default([]),
  /** HN-11 ¶1 三重一大 decision (minutes are an attachment of type implementation_plan_minutes). */
  decisionOn: date('decision_on'),
  decisionMeeting: text('decision_meeting'),
  /** HN-11 ¶1: 经本级政府审议通过. */
  approvalOn: date('approval_on'),
  approvalRef: text('approval_ref'),
  lastVersionNo: integer('last_version_no').notNull().default(0),
  filedVersionNo: integer('filed_version_no'),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps(),
}, (t) => [
  index('implementation_plans_owner_idx').on(t.ownerOrgId, t.updatedAt),
  index('implementation_plans_region_idx').on(t.regionCode, t.updatedAt),
]);

/** 运营协议 (HN-13, HN-14) between an implementing agency and an operator. */
export const operatingAgreements = pgTable('operating_agreements', {
  id: id(),
  agencyOrgId: uuid('agency_org_id').notNull().references(() => organizations.id),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  operatorOrgId: uuid('operator_org_id').notNull().references(() => organizations.id),
  /** HN-13 ¶2: the provincial industry department it is filed to. */
  industryOrgId: uuid('industry_org_id').references(() => organizations.id),
  /** HN-13 ¶1: industry departments that sign with the agency (会同), optional. */
  partnerOrgIds: uuid('partner_org_ids').array().notNull().default([]),
  planId: uuid('plan_id').references(() => implementationPlans.id),
  name: text('name').notNull(),
  /** draft | filing | returned | filed | ended */
  status: varchar('status', { length: 16 }).notNull().default('draft'),
  signedOn: date('signed_on'),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  /** HN-14(2): a term over 3 years needs a recorded justification and the province's approval. */
  termException: text('term_exception'),
  /** none | pending | approved | refused */
  exceptionStatus: varchar('exception_status', { length: 16 }).notNull().default('none'),
  exceptionDecidedBy: uuid('exception_decided_by').references(() => users.id),
  exceptionDecidedAt: timestamp('exception_decided_at', { withTimezone: true }),
  exceptionReason: text('exception_reason'),
  /** The 13 clauses of HN-14. */
  clauses: jsonb('clauses').notNull(),
  /** HN-14(1): resources in scope; only resources that may be operated (HN-10). */
  resourceIds: uuid('resource_ids').array().notNull().default([]),
  decisionOn: date('decision_on'),
  decisionMeeting: text('decision_meeting'),
  /** HN-14(9) at the end of the term: renew | exit, with a note. */
  exitPath: varchar('exit_path', { length: 16 }),
  exitNote: text('exit_note'),
  lastVersionNo: integer('last_version_no').notNull().default(0),
  filedVersionNo: integer('filed_version_no'),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps(),
}, (t) => [
  index('operating_agreements_agency_idx').on(t.agencyOrgId, t.updatedAt),
  index('operating_agreements_operator_idx').on(t.operatorOrgId, t.updatedAt),
  index('operating_agreements_region_idx').on(t.regionCode, t.updatedAt),
  index('operating_agreements_ends_idx').on(t.endsOn),
]);

/** 一场景一审核 (HN-15 ¶1): an operator's scenario and data-demand application under an agreement. */
export const scenarioApplications = pgTable('scenario_applications', {
  id: id(),
  agreementId: uuid('agreement_id').notNull().references(() => operatingAgreements.id),
  operatorOrgId: uuid('operator_org_id').notNull().references(() => organizations.id),
  agencyOrgId: uuid('agency_org_id').notNull().references(() => organizations.id),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  purpose: text('purpose').notNull().default(''),
  productForm: varchar('product_form', { length: 24 }).notNull(),
  /** HN-12(6): public (公共治理/公益事业) | industry (产业发展/行业发展). */
  useCategory: varchar('use_category', { length: 16 }).notNull(),
  /** Picked from the agreement's resources. */
  resourceIds: uuid('resource_ids').array().notNull().default([]),
  /** draft | agency_review | authority_review | approved | rejected | withdrawn */
  status: varchar('status', { length: 24 }).notNull().default('draft'),
  rejectReason: text('reject_reason'),
  rejectBasis: text('reject_basis'),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps(),
}, (t) => [
  index('scenario_applications_operator_idx').on(t.operatorOrgId, t.updatedAt),
  index('scenario_applications_agency_idx').on(t.agencyOrgId, t.updatedAt),
  index('scenario_applications_region_idx').on(t.regionCode, t.updatedAt),
]);

/** Compliance review before release (HN-15 ¶2): one row per round, five checkpoints each. */
export const complianceReviews = pgTable('compliance_reviews', {
  id: id(),
  scenarioId: uuid('scenario_id').notNull().references(() => scenarioApplications.id),
  round: integer('round').notNull(),
  productName: text('product_name').notNull(),
  productDescription: text('product_description').notNull().default(''),
  /** submitted | approved | rejected | withdrawn */
  status: varchar('status', { length: 16 }).notNull().default('submitted'),
  /** { [checkpoint]: { result: 'pass' | 'fail' | null, remark: string } } for the five of HN-15 ¶2. */
  checkpoints: jsonb('checkpoints').notNull(),
  /** HN-15 ¶2: a rejection states the reason and the basis (law / regulation / standard, with article). */
  reason: text('reason'),
  basis: text('basis'),
  reviewedBy: uuid('reviewed_by').references(() => users.id),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps(),
}, (t) => [uniqueIndex('compliance_reviews_round_uq').on(t.scenarioId, t.round)]);

/** An approved product, registered like a resource (HN-15 ¶2, HN-10) and listed publicly (HN-17 ¶2). */
export const dataProducts = pgTable('data_products', {
  id: id(),
  scenarioId: uuid('scenario_id').notNull().references(() => scenarioApplications.id),
  complianceReviewId: uuid('compliance_review_id').notNull().references(() => complianceReviews.id),
  operatorOrgId: uuid('operator_org_id').notNull().references(() => organizations.id),
  agencyOrgId: uuid('agency_org_id').notNull().references(() => organizations.id),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  productForm: varchar('product_form', { length: 24 }).notNull(),
  useCategory: varchar('use_category', { length: 16 }).notNull(),
  /** HN-15 ¶2, HN-21 ¶3: public_free (公益无偿使用) | gov_guided (政府指导价). */
  pricingBasis: varchar('pricing_basis', { length: 16 }).notNull(),
  priceNote: text('price_note'),
  /** Registration (same flow as HN-10): submitted | approved | rejected | withdrawn. */
  status: varchar('status', { length: 16 }).notNull().default('submitted'),
  registrationNo: varchar('registration_no', { length: 32 }),
  noticeStartsOn: date('notice_starts_on'),
  noticeEndsOn: date('notice_ends_on'),
  effectiveOn: date('effective_on'),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  decisionReason: text('decision_reason'),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps(),
}, (t) => [
  uniqueIndex('data_products_registration_no_uq').on(t.registrationNo),
  index('data_products_operator_idx').on(t.operatorOrgId, t.updatedAt),
  index('data_products_region_idx').on(t.regionCode, t.updatedAt),
]);

/** 数据校核 (HN-16): an operator's quality issue on a resource, answered by its provider in 7 working days. */
export const qualityRequests = pgTable('quality_requests', {
  id: id(),
  resourceId: uuid('resource_id').notNull().references(() => catalogResources.id),
  operatorOrgId: uuid('operator_org_id').notNull().references(() => organizations.id),
  /** The resource's 数据提供单位 (who answers) and the catalog owner (who sees it). */
  providerOrgId: uuid('provider_org_id').notNull().references(() => organizations.id),
  ownerOrgId: uuid('owner_org_id').notNull().references(() => organizations.id),
  /** The provider's region, for its supervising authority's view. */
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  /** item | description | sample */
  subject: varchar('subject', { length: 16 }).notNull(),
  itemName: text('item_name'),
  description: text('description').notNull(),
  /** open | clarifying (clock paused) | answered | closed | withdrawn */
  status: varchar('status', { length: 16 }).notNull().default('open'),
  deadlineId: uuid('deadline_id').references(() => deadlines.id),
  answer: text('answer'),
  answeredBy: uuid('answered_by').references(() => users.id),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  /** Answered after the deadline (kept for evaluations, HN-22). */
  late: boolean('late').notNull().default(false),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps(),
}, (t) => [
  index('quality_requests_operator_idx').on(t.operatorOrgId, t.updatedAt),
  index('quality_requests_provider_idx').on(t.providerOrgId, t.updatedAt),
  index('quality_requests_region_idx').on(t.regionCode, t.updatedAt),
]);

/** The exchange on a quality request: questions, requests for clarification, clarifications, answers. */
export const qualityMessages = pgTable('quality_messages', {
  id: id(),
  requestId: uuid('request_id').notNull().references(() => qualityRequests.id),
  kind: varchar('kind', { length: 16 }).notNull(),
  body: text('body').notNull(),
  authorId: uuid('author_id').notNull().references(() => users.id),
  authorOrgId: uuid('author_org_id').notNull().references(() => organizations.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('quality_messages_request_idx').on(t.requestId, t.createdAt)]);

/** HN-17 ¶1: an operator's selection of a secondary developer, reviewed by the agency, then the application agreement. */
export const developerSelections = pgTable('developer_selections', {
  id: id(),
  operatorOrgId: uuid('operator_org_id').notNull().references(() => organizations.id),
  developerOrgId: uuid('developer_org_id').notNull().references(() => organizations.id),
  productId: uuid('product_id').notNull().references(() => dataProducts.id),
  agencyOrgId: uuid('agency_org_id').notNull().references(() => organizations.id),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  /** 准入条件 and the four assessments of HN-17 ¶1. */
  criteria: text('criteria').notNull(),
  capability: text('capability').notNull(),
  need: text('need').notNull(),
  scenarioCompliance: text('scenario_compliance').notNull(),
  securityRisk: text('security_risk').notNull(),
  /** draft | submitted | approved | returned | contracted */
  status: varchar('status', { length: 16 }).notNull().default('draft'),
  reviewReason: text('review_reason'),
  /** The application agreement (应用协议) of HN-17 ¶1, recorded after approval. */
  agreement: jsonb('agreement'),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps(),
}, (t) => [
  index('developer_selections_operator_idx').on(t.operatorOrgId, t.updatedAt),
  index('developer_selections_agency_idx').on(t.agencyOrgId, t.updatedAt),
  index('developer_selections_developer_idx').on(t.developerOrgId),
]);

/** HN-17 ¶2: an operator's periodic disclosure of its use of public data (public once published). */
export const usageDisclosures = pgTable('usage_disclosures', {
  id: id(),
  operatorOrgId: uuid('operator_org_id').notNull().references(() => organizations.id),
  period: varchar('period', { length: 16 }).notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  /** draft | published */
  status: varchar('status', { length: 16 }).notNull().default('draft'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps(),
}, (t) => [index('usage_disclosures_operator_idx').on(t.operatorOrgId, t.status)]);

/** HN-22 ¶3: quarterly reports and the annual summary, per agreement, to the agency and its data authority. */
export const periodicReports = pgTable('periodic_reports', {
  id: id(),
  agreementId: uuid('agreement_id').notNull().references(() => operatingAgreements.id),
  operatorOrgId: uuid('operator_org_id').notNull().references(() => organizations.id),
  agencyOrgId: uuid('agency_org_id').notNull().references(() => organizations.id),
  /** The agency's same-level public data authority. */
  authorityOrgId: uuid('authority_org_id').notNull().references(() => organizations.id),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  /** quarterly | annual */
  kind: varchar('kind', { length: 16 }).notNull(),
  year: smallint('year').notNull(),
  /** 1–4 for quarterly reports, 0 for the annual summary. */
  quarter: smallint('quarter').notNull(),
  dueOn: date('due_on').notNull(),
  /** draft | submitted (locked; a correction is a new version) */
  status: varchar('status', { length: 16 }).notNull().default('draft'),
  content: jsonb('content').notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  submittedBy: uuid('submitted_by').references(() => users.id),
  lastVersionNo: integer('last_version_no').notNull().default(0),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps(),
}, (t) => [
  uniqueIndex('periodic_reports_period_uq').on(t.agreementId, t.kind, t.year, t.quarter),
  index('periodic_reports_operator_idx').on(t.operatorOrgId, t.updatedAt),
  index('periodic_reports_agency_idx').on(t.agencyOrgId, t.updatedAt),
  index('periodic_reports_authority_idx').on(t.authorityOrgId, t.updatedAt),
]);
