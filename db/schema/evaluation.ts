import {
  boolean, date, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar,
} from 'drizzle-orm/pg-core';
import { id, timestamps, version } from './_columns';
import { organizations, users } from './admin';

/**
 * Annual evaluation (HN-22). Rules and enumerations live in server/domain/evaluation.ts; labels in
 * messages/<locale>/evaluation.json.
 *
 * An indicator system (one per target kind: implementing agencies HN-22 ¶1, operators HN-22 ¶2) is
 * a sequence of versions; a version is a tree of nodes (dimension → indicator → check item, depth
 * ≤ 4). A draft version is edited; publishing freezes it, and a campaign uses a published version
 * only, so editing the system (a new draft) never changes a running campaign. Nodes carry a `code`
 * that is stable across versions (the key of the diff and of scores).
 */
export const indicatorSystems = pgTable('indicator_systems', {
  id: id(),
  /** agency | operator */
  targetKind: varchar('target_kind', { length: 16 }).notNull(),
  name: text('name').notNull(),
  description: text('description'),
  ownerOrgId: uuid('owner_org_id').notNull().references(() => organizations.id),
  /** The latest published version number (0 = never published). */
  publishedVersionNo: integer('published_version_no').notNull().default(0),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps(),
}, (t) => [uniqueIndex('indicator_systems_name_uq').on(t.targetKind, t.name)]);

export const indicatorVersions = pgTable('indicator_versions', {
  id: id(),
  systemId: uuid('system_id').notNull().references(() => indicatorSystems.id),
  versionNo: integer('version_no').notNull(),
  /** draft | published (a published version is never changed again). */
  status: varchar('status', { length: 16 }).notNull().default('draft'),
  /** Grade bands, lower bounds of 优秀 / 良好 / 合格 on the 0–100 total: { excellent: 90, good: 80, pass: 60 }. */
  gradeBands: jsonb('grade_bands').notNull(),
  /** What changed in this version (required on publishing a version after the first). */
  changeNote: text('change_note'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  publishedBy: uuid('published_by').references(() => users.id),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps(),
}, (t) => [uniqueIndex('indicator_versions_uq').on(t.systemId, t.versionNo)]);

/**
 * One node of a version's tree. Siblings' weights sum to 100 (checked on save). A leaf (no
 * children) is scored 0…maxScore against its rubric; a node's score is the weighted sum of its
 * children's scores normalized to 0–100, so the root total is on 0–100.
 */
export const indicatorNodes = pgTable('indicator_nodes', {
  id: id(),
  versionId: uuid('version_id').notNull().references(() => indicatorVersions.id, { onDelete: 'cascade' }),
  /** Stable across versions, e.g. "D1", "D1.I2", "D1.I2.C3". */
  code: varchar('code', { length: 64 }).notNull(),
  parentCode: varchar('parent_code', { length: 64 }),
  /** 1 = dimension … 4. */
  depth: smallint('depth').notNull(),
  seq: integer('seq').notNull(),
  name: text('name').notNull(),
  /** Weight among its siblings, in percent (siblings sum to 100). */
  weight: numeric('weight', { precision: 6, scale: 2, mode: 'number' }).notNull(),
  /** Leaves only: the maximum score of the leaf (default 100). */
  maxScore: numeric('max_score', { precision: 6, scale: 2, mode: 'number' }),
  /** Leaves only: levels [{ label, min, max, guidance }] with ranges inside 0…maxScore. */
  rubric: jsonb('rubric'),
  /** Leaves only: the evidence expected. */
  evidence: text('evidence'),
  /** The article it rests on, e.g. "HN-16" or "ID-8.2". */
  article: varchar('article', { length: 32 }),
  /** 一票否决: an aggregated leaf score below this caps the grade at 不合格 whatever the total. */
  vetoBelow: numeric('veto_below', { precision: 6, scale: 2, mode: 'number' }),
  /** Which console facts pre-fill this leaf's evidence (server/routers/evaluation/facts.ts), e.g. "reports_on_time". */
  factKey: varchar('fact_key', { length: 48 }),
}, (t) => [
  uniqueIndex('indicator_nodes_code_uq').on(t.versionId, t.code),
  index('indicator_nodes_parent_idx').on(t.versionId, t.parentCode),
]);

/**
 * 年度评价 campaign: draft → self_assessment → scoring → review → published. The version is frozen
 * at creation. The owner is the authority that evaluates: the province for implementing agencies
 * (HN-22 ¶1); the province or a city data authority for operators (HN-22 ¶2, 公共数据主管部门).
 */
export const campaigns = pgTable('campaigns', {
  id: id(),
  year: smallint('year').notNull(),
  targetKind: varchar('target_kind', { length: 16 }).notNull(),
  name: text('name').notNull(),
  versionId: uuid('version_id').notNull().references(() => indicatorVersions.id),
  ownerOrgId: uuid('owner_org_id').notNull().references(() => organizations.id),
  regionCode: varchar('region_code', { length: 12 }).notNull(),
  status: varchar('status', { length: 16 }).notNull().default('draft'),
  /** Schedule (dates in Asia/Shanghai, inclusive). */
  selfStartsOn: date('self_starts_on').notNull(),
  selfEndsOn: date('self_ends_on').notNull(),
  scoringEndsOn: date('scoring_ends_on').notNull(),
  reviewEndsOn: date('review_ends_on').notNull(),
  publishOn: date('publish_on').notNull(),
  /** mean | trimmed (trimmed mean drops the highest and lowest score when ≥ trimmedMin evaluators scored). */
  aggregation: varchar('aggregation', { length: 16 }).notNull().default('trimmed'),
  trimmedMin: smallint('trimmed_min').notNull().default(5),
  /** Divergence flag: range of a leaf's scores above this percentage of the leaf's maximum. */
  divergencePct: smallint('divergence_pct').notNull().default(30),
  /** The panel lead, who resolves divergent leaves. */
  leadUserId: uuid('lead_user_id').references(() => users.id),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  confirmedBy: uuid('confirmed_by').references(() => users.id),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  createdBy: uuid('created_by').references(() => users.id),
  version: version(),
  ...timestamps(),
}, (t) => [index('campaigns_owner_idx').on(t.ownerOrgId, t.year)]);

/** A target of a campaign and, once confirmed, its frozen result. */
export const campaignTargets = pgTable('campaign_targets', {
  id: id(),
  campaignId: uuid('campaign_id').notNull().references(() => campaigns.id),
  orgId: uuid('org_id').notNull().references(() => organizations.id),
  /** pending | submitted */
  selfStatus: varchar('self_status', { length: 16 }).notNull().default('pending'),
  selfSubmittedAt: timestamp('self_submitted_at', { withTimezone: true }),
  /** Result (written on confirmation): total 0–100, grade, veto, per-dimension scores. */
  total: numeric('total', { precision: 7, scale: 3, mode: 'number' }),
  grade: varchar('grade', { length: 16 }),
  vetoed: boolean('vetoed'),
  /** { [dimensionCode]: score 0–100 } */
  dimensionScores: jsonb('dimension_scores'),
  rank: integer('rank'),
  version: version(),
  ...timestamps(),
}, (t) => [
  uniqueIndex('campaign_targets_uq').on(t.campaignId, t.orgId),
  index('campaign_targets_org_idx').on(t.orgId),
]);

/** The panel: evaluators of a campaign. */
export const campaignEvaluators = pgTable('campaign_evaluators', {
  id: id(),
  campaignId: uuid('campaign_id').notNull().references(() => campaigns.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('campaign_evaluators_uq').on(t.campaignId, t.userId)]);

/**
 * One evaluator × one target: the conflict-of-interest declaration (required before the target
 * opens; a declared conflict removes the evaluator from it) and the submission of its scores.
 */
export const evaluatorTargets = pgTable('evaluator_targets', {
  id: id(),
  targetId: uuid('target_id').notNull().references(() => campaignTargets.id),
  evaluatorUserId: uuid('evaluator_user_id').notNull().references(() => users.id),
  /** pending | clear | conflict */
  coi: varchar('coi', { length: 16 }).notNull().default('pending'),
  coiNote: text('coi_note'),
  declaredAt: timestamp('declared_at', { withTimezone: true }),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  version: version(),
}, (t) => [
  uniqueIndex('evaluator_targets_uq').on(t.targetId, t.evaluatorUserId),
  index('evaluator_targets_user_idx').on(t.evaluatorUserId),
]);

/** The target's self-assessment of one leaf, with the console's recorded facts pre-filled. */
export const selfAssessments = pgTable('self_assessments', {
  id: id(),
  targetId: uuid('target_id').notNull().references(() => campaignTargets.id),
  nodeCode: varchar('node_code', { length: 64 }).notNull(),
  score: numeric('score', { precision: 6, scale: 2, mode: 'number' }),
  comment: text('comment'),
  /** Facts the console knows for this leaf [{ label, value, href?, at? }], refreshed until submission. */
  facts: jsonb('facts'),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('self_assessments_uq').on(t.targetId, t.nodeCode)]);

/** One evaluator's score of one leaf of one target. Never readable by another evaluator before its own submission. */
export const evaluationScores = pgTable('evaluation_scores', {
  id: id(),
  targetId: uuid('target_id').notNull().references(() => campaignTargets.id),
  evaluatorUserId: uuid('evaluator_user_id').notNull().references(() => users.id),
  nodeCode: varchar('node_code', { length: 64 }).notNull(),
  score: numeric('score', { precision: 6, scale: 2, mode: 'number' }).notNull(),
  comment: text('comment'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('evaluation_scores_uq').on(t.targetId, t.evaluatorUserId, t.nodeCode),
  index('evaluation_scores_leaf_idx').on(t.targetId, t.nodeCode),
]);

/** The panel lead's resolution of a divergent leaf: the score that counts, and why. */
export const leafResolutions = pgTable('leaf_resolutions', {
  id: id(),
  targetId: uuid('target_id').notNull().references(() => campaignTargets.id),
  nodeCode: varchar('node_code', { length: 64 }).notNull(),
  score: numeric('score', { precision: 6, scale: 2, mode: 'number' }).notNull(),
  reason: text('reason').notNull(),
  resolvedBy: uuid('resolved_by').notNull().references(() => users.id),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('leaf_resolutions_uq').on(t.targetId, t.nodeCode)]);

/** A finding of an evaluation (评价指出的问题, HN-22 ¶2), which becomes a rectification order in one step. */
export const evaluationFindings = pgTable('evaluation_findings', {
  id: id(),
  targetId: uuid('target_id').notNull().references(() => campaignTargets.id),
  nodeCode: varchar('node_code', { length: 64 }),
  body: text('body').notNull(),
  /** A major security risk found (HN-22 ¶2): its order suspends operation at once. */
  majorRisk: boolean('major_risk').notNull().default(false),
  orderId: uuid('order_id'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('evaluation_findings_target_idx').on(t.targetId)]);
