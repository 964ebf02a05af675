import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { attachments, campaignTargets, selfAssessments } from '@/db/schema';
import { appendAudit } from '@/server/domain/audit';
import { conflict, invalidField, notFound, precondition } from '@/server/domain/errors';
import type { CampaignStatus } from '@/server/domain/evaluation';
import { closeInbox, type WorkflowActor } from '@/server/domain/workflow';
import { campaignAccess, type CampaignRow, type CampaignSubject, type TargetRow } from './campaign-access';
import { SELF_TASK } from './campaign-machine';
import { maxOf, versionTree, type CampaignNode } from './campaign-tree';
import { phaseDue } from './campaigns';
import { factsFor, leafFacts, type Fact, type Facts } from './facts';

/**
 * 自评 (HN-22 ¶2: 一级开发主体应当配合做好评价工作,如实提供有关资料). During the self-assessment
 * window the target fills each leaf — a score (optional), a comment, evidence files — beside the
 * facts the console already recorded; submitting freezes it, facts included.
 */
const SELF_ARTICLE = 'HN-22 ¶2';

/** The caller organization's own target of a campaign (NOT_FOUND for anyone else). */
async function ownTarget(db: DbOrTx, user: CampaignSubject, campaignId: string): Promise<{ campaign: CampaignRow; target: TargetRow }> {
  const a = await campaignAccess(db, user, campaignId);
  if (!a.target) throw notFound('评价活动');
  return { campaign: a.campaign, target: a.target };
}

const editable = (c: CampaignRow, t: TargetRow) => c.status === 'self_assessment' && t.selfStatus === 'pending';

function whyNotEditable(c: CampaignRow, t: TargetRow) {
  if (t.selfStatus === 'submitted') return precondition('自评已提交,不能再修改', SELF_ARTICLE);
  return precondition('自评阶段已结束,不能再修改', SELF_ARTICLE);
}

/** The self-assessment rows of a target with their evidence-file counts. */
export async function selfRows(db: DbOrTx, targetId: string) {
  const rows = await db.select({
    id: selfAssessments.id, nodeCode: selfAssessments.nodeCode, score: selfAssessments.score, comment: selfAssessments.comment,
    facts: selfAssessments.facts, updatedAt: selfAssessments.updatedAt,
  }).from(selfAssessments).where(eq(selfAssessments.targetId, targetId));
  const files = rows.length
    ? await db.select({ entityId: attachments.entityId, n: sql<number>`count(*)::int` }).from(attachments)
      .where(and(eq(attachments.entityType, 'self_assessment'), inArray(attachments.entityId, rows.map((r) => r.id))))
      .groupBy(attachments.entityId)
    : [];
  const count = new Map(files.map((f) => [f.entityId, Number(f.n)]));
  return rows.map((r) => ({ ...r, facts: (r.facts as Fact[] | null) ?? null, files: count.get(r.id) ?? 0 }));
}

/** The target's self-assessment screen: its tree, its entries, and the recorded facts per leaf. */
export async function getSelf(db: DbOrTx, user: CampaignSubject, campaignId: string, now: Date) {
  const { campaign: c, target } = await ownTarget(db, user, campaignId);
  const [nodes, rows] = await Promise.all([versionTree(db, c.versionId), selfRows(db, target.id)]);
  // until submission the facts are read live; the submitted copy is frozen per leaf
  const live: Facts | null = target.selfStatus === 'submitted' ? null : await factsFor(db, target.orgId, c.year, now);
  const byCode = new Map(rows.map((r) => [r.nodeCode, r]));
  return {
    campaign: { id: c.id, name: c.name, year: c.year, status: c.status as CampaignStatus, targetKind: c.targetKind, selfStartsOn: c.selfStartsOn, selfEndsOn: c.selfEndsOn, due: c.status === 'self_assessment' ? phaseDue(c, now) : null },
    target: { id: target.id, version: target.version, selfStatus: target.selfStatus, selfSubmittedAt: target.selfSubmittedAt },
    editable: editable(c, target),
    nodes,
    entries: nodes.filter((n) => n.leaf).map((n) => {
      const r = byCode.get(n.code);
      return {
        id: r?.id ?? null, nodeCode: n.code, score: r?.score ?? null, comment: r?.comment ?? null, updatedAt: r?.updatedAt ?? null, files: r?.files ?? 0,
        facts: r?.facts ?? leafFacts(live, n.factKey),
      };
    }),
  };
}

function leafOf(nodes: CampaignNode[], code: string) {
  const n = nodes.find((x) => x.code === code);
  if (!n || !n.leaf) throw invalidField('nodeCode', '请选择末级指标进行自评');
  return n;
}

/** Autosave of one leaf: score and comment (absent = unchanged, null = cleared). */
export async function saveSelf(
  db: DbOrTx, actor: WorkflowActor, user: CampaignSubject,
  input: { campaignId: string; nodeCode: string; score?: number | null; comment?: string | null },
) {
  return db.transaction(async (tx) => {
    const { campaign: c, target } = await ownTarget(tx, user, input.campaignId);
    if (!editable(c, target)) throw whyNotEditable(c, target);
    const leaf = leafOf(await versionTree(tx, c.versionId), input.nodeCode);
    if (input.score != null && input.score > maxOf(leaf)) throw invalidField('score', `自评分应在 0–${maxOf(leaf)} 之间`);
    const set: Partial<typeof selfAssessments.$inferInsert> = { updatedBy: actor.id, updatedAt: new Date() };
    if (input.score !== undefined) set.score = input.score;
    if (input.comment !== undefined) set.comment = input.comment || null;
    const [row] = await tx.insert(selfAssessments).values({ targetId: target.id, nodeCode: leaf.code, ...set })
      .onConflictDoUpdate({ target: [selfAssessments.targetId, selfAssessments.nodeCode], set })
      .returning({ id: selfAssessments.id, nodeCode: selfAssessments.nodeCode, score: selfAssessments.score, comment: selfAssessments.comment, updatedAt: selfAssessments.updatedAt });
    await appendAudit(tx, actor, {
      action: 'self_assessment.save', entityType: 'campaign_target', entityId: target.id,
      after: { nodeCode: leaf.code, ...(input.score !== undefined ? { score: input.score } : {}), ...(input.comment !== undefined ? { comment: input.comment } : {}) },
    });
    return row;
  });
}

/** Submit: frozen, with the facts as recorded today; the 自评 task closes. */
export async function submitSelf(db: DbOrTx, actor: WorkflowActor, user: CampaignSubject, input: { campaignId: string; version: number }, now = new Date()) {
  return db.transaction(async (tx) => {
    const { campaign: c, target } = await ownTarget(tx, user, input.campaignId);
    const [locked] = await tx.select().from(campaignTargets).where(eq(campaignTargets.id, target.id)).for('update');
    if (locked.version !== input.version) throw conflict();
    if (!editable(c, locked)) throw whyNotEditable(c, locked);
    const [nodes, rows] = await Promise.all([versionTree(tx, c.versionId), selfRows(tx, target.id)]);
    const facts = await factsFor(tx, target.orgId, c.year, now);
    for (const n of nodes.filter((x) => x.leaf && x.factKey)) {
      await tx.insert(selfAssessments).values({ targetId: target.id, nodeCode: n.code, facts: leafFacts(facts, n.factKey) })
        .onConflictDoUpdate({ target: [selfAssessments.targetId, selfAssessments.nodeCode], set: { facts: leafFacts(facts, n.factKey) } });
    }
    const [row] = await tx.update(campaignTargets).set({ selfStatus: 'submitted', selfSubmittedAt: now, version: locked.version + 1, updatedAt: now })
      .where(and(eq(campaignTargets.id, target.id), eq(campaignTargets.version, input.version))).returning();
    if (!row) throw conflict();
    const leaves = nodes.filter((n) => n.leaf).length;
    const filled = rows.filter((r) => r.score !== null || (r.comment ?? '').trim() !== '').length;
    await appendAudit(tx, actor, {
      action: 'campaign_target.self_submit', entityType: 'campaign_target', entityId: target.id,
      before: { selfStatus: 'pending', version: locked.version }, after: { selfStatus: 'submitted', version: row.version, filled, leaves },
    });
    await closeInbox(tx, 'campaign_target', target.id, [SELF_TASK]);
    return row;
  });
}
