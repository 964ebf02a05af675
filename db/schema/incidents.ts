import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, timestamps, version } from './_columns';
import { organizations, users } from './admin';
import { operatingAgreements } from './filings';

/**
 * Incident and risk reports (HN-18, ID-12 ¶3, the national 网络安全事件报告管理办法). Rules in
 * server/domain/incidents.ts; the router in server/routers/incidents; labels in messages/<locale>/incidents.json.
 *
 * An incident: reported → handling → handling_ended (closing summary due within 30 days) →
 * summary_submitted → closed | more_requested (back to the reporter, then summary_submitted again).
 * The initial report carries only the basics; everything else comes by follow-up reports.
 */
export const incidents = pgTable('incidents', {
  id: id(),
  reporterOrgId: uuid('reporter_org_id').notNull().references(() => organizations.id),
  reportedBy: uuid('reported_by').notNull().references(() => users.id),
  /** HN: an operator's or implementing agency's public-data incident (HN-18); ID: an identity-service platform (ID-12 ¶3). */
  regime: varchar('regime', { length: 2 }).notNull(),
  /** HN, operator: the agreement under which the system runs; its implementing agency receives the report. */
  agreementId: uuid('agreement_id').references(() => operatingAgreements.id),
  /** HN: the implementing agency (the agreement's, or the reporter itself). */
  agencyOrgId: uuid('agency_org_id').references(() => organizations.id),
  /** The same-level public data authority (HN-18), which reviews the closure; null for ID (the province reviews). */
  authorityOrgId: uuid('authority_org_id').references(() => organizations.id),
  /** The level the recipients are of: the agency's region (HN) or the platform's (ID). */
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  /** 关键信息基础设施运营者 at the time of the report (the 1-hour clock). */
  cii: boolean('cii').notNull().default(false),
  systemName: text('system_name').notNull(),
  title: text('title').notNull(),
  /** relationship_risk | loss | leakage | tampering | destruction | availability | other */
  type: varchar('type', { length: 24 }).notNull(),
  /** general | large | major | critical (the current grade; history in incident_severity_changes) */
  severity: varchar('severity', { length: 16 }).notNull(),
  discoveredAt: timestamp('discovered_at', { withTimezone: true }).notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }),
  /** HN-18 first sentence: 应当立即停止数据处理和运营活动 — when it stopped (null: not yet, to follow). */
  processingStoppedAt: timestamp('processing_stopped_at', { withTimezone: true }),
  measures: text('measures').notNull(),
  peopleAffected: bigint('people_affected', { mode: 'number' }),
  personalInfoPeople: bigint('personal_info_people', { mode: 'number' }),
  directLossYuan: bigint('direct_loss_yuan', { mode: 'number' }),
  crimeSuspected: boolean('crime_suspected').notNull().default(false),
  status: varchar('status', { length: 24 }).notNull().default('reported'),
  handlingEndedAt: timestamp('handling_ended_at', { withTimezone: true }),
  summaryDueAt: timestamp('summary_due_at', { withTimezone: true }),
  /** The closing summary: cause, handling, harm, accountability, remediation, lessons. */
  summary: jsonb('summary'),
  summarySubmittedAt: timestamp('summary_submitted_at', { withTimezone: true }),
  /** Notification of individuals (ID-12 ¶3, PIPL Art 57): decision, when, channels, content items, or the reason not to. */
  notification: jsonb('notification'),
  notificationRecordedAt: timestamp('notification_recorded_at', { withTimezone: true }),
  reviewedBy: uuid('reviewed_by').references(() => users.id),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  reviewNote: text('review_note'),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  /** The rectification order opened from the closure review. */
  orderId: uuid('order_id'),
  version: version(),
  ...timestamps(),
}, (t) => [
  index('incidents_reporter_idx').on(t.reporterOrgId, t.discoveredAt),
  index('incidents_region_idx').on(t.regionCode, t.discoveredAt),
  index('incidents_discovered_idx').on(t.discoveredAt, t.id),
  index('incidents_status_idx').on(t.status),
]);

/** Follow-up reports and the other entries of an incident's record (initial, follow_up, notification, summary, review). */
export const incidentUpdates = pgTable('incident_updates', {
  id: id(),
  incidentId: uuid('incident_id').notNull().references(() => incidents.id),
  kind: varchar('kind', { length: 24 }).notNull(),
  body: text('body').notNull(),
  /** The facts this entry changed (before → after). */
  data: jsonb('data'),
  authorId: uuid('author_id').notNull().references(() => users.id),
  authorOrgId: uuid('author_org_id').notNull().references(() => organizations.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('incident_updates_incident_idx').on(t.incidentId, t.createdAt)]);

/** Every revision of the grade, with its reason. */
export const incidentSeverityChanges = pgTable('incident_severity_changes', {
  id: id(),
  incidentId: uuid('incident_id').notNull().references(() => incidents.id),
  fromSeverity: varchar('from_severity', { length: 16 }).notNull(),
  toSeverity: varchar('to_severity', { length: 16 }).notNull(),
  reason: text('reason').notNull(),
  changedBy: uuid('changed_by').notNull().references(() => users.id),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('incident_severity_changes_incident_idx').on(t.incidentId, t.changedAt)]);

/**
 * The computed recipients of a report (never typed by hand), one per kind. Recomputed when the
 * severity, type or suspicion of crime changes: new ones are added with their own clock from the
 * discovery; none is ever removed. A recipient added after its due time is late reporting (迟报).
 */
export const incidentRecipients = pgTable('incident_recipients', {
  id: id(),
  incidentId: uuid('incident_id').notNull().references(() => incidents.id),
  /** agency | authority | cyberspace_same_level | cyberspace_province | police */
  kind: varchar('kind', { length: 24 }).notNull(),
  orgId: uuid('org_id').notNull().references(() => organizations.id),
  /** The rule that makes it a recipient: HN-18, ID-12.3, 网络安全事件报告管理办法. */
  basis: text('basis').notNull(),
  /** The clock in hours from the discovery, and when it runs out. */
  hours: integer('hours').notNull(),
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  /** When the report reached this recipient (the initial report, or the follow-up that added it). */
  addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  late: boolean('late').notNull().default(false),
  acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
}, (t) => [
  uniqueIndex('incident_recipients_kind_uq').on(t.incidentId, t.kind),
  index('incident_recipients_org_idx').on(t.orgId, t.incidentId),
]);
