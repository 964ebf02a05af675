import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { attachments, campaignEvaluators, campaignTargets, evaluationScores, evaluatorTargets, organizations, users } from '@/db/schema';
import { appendAudit } from '@/server/domain/audit';
import { deadlineStatus, endOfShanghaiDay } from '@/server/domain/deadlines';
import { conflict, invalidField, notFound, precondition } from '@/server/domain/errors';
import { TARGET_KIND_ARTICLE, type CampaignStatus, type TargetKind } from '@/server/domain/evaluation';
import { closeInbox, type WorkflowActor } from '@/server/domain/workflow';
import { campaignAccess, evaluatorOn, findTargetAccess, type CampaignRow, type CampaignSubject } from './campaign-access';
import { COI_TASK, SCORE_TASK } from './campaign-machine';
import { leafCodes, maxOf, versionTree } from './campaign-tree';
import { factsFor, leafFacts } from './facts';
import { selfRows } from './self-assessment';

/**
 * The panel's work (HN-22): a conflict-of-interest declaration per target before it opens, then
 * blind scoring — an evaluator never reads another evaluator's score of a target before it has
 * submitted its own scores of that target, and then only the others' submitted scores. Targets
 * never see scores here. Scores are written only while the campaign is in `scoring`.
 */
const articleOf = (c: CampaignRow) => TARGET_KIND_ARTICLE[c.targetKind as TargetKind];

/** The due time of the evaluator's current task: declarations by the end of self-assessment, scores by the end of scoring. */
function taskDue(c: CampaignRow, now: Date) {
  const on = c.status === 'self_assessment' ? c.selfEndsOn : c.status === 'scoring' ? c.scoringEndsOn : null;
  if (!on) return null;
  const dueAt = endOfShanghaiDay(on);
  return { on, dueAt, status: deadlineStatus({ kind: 'calendar_days', dueAt, pausedAt: null }, now) };
}

/** The evaluator's home for a campaign: its targets (without those it declared a conflict for), COI status, progress. */
export async function myTargets(db: DbOrTx, user: CampaignSubject, campaignId: string, now: Date) {
  const a = await campaignAccess(db, user, campaignId);
  if (!a.panelId) throw notFound('评价活动');
  const c = a.campaign;
  const leaves = leafCodes(await versionTree(db, c.versionId)).length;
  const rows = await db
    .select({
      targetId: evaluatorTargets.targetId, orgName: organizations.name, regionCode: organizations.regionCode, coi: evaluatorTargets.coi,
      declaredAt: evaluatorTargets.declaredAt, submittedAt: evaluatorTargets.submittedAt, version: evaluatorTargets.version,
      selfStatus: campaignTargets.selfStatus,
      scored: sql<number>`(select count(*)::int from ${evaluationScores} s where s.target_id = ${evaluatorTargets.targetId} and s.evaluator_user_id = ${user.id})`,
    })
    .from(evaluatorTargets)
    .innerJoin(campaignTargets, eq(campaignTargets.id, evaluatorTargets.targetId))
    .innerJoin(organizations, eq(organizations.id, campaignTargets.orgId))
    .where(and(eq(campaignTargets.campaignId, c.id), eq(evaluatorTargets.evaluatorUserId, user.id), ne(evaluatorTargets.coi, 'conflict')))
    .orderBy(asc(organizations.regionCode), asc(organizations.name));
  const [recused] = await db.select({ n: sql<number>`count(*)::int` }).from(evaluatorTargets)
    .innerJoin(campaignTargets, eq(campaignTargets.id, evaluatorTargets.targetId))
    .where(and(eq(campaignTargets.campaignId, c.id), eq(evaluatorTargets.evaluatorUserId, user.id), eq(evaluatorTargets.coi, 'conflict')));
  return {
    campaign: { id: c.id, name: c.name, status: c.status as CampaignStatus, year: c.year, targetKind: c.targetKind, scoringEndsOn: c.scoringEndsOn, selfEndsOn: c.selfEndsOn },
    lead: a.lead,
    due: taskDue(c, now),
    leafCount: leaves,
    recused: Number(recused?.n ?? 0),
    targets: rows.map((r) => ({ ...r, scored: Number(r.scored) })),
  };
}

/** Close the panel member's COI task once it has declared for every target, its scoring task once every target it keeps is submitted. */
async function closeDoneTasks(tx: DbOrTx, c: CampaignRow, userId: string) {
  const mine = await tx.select({ coi: evaluatorTargets.coi, submittedAt: evaluatorTargets.submittedAt }).from(evaluatorTargets)
    .innerJoin(campaignTargets, eq(campaignTargets.id, evaluatorTargets.targetId))
    .where(and(eq(campaignTargets.campaignId, c.id), eq(evaluatorTargets.evaluatorUserId, userId)));
  const [panel] = await tx.select({ id: campaignEvaluators.id }).from(campaignEvaluators).where(and(eq(campaignEvaluators.campaignId, c.id), eq(campaignEvaluators.userId, userId)));
  if (!panel) return;
  if (mine.every((m) => m.coi !== 'pending')) await closeInbox(tx, 'campaign_panel', panel.id, [COI_TASK]);
  if (c.status === 'scoring' && mine.every((m) => m.coi === 'conflict' || (m.coi === 'clear' && m.submittedAt))) await closeInbox(tx, 'campaign_panel', panel.id, [SCORE_TASK]);
}

/**
 * Declare, per target, no conflict or a conflict with a note. Final (audited). A conflict removes
 * the evaluator from the target: it no longer sees it, and any score it wrote there is deleted.
 */
export async function declare(
  db: DbOrTx, actor: WorkflowActor, user: CampaignSubject,
  input: { targetId: string; version: number; conflict: boolean; note?: string | null },
) {
  return db.transaction(async (tx) => {
    const a = await findTargetAccess(tx, user, input.targetId);
    if (!a || a.as !== 'evaluator' || !a.assignment) throw notFound('评价对象');
    const c = a.campaign;
    const [et] = await tx.select().from(evaluatorTargets).where(eq(evaluatorTargets.id, a.assignment.id)).for('update');
    if (et.version !== input.version) throw conflict();
    if (et.coi !== 'pending') throw precondition('利益冲突声明已提交,不能更改', articleOf(c));
    if (c.status !== 'self_assessment' && c.status !== 'scoring') throw precondition('评分已结束,不能再声明利益冲突', articleOf(c));
    const now = new Date();
    const [row] = await tx.update(evaluatorTargets)
      .set({ coi: input.conflict ? 'conflict' : 'clear', coiNote: input.conflict ? input.note ?? null : input.note || null, declaredAt: now, version: et.version + 1 })
      .where(and(eq(evaluatorTargets.id, et.id), eq(evaluatorTargets.version, input.version))).returning();
    if (!row) throw conflict();
    let removed = 0;
    if (input.conflict) {
      removed = (await tx.delete(evaluationScores).where(and(eq(evaluationScores.targetId, input.targetId), eq(evaluationScores.evaluatorUserId, user.id))).returning({ id: evaluationScores.id })).length;
    }
    await appendAudit(tx, actor, {
      action: 'evaluator_target.declare', entityType: 'campaign_target', entityId: input.targetId,
      before: { coi: 'pending' }, after: { coi: row.coi, evaluator: user.id, ...(removed ? { scoresRemoved: removed } : {}) },
      reason: input.note ?? null,
    });
    await closeDoneTasks(tx, c, user.id);
    return { targetId: input.targetId, coi: row.coi, version: row.version, declaredAt: row.declaredAt };
  });
}

/**
 * The scoring screen of one target: the frozen tree with rubrics, the target's submitted
 * self-assessment with its evidence, the recorded facts, the evaluator's own scores, and — only
 * once it has submitted this target — the other evaluators' submitted scores.
 */
export async function scoringView(db: DbOrTx, user: CampaignSubject, targetId: string, now: Date) {
  const a = await evaluatorOn(db, user, targetId);
  const c = a.campaign;
  if (c.status === 'draft' || c.status === 'self_assessment') throw precondition('评分尚未开始,评分开始后方可查看评价对象', articleOf(c));
  const mySubmitted = a.assignment.submittedAt;
  const [nodes, mine, self] = await Promise.all([
    versionTree(db, c.versionId),
    db.select({ nodeCode: evaluationScores.nodeCode, score: evaluationScores.score, comment: evaluationScores.comment, updatedAt: evaluationScores.updatedAt })
      .from(evaluationScores).where(and(eq(evaluationScores.targetId, targetId), eq(evaluationScores.evaluatorUserId, user.id))),
    a.target.selfStatus === 'submitted' ? selfRows(db, targetId) : Promise.resolve(null),
  ]);
  const live = self ? null : await factsFor(db, a.target.orgId, c.year, now);
  const files = self?.length
    ? await db.select({ id: attachments.id, entityId: attachments.entityId, filename: attachments.filename, size: attachments.size, sm3: attachments.sm3, createdAt: attachments.createdAt })
      .from(attachments).where(and(eq(attachments.entityType, 'self_assessment'), inArray(attachments.entityId, self.map((s) => s.id)))).orderBy(asc(attachments.createdAt))
    : [];
  // Blind scoring (HN-22): others' scores only after this evaluator's own submission, and only submitted ones.
  const peers = mySubmitted
    ? await db.select({ nodeCode: evaluationScores.nodeCode, score: evaluationScores.score, comment: evaluationScores.comment, evaluatorName: users.displayName })
      .from(evaluationScores)
      .innerJoin(evaluatorTargets, and(eq(evaluatorTargets.targetId, evaluationScores.targetId), eq(evaluatorTargets.evaluatorUserId, evaluationScores.evaluatorUserId)))
      .innerJoin(users, eq(users.id, evaluationScores.evaluatorUserId))
      .where(and(eq(evaluationScores.targetId, targetId), ne(evaluationScores.evaluatorUserId, user.id), eq(evaluatorTargets.coi, 'clear'), sql`${evaluatorTargets.submittedAt} is not null`))
      .orderBy(asc(users.displayName))
    : null;
  const selfByCode = new Map((self ?? []).map((s) => [s.nodeCode, s]));
  return {
    campaign: { id: c.id, name: c.name, year: c.year, status: c.status as CampaignStatus, targetKind: c.targetKind, scoringEndsOn: c.scoringEndsOn },
    due: taskDue(c, now),
    target: { id: a.target.id, orgName: a.target.orgName, selfStatus: a.target.selfStatus, selfSubmittedAt: a.target.selfSubmittedAt },
    assignment: { version: a.assignment.version, submittedAt: mySubmitted, declaredAt: a.assignment.declaredAt },
    editable: c.status === 'scoring' && !mySubmitted,
    nodes,
    mine,
    leaves: nodes.filter((n) => n.leaf).map((n) => {
      const s = selfByCode.get(n.code);
      return {
        nodeCode: n.code,
        self: s ? { id: s.id, score: s.score, comment: s.comment, files: files.filter((f) => f.entityId === s.id) } : null,
        facts: s?.facts ?? leafFacts(live, n.factKey),
      };
    }),
    peers,
  };
}

/** Preconditions of a write on a target's scores: in scoring, not yet submitted. */
function checkWritable(c: CampaignRow, submittedAt: Date | null) {
  if (c.status === 'self_assessment') throw precondition('评分尚未开始', articleOf(c));
  if (c.status !== 'scoring') throw precondition('评分阶段已结束,分值不能再修改', articleOf(c));
  if (submittedAt) throw precondition('已提交该评价对象的评分,不能再修改', articleOf(c));
}

/** Autosave of one leaf's score and comment (0…maxScore). */
export async function saveScore(
  db: DbOrTx, actor: WorkflowActor, user: CampaignSubject,
  input: { targetId: string; nodeCode: string; score: number; comment?: string | null },
) {
  return db.transaction(async (tx) => {
    const a = await evaluatorOn(tx, user, input.targetId);
    checkWritable(a.campaign, a.assignment.submittedAt);
    const nodes = await versionTree(tx, a.campaign.versionId);
    const leaf = nodes.find((n) => n.code === input.nodeCode);
    if (!leaf || !leaf.leaf) throw invalidField('nodeCode', '请选择末级指标评分');
    if (input.score > maxOf(leaf)) throw invalidField('score', `分值应在 0–${maxOf(leaf)} 之间`);
    const now = new Date();
    const set = { score: input.score, updatedAt: now, ...(input.comment !== undefined ? { comment: input.comment || null } : {}) };
    const [row] = await tx.insert(evaluationScores)
      .values({ targetId: input.targetId, evaluatorUserId: user.id, nodeCode: leaf.code, ...set })
      .onConflictDoUpdate({ target: [evaluationScores.targetId, evaluationScores.evaluatorUserId, evaluationScores.nodeCode], set })
      .returning({ nodeCode: evaluationScores.nodeCode, score: evaluationScores.score, comment: evaluationScores.comment, updatedAt: evaluationScores.updatedAt });
    await appendAudit(tx, actor, {
      action: 'evaluation_score.save', entityType: 'campaign_target', entityId: input.targetId,
      after: { nodeCode: leaf.code, score: input.score, ...(input.comment !== undefined ? { comment: input.comment } : {}) },
    });
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(evaluationScores)
      .where(and(eq(evaluationScores.targetId, input.targetId), eq(evaluationScores.evaluatorUserId, user.id)));
    return { ...row, scored: Number(n), leafCount: leafCodes(nodes).length };
  });
}

/** Submit one target's scores, once every leaf is scored (then the others' submitted scores become visible to this evaluator). */
export async function submitScores(db: DbOrTx, actor: WorkflowActor, user: CampaignSubject, input: { targetId: string; version: number }) {
  return db.transaction(async (tx) => {
    const a = await evaluatorOn(tx, user, input.targetId);
    const [et] = await tx.select().from(evaluatorTargets).where(eq(evaluatorTargets.id, a.assignment.id)).for('update');
    if (et.version !== input.version) throw conflict();
    checkWritable(a.campaign, et.submittedAt);
    const leaves = leafCodes(await versionTree(tx, a.campaign.versionId));
    const scored = await tx.select({ nodeCode: evaluationScores.nodeCode }).from(evaluationScores)
      .where(and(eq(evaluationScores.targetId, input.targetId), eq(evaluationScores.evaluatorUserId, user.id), inArray(evaluationScores.nodeCode, leaves)));
    const missing = leaves.length - scored.length;
    if (missing > 0) throw precondition(`还有 ${missing} 项末级指标未评分,全部评分后方可提交`, articleOf(a.campaign));
    const now = new Date();
    const [row] = await tx.update(evaluatorTargets).set({ submittedAt: now, version: et.version + 1 })
      .where(and(eq(evaluatorTargets.id, et.id), eq(evaluatorTargets.version, input.version), isNull(evaluatorTargets.submittedAt))).returning();
    if (!row) throw conflict();
    await appendAudit(tx, actor, {
      action: 'evaluator_target.submit', entityType: 'campaign_target', entityId: input.targetId,
      after: { evaluator: user.id, leaves: leaves.length, submittedAt: now },
    });
    await closeDoneTasks(tx, a.campaign, user.id);
    return { targetId: input.targetId, submittedAt: row.submittedAt, version: row.version };
  });
}
