import { sql } from 'drizzle-orm';
import {
  boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar,
} from 'drizzle-orm/pg-core';
import { id, timestamps, version } from './_columns';

/** GB/T 2260 administrative regions (航空港区 has an internal code, `internal = true`). */
export const regions = pgTable('regions', {
  code: varchar('code', { length: 12 }).primaryKey(),
  name: text('name').notNull(),
  parentCode: varchar('parent_code', { length: 12 }),
  level: varchar('level', { length: 16 }).notNull(), // province | city
  internal: boolean('internal').notNull().default(false),
  sort: integer('sort').notNull().default(0),
});

export const organizations = pgTable('organizations', {
  id: id(),
  name: text('name').notNull(),
  creditCode: varchar('credit_code', { length: 18 }).notNull(),
  type: varchar('type', { length: 32 }).notNull(),
  regionCode: varchar('region_code', { length: 12 }).notNull().references(() => regions.code),
  industry: text('industry'),
  /** 关键信息基础设施运营者 — shortens incident reporting clocks. */
  cii: boolean('cii').notNull().default(false),
  active: boolean('active').notNull().default(true),
  version: version(),
  ...timestamps(),
}, (t) => [
  uniqueIndex('organizations_credit_code_uq').on(t.creditCode),
  index('organizations_region_idx').on(t.regionCode),
]);

export const users = pgTable('users', {
  id: id(),
  username: varchar('username', { length: 64 }).notNull(),
  displayName: text('display_name').notNull(),
  orgId: uuid('org_id').notNull().references(() => organizations.id),
  roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
  passwordHash: text('password_hash').notNull(),
  /** Workflow state: active | pending_password | disabled (see server/domain/machines/user.ts). */
  status: varchar('status', { length: 24 }).notNull().default('active'),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  locale: varchar('locale', { length: 8 }).notNull().default('zh-CN'),
  version: version(),
  ...timestamps(),
}, (t) => [
  uniqueIndex('users_username_uq').on(sql`lower(${t.username})`),
  index('users_org_idx').on(t.orgId),
]);

/** The last N password hashes, for the "not equal to the last 5" rule. */
export const passwordHistory = pgTable('password_history', {
  id: id(),
  userId: uuid('user_id').notNull().references(() => users.id),
  passwordHash: text('password_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('password_history_user_idx').on(t.userId, t.createdAt)]);

/** Server-side sessions: the JWT only carries `sid`; revoking a row ends the session at once. */
export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  revokedReason: varchar('revoked_reason', { length: 32 }),
  ip: varchar('ip', { length: 64 }),
  userAgent: text('user_agent'),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

/** Key/value policy tables edited by the secadmin (security policy; later: deadlines, grade bands, clocks). */
export const policies = pgTable('policies', {
  key: varchar('key', { length: 64 }).primaryKey(),
  value: jsonb('value').notNull(),
  version: version(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Working-day calendar overrides loaded by the secadmin; a row here wins over the chinese-days package. */
export const calendarDays = pgTable('calendar_days', {
  date: varchar('date', { length: 10 }).primaryKey(), // YYYY-MM-DD, Asia/Shanghai
  working: boolean('working').notNull(),
  name: text('name'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
