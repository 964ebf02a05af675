import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { campaignEvaluators, campaigns, campaignTargets, evaluatorTargets, inboxItems, selfAssessments } from '@/db/schema';
import { DAY_MS, shanghaiDate } from '@/server/domain/dates';
import { CAMPAIGN_STATUSES, TARGET_KIND_ARTICLE, TARGET_ORG_TYPE, type CampaignStatus, type TargetKind } from '@/server/domain/evaluation';
import { closeInbox, defineMachine, openInbox, type InboxSpec } from '@/server/domain/workflow';
import { leafCodes, versionTree } from './campaign-tree';

/**
 * 年度评价 campaign (HN-22): draft → self_assessment → scoring → review → published.
 *
 * Who does what (我的待办, each with its deadline from the schedule):
 * - start: every target organization gets 自评 (HN-22 ¶2: 如实提供有关资料) due at the end of the
 *   self-assessment window; every panel member gets 利益冲突声明, due by then too.
 * - open_scoring: the self-assessment tasks close; every panel member gets 评分, due at the end of
 *   the scoring window.
 * - close_scoring: the panel's tasks close; the owner gets 复核 (review), due at the end of review.
 * - publish: once the results are confirmed (result-router.ts sets `confirmedAt`).
 *
 * Per-party tasks hang on their own rows ('campaign_target' for a target, 'campaign_panel' for a
 * panel member) so that each closes on its own (a target's submission, an evaluator's last
 * declaration / submission); the owner's task hangs on the campaign.
 */
export type CampaignRowT = typeof campaigns.$inferSelect;
export type CampaignAction = 'start' | 'open_scoring' | 'close_scoring' | 'publish';

/** Counted by the caller before the step, for the guards (which are synchronous). */
export interface CampaignStepInput {
  /** Today in Asia/Shanghai (injectable for tests). */
  today?: string;
  targetCount?: number;
  panelUserIds?: string[];
  leafCount?: number;
}

export const SELF_TASK = 'self';
export const COI_TASK = 'coi';
export const SCORE_TASK = 'score';
export const REVIEW_TASK = 'review';

/** Calendar days from today to a schedule date (negative once it has passed: the task shows overdue). */
export function daysUntil(date: string, now: Date): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${shanghaiDate(now)}T00:00:00Z`)) / DAY_MS);
}

/** A task due at the end of a schedule date (Asia/Shanghai). */
function dueOn(date: string, basis: string, now = new Date()): InboxSpec['deadline'] {
  return { kind: 'calendar_days', amount: daysUntil(date, now), basis, startedAt: now };
}

/** The role that acts for the owner: the province's or a city's data authority. */
export const ownerRole = (c: Pick<CampaignRowT, 'regionCode'>) => (c.regionCode === '410000' ? 'province_admin' : 'municipal_admin');

export const campaignHref = (id: string) => `/evaluation/campaigns/${id}`;

async function targetsOf(tx: DbOrTx, campaignId: string) {
  return tx.select({ id: campaignTargets.id, orgId: campaignTargets.orgId }).from(campaignTargets).where(eq(campaignTargets.campaignId, campaignId));
}

async function panelOf(tx: DbOrTx, campaignId: string) {
  return tx.select({ id: campaignEvaluators.id, userId: campaignEvaluators.userId }).from(campaignEvaluators).where(eq(campaignEvaluators.campaignId, campaignId));
}

async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Start: every panel member × target gets its (pending) declaration row, every target × leaf its
 * self-assessment row (evidence files hang on it), and the tasks go out.
 */
async function start(tx: Tx, row: CampaignRowT) {
  const [targets, panel, nodes] = await Promise.all([targetsOf(tx, row.id), panelOf(tx, row.id), versionTree(tx, row.versionId)]);
  const leaves = leafCodes(nodes);
  await insertChunked(panel.flatMap((p) => targets.map((t) => ({ targetId: t.id, evaluatorUserId: p.userId }))), 2000, (c) => tx.insert(evaluatorTargets).values(c).onConflictDoNothing());
  await insertChunked(targets.flatMap((t) => leaves.map((code) => ({ targetId: t.id, nodeCode: code }))), 2000, (c) => tx.insert(selfAssessments).values(c).onConflictDoNothing());
  const role = TARGET_ORG_TYPE[row.targetKind as TargetKind];
  const article = TARGET_KIND_ARTICLE[row.targetKind as TargetKind];
  for (const t of targets) {
    await openInbox(tx, 'campaign_target', t.id, [{
      assigneeOrgId: t.orgId, assigneeRole: role, step: SELF_TASK, title: `自评:${row.name}`,
      href: `${campaignHref(row.id)}/self`, basis: 'HN-22 ¶2', deadline: dueOn(row.selfEndsOn, 'HN-22 ¶2'),
    }]);
  }
  for (const p of panel) {
    await openInbox(tx, 'campaign_panel', p.id, [{
      assigneeUserId: p.userId, step: COI_TASK, title: `利益冲突声明:${row.name}`,
      href: campaignHref(row.id), basis: article, deadline: dueOn(row.selfEndsOn, article),
    }]);
  }
}

async function openScoring(tx: Tx, row: CampaignRowT) {
  const [targets, panel] = await Promise.all([targetsOf(tx, row.id), panelOf(tx, row.id)]);
  for (const t of targets) await closeInbox(tx, 'campaign_target', t.id, [SELF_TASK]);
  const article = TARGET_KIND_ARTICLE[row.targetKind as TargetKind];
  for (const p of panel) {
    await openInbox(tx, 'campaign_panel', p.id, [{
      assigneeUserId: p.userId, step: SCORE_TASK, title: `评分:${row.name}`,
      href: campaignHref(row.id), basis: article, deadline: dueOn(row.scoringEndsOn, article),
    }]);
  }
}

async function closeScoring(tx: Tx, row: CampaignRowT) {
  for (const p of await panelOf(tx, row.id)) await closeInbox(tx, 'campaign_panel', p.id, 'all');
}

export const campaignMachine = defineMachine<CampaignStatus, CampaignAction, CampaignRowT, CampaignStepInput>({
  entity: 'campaign',
  table: campaigns,
  states: CAMPAIGN_STATUSES,
  transitions: {
    start: {
      from: ['draft'],
      to: 'self_assessment',
      permission: 'campaign.manage',
      guard: (row, i) => {
        const article = TARGET_KIND_ARTICLE[row.targetKind as TargetKind];
        if (!i.targetCount) return { message: '请至少选择一个评价对象', article };
        if (!i.panelUserIds?.length) return { message: '请至少选择一名评审专家', article };
        if (!row.leadUserId || !i.panelUserIds.includes(row.leadUserId)) return { message: '请从评审专家中指定评审组长', article };
        if (!i.leafCount) return { message: '所选指标体系版本没有末级指标', article };
        if (i.today && row.selfEndsOn < i.today) return { message: `自评截止日期 ${row.selfEndsOn} 已过,请先调整日程`, article };
        return null;
      },
      closes: [],
      effect: (tx, row) => start(tx, row),
    },
    open_scoring: {
      from: ['self_assessment'],
      to: 'scoring',
      permission: 'campaign.manage',
      closes: [],
      effect: (tx, row) => openScoring(tx, row),
    },
    close_scoring: {
      from: ['scoring'],
      to: 'review',
      permission: 'campaign.manage',
      opens: (row) => [{
        assigneeOrgId: row.ownerOrgId, assigneeRole: ownerRole(row), step: REVIEW_TASK, title: `复核评价结果:${row.name}`,
        href: `${campaignHref(row.id)}/results`, basis: 'HN-22', deadline: dueOn(row.reviewEndsOn, 'HN-22'),
      }],
      effect: (tx, row) => closeScoring(tx, row),
    },
    publish: {
      from: ['review'],
      to: 'published',
      permission: 'campaign.manage',
      // HN-22: the results are published once the owner has confirmed them (result-router.ts).
      guard: (row) => (row.confirmedAt ? null : { message: '评价结果尚未确认,确认后方可发布', article: 'HN-22' }),
      patch: () => ({ publishedAt: new Date() }),
    },
  },
});

/** Is a task of this party still open (for tests and the evaluator's home)? */
export async function openTask(db: DbOrTx, entityType: 'campaign_target' | 'campaign_panel' | 'campaign', entityId: string, step: string) {
  const [r] = await db.select({ id: inboxItems.id }).from(inboxItems)
    .where(and(eq(inboxItems.entityType, entityType), eq(inboxItems.entityId, entityId), eq(inboxItems.step, step), isNull(inboxItems.closedAt)));
  return !!r;
}
