import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type DbOrTx } from '@/db/client';
import {
  campaigns, campaignTargets, evaluationFindings, evaluationScores, evaluatorTargets, indicatorVersions, leafResolutions, organizations, rectificationOrders, regions, users,
} from '@/db/schema';
import { appendAudit } from '@/server/domain/audit';
import { conflict, invalidField, notFound, precondition } from '@/server/domain/errors';
import { GRADES, TARGET_KIND_ARTICLE, type CampaignStatus, type Grade, type GradeBands, type TargetKind } from '@/server/domain/evaluation';
import { transition, type WorkflowActor } from '@/server/domain/workflow';
import { campaignAccess, findTargetAccess, ownedCampaign, type CampaignRow, type CampaignSubject } from './campaign-access';
import { campaignMachine } from './campaign-machine';
import { maxOf, versionTree, type CampaignNode } from './campaign-tree';
import { divergentScores, leafRollup, rollupCampaign, type TargetRollup } from './rollup';

/**
 * Results of a campaign (HN-22): live aggregates while the panel works, the lead's resolution of
 * divergent leaves, the owner's confirmation (which freezes every target's total, grade, veto,
 * dimension scores and rank into campaign_targets), publication through the campaign machine, and
 * what each party reads:
 * - the owner and the province: progress, totals, grades, ranks, divergences, statistics;
 * - the panel lead: the divergent leaves (once scoring is closed: before, it is an evaluator
 *   scoring blind like the others) and their resolution;
 * - a target: only its own result, only after publication, never an evaluator's name or id.
 */

// ---- inputs

const uuid = (what: string) => z.uuid({ message: `${what}编号有误` });
export const ZResultsRef = z.object({ campaignId: uuid('评价活动') });
export const ZCampaignVersionRef = z.object({ id: uuid('评价活动'), version: z.number().int() });
export const ZReportRef = z.object({ targetId: uuid('评价对象') });
export const ZResolveInput = z.object({
  targetId: uuid('评价对象'),
  nodeCode: z.string({ message: '请选择指标' }).trim().min(1, '请选择指标').max(64),
  score: z.number({ message: '请填写认定分值' }).min(0, '分值不能小于 0').max(10_000, '分值过大'),
  reason: z.string({ message: '请填写认定理由(至少 2 个字)' }).trim().min(2, '请填写认定理由(至少 2 个字)').max(1000, '至多 1000 字'),
});

const articleOf = (c: CampaignRow) => TARGET_KIND_ARTICLE[c.targetKind as TargetKind];
const rounded = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

async function bandsOf(db: DbOrTx, versionId: string): Promise<GradeBands> {
  const [v] = await db.select({ b: indicatorVersions.gradeBands }).from(indicatorVersions).where(eq(indicatorVersions.id, versionId));
  return v.b as GradeBands;
}

/** The dimensions of the frozen tree (code, name, weight) in reading order. */
const dimensionsOf = (nodes: CampaignNode[]) => nodes.filter((n) => n.parentCode === null).map((n) => ({ code: n.code, name: n.name, weight: n.weight }));

/** Targets with their organization, region and progress of the panel (counts only). */
async function targetRows(db: DbOrTx, campaignId: string) {
  return queryRows<{
    id: string; org_id: string; org_name: string; region_code: string; region_name: string | null; self_status: string; total: number | null; grade: string | null; vetoed: boolean | null;
    dimension_scores: Record<string, number> | null; rank: number | null; clear: number; conflict: number; pending: number; submitted: number;
  }>(db, sql`
    select t.id, t.org_id, o.name as org_name, o.region_code, rg.name as region_name, t.self_status, t.total, t.grade, t.vetoed, t.dimension_scores, t.rank,
           count(et.id) filter (where et.coi = 'clear')::int as clear,
           count(et.id) filter (where et.coi = 'conflict')::int as conflict,
           count(et.id) filter (where et.coi = 'pending')::int as pending,
           count(et.id) filter (where et.coi = 'clear' and et.submitted_at is not null)::int as submitted
      from ${campaignTargets} t
      join ${organizations} o on o.id = t.org_id
      left join ${regions} rg on rg.code = o.region_code
      left join ${evaluatorTargets} et on et.target_id = t.id
     where t.campaign_id = ${campaignId}::uuid
     group by t.id, o.name, o.region_code, rg.name
     order by o.region_code, o.name`);
}

/** The result of each target: frozen once confirmed, else computed live from the submitted scores. */
function resultOf(c: CampaignRow, frozen: { total: number | null; grade: string | null; vetoed: boolean | null; dimension_scores: Record<string, number> | null; rank: number | null }, live: TargetRollup | undefined) {
  if (c.confirmedAt && frozen.total !== null) {
    return { total: Number(frozen.total), grade: frozen.grade as Grade, vetoed: !!frozen.vetoed, dimensionScores: frozen.dimension_scores ?? {}, rank: frozen.rank, frozen: true };
  }
  if (!live) return null;
  return { total: rounded(live.total, 3), grade: live.grade, vetoed: live.vetoed, dimensionScores: live.dimensionScores, rank: live.rank, frozen: false };
}

/**
 * The owner's (and the province's) overview: per target the progress of the panel, total, grade,
 * rank and divergent leaves; what still blocks confirmation. Live before confirmation, frozen after.
 */
export async function overview(db: DbOrTx, user: CampaignSubject, campaignId: string) {
  const a = await campaignAccess(db, user, campaignId);
  if (!a.manager) throw notFound('评价活动');
  const c = a.campaign;
  const started = c.status !== 'draft';
  const [nodes, targets, live, findings, [lead]] = await Promise.all([
    versionTree(db, c.versionId),
    targetRows(db, c.id),
    started ? rollupCampaign(db, c) : Promise.resolve([] as TargetRollup[]),
    db.select({ targetId: evaluationFindings.targetId, n: sql<number>`count(*)::int`, orders: sql<number>`count(${evaluationFindings.orderId})::int` })
      .from(evaluationFindings).innerJoin(campaignTargets, eq(campaignTargets.id, evaluationFindings.targetId))
      .where(eq(campaignTargets.campaignId, c.id)).groupBy(evaluationFindings.targetId),
    c.leadUserId ? db.select({ name: users.displayName }).from(users).where(eq(users.id, c.leadUserId)) : Promise.resolve([]),
  ]);
  const liveOf = new Map(live.map((l) => [l.targetId, l]));
  const findingsOf = new Map(findings.map((f) => [f.targetId, f]));
  const leafCount = nodes.filter((n) => n.leaf).length;
  const rows = targets.map((t) => {
    const l = liveOf.get(t.id);
    const f = findingsOf.get(t.id);
    return {
      id: t.id, orgId: t.org_id, orgName: t.org_name, regionCode: t.region_code, regionName: t.region_name ?? t.region_code, selfStatus: t.self_status,
      evaluators: { clear: t.clear, conflict: t.conflict, pending: t.pending, submitted: t.submitted },
      scoredLeaves: l?.scoredLeaves ?? 0,
      divergent: l?.divergent ?? 0,
      unresolved: l?.unresolved ?? 0,
      result: resultOf(c, t, l),
      findings: Number(f?.n ?? 0),
      orders: Number(f?.orders ?? 0),
    };
  });
  const unresolved = rows.reduce((s, r) => s + r.unresolved, 0);
  const unscored = rows.filter((r) => r.evaluators.submitted === 0).length;
  const blockers: string[] = [];
  if (c.status !== 'review') blockers.push(c.status === 'published' ? '评价结果已发布' : '评分结束(进入复核)后方可确认结果');
  if (c.confirmedAt) blockers.push('评价结果已确认');
  if (unresolved) blockers.push(`尚有 ${unresolved} 项评分分歧未经评审组长认定`);
  if (unscored) blockers.push(`尚有 ${unscored} 个评价对象没有已提交的评分`);
  return {
    campaign: {
      id: c.id, name: c.name, year: c.year, targetKind: c.targetKind as TargetKind, status: c.status as CampaignStatus, version: c.version,
      aggregation: c.aggregation, trimmedMin: c.trimmedMin, divergencePct: c.divergencePct, confirmedAt: c.confirmedAt, publishedAt: c.publishedAt,
      leadName: lead?.name ?? null, article: articleOf(c),
    },
    viewer: { owner: a.owner, lead: a.lead },
    dimensions: dimensionsOf(nodes),
    leaves: nodes.filter((n) => n.leaf).map((n) => ({ code: n.code, name: n.name, article: n.article })),
    leafCount,
    gradeBands: await bandsOf(db, c.versionId),
    targets: rows,
    counts: {
      targets: rows.length,
      fullySubmitted: rows.filter((r) => r.evaluators.clear > 0 && r.evaluators.pending === 0 && r.evaluators.submitted === r.evaluators.clear).length,
      divergent: rows.reduce((s, r) => s + r.divergent, 0),
      unresolved,
      unscored,
    },
    canConfirm: a.owner && blockers.length === 0,
    confirmBlockers: blockers,
    canPublish: a.owner && c.status === 'review' && !!c.confirmedAt,
  };
}

/**
 * Divergent leaves (range of the submitted scores > divergencePct % of the leaf's maximum), each
 * evaluator's score and comment. The owner and the province see them from scoring on (evaluators
 * unnamed until scoring is closed); the panel lead only once scoring is closed — before, it scores
 * blind like every evaluator. Only submitted scores of evaluators without conflict are ever shown.
 */
export async function divergences(db: DbOrTx, user: CampaignSubject, campaignId: string) {
  const a = await campaignAccess(db, user, campaignId);
  if (!a.manager && !a.lead) throw notFound('评价活动');
  const c = a.campaign;
  const closed = c.status === 'review' || c.status === 'published';
  if (!closed && !a.manager) throw precondition('评分结束后,评审组长方可查看和认定评分分歧', articleOf(c));
  if (c.status === 'draft' || c.status === 'self_assessment') {
    return { campaign: { id: c.id, status: c.status as CampaignStatus, confirmed: !!c.confirmedAt }, canResolve: false, names: false, items: [] };
  }
  const [nodes, leaves] = await Promise.all([versionTree(db, c.versionId), leafRollup(db, c, { divergentOnly: true })]);
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const targetIds = [...new Set(leaves.map((l) => l.targetId))];
  const [orgs, scores, resolutions] = targetIds.length
    ? await Promise.all([
      db.select({ id: campaignTargets.id, orgName: organizations.name, regionCode: organizations.regionCode }).from(campaignTargets)
        .innerJoin(organizations, eq(organizations.id, campaignTargets.orgId)).where(inArray(campaignTargets.id, targetIds)),
      divergentScores(db, c),
      db.select({ targetId: leafResolutions.targetId, nodeCode: leafResolutions.nodeCode, score: leafResolutions.score, reason: leafResolutions.reason, at: leafResolutions.resolvedAt, by: users.displayName })
        .from(leafResolutions).innerJoin(users, eq(users.id, leafResolutions.resolvedBy)).where(inArray(leafResolutions.targetId, targetIds)),
    ])
    : [[], [], []];
  const orgOf = new Map(orgs.map((o) => [o.id, o]));
  const resOf = new Map(resolutions.map((r) => [`${r.targetId}|${r.nodeCode}`, r]));
  // Evaluators are numbered per target (专家 1, 2 …) in a stable order; names only once scoring is closed.
  const seq = new Map<string, Map<string, number>>();
  const numberOf = (targetId: string, userId: string) => {
    const m = seq.get(targetId) ?? new Map<string, number>();
    seq.set(targetId, m);
    if (!m.has(userId)) m.set(userId, m.size + 1);
    return m.get(userId)!;
  };
  const scoresOf = new Map<string, typeof scores>();
  for (const x of scores) {
    const k = `${x.targetId}|${x.nodeCode}`;
    const list = scoresOf.get(k) ?? [];
    list.push(x);
    scoresOf.set(k, list);
  }
  const items = leaves.map((l) => {
    const n = byCode.get(l.code);
    const r = resOf.get(`${l.targetId}|${l.code}`);
    return {
      targetId: l.targetId, orgName: orgOf.get(l.targetId)?.orgName ?? '', regionCode: orgOf.get(l.targetId)?.regionCode ?? '',
      nodeCode: l.code, nodeName: n?.name ?? l.code, article: n?.article ?? null, maxScore: l.maxScore,
      lo: l.lo, hi: l.hi, range: l.hi !== null && l.lo !== null ? rounded(l.hi - l.lo) : null, aggregate: l.aggregate === null ? null : rounded(l.aggregate, 3),
      scores: (scoresOf.get(`${l.targetId}|${l.code}`) ?? []).map((s) => ({
        label: `专家 ${numberOf(l.targetId, s.evaluatorUserId)}`, name: closed ? s.name : null, score: s.score, comment: s.comment,
      })),
      resolution: r ? { score: r.score, reason: r.reason, at: r.at, by: r.by } : null,
    };
  }).sort((x, y) => (x.resolution ? 1 : 0) - (y.resolution ? 1 : 0) || x.orgName.localeCompare(y.orgName, 'zh-CN') || x.nodeCode.localeCompare(y.nodeCode));
  return {
    campaign: { id: c.id, status: c.status as CampaignStatus, confirmed: !!c.confirmedAt },
    canResolve: a.lead && c.status === 'review' && !c.confirmedAt,
    names: closed,
    items,
  };
}

/**
 * The panel lead's resolution of a divergent leaf (HN-22): the score that counts (0…max) and why,
 * while the campaign is in review and not yet confirmed. Recorded (a second resolution replaces the
 * first) and audited.
 */
export async function resolveLeaf(db: DbOrTx, actor: WorkflowActor, user: CampaignSubject, input: z.infer<typeof ZResolveInput>) {
  return db.transaction(async (tx) => {
    const ta = await findTargetAccess(tx, user, input.targetId);
    // only the lead, and not for a target it has declared a conflict for (it does not see it)
    if (!ta || ta.as !== 'evaluator' || ta.campaign.leadUserId !== user.id) throw notFound('评价对象');
    const [c] = await tx.select().from(campaigns).where(eq(campaigns.id, ta.campaign.id)).for('update');
    if (c.status !== 'review') throw precondition(c.status === 'published' ? '评价结果已发布,不能再认定' : '评分结束(进入复核)后方可认定评分分歧', articleOf(c));
    if (c.confirmedAt) throw precondition('评价结果已确认,不能再认定', articleOf(c));
    const nodes = await versionTree(tx, c.versionId);
    const leaf = nodes.find((n) => n.code === input.nodeCode);
    if (!leaf?.leaf) throw invalidField('nodeCode', '请选择末级指标');
    if (input.score > maxOf(leaf)) throw invalidField('score', `分值应在 0–${maxOf(leaf)} 之间`);
    const [l] = await leafRollup(tx, c, { targetId: input.targetId }).then((ls) => ls.filter((x) => x.code === leaf.code));
    if (!l?.divergent) throw precondition('该指标的评分没有超出分歧阈值,无需认定', articleOf(c));
    const [before] = await tx.select().from(leafResolutions).where(and(eq(leafResolutions.targetId, input.targetId), eq(leafResolutions.nodeCode, leaf.code)));
    const now = new Date();
    const set = { score: input.score, reason: input.reason, resolvedBy: user.id, resolvedAt: now };
    const [row] = await tx.insert(leafResolutions).values({ targetId: input.targetId, nodeCode: leaf.code, ...set })
      .onConflictDoUpdate({ target: [leafResolutions.targetId, leafResolutions.nodeCode], set }).returning();
    await appendAudit(tx, actor, {
      action: 'leaf_resolution.resolve', entityType: 'campaign_target', entityId: input.targetId,
      before: before ? { nodeCode: leaf.code, score: before.score, reason: before.reason } : { nodeCode: leaf.code, aggregate: l.aggregate, lo: l.lo, hi: l.hi },
      after: { nodeCode: leaf.code, score: input.score },
      reason: input.reason,
    });
    return { targetId: row.targetId, nodeCode: row.nodeCode, score: row.score, reason: row.reason, resolvedAt: row.resolvedAt };
  });
}

/**
 * The owner confirms the results (HN-22): in review, every divergence resolved, every target scored
 * by at least one evaluator who submitted. Freezes total, grade, veto, dimension scores and rank of
 * every target (a later change of anything cannot move them) and sets confirmedAt. Nothing else
 * closes: publication is its own step.
 */
export async function confirmResults(db: DbOrTx, actor: WorkflowActor, user: CampaignSubject, ref: { id: string; version: number }) {
  return db.transaction(async (tx) => {
    await ownedCampaign(tx, user, ref.id);
    const [c] = await tx.select().from(campaigns).where(eq(campaigns.id, ref.id)).for('update');
    if (c.version !== ref.version) throw conflict();
    if (c.status !== 'review') throw precondition('评分结束(进入复核)后方可确认评价结果', 'HN-22');
    if (c.confirmedAt) throw precondition('评价结果已确认', 'HN-22');
    const targets = await targetRows(tx, c.id);
    const results = await rollupCampaign(tx, c);
    const unscored = targets.filter((t) => t.submitted === 0);
    if (unscored.length) throw precondition(`${unscored.slice(0, 3).map((t) => t.org_name).join('、')}${unscored.length > 3 ? ` 等 ${unscored.length} 个评价对象` : ''}没有已提交的评分,不能确认`, 'HN-22');
    const unresolved = results.reduce((s, r) => s + r.unresolved, 0);
    if (unresolved) throw precondition(`尚有 ${unresolved} 项评分分歧未经评审组长认定,认定后方可确认`, 'HN-22');
    const now = new Date();
    const payload = results.map((r) => ({ id: r.targetId, total: rounded(r.total, 3), grade: r.grade, vetoed: r.vetoed, dims: r.dimensionScores, rank: r.rank }));
    await tx.execute(sql`
      update ${campaignTargets} t
         set total = x.total, grade = x.grade, vetoed = x.vetoed, dimension_scores = x.dims, rank = x.rank, version = t.version + 1, updated_at = ${now}
        from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as x(id uuid, total numeric, grade text, vetoed boolean, dims jsonb, rank int)
       where t.id = x.id and t.campaign_id = ${c.id}::uuid`);
    const [row] = await tx.update(campaigns).set({ confirmedAt: now, confirmedBy: actor.id, version: c.version + 1, updatedAt: now })
      .where(and(eq(campaigns.id, c.id), eq(campaigns.version, ref.version))).returning();
    if (!row) throw conflict();
    const grades = Object.fromEntries(GRADES.map((g) => [g, results.filter((r) => r.grade === g).length]));
    await appendAudit(tx, actor, {
      action: 'campaign.confirm', entityType: 'campaign', entityId: c.id,
      before: { confirmedAt: null, version: c.version }, after: { confirmedAt: now, version: row.version, targets: results.length, grades, vetoed: results.filter((r) => r.vetoed).length },
    });
    return row;
  });
}

/** Publication (HN-22) through the campaign machine, whose guard requires the confirmation. */
export async function publishResults(db: DbOrTx, actor: WorkflowActor, user: CampaignSubject, ref: { id: string; version: number }) {
  return db.transaction(async (tx) => {
    await ownedCampaign(tx, user, ref.id);
    return transition(tx, campaignMachine, actor, { id: ref.id, version: ref.version, action: 'publish', input: {}, scope: eq(campaigns.ownerOrgId, user.orgId) });
  });
}

/**
 * One target's result report: total, grade, veto, dimension and leaf scores, findings, and the
 * evaluators' comments WITHOUT names or ids. The manager reads any target's (rank included; live
 * before confirmation); the target reads only its own and only once published.
 */
export async function targetReport(db: DbOrTx, user: CampaignSubject, targetId: string) {
  const a = await findTargetAccess(db, user, targetId);
  if (!a || a.as === 'evaluator') throw notFound('评价对象');
  const c = a.campaign;
  if (a.as === 'target' && c.status !== 'published') throw precondition('评价结果尚未发布,发布后方可查看', articleOf(c));
  if (c.status === 'draft' || c.status === 'self_assessment') throw precondition('评分尚未开始,暂无评价结果', articleOf(c));
  const manager = a.as === 'manager';
  const [nodes, leafRows, [live], bands, comments, findings, [org]] = await Promise.all([
    versionTree(db, c.versionId),
    leafRollup(db, c, { targetId }),
    rollupCampaign(db, c, targetId),
    bandsOf(db, c.versionId),
    db.select({ nodeCode: evaluationScores.nodeCode, comment: evaluationScores.comment }).from(evaluationScores)
      .innerJoin(evaluatorTargets, and(eq(evaluatorTargets.targetId, evaluationScores.targetId), eq(evaluatorTargets.evaluatorUserId, evaluationScores.evaluatorUserId)))
      .where(and(eq(evaluationScores.targetId, targetId), eq(evaluatorTargets.coi, 'clear'), isNotNull(evaluatorTargets.submittedAt), sql`coalesce(${evaluationScores.comment}, '') <> ''`))
      .orderBy(asc(evaluationScores.nodeCode), asc(evaluationScores.comment)),
    findingRows(db, [targetId]),
    db.select({ regionCode: organizations.regionCode, regionName: regions.name }).from(organizations).leftJoin(regions, eq(regions.code, organizations.regionCode)).where(eq(organizations.id, a.target.orgId)),
  ]);
  const result = resultOf(c, { total: a.target.total, grade: a.target.grade, vetoed: a.target.vetoed, dimension_scores: a.target.dimensionScores as Record<string, number> | null, rank: a.target.rank }, live);
  const leafOf = new Map(leafRows.map((l) => [l.code, l]));
  const [{ n: targetCount }] = manager ? await db.select({ n: sql<number>`count(*)::int` }).from(campaignTargets).where(eq(campaignTargets.campaignId, c.id)) : [{ n: 0 }];
  return {
    campaign: { id: c.id, name: c.name, year: c.year, targetKind: c.targetKind as TargetKind, status: c.status as CampaignStatus, article: articleOf(c), confirmedAt: c.confirmedAt, publishedAt: c.publishedAt },
    target: { id: a.target.id, orgName: a.target.orgName, regionCode: org?.regionCode ?? '', regionName: org?.regionName ?? org?.regionCode ?? '' },
    viewer: a.as,
    gradeBands: bands,
    result: result && {
      total: rounded(result.total, 2), grade: result.grade, vetoed: result.vetoed, frozen: result.frozen,
      rank: manager ? result.rank : null, targetCount: manager ? Number(targetCount) : null,
      vetoItems: live?.vetoCodes.map((code) => nodes.find((n) => n.code === code)?.name ?? code) ?? [],
    },
    dimensions: dimensionsOf(nodes).map((d) => ({ ...d, score: result ? rounded(Number(result.dimensionScores[d.code] ?? 0), 2) : null })),
    leaves: nodes.filter((n) => n.leaf).map((n) => {
      const l = leafOf.get(n.code);
      return {
        code: n.code, name: n.name, parentCode: n.parentCode, weight: n.weight, maxScore: maxOf(n), article: n.article, vetoBelow: n.vetoBelow,
        score: l?.final === null || l?.final === undefined ? null : rounded(l.final, 2),
        resolved: l?.resolved !== null && l?.resolved !== undefined,
      };
    }),
    nodes: nodes.map((n) => ({ code: n.code, name: n.name, parentCode: n.parentCode, depth: n.depth, weight: n.weight, leaf: n.leaf })),
    // no evaluator names or ids: the comments only, by leaf
    comments: comments.map((m) => ({ nodeCode: m.nodeCode, comment: m.comment! })),
    findings: findings.map((f) => ({ ...f, createdBy: manager ? f.createdBy : undefined })),
  };
}

/** The caller's own result in a campaign (a target organization), only after publication. */
export async function myResult(db: DbOrTx, user: CampaignSubject, campaignId: string) {
  const a = await campaignAccess(db, user, campaignId);
  if (!a.target) throw notFound('评价活动');
  if (a.campaign.status !== 'published') throw precondition('评价结果尚未发布,发布后方可查看', articleOf(a.campaign));
  return targetReport(db, user, a.target.id);
}

/** Findings of some targets, with the order each became (number and status). */
export async function findingRows(db: DbOrTx, targetIds: string[]) {
  if (!targetIds.length) return [];
  const rows = await db.select({
    id: evaluationFindings.id, targetId: evaluationFindings.targetId, nodeCode: evaluationFindings.nodeCode, body: evaluationFindings.body,
    majorRisk: evaluationFindings.majorRisk, orderId: evaluationFindings.orderId, createdAt: evaluationFindings.createdAt, createdBy: evaluationFindings.createdBy,
    orderNo: rectificationOrders.no, orderStatus: rectificationOrders.status,
  }).from(evaluationFindings)
    .leftJoin(rectificationOrders, eq(rectificationOrders.id, evaluationFindings.orderId))
    .where(inArray(evaluationFindings.targetId, targetIds))
    .orderBy(asc(evaluationFindings.createdAt));
  return rows.map(({ createdBy, ...r }) => ({ ...r, createdBy: createdBy ?? null }));
}

/**
 * Statistics of a confirmed campaign (owner and province): the grade distribution, the mean score
 * per dimension, and per region the number of targets, mean total and grades — from the frozen results.
 */
export async function resultStats(db: DbOrTx, user: CampaignSubject, campaignId: string) {
  const a = await campaignAccess(db, user, campaignId);
  if (!a.manager) throw notFound('评价活动');
  const c = a.campaign;
  if (!c.confirmedAt) throw precondition('评价结果确认后方可查看统计', 'HN-22');
  const [nodes, grades, dims, regionRows] = await Promise.all([
    versionTree(db, c.versionId),
    queryRows<{ grade: string; n: number }>(db, sql`select grade, count(*)::int as n from ${campaignTargets} where campaign_id = ${c.id}::uuid and grade is not null group by grade`),
    queryRows<{ code: string; mean: number }>(db, sql`
      select d.key as code, avg(d.value::float8) as mean
        from ${campaignTargets} t cross join lateral jsonb_each_text(t.dimension_scores) d
       where t.campaign_id = ${c.id}::uuid group by d.key`),
    queryRows<{ region_code: string; region_name: string | null; n: number; mean: number; excellent: number; good: number; pass: number; fail: number }>(db, sql`
      select o.region_code, min(rg.name) as region_name, count(*)::int as n, avg(t.total)::float8 as mean,
             count(*) filter (where t.grade = 'excellent')::int as excellent, count(*) filter (where t.grade = 'good')::int as good,
             count(*) filter (where t.grade = 'pass')::int as pass, count(*) filter (where t.grade = 'fail')::int as fail
        from ${campaignTargets} t join ${organizations} o on o.id = t.org_id left join ${regions} rg on rg.code = o.region_code
       where t.campaign_id = ${c.id}::uuid and t.total is not null
       group by o.region_code order by o.region_code`),
  ]);
  const meanOf = new Map(dims.map((d) => [d.code, Number(d.mean)]));
  return {
    grades: GRADES.map((g) => ({ grade: g, n: Number(grades.find((x) => x.grade === g)?.n ?? 0) })),
    dimensions: dimensionsOf(nodes).map((d) => ({ ...d, mean: rounded(meanOf.get(d.code) ?? 0, 2) })),
    regions: regionRows.map((r) => ({
      regionCode: r.region_code, regionName: r.region_name ?? r.region_code, n: Number(r.n), mean: rounded(Number(r.mean), 2),
      excellent: Number(r.excellent), good: Number(r.good), pass: Number(r.pass), fail: Number(r.fail),
    })),
  };
}
