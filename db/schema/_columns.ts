import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Columns every business row carries. `version` is the optimistic lock used by the workflow module. */
export const id = () => uuid('id').primaryKey().defaultRandom();
export const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export const version = () => integer('version').notNull().default(1);
