import { index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { id } from './_columns';

/**
 * Deadlines in one of three clocks (working days, calendar days, clock hours), pausable.
 * `dueAt` is always the current effective due time; pausing stores `pausedAt`, resuming moves `dueAt`.
 */
export const deadlines = pgTable('deadlines', {
  id: id(),
  entityType: varchar('entity_type', { length: 48 }).notNull(),
  entityId: text('entity_id').notNull(),
  kind: varchar('kind', { length: 16 }).notNull(), // working_days | calendar_days | hours
  amount: integer('amount').notNull(),
  basis: text('basis'), // the article, e.g. HN-16
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  pausedAt: timestamp('paused_at', { withTimezone: true }),
  completedAt: timestamp('completed_at', { withTimezone: true }),
}, (t) => [index('deadlines_entity_idx').on(t.entityType, t.entityId)]);

/**
 * "我的待办": open workflow steps. Assigned to a user, or to every holder of a role in an org.
 * Created and closed only by the workflow module.
 */
export const inboxItems = pgTable('inbox_items', {
  id: id(),
  assigneeUserId: uuid('assignee_user_id'),
  assigneeOrgId: uuid('assignee_org_id'),
  assigneeRole: varchar('assignee_role', { length: 32 }),
  entityType: varchar('entity_type', { length: 48 }).notNull(),
  entityId: text('entity_id').notNull(),
  step: varchar('step', { length: 64 }).notNull(),
  title: text('title').notNull(),
  href: text('href'),
  basis: text('basis'),
  deadlineId: uuid('deadline_id').references(() => deadlines.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
}, (t) => [
  index('inbox_user_open_idx').on(t.assigneeUserId, t.closedAt),
  index('inbox_org_role_open_idx').on(t.assigneeOrgId, t.assigneeRole, t.closedAt),
  index('inbox_entity_idx').on(t.entityType, t.entityId),
]);
