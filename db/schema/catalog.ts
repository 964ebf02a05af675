import { sql } from 'drizzle-orm';
import {
  boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid, varchar, type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { id, timestamps, version } from './_columns';
import { organizations, users } from './admin';

/**
 * The public data resource catalog (HN-9) and resource registration (HN-10). Enumerations live in
 * server/domain/catalog.ts; labels in messages/<locale>/catalog.json.
 *
 * A resource row is the working copy (what the owner edits) with its lifecycle status; every
 * submission is frozen as a numbered version in `catalog_resource_versions`, and the version in
 * force is `published_version_no`. So a published resource stays published while a change to it
 * is drafted and reviewed.
 */
export const catalogResources = pgTable('catalog_resources', {
  id: id(),
  code: varchar('code', { length: 64 }).notNull(),
  name: text('name').notNull(),
  /** The implementing agency (or municipal authority) whose catalog holds the resource (HN-9). */
  ownerOrgId: uuid('owner_org_id').notNull().references(() => organizations.id),
  /** Copied from the owner organization, so that region filters need no join. */
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  /** 数据提供单位: the authoritative source of the data (一数一源). */
  providerOrgId: uuid('provider_org_id').notNull().references(() => organizations.id),
  summary: text('summary').notNull().default(''),
  format: varchar('format', { length: 16 }).notNull(),
  updateCycle: varchar('update_cycle', { length: 16 }).notNull(),
  shareType: varchar('share_type', { length: 16 }).notNull(),
  /** The condition (有条件共享) or the basis (不予共享). */
  shareCondition: text('share_condition'),
  openType: varchar('open_type', { length: 16 }).notNull(),
  /** The highest grade of its items (GB/T 43697-2024), computed by the server. */
  grade: varchar('grade', { length: 16 }).notNull(),
  status: varchar('status', { length: 16 }).notNull().default('draft'),
  itemCount: integer('item_count').notNull().default(0),
  /** Last version number handed out, and the version in force (null until first published). */
  lastVersionNo: integer('last_version_no').notNull().default(0),
  publishedVersionNo: integer('published_version_no'),
  rejectReason: text('reject_reason'),
  /** lower(code, name, provider name, item names): the text the search box looks in. */
  searchText: text('search_text').notNull().default(''),
  /** Its one- and two-character grams (GIN-indexed; see migration 0002 for why not pg_trgm). */
  searchGrams: text('search_grams').array().generatedAlwaysAs(sql`catalog_grams(search_text)`),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps(),
  /**
   * Milliseconds, like a JS Date, so that the list can sort and page on the column itself (served by
   * the (updated_at, id) indexes) instead of date_trunc('milliseconds', …), which no index serves.
   */
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('catalog_resources_code_uq').on(t.code),
  // The list's sort orders (updatedAt, name, code, itemCount; then id), each for the whole province,
  // within a region (municipal scope, region filter) and within an owner (an organization's own
  // catalog, "mine", an industry's organizations), so that a page is read in order from an index
  // instead of sorting the scope or walking the province-wide order past other scopes' rows (see
  // `pageIds` in server/routers/catalog/query.ts, and the README's benchmark).
  index('catalog_resources_updated_idx').on(t.updatedAt, t.id),
  index('catalog_resources_name_idx').on(t.name, t.id),
  index('catalog_resources_item_count_idx').on(t.itemCount, t.id),
  index('catalog_resources_region_updated_idx').on(t.regionCode, t.updatedAt, t.id),
  index('catalog_resources_region_name_idx').on(t.regionCode, t.name, t.id),
  index('catalog_resources_region_code_idx').on(t.regionCode, t.code),
  index('catalog_resources_region_item_count_idx').on(t.regionCode, t.itemCount, t.id),
  index('catalog_resources_owner_updated_idx').on(t.ownerOrgId, t.updatedAt, t.id),
  index('catalog_resources_owner_name_idx').on(t.ownerOrgId, t.name, t.id),
  index('catalog_resources_owner_code_idx').on(t.ownerOrgId, t.code),
  index('catalog_resources_owner_item_count_idx').on(t.ownerOrgId, t.itemCount, t.id),
  /** "Does this organization own resources outside its region?" (a municipal scope's second part). */
  index('catalog_resources_owner_region_idx').on(t.ownerOrgId, t.regionCode),
  index('catalog_resources_provider_idx').on(t.providerOrgId, t.updatedAt),
  index('catalog_resources_status_idx').on(t.status, t.updatedAt),
  index('catalog_resources_grams_idx').using('gin', t.searchGrams),
]);

/** 数据项. `sourceItemId` links to the authoritative item when this one repeats another provider's (一数一源). */
export const catalogItems = pgTable('catalog_items', {
  id: id(),
  resourceId: uuid('resource_id').notNull().references(() => catalogResources.id, { onDelete: 'cascade' }),
  seq: integer('seq').notNull(),
  name: text('name').notNull(),
  /** Name without spaces and punctuation, lower case: the key for duplicate detection. */
  normName: text('norm_name').notNull(),
  /** 标准字段编码 (data element code), optional. */
  fieldCode: varchar('field_code', { length: 64 }),
  dataType: varchar('data_type', { length: 16 }).notNull(),
  description: text('description').notNull().default(''),
  sensitive: boolean('sensitive').notNull().default(false),
  grade: varchar('grade', { length: 16 }).notNull(),
  /** The other provider's item this one matched when saved (null: no match). */
  conflictItemId: uuid('conflict_item_id').references((): AnyPgColumn => catalogItems.id, { onDelete: 'set null' }),
  /** How the submitter resolved the match: 'link' (the other item is the source) or 'second' (justified second source). */
  sourceResolution: varchar('source_resolution', { length: 8 }),
  justification: text('justification'),
  /** When the item was first catalogued: among several authoritative items, the earliest is the source. */
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('catalog_items_resource_idx').on(t.resourceId, t.seq),
  // 一数一源 lookups (save.ts findSourceMatches): authoritative items by key, earliest first, so that
  // a common name (姓名, in a tenth of all resources) still costs one short index walk.
  index('catalog_items_field_code_src_idx').on(t.fieldCode, t.createdAt, t.id).where(sql`${t.conflictItemId} is null and ${t.fieldCode} is not null`),
  index('catalog_items_norm_name_src_idx').on(t.normName, t.createdAt, t.id).where(sql`${t.conflictItemId} is null`),
  index('catalog_items_conflict_idx').on(t.conflictItemId),
]);

/** Every submission of a resource, frozen (fields and items), with its review outcome. */
export const catalogVersions = pgTable('catalog_resource_versions', {
  id: id(),
  resourceId: uuid('resource_id').notNull().references(() => catalogResources.id, { onDelete: 'cascade' }),
  versionNo: integer('version_no').notNull(),
  /** pending | published | rejected | superseded */
  status: varchar('status', { length: 16 }).notNull(),
  snapshot: jsonb('snapshot').notNull(),
  /** Set when this version restores an older one. */
  restoredFrom: integer('restored_from'),
  submittedBy: uuid('submitted_by').references(() => users.id),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  reason: text('reason'),
}, (t) => [uniqueIndex('catalog_versions_resource_no_uq').on(t.resourceId, t.versionNo)]);

/**
 * Registration applications (HN-10): 首次 / 变更 / 更正 / 注销. Approval gives a registration number
 * and a public notice period; the registration takes effect when the notice period has ended.
 */
export const registrations = pgTable('catalog_registrations', {
  id: id(),
  resourceId: uuid('resource_id').notNull().references(() => catalogResources.id),
  /** The applying implementing agency (the resource's owner). */
  applicantOrgId: uuid('applicant_org_id').notNull().references(() => organizations.id),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  kind: varchar('kind', { length: 16 }).notNull(), // initial | change | correction | cancel
  /** submitted | approved | rejected | withdrawn ("in notice" / "effective" follow from the dates). */
  status: varchar('status', { length: 16 }).notNull().default('submitted'),
  description: text('description').notNull().default(''),
  /** HN-10 ¶1 asset-management record: owner and book value, or "not an asset" with its basis. */
  assetOwner: text('asset_owner'),
  bookValue: numeric('book_value', { precision: 16, scale: 2 }),
  notAsset: boolean('not_asset').notNull().default(false),
  notAssetBasis: text('not_asset_basis'),
  registrationNo: varchar('registration_no', { length: 32 }),
  noticeStartsOn: date('notice_starts_on'),
  noticeEndsOn: date('notice_ends_on'),
  /** First day the registration is in force (the working day after the notice period). */
  effectiveOn: date('effective_on'),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  decisionReason: text('decision_reason'),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps(),
}, (t) => [
  uniqueIndex('catalog_registrations_no_uq').on(t.registrationNo),
  index('catalog_registrations_resource_idx').on(t.resourceId, t.status),
  index('catalog_registrations_region_idx').on(t.regionCode, t.updatedAt),
  index('catalog_registrations_applicant_idx').on(t.applicantOrgId, t.updatedAt),
]);
