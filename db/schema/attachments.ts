import { customType, index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { id } from './_columns';
import { organizations, users } from './admin';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Evidence files (DESIGN §3 attachments): stored in the database with the entity they belong to,
 * their SM3 digest (GM/T 0004) and the uploader. Immutable: a wrong file is superseded by a new
 * one, never edited. Who may read or add one is decided per entity type (server/routers/attachables.ts).
 */
export const attachments = pgTable('attachments', {
  id: id(),
  entityType: varchar('entity_type', { length: 48 }).notNull(),
  entityId: text('entity_id').notNull(),
  orgId: uuid('org_id').notNull().references(() => organizations.id),
  filename: text('filename').notNull(),
  contentType: varchar('content_type', { length: 100 }).notNull(),
  size: integer('size').notNull(),
  sm3: varchar('sm3', { length: 64 }).notNull(),
  data: bytea('data').notNull(),
  uploadedBy: uuid('uploaded_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('attachments_entity_idx').on(t.entityType, t.entityId, t.createdAt)]);
