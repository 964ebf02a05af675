import { and, asc, count, desc, eq, inArray, max, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { campaigns, indicatorNodes, indicatorSystems, indicatorVersions, users } from '@/db/schema';
import { appendAudit, type AuditActor } from '@/server/domain/audit';
import { isKnownCitation } from '@/server/domain/citations';
import { conflict, DomainError, isUniqueViolation, notFound, precondition } from '@/server/domain/errors';
import {
  bandProblems, childrenOf, DEFAULT_GRADE_BANDS, DEFAULT_MAX_SCORE, depthsOf, diffTrees, FACT_KEYS, isFactKey, preorder, round2, TARGET_KIND_ARTICLE, treeProblems,
  type GradeBands, type IndicatorNode, type RubricLevel, type TargetKind, type TreeProblem,
} from '@/server/domain/evaluation';
import { keyset, likePattern, pageOf, timeCursor, timeSortKey, type Cursor } from '@/server/domain/paging';
import { can, type PolicySubject } from '@/server/domain/policy';
import { timelineOf } from '@/server/domain/timeline';
import { transition, type WorkflowActor } from '@/server/domain/workflow';
import { SYSTEM_ENTITY, VERSION_ENTITY, versionMachine } from './indicator-machine';
import type { CreateSystemInput, IndicatorFilter, NodeInput } from './indicator-schema';

/**
 * 评价指标体系 (HN-22): the province builds one system per kind of target — implementing agencies
 * (HN-22 ¶1) and operators (HN-22 ¶2) — as versioned trees. A draft is edited as a whole; a published
 * version is frozen for good (campaigns score against it); editing again makes a new draft, copied
 * from the latest published version. Systems are province-wide: `indicator.read` sees every system,
 * but only `indicator.write` (the province) sees drafts.
 */
type VersionRow = typeof indicatorVersions.$inferSelect;
type SystemRow = typeof indicatorSystems.$inferSelect;
type NodeRow = typeof indicatorNodes.$inferSelect;
export type TreeNode = Omit<NodeRow, 'rubric'> & { rubric: RubricLevel[] | null };

const mayWrite = (user: PolicySubject) => can(user, 'indicator.write');
const userName = (col: PgColumn) => sql<string | null>`(select ${users.displayName} from ${users} where ${users.id} = ${col})`;

// ---- reading

/**
 * A version's tree for the other parts of the evaluation (campaigns, scoring, results): the version,
 * its system and its nodes ordered by depth, then order among siblings. Not scoped: call it after
 * the caller's own check on what refers to the version. NOT_FOUND when there is no such version.
 */
export async function loadTree(db: DbOrTx, versionId: string): Promise<{ version: VersionRow & { gradeBands: GradeBands }; system: SystemRow; nodes: TreeNode[] }> {
  const [r] = await db.select({ version: indicatorVersions, system: indicatorSystems }).from(indicatorVersions)
    .innerJoin(indicatorSystems, eq(indicatorSystems.id, indicatorVersions.systemId))
    .where(eq(indicatorVersions.id, versionId));
  if (!r) throw notFound('指标体系版本');
  const nodes = await db.select().from(indicatorNodes).where(eq(indicatorNodes.versionId, versionId))
    .orderBy(asc(indicatorNodes.depth), asc(indicatorNodes.seq), asc(indicatorNodes.code));
  return { version: { ...r.version, gradeBands: r.version.gradeBands as GradeBands }, system: r.system, nodes: nodes as TreeNode[] };
}

const draftV = alias(indicatorVersions, 'draft_v');
const pubV = alias(indicatorVersions, 'pub_v');

const SORT = { name: indicatorSystems.name, updatedAt: timeSortKey(indicatorSystems.updatedAt) } satisfies Record<IndicatorFilter['sort'], PgColumn>;

function listConditions(user: PolicySubject, f: IndicatorFilter): (SQL | undefined)[] {
  const conds: (SQL | undefined)[] = [];
  if (f.q) {
    const p = likePattern(f.q.toLowerCase());
    conds.push(sql`(lower(${indicatorSystems.name}) like ${p} or lower(coalesce(${indicatorSystems.description}, '')) like ${p})`);
  }
  if (f.targetKind) conds.push(eq(indicatorSystems.targetKind, f.targetKind));
  // a system never published is the province's work in progress
  if (!mayWrite(user)) conds.push(sql`${indicatorSystems.publishedVersionNo} > 0`);
  return conds;
}

/** One keyset page of the systems (the list and its export). */
export async function selectSystems(db: DbOrTx, user: PolicySubject, f: IndicatorFilter, page: { cursor?: Cursor | null; limit: number }) {
  const writer = mayWrite(user);
  const { where, order } = keyset(SORT[f.sort], indicatorSystems.id, { cursor: page.cursor, dir: f.dir });
  const rows = await db
    .select({
      id: indicatorSystems.id,
      name: indicatorSystems.name,
      description: indicatorSystems.description,
      targetKind: indicatorSystems.targetKind,
      publishedVersionNo: indicatorSystems.publishedVersionNo,
      updatedAt: indicatorSystems.updatedAt,
      publishedVersionId: pubV.id,
      publishedAt: pubV.publishedAt,
      draftVersionId: draftV.id,
      draftVersionNo: draftV.versionNo,
      draftUpdatedAt: draftV.updatedAt,
    })
    .from(indicatorSystems)
    .leftJoin(pubV, and(eq(pubV.systemId, indicatorSystems.id), eq(pubV.versionNo, indicatorSystems.publishedVersionNo)))
    .leftJoin(draftV, and(eq(draftV.systemId, indicatorSystems.id), eq(draftV.status, 'draft'), writer ? undefined : sql`false`))
    .where(and(where, ...listConditions(user, f)))
    .orderBy(...order)
    .limit(page.limit + 1);
  // leaves of the current published version (of the draft while nothing is published)
  const shown = (r: (typeof rows)[number]) => r.publishedVersionId ?? r.draftVersionId;
  const counts = await nodeCounts(db, rows.map(shown).filter((v): v is string => !!v));
  const items = rows.map((r) => ({ ...r, targetKind: r.targetKind as TargetKind, leafCount: counts.get(shown(r) ?? '')?.leaves ?? 0 }));
  return pageOf(items, page.limit, (r) => (f.sort === 'name' ? r.name : timeCursor(r.updatedAt)));
}

// The outer row's columns are qualified by hand: drizzle writes a column of a one-table query
// unqualified, and inside the subquery that would name the inner row's column (every node a leaf).
async function nodeCounts(db: DbOrTx, versionIds: string[]) {
  if (!versionIds.length) return new Map<string, { nodes: number; leaves: number }>();
  const rows = await db
    .select({
      versionId: indicatorNodes.versionId,
      nodes: count(),
      leaves: sql<number>`count(*) filter (where not exists (select 1 from ${indicatorNodes} c where c.version_id = ${indicatorNodes}.version_id and c.parent_code = ${indicatorNodes}.code))`.mapWith(Number),
    })
    .from(indicatorNodes)
    .where(inArray(indicatorNodes.versionId, versionIds))
    .groupBy(indicatorNodes.versionId);
  return new Map(rows.map((r) => [r.versionId, { nodes: r.nodes, leaves: r.leaves }]));
}

/** A system with its versions (drafts for the province only), newest first, and its timeline. */
export async function getSystem(db: DbOrTx, user: PolicySubject, id: string) {
  const writer = mayWrite(user);
  const [system] = await db.select().from(indicatorSystems).where(eq(indicatorSystems.id, id));
  if (!system || (!writer && system.publishedVersionNo === 0)) throw notFound('指标体系');
  const versions = await db
    .select({
      id: indicatorVersions.id,
      versionNo: indicatorVersions.versionNo,
      status: indicatorVersions.status,
      changeNote: indicatorVersions.changeNote,
      gradeBands: indicatorVersions.gradeBands,
      publishedAt: indicatorVersions.publishedAt,
      publishedByName: userName(indicatorVersions.publishedBy),
      createdAt: indicatorVersions.createdAt,
      createdByName: userName(indicatorVersions.createdBy),
      updatedAt: indicatorVersions.updatedAt,
      version: indicatorVersions.version,
    })
    .from(indicatorVersions)
    .where(and(eq(indicatorVersions.systemId, id), writer ? undefined : eq(indicatorVersions.status, 'published')))
    .orderBy(desc(indicatorVersions.versionNo));
  const counts = await nodeCounts(db, versions.map((v) => v.id));
  const timeline = await timelineOf(db, [{ type: SYSTEM_ENTITY, id }, ...versions.map((v) => ({ type: VERSION_ENTITY, id: v.id }))]);
  const draft = versions.find((v) => v.status === 'draft') ?? null;
  return {
    ...system,
    targetKind: system.targetKind as TargetKind,
    article: TARGET_KIND_ARTICLE[system.targetKind as TargetKind],
    versions: versions.map((v) => ({
      ...v,
      status: v.status as 'draft' | 'published',
      gradeBands: v.gradeBands as GradeBands,
      nodeCount: counts.get(v.id)?.nodes ?? 0,
      leafCount: counts.get(v.id)?.leaves ?? 0,
    })),
    draftId: draft?.id ?? null,
    canWrite: writer,
    canCreateDraft: writer && !draft,
    timeline: writer ? timeline : { events: [], files: timeline.files },
  };
}

/** A version's tree for the page (a draft only for the province): NOT_FOUND otherwise. */
export async function getVersion(db: DbOrTx, user: PolicySubject, id: string) {
  const { version, system, nodes } = await loadTree(db, id);
  const writer = mayWrite(user);
  if (version.status !== 'published' && !writer) throw notFound('指标体系版本');
  return {
    version: { ...version, status: version.status as 'draft' | 'published' },
    system: { ...system, targetKind: system.targetKind as TargetKind, article: TARGET_KIND_ARTICLE[system.targetKind as TargetKind] },
    nodes: preorder(nodes),
    canEdit: writer && version.status === 'draft',
  };
}

/** Published versions of one kind of target, for the campaign form: newest first within each system. */
export async function publishedVersions(db: DbOrTx, targetKind: TargetKind) {
  const rows = await db
    .select({
      id: indicatorVersions.id,
      systemId: indicatorSystems.id,
      systemName: indicatorSystems.name,
      versionNo: indicatorVersions.versionNo,
      publishedAt: indicatorVersions.publishedAt,
      latest: sql<boolean>`${indicatorVersions.versionNo} = ${indicatorSystems.publishedVersionNo}`,
    })
    .from(indicatorVersions)
    .innerJoin(indicatorSystems, eq(indicatorSystems.id, indicatorVersions.systemId))
    .where(and(eq(indicatorSystems.targetKind, targetKind), eq(indicatorVersions.status, 'published')))
    .orderBy(asc(indicatorSystems.name), desc(indicatorVersions.versionNo))
    .limit(500);
  const counts = await nodeCounts(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, leafCount: counts.get(r.id)?.leaves ?? 0 }));
}

/** Field-level differences between two versions of one system (by node code). */
export async function diffVersions(db: DbOrTx, user: PolicySubject, input: { fromId: string; toId: string }) {
  const [a, b] = await Promise.all([getVersion(db, user, input.fromId), getVersion(db, user, input.toId)]);
  if (a.system.id !== b.system.id) throw new DomainError('invalid', '只能比较同一指标体系的两个版本', { field: 'toId', fieldErrors: { toId: ['只能比较同一指标体系的两个版本'] } });
  const diff = diffTrees(
    { nodes: a.nodes as IndicatorNode[], gradeBands: a.version.gradeBands },
    { nodes: b.nodes as IndicatorNode[], gradeBands: b.version.gradeBands },
  );
  const side = (v: typeof a) => ({ id: v.version.id, versionNo: v.version.versionNo, status: v.version.status });
  return { from: side(a), to: side(b), ...diff };
}

// ---- validation of a whole tree, with errors keyed by node code for the editor

const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The normalized tree (leaf-only fields cleared on inner nodes, depth and order set) and its problems. */
export function checkTree(input: readonly NodeInput[], bands: GradeBands): { nodes: (IndicatorNode & { depth: number; seq: number })[]; problems: TreeProblem[] } {
  const problems: TreeProblem[] = [];
  const bad = (code: string, field: string, message: string) => problems.push({ code, field, message });
  const parents = new Set(input.map((n) => n.parentCode).filter((p): p is string => p !== null));
  const nodes: IndicatorNode[] = input.map((n) => {
    const leaf = !parents.has(n.code);
    const name = n.name.trim();
    const evidence = n.evidence?.trim() || null;
    const article = n.article?.trim() || null;
    const factKey = n.factKey?.trim() || null;
    if (!CODE_RE.test(n.code)) bad(n.code, 'code', '编码只能由字母、数字和 . _ - 组成,并以字母或数字开头');
    if (name.length > 100) bad(n.code, 'name', '名称至多 100 字');
    if (article && !isKnownCitation(article)) bad(n.code, 'article', `“${article}”不是有效的条款引用(如 HN-16、HN-22 ¶2、HN-8(3)、ID-8.2)`);
    if (leaf) {
      if (evidence && evidence.length > 1000) bad(n.code, 'evidence', '证明材料说明至多 1000 字');
      if (factKey && !isFactKey(factKey)) bad(n.code, 'factKey', `未知的预填事实“${factKey}”(可选:${FACT_KEYS.join('、')})`);
      for (const l of n.rubric ?? []) {
        if (l.label.trim().length > 20) bad(n.code, 'rubric', `档次名称“${l.label.trim().slice(0, 20)}…”至多 20 字`);
        if (l.guidance.trim().length > 500) bad(n.code, 'rubric', `档次“${l.label.trim()}”的评分说明至多 500 字`);
      }
    } else {
      // a veto line or a fact on an inner node would silently do nothing: say so
      if (n.vetoBelow != null) bad(n.code, 'vetoBelow', '一票否决只能设在末级检查项上');
      if (factKey) bad(n.code, 'factKey', '预填事实只能设在末级检查项上');
    }
    return {
      code: n.code,
      parentCode: n.parentCode || null,
      name,
      weight: round2(n.weight),
      maxScore: leaf ? round2(n.maxScore ?? DEFAULT_MAX_SCORE) : null,
      rubric: leaf ? (n.rubric ?? []).map((l) => ({ label: l.label.trim(), min: round2(l.min), max: round2(l.max), guidance: l.guidance.trim() })) : null,
      evidence: leaf ? evidence : null,
      article,
      vetoBelow: leaf && n.vetoBelow != null ? round2(n.vetoBelow) : null,
      factKey: leaf ? factKey : null,
    };
  });
  problems.push(...treeProblems(nodes), ...bandProblems(bands));
  const depths = depthsOf(nodes);
  const seqs = new Map<string, number>();
  for (const list of childrenOf(nodes).values()) list.forEach((n, i) => seqs.set(n.code, i + 1));
  return { nodes: nodes.map((n) => ({ ...n, depth: depths.get(n.code) ?? 0, seq: seqs.get(n.code) ?? 0 })), problems };
}

/** A problem's form field: `nodes.<code>.<field>`, `nodes` for the whole tree, `gradeBands`. */
export const problemKey = (p: TreeProblem) => (p.code ? `nodes.${p.code}.${p.field}` : p.field);

export function fieldErrorsOf(problems: readonly TreeProblem[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of problems) {
    const list = (out[problemKey(p)] ??= []);
    if (!list.includes(p.message)) list.push(p.message);
  }
  return out;
}

function invalidTree(problems: readonly TreeProblem[]): DomainError {
  const fieldErrors = fieldErrorsOf(problems);
  return new DomainError('invalid', `指标体系有 ${Object.keys(fieldErrors).length} 处需要修改,请按标注修改后再保存`, { fieldErrors });
}

// ---- writing

async function lockVersion(tx: DbOrTx, id: string): Promise<VersionRow> {
  const [row] = await tx.select().from(indicatorVersions).where(eq(indicatorVersions.id, id)).for('update');
  if (!row) throw notFound('指标体系版本');
  return row;
}

/** A published version is frozen: campaigns score against it. */
function assertDraft(row: VersionRow) {
  if (row.status !== 'draft') throw precondition(`v${row.versionNo} 已发布,已发布的版本不能修改;如需调整请新建草稿版本`, 'HN-22 ¶1');
}

async function writeNodes(tx: DbOrTx, versionId: string, nodes: ReturnType<typeof checkTree>['nodes']) {
  await tx.delete(indicatorNodes).where(eq(indicatorNodes.versionId, versionId));
  if (!nodes.length) return;
  await tx.insert(indicatorNodes).values(nodes.map((n) => ({
    versionId,
    code: n.code,
    parentCode: n.parentCode,
    depth: n.depth,
    seq: n.seq,
    name: n.name,
    weight: n.weight,
    maxScore: n.maxScore ?? null,
    rubric: n.rubric ?? null,
    evidence: n.evidence ?? null,
    article: n.article ?? null,
    vetoBelow: n.vetoBelow ?? null,
    factKey: n.factKey ?? null,
  })));
}

/** Create a system with an empty draft v1 (default grade bands 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60). */
export async function createSystem(db: DbOrTx, actor: WorkflowActor, input: CreateSystemInput) {
  return db.transaction(async (tx) => {
    const [system] = await tx.insert(indicatorSystems).values({
      targetKind: input.targetKind, name: input.name, description: input.description || null, ownerOrgId: actor.orgId!, createdBy: actor.id,
    }).returning().catch((err: unknown) => {
      if (isUniqueViolation(err, 'indicator_systems_name_uq')) {
        throw new DomainError('conflict', '同类评价对象已有同名的指标体系', { field: 'name', fieldErrors: { name: ['同类评价对象已有同名的指标体系'] } });
      }
      throw err;
    });
    const [draft] = await tx.insert(indicatorVersions).values({ systemId: system.id, versionNo: 1, gradeBands: DEFAULT_GRADE_BANDS, createdBy: actor.id }).returning();
    await appendAudit(tx, actor, {
      action: 'indicator_system.create', entityType: SYSTEM_ENTITY, entityId: system.id,
      after: { name: system.name, targetKind: system.targetKind, draft: 'v1' },
    });
    return { id: system.id, draftId: draft.id };
  });
}

/** A new draft, copied from the latest published version; one draft per system at a time. */
export async function createDraft(db: DbOrTx, actor: WorkflowActor, systemId: string) {
  return db.transaction(async (tx) => {
    // the system row serializes drafts: two clicks at once make one draft
    const [system] = await tx.select().from(indicatorSystems).where(eq(indicatorSystems.id, systemId)).for('update');
    if (!system) throw notFound('指标体系');
    const [open] = await tx.select({ versionNo: indicatorVersions.versionNo }).from(indicatorVersions)
      .where(and(eq(indicatorVersions.systemId, systemId), eq(indicatorVersions.status, 'draft')));
    if (open) throw precondition(`该指标体系已有草稿版本 v${open.versionNo},请在草稿上修改,或先舍弃草稿`);
    const [{ last }] = await tx.select({ last: max(indicatorVersions.versionNo) }).from(indicatorVersions).where(eq(indicatorVersions.systemId, systemId));
    const [base] = system.publishedVersionNo
      ? await tx.select().from(indicatorVersions).where(and(eq(indicatorVersions.systemId, systemId), eq(indicatorVersions.versionNo, system.publishedVersionNo)))
      : [];
    const versionNo = (last ?? 0) + 1;
    const [draft] = await tx.insert(indicatorVersions).values({
      systemId, versionNo, gradeBands: base?.gradeBands ?? DEFAULT_GRADE_BANDS, createdBy: actor.id,
    }).returning();
    if (base) {
      const nodes = await tx.select().from(indicatorNodes).where(eq(indicatorNodes.versionId, base.id));
      if (nodes.length) await tx.insert(indicatorNodes).values(nodes.map(({ id: _id, versionId: _v, ...n }) => ({ ...n, versionId: draft.id })));
    }
    await appendAudit(tx, actor, {
      action: 'indicator_version.create', entityType: VERSION_ENTITY, entityId: draft.id,
      after: { system: system.name, versionNo, from: base ? `v${base.versionNo}` : null },
    });
    return draft;
  });
}

/** Replace a draft's tree and grade bands after checking them; nothing is written when anything is wrong. */
export async function saveDraft(
  db: DbOrTx, actor: AuditActor,
  input: { id: string; version: number; gradeBands: GradeBands; nodes: readonly NodeInput[] },
  action = 'indicator_version.update',
) {
  return db.transaction(async (tx) => {
    const row = await lockVersion(tx, input.id);
    assertDraft(row);
    if (row.version !== input.version) throw conflict('草稿已被他人修改,请刷新后重试');
    const { nodes, problems } = checkTree(input.nodes, input.gradeBands);
    if (problems.length) throw invalidTree(problems);
    const before = await tx.select().from(indicatorNodes).where(eq(indicatorNodes.versionId, row.id));
    await writeNodes(tx, row.id, nodes);
    const [saved] = await tx.update(indicatorVersions)
      .set({ gradeBands: input.gradeBands, version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(indicatorVersions.id, row.id), eq(indicatorVersions.version, input.version)))
      .returning();
    if (!saved) throw conflict('草稿已被他人修改,请刷新后重试');
    const d = diffTrees({ nodes: before as TreeNode[], gradeBands: row.gradeBands as GradeBands }, { nodes, gradeBands: input.gradeBands });
    const codes = (c: 'added' | 'removed' | 'changed') => d.nodes.filter((n) => n.change === c).map((n) => n.code);
    await appendAudit(tx, actor, {
      action, entityType: VERSION_ENTITY, entityId: row.id,
      after: { versionNo: row.versionNo, nodes: nodes.length, added: codes('added'), removed: codes('removed'), changed: codes('changed'), gradeBands: d.bands.length ? input.gradeBands : undefined },
    });
    await tx.update(indicatorSystems).set({ updatedAt: new Date() }).where(eq(indicatorSystems.id, row.systemId));
    return saved;
  });
}

/**
 * Publish a draft: it is frozen from now on, and becomes the system's current version. A version
 * after the first says what changed (its change note).
 */
export async function publishDraft(db: DbOrTx, actor: WorkflowActor, input: { id: string; version: number; changeNote?: string | null }, now: Date) {
  return db.transaction(async (tx) => {
    const row = await lockVersion(tx, input.id);
    assertDraft(row);
    if (row.version !== input.version) throw conflict('草稿已被他人修改,请刷新后重试');
    const changeNote = input.changeNote?.trim() || null;
    if (row.versionNo > 1 && !changeNote) {
      throw new DomainError('invalid', '请填写本版本的修订说明', { field: 'changeNote', fieldErrors: { changeNote: ['请填写本版本修订了什么(v1 之后的版本必填)'] } });
    }
    const nodes = await tx.select().from(indicatorNodes).where(eq(indicatorNodes.versionId, row.id));
    const problems = [...treeProblems(nodes as TreeNode[]), ...bandProblems(row.gradeBands as GradeBands)];
    if (problems.length) throw precondition(`草稿还不能发布:${problems[0].message}`, 'HN-22 ¶1');
    return transition(tx, versionMachine, actor, {
      id: row.id, version: input.version, action: 'publish', reason: changeNote, input: { now, by: actor.id, changeNote },
    });
  });
}

/** Throw a draft away (its nodes go with it); a published version never is. */
export async function discardDraft(db: DbOrTx, actor: AuditActor, input: { id: string; version: number }) {
  return db.transaction(async (tx) => {
    const row = await lockVersion(tx, input.id);
    if (row.status !== 'draft') throw precondition(`v${row.versionNo} 已发布,已发布的版本不能舍弃`, 'HN-22 ¶1');
    if (row.version !== input.version) throw conflict('草稿已被他人修改,请刷新后重试');
    const [used] = await tx.select({ n: count() }).from(campaigns).where(eq(campaigns.versionId, row.id));
    if (used.n > 0) throw precondition('已有评价活动引用该版本,不能舍弃', 'HN-22');
    await tx.delete(indicatorNodes).where(eq(indicatorNodes.versionId, row.id));
    await tx.delete(indicatorVersions).where(eq(indicatorVersions.id, row.id));
    await appendAudit(tx, actor, { action: 'indicator_version.discard', entityType: SYSTEM_ENTITY, entityId: row.systemId, before: { versionNo: row.versionNo, status: 'draft' } });
    return { id: row.id, systemId: row.systemId };
  });
}
