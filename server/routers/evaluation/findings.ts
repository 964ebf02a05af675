import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { campaignTargets, evaluationFindings, organizations } from '@/db/schema';
import { appendAudit } from '@/server/domain/audit';
import { isKnownCitation } from '@/server/domain/citations';
import { invalidField, notFound, precondition } from '@/server/domain/errors';
import { DEADLINE_MAX, DEADLINE_MIN, ORDER_DEADLINE_KINDS } from '@/server/domain/rectification';
import type { WorkflowActor } from '@/server/domain/workflow';
import { issueOrder } from '@/server/routers/rectification/orders';
import { campaignAccess, findTargetAccess, type CampaignSubject } from './campaign-access';
import { versionTree } from './campaign-tree';
import { findingRows } from './results';

/**
 * Findings of an evaluation (评价发现的问题, HN-22 ¶2), written by the owner during review or after
 * publication, and turned into a rectification order in one step (source 'evaluation', sourceRef =
 * the finding), once.
 */
const uuid = (what: string) => z.uuid({ message: `${what}编号有误` });

export const ZAddFindingInput = z.object({
  targetId: uuid('评价对象'),
  nodeCode: z.string().trim().max(64).nullish(),
  body: z.string({ message: '请填写发现的问题(至少 2 个字)' }).trim().min(2, '请填写发现的问题(至少 2 个字)').max(2000, '至多 2000 字'),
  majorRisk: z.boolean().default(false),
});
export const ZFindingRef = z.object({ id: uuid('问题') });
export const ZFindingToOrderInput = z.object({
  id: uuid('问题'),
  deadlineKind: z.enum(ORDER_DEADLINE_KINDS, { message: '请选择期限类型' }),
  deadlineAmount: z.number({ message: '请填写整改期限' }).int('应为整数').min(DEADLINE_MIN, `至少 ${DEADLINE_MIN} 天`).max(DEADLINE_MAX, `至多 ${DEADLINE_MAX} 天`),
  /** Default: the leaf's article, else HN-22 ¶2. */
  article: z.string().trim().max(32, '条款至多 32 个字符').nullish(),
  title: z.string().trim().max(200, '至多 200 字').nullish(),
});

/** The target, when the caller runs its campaign and the campaign is in review or published (else NOT_FOUND / precondition). */
async function ownedTarget(db: DbOrTx, user: CampaignSubject, targetId: string) {
  const a = await findTargetAccess(db, user, targetId);
  if (!a?.owner) throw notFound('评价对象');
  if (a.campaign.status !== 'review' && a.campaign.status !== 'published') throw precondition('评分结束(进入复核)后方可记录评价发现的问题', 'HN-22 ¶2');
  return a;
}

/** Every finding of a campaign, with its target and the order it became (the owner and the province). */
export async function listFindings(db: DbOrTx, user: CampaignSubject, campaignId: string) {
  const a = await campaignAccess(db, user, campaignId);
  if (!a.manager) throw notFound('评价活动');
  const targets = await db.select({ id: campaignTargets.id, orgName: organizations.name }).from(campaignTargets)
    .innerJoin(organizations, eq(organizations.id, campaignTargets.orgId)).where(eq(campaignTargets.campaignId, campaignId));
  const nameOf = new Map(targets.map((t) => [t.id, t.orgName]));
  const rows = await findingRows(db, targets.map((t) => t.id));
  return rows.map((r) => ({ ...r, orgName: nameOf.get(r.targetId) ?? '' }));
}

export async function addFinding(db: DbOrTx, actor: WorkflowActor, user: CampaignSubject, input: z.infer<typeof ZAddFindingInput>) {
  return db.transaction(async (tx) => {
    const a = await ownedTarget(tx, user, input.targetId);
    const nodeCode = input.nodeCode || null;
    if (nodeCode && !(await versionTree(tx, a.campaign.versionId)).some((n) => n.code === nodeCode)) throw invalidField('nodeCode', '指标不存在');
    const [row] = await tx.insert(evaluationFindings).values({ targetId: input.targetId, nodeCode, body: input.body, majorRisk: input.majorRisk, createdBy: actor.id }).returning();
    await appendAudit(tx, actor, {
      action: 'evaluation_finding.add', entityType: 'campaign_target', entityId: input.targetId,
      after: { finding: row.id, nodeCode, body: input.body, majorRisk: input.majorRisk },
    });
    return row;
  });
}

/** Remove a finding that has not become an order. */
export async function removeFinding(db: DbOrTx, actor: WorkflowActor, user: CampaignSubject, input: { id: string }) {
  return db.transaction(async (tx) => {
    const [f] = await tx.select().from(evaluationFindings).where(eq(evaluationFindings.id, input.id)).for('update');
    if (!f) throw notFound('问题');
    await ownedTarget(tx, user, f.targetId);
    if (f.orderId) throw precondition('该问题已转为整改通知,不能删除', 'HN-22 ¶2');
    await tx.delete(evaluationFindings).where(eq(evaluationFindings.id, f.id));
    await appendAudit(tx, actor, {
      action: 'evaluation_finding.remove', entityType: 'campaign_target', entityId: f.targetId,
      before: { finding: f.id, nodeCode: f.nodeCode, body: f.body, majorRisk: f.majorRisk },
    });
    return { id: f.id };
  });
}

/**
 * A finding becomes a rectification order in one step (HN-22 ¶2): issued by the owner to the
 * target with the finding's text, the leaf's article (else HN-22 ¶2) and the deadline given; a
 * major risk escalates at once (rectification/orders.ts). Refused the second time.
 */
export async function findingToOrder(db: DbOrTx, actor: WorkflowActor, user: CampaignSubject, input: z.infer<typeof ZFindingToOrderInput>, now = new Date()) {
  return db.transaction(async (tx) => {
    const [f] = await tx.select().from(evaluationFindings).where(eq(evaluationFindings.id, input.id)).for('update');
    if (!f) throw notFound('问题');
    const a = await ownedTarget(tx, user, f.targetId);
    if (f.orderId) throw precondition('该问题已转为整改通知,不能重复签发', 'HN-22 ¶2');
    const nodes = await versionTree(tx, a.campaign.versionId);
    const leaf = f.nodeCode ? nodes.find((n) => n.code === f.nodeCode) : undefined;
    const fallback = leaf?.article && isKnownCitation(leaf.article) ? leaf.article : 'HN-22 ¶2';
    const order = await issueOrder(tx, actor, {
      source: 'evaluation', sourceRef: f.id, targetOrgId: a.target.orgId,
      title: input.title || `${a.campaign.year} 年度评价发现问题整改${leaf ? `:${leaf.name}` : ''}`.slice(0, 200),
      findings: [f.body], article: input.article || fallback, majorRisk: f.majorRisk,
      deadlineKind: input.deadlineKind, deadlineAmount: input.deadlineAmount,
    }, now);
    const [row] = await tx.update(evaluationFindings).set({ orderId: order.id })
      .where(and(eq(evaluationFindings.id, f.id), eq(evaluationFindings.targetId, f.targetId))).returning();
    await appendAudit(tx, actor, {
      action: 'evaluation_finding.to_order', entityType: 'campaign_target', entityId: f.targetId,
      after: { finding: f.id, order: order.id, no: order.no, article: order.article, dueAt: order.dueAt.toISOString() },
    });
    return { finding: row, order: { id: order.id, no: order.no, status: order.status, dueAt: order.dueAt } };
  });
}
