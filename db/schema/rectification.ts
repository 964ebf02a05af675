import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, timestamps, version } from './_columns';
import { organizations, users } from './admin';

/**
 * Rectification (HN-20, HN-22 ¶2, HN-24, ID-14). Rules in server/domain/rectification.ts; labels in
 * messages/<locale>/rectification.json.
 *
 * An order: plan_pending → plan_submitted → (returned: plan_pending | accepted: in_progress) →
 * verifying → (returned: in_progress | accepted: closed); cancelled by the issuer. Its due time
 * moves only by a granted extension. Passing the due time unfinished, or a major security risk,
 * escalates (HN-22 ¶2): the operator's authorized operation is suspended and a 约谈 is opened.
 */
export const rectificationOrders = pgTable('rectification_orders', {
  id: id(),
  /** 整改通知 number, e.g. 豫数整〔2026〕3号, unique per year. */
  no: varchar('no', { length: 48 }).notNull(),
  /** evaluation | inspection | incident | notice | identity */
  source: varchar('source', { length: 16 }).notNull(),
  /** The finding / incident / inspection it comes from (its id), if any. */
  sourceRef: text('source_ref'),
  issuerOrgId: uuid('issuer_org_id').notNull().references(() => organizations.id),
  issuedBy: uuid('issued_by').notNull().references(() => users.id),
  targetOrgId: uuid('target_org_id').notNull().references(() => organizations.id),
  /** The target's region (for the issuer's lists by region). */
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  title: text('title').notNull(),
  /** The findings to rectify [{ text }]. */
  findings: jsonb('findings').notNull(),
  /** The article the order enforces, e.g. "HN-22 ¶2", "HN-20", "ID-14". */
  article: varchar('article', { length: 32 }).notNull(),
  /** Raised for a major security risk (HN-22 ¶2): suspends operation at once. */
  majorRisk: boolean('major_risk').notNull().default(false),
  status: varchar('status', { length: 16 }).notNull().default('plan_pending'),
  /** How the deadline was given: calendar_days | working_days, and how many. */
  deadlineKind: varchar('deadline_kind', { length: 16 }).notNull(),
  deadlineAmount: integer('deadline_amount').notNull(),
  issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  /** The effective due time (end of the day in Asia/Shanghai); moves only by a granted extension. */
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  /** Set by the overdue check the first time the order is found past due and unfinished. */
  overdueAt: timestamp('overdue_at', { withTimezone: true }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  version: version(),
  ...timestamps(),
}, (t) => [
  index('rectification_orders_target_idx').on(t.targetOrgId, t.status),
  index('rectification_orders_issuer_idx').on(t.issuerOrgId, t.status),
  index('rectification_orders_due_idx').on(t.status, t.dueAt),
]);

/**
 * The exchange on an order, in order: plan, plan_accepted, plan_returned, progress,
 * verify_request, verify_accepted, verify_returned, extension_request, extension_granted,
 * extension_refused, cancelled. Evidence files are attachments of type `rectification_entry`.
 */
export const rectificationEntries = pgTable('rectification_entries', {
  id: id(),
  orderId: uuid('order_id').notNull().references(() => rectificationOrders.id),
  kind: varchar('kind', { length: 24 }).notNull(),
  body: text('body').notNull(),
  /** Structured content: a plan's measures and dates, an extension's requested due date, a progress percentage. */
  data: jsonb('data'),
  authorId: uuid('author_id').notNull().references(() => users.id),
  authorOrgId: uuid('author_org_id').notNull().references(() => organizations.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('rectification_entries_order_idx').on(t.orderId, t.createdAt)]);

/** An extension request: pending → granted (the order's due time moves) | refused. */
export const rectificationExtensions = pgTable('rectification_extensions', {
  id: id(),
  orderId: uuid('order_id').notNull().references(() => rectificationOrders.id),
  requestedDueOn: date('requested_due_on').notNull(),
  reason: text('reason').notNull(),
  status: varchar('status', { length: 16 }).notNull().default('pending'),
  decisionReason: text('decision_reason'),
  requestedBy: uuid('requested_by').notNull().references(() => users.id),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  version: version(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('rectification_extensions_order_idx').on(t.orderId)]);

/**
 * 暂停公共数据资源授权运营 (HN-22 ¶2): active while `resumedAt` is null. While an operator has an
 * active suspension it cannot apply for scenarios (HN-15) or register products.
 */
export const operationSuspensions = pgTable('operation_suspensions', {
  id: id(),
  orgId: uuid('org_id').notNull().references(() => organizations.id),
  orderId: uuid('order_id').references(() => rectificationOrders.id),
  /** overdue | major_risk | decision */
  cause: varchar('cause', { length: 16 }).notNull(),
  basis: varchar('basis', { length: 32 }).notNull(),
  reason: text('reason').notNull(),
  issuerOrgId: uuid('issuer_org_id').notNull().references(() => organizations.id),
  /** The user who decided (null when the scheduled overdue check suspended it). */
  issuedBy: uuid('issued_by').references(() => users.id),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  resumedAt: timestamp('resumed_at', { withTimezone: true }),
  resumedBy: uuid('resumed_by').references(() => users.id),
  resumeReason: text('resume_reason'),
  version: version(),
  ...timestamps(),
}, (t) => [index('operation_suspensions_org_idx').on(t.orgId, t.resumedAt)]);

/** 约谈 of the principal (HN-22 ¶2 必要时约谈主要负责人): scheduled → held (with minutes) | cancelled. */
export const interviews = pgTable('interviews', {
  id: id(),
  orgId: uuid('org_id').notNull().references(() => organizations.id),
  orderId: uuid('order_id').references(() => rectificationOrders.id),
  suspensionId: uuid('suspension_id').references(() => operationSuspensions.id),
  issuerOrgId: uuid('issuer_org_id').notNull().references(() => organizations.id),
  status: varchar('status', { length: 16 }).notNull().default('scheduled'),
  scheduledOn: date('scheduled_on'),
  heldOn: date('held_on'),
  attendees: text('attendees'),
  minutes: text('minutes'),
  version: version(),
  ...timestamps(),
}, (t) => [index('interviews_org_idx').on(t.orgId)]);

/** 通报批评 (HN-24): reported to and approved by the same-level government, then published. */
export const criticisms = pgTable('criticisms', {
  id: id(),
  orgId: uuid('org_id').notNull().references(() => organizations.id),
  issuerOrgId: uuid('issuer_org_id').notNull().references(() => organizations.id),
  orderId: uuid('order_id').references(() => rectificationOrders.id),
  violation: text('violation').notNull(),
  /** 本级政府同意 reference (文号) and date. */
  approvalRef: text('approval_ref').notNull(),
  approvedOn: date('approved_on').notNull(),
  publishedOn: date('published_on').notNull(),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  version: version(),
  ...timestamps(),
}, (t) => [index('criticisms_org_idx').on(t.orgId)]);
