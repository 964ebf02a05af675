import { bigserial, index, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log (等保 L3; 网络安全法 Art 21: retained ≥ 6 months).
 * `hash` = SM3(canonical content ‖ prev_hash). A trigger (migration 0001) rejects UPDATE and DELETE.
 */
export const auditLog = pgTable('audit_log', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name'),
  orgId: uuid('org_id'),
  action: varchar('action', { length: 64 }).notNull(),
  entityType: varchar('entity_type', { length: 48 }),
  entityId: text('entity_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  reason: text('reason'),
  ip: varchar('ip', { length: 64 }),
  prevHash: varchar('prev_hash', { length: 64 }).notNull(),
  hash: varchar('hash', { length: 64 }).notNull(),
}, (t) => [
  index('audit_log_at_idx').on(t.at),
  index('audit_log_actor_idx').on(t.actorId, t.seq),
  index('audit_log_entity_idx').on(t.entityType, t.entityId),
]);
