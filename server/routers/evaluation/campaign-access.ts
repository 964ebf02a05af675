import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { campaignEvaluators, campaigns, campaignTargets, evaluatorTargets, organizations } from '@/db/schema';
import { notFound, precondition } from '@/server/domain/errors';
import { can } from '@/server/domain/policy';
import { scopeLevel, type ScopeSubject } from '@/server/domain/scope';

/**
 * Who sees which campaign and which target (HN-22), in one place; the results (result-router.ts)
 * use the same functions.
 *
 * - The owner organization's data authority sees its campaigns fully and runs them; the province
 *   sees every campaign (read).
 * - A panel member sees, from the start on, the campaigns it sits on and only the targets it has
 *   not declared a conflict of interest for; it opens a target only after declaring (HN-22,
 *   评审回避).
 * - A target organization sees, from the start on, only its own target row: never the other
 *   targets, their names or their count.
 * - Everybody else: NOT_FOUND (DESIGN §1).
 */
export type CampaignRow = typeof campaigns.$inferSelect;
export type TargetRow = typeof campaignTargets.$inferSelect;
export type AssignmentRow = typeof evaluatorTargets.$inferSelect;

/** The caller as the access rules need it (a SessionUser fits). */
export interface CampaignSubject extends ScopeSubject {
  id: string;
}

/** Sees every campaign: the province's data authority. */
export const seesAllCampaigns = (user: CampaignSubject) => can(user, 'campaign.manage') && scopeLevel(user) === 'province';

/** Runs this campaign (edit while draft, start, open and close scoring, confirm and publish): its owner. */
export const ownsCampaign = (user: CampaignSubject, c: Pick<CampaignRow, 'ownerOrgId'>) => can(user, 'campaign.manage') && c.ownerOrgId === user.orgId;

/** Condition on `campaigns`: the rows the caller may see at all. */
export function campaignScope(user: CampaignSubject): SQL {
  const conds: SQL[] = [];
  if (can(user, 'campaign.manage')) conds.push(seesAllCampaigns(user) ? sql`true` : eq(campaigns.ownerOrgId, user.orgId));
  if (can(user, 'campaign.score')) {
    conds.push(sql`(${campaigns.status} <> 'draft' and exists (select 1 from ${campaignEvaluators} where ${campaignEvaluators.campaignId} = ${campaigns.id} and ${campaignEvaluators.userId} = ${user.id}))`);
  }
  if (can(user, 'campaign.self')) {
    conds.push(sql`(${campaigns.status} <> 'draft' and exists (select 1 from ${campaignTargets} where ${campaignTargets.campaignId} = ${campaigns.id} and ${campaignTargets.orgId} = ${user.orgId}))`);
  }
  return conds.length ? or(...conds)! : sql`false`;
}

/** Condition on the campaigns a caller manages fully (owner, or the province). */
export function managedScope(user: CampaignSubject): SQL {
  if (!can(user, 'campaign.manage')) return sql`false`;
  return seesAllCampaigns(user) ? sql`true` : eq(campaigns.ownerOrgId, user.orgId);
}

/**
 * Condition on `campaign_targets`: the target rows the caller may see. A panel member sees a target
 * only while it has not declared a conflict; a target sees its own row once the campaign started.
 */
export function targetScope(user: CampaignSubject): SQL {
  const conds: SQL[] = [];
  if (can(user, 'campaign.manage')) {
    conds.push(seesAllCampaigns(user) ? sql`true` : sql`${campaignTargets.campaignId} in (select ${campaigns.id} from ${campaigns} where ${campaigns.ownerOrgId} = ${user.orgId})`);
  }
  if (can(user, 'campaign.score')) {
    conds.push(sql`exists (select 1 from ${evaluatorTargets} where ${evaluatorTargets.targetId} = ${campaignTargets.id} and ${evaluatorTargets.evaluatorUserId} = ${user.id} and ${evaluatorTargets.coi} <> 'conflict')`);
  }
  if (can(user, 'campaign.self')) {
    conds.push(sql`(${campaignTargets.orgId} = ${user.orgId} and ${campaignTargets.campaignId} in (select ${campaigns.id} from ${campaigns} where ${campaigns.status} <> 'draft'))`);
  }
  return conds.length ? or(...conds)! : sql`false`;
}

export interface CampaignAccess {
  campaign: CampaignRow;
  /** Runs it (owner organization). */
  owner: boolean;
  /** Sees all of it: the owner, or the province. */
  manager: boolean;
  /** Its campaign_evaluators row, when the caller sits on the panel (from the start on). */
  panelId: string | null;
  /** The panel lead (resolves divergent leaves). */
  lead: boolean;
  /** The caller organization's own target row (from the start on). */
  target: TargetRow | null;
}

/** What the caller is to a campaign; null when it may not see it. */
export async function findCampaignAccess(db: DbOrTx, user: CampaignSubject, campaignId: string): Promise<CampaignAccess | null> {
  if (!UUID.test(campaignId)) return null;
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) return null;
  const manager = ownsCampaign(user, campaign) || seesAllCampaigns(user);
  const started = campaign.status !== 'draft';
  let panelId: string | null = null;
  if (started && can(user, 'campaign.score')) {
    const [p] = await db.select({ id: campaignEvaluators.id }).from(campaignEvaluators)
      .where(and(eq(campaignEvaluators.campaignId, campaignId), eq(campaignEvaluators.userId, user.id)));
    panelId = p?.id ?? null;
  }
  let target: TargetRow | null = null;
  if (started && can(user, 'campaign.self')) {
    const [t] = await db.select().from(campaignTargets).where(and(eq(campaignTargets.campaignId, campaignId), eq(campaignTargets.orgId, user.orgId)));
    target = t ?? null;
  }
  if (!manager && !panelId && !target) return null;
  return { campaign, owner: ownsCampaign(user, campaign), manager, panelId, lead: !!panelId && campaign.leadUserId === user.id, target };
}

/** `findCampaignAccess`, NOT_FOUND when the caller may not see the campaign. */
export async function campaignAccess(db: DbOrTx, user: CampaignSubject, campaignId: string): Promise<CampaignAccess> {
  const a = await findCampaignAccess(db, user, campaignId);
  if (!a) throw notFound('评价活动');
  return a;
}

/** The campaign, when the caller runs it (NOT_FOUND otherwise: the province reads others' campaigns but does not run them). */
export async function ownedCampaign(db: DbOrTx, user: CampaignSubject, campaignId: string): Promise<CampaignRow> {
  const a = await findCampaignAccess(db, user, campaignId);
  if (!a?.owner) throw notFound('评价活动');
  return a.campaign;
}

export type TargetViewer = 'manager' | 'target' | 'evaluator';

export interface TargetAccess {
  campaign: CampaignRow;
  target: TargetRow & { orgName: string };
  as: TargetViewer;
  /** The evaluator's assignment (COI declaration, submission), when `as` is 'evaluator'. */
  assignment: AssignmentRow | null;
  owner: boolean;
}

const UUID = /^[0-9a-f-]{36}$/i;

/**
 * What the caller is to one target; null when it may not see it. A panel member that declared a
 * conflict for it no longer sees it at all (HN-22, 回避).
 */
export async function findTargetAccess(db: DbOrTx, user: CampaignSubject, targetId: string): Promise<TargetAccess | null> {
  if (!UUID.test(targetId)) return null;
  const [row] = await db
    .select({ target: campaignTargets, orgName: organizations.name, campaign: campaigns })
    .from(campaignTargets)
    .innerJoin(campaigns, eq(campaigns.id, campaignTargets.campaignId))
    .innerJoin(organizations, eq(organizations.id, campaignTargets.orgId))
    .where(eq(campaignTargets.id, targetId));
  if (!row) return null;
  const { campaign } = row;
  const target = { ...row.target, orgName: row.orgName };
  const owner = ownsCampaign(user, campaign);
  if (owner || seesAllCampaigns(user)) return { campaign, target, as: 'manager', assignment: null, owner };
  if (campaign.status === 'draft') return null;
  if (can(user, 'campaign.self') && target.orgId === user.orgId) return { campaign, target, as: 'target', assignment: null, owner: false };
  if (can(user, 'campaign.score')) {
    const [a] = await db.select().from(evaluatorTargets).where(and(eq(evaluatorTargets.targetId, targetId), eq(evaluatorTargets.evaluatorUserId, user.id)));
    if (a && a.coi !== 'conflict') return { campaign, target, as: 'evaluator', assignment: a, owner: false };
  }
  return null;
}

/** `findTargetAccess`, NOT_FOUND when the caller may not see the target. */
export async function targetAccess(db: DbOrTx, user: CampaignSubject, targetId: string): Promise<TargetAccess> {
  const a = await findTargetAccess(db, user, targetId);
  if (!a) throw notFound('评价对象');
  return a;
}

/**
 * A panel member opening a target: it must sit on it without conflict (NOT_FOUND otherwise) and
 * have declared that it has none (HN-22: 评审专家声明无利益冲突后方可查看评价对象).
 */
export async function evaluatorOn(db: DbOrTx, user: CampaignSubject, targetId: string): Promise<TargetAccess & { assignment: AssignmentRow }> {
  const a = await findTargetAccess(db, user, targetId);
  if (!a || a.as !== 'evaluator' || !a.assignment) throw notFound('评价对象');
  if (a.assignment.coi !== 'clear') throw precondition('请先就该评价对象声明有无利益冲突,声明无利益冲突后方可查看', 'HN-22');
  return a as TargetAccess & { assignment: AssignmentRow };
}
