import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { queryRows, type DbOrTx } from '@/db/client';
import {
  campaignEvaluators, campaigns, campaignTargets, evaluationScores, evaluatorTargets, indicatorSystems, indicatorVersions, organizations, users,
} from '@/db/schema';
import { appendAudit, diff } from '@/server/domain/audit';
import { deadlineStatus, endOfShanghaiDay, shanghaiDate, type DeadlineStatus } from '@/server/domain/deadlines';
import { conflict, invalidField, notFound, precondition } from '@/server/domain/errors';
import { TARGET_KINDS, TARGET_ORG_TYPE, type CampaignStatus, type TargetKind } from '@/server/domain/evaluation';
import { keyset, likePattern, pageOf, timeCursor, timeSortKey, type Cursor } from '@/server/domain/paging';
import { timelineOf } from '@/server/domain/timeline';
import { transition, type WorkflowActor } from '@/server/domain/workflow';
import {
  campaignAccess, campaignScope, managedScope, ownedCampaign, seesAllCampaigns, type CampaignRow, type CampaignSubject,
} from './campaign-access';
import { campaignMachine, type CampaignAction } from './campaign-machine';
import type { CampaignFilter, CreateCampaignInput, UpdateCampaignInput } from './campaign-schema';
import { OWNER_STEPS } from './campaign-schema';
import { leafCodes, versionTree } from './campaign-tree';

/**
 * 年度评价 campaigns (HN-22): set-up by the owner (the province for implementing agencies, HN-22 ¶1;
 * the province or a city data authority for operators, HN-22 ¶2), the list and the campaign page.
 */
export const ARTICLE_OF: Record<TargetKind, string> = { agency: 'HN-22 ¶1', operator: 'HN-22 ¶2' };

/** The kinds of campaign the caller may run: a city data authority evaluates operators only (HN-22 ¶2). */
export const allowedKinds = (user: CampaignSubject): TargetKind[] => (seesAllCampaigns(user) ? [...TARGET_KINDS] : ['operator']);

function checkKind(user: CampaignSubject, kind: TargetKind) {
  if (!allowedKinds(user).includes(kind)) {
    throw precondition('实施机构的年度评价由省行政审批政务信息管理局开展,市级公共数据主管部门只能评价一级开发主体', 'HN-22 ¶1');
  }
}

/** Organizations a campaign of this kind may evaluate, in the caller's reach (a city: its own region only). */
function targetOrgScope(user: CampaignSubject, kind: TargetKind): SQL {
  return and(
    eq(organizations.type, TARGET_ORG_TYPE[kind]),
    eq(organizations.active, true),
    seesAllCampaigns(user) ? undefined : eq(organizations.regionCode, user.regionCode),
  )!;
}

/** What the set-up form offers: published versions of the kind's systems, eligible targets, evaluators. */
export async function formOptions(db: DbOrTx, user: CampaignSubject, kind: TargetKind) {
  const kinds = allowedKinds(user);
  if (!kinds.includes(kind)) return { kinds, versions: [], targets: [], evaluators: [] };
  const [versions, targets, evaluators] = await Promise.all([
    db.select({ id: indicatorVersions.id, versionNo: indicatorVersions.versionNo, publishedAt: indicatorVersions.publishedAt, systemName: indicatorSystems.name })
      .from(indicatorVersions)
      .innerJoin(indicatorSystems, eq(indicatorSystems.id, indicatorVersions.systemId))
      .where(and(eq(indicatorSystems.targetKind, kind), eq(indicatorVersions.status, 'published')))
      .orderBy(asc(indicatorSystems.name), sql`${indicatorVersions.versionNo} desc`),
    db.select({ id: organizations.id, name: organizations.name, regionCode: organizations.regionCode })
      .from(organizations).where(targetOrgScope(user, kind)).orderBy(asc(organizations.regionCode), asc(organizations.name)),
    db.select({ id: users.id, name: users.displayName, orgName: organizations.name })
      .from(users).innerJoin(organizations, eq(organizations.id, users.orgId))
      .where(and(sql`'evaluator' = any(${users.roles})`, eq(users.status, 'active'))).orderBy(asc(users.displayName)),
  ]);
  return { kinds, versions, targets, evaluators };
}

type SetupInput = CreateCampaignInput;

/** Every check of a set-up, in one place: kind, frozen published version, targets in reach, evaluators. */
async function checkSetup(db: DbOrTx, user: CampaignSubject, input: SetupInput) {
  checkKind(user, input.targetKind);
  const [v] = await db.select({ status: indicatorVersions.status, kind: indicatorSystems.targetKind })
    .from(indicatorVersions).innerJoin(indicatorSystems, eq(indicatorSystems.id, indicatorVersions.systemId))
    .where(eq(indicatorVersions.id, input.versionId));
  if (!v) throw invalidField('versionId', '指标体系版本不存在,请重新选择');
  // A campaign freezes a published version: a draft may still change (HN-22 ¶1: 评价指标体系).
  if (v.status !== 'published') throw invalidField('versionId', '只能选择已发布的指标体系版本,草稿版本不能用于评价');
  if (v.kind !== input.targetKind) throw invalidField('versionId', '该指标体系不适用于所选的评价对象类型');
  const targetIds = [...new Set(input.targetOrgIds)];
  if (targetIds.length) {
    const orgs = await db.select({ id: organizations.id, name: organizations.name, type: organizations.type, regionCode: organizations.regionCode, active: organizations.active })
      .from(organizations).where(inArray(organizations.id, targetIds));
    for (const id of targetIds) {
      const o = orgs.find((x) => x.id === id);
      // another city's organizations are outside a city authority's reach: nothing about them leaks
      if (!o || (!seesAllCampaigns(user) && o.regionCode !== user.regionCode)) throw notFound('评价对象');
      if (o.type !== TARGET_ORG_TYPE[input.targetKind]) {
        throw invalidField('targetOrgIds', `${o.name}不是${input.targetKind === 'agency' ? '实施机构' : '一级开发主体'},不能作为本次评价对象(${ARTICLE_OF[input.targetKind]})`);
      }
      if (!o.active) throw invalidField('targetOrgIds', `${o.name}已停用,不能作为评价对象`);
    }
  }
  const panelIds = [...new Set(input.evaluatorUserIds)];
  if (panelIds.length) {
    const rows = await db.select({ id: users.id, name: users.displayName, roles: users.roles, status: users.status }).from(users).where(inArray(users.id, panelIds));
    for (const id of panelIds) {
      const u = rows.find((x) => x.id === id);
      if (!u || !u.roles.includes('evaluator') || u.status !== 'active') throw invalidField('evaluatorUserIds', `${u?.name ?? '所选用户'}不是在册的评审专家`);
    }
  }
  return { targetIds, panelIds };
}

function campaignValues(input: SetupInput) {
  return {
    name: input.name, year: input.year, targetKind: input.targetKind, versionId: input.versionId, leadUserId: input.leadUserId ?? null,
    selfStartsOn: input.selfStartsOn, selfEndsOn: input.selfEndsOn, scoringEndsOn: input.scoringEndsOn, reviewEndsOn: input.reviewEndsOn, publishOn: input.publishOn,
    aggregation: input.aggregation, trimmedMin: input.trimmedMin, divergencePct: input.divergencePct,
  };
}

async function writeParties(db: DbOrTx, campaignId: string, targetIds: string[], panelIds: string[]) {
  if (targetIds.length) await db.insert(campaignTargets).values(targetIds.map((orgId) => ({ campaignId, orgId })));
  if (panelIds.length) await db.insert(campaignEvaluators).values(panelIds.map((userId) => ({ campaignId, userId })));
}

/** A new draft campaign, owned by the caller's organization. */
export async function createCampaign(db: DbOrTx, actor: WorkflowActor, user: CampaignSubject, input: CreateCampaignInput): Promise<CampaignRow> {
  return db.transaction(async (tx) => {
    const { targetIds, panelIds } = await checkSetup(tx, user, input);
    const [row] = await tx.insert(campaigns).values({ ...campaignValues(input), ownerOrgId: user.orgId, regionCode: user.regionCode, createdBy: actor.id }).returning();
    await writeParties(tx, row.id, targetIds, panelIds);
    await appendAudit(tx, actor, {
      action: 'campaign.create', entityType: 'campaign', entityId: row.id,
      after: { ...campaignValues(input), targets: targetIds.length, evaluators: panelIds.length, status: 'draft' },
    });
    return row;
  });
}

/** Lock the owner's draft, checking the version (stale → CONFLICT) and that it was not started. */
async function lockDraft(db: DbOrTx, user: CampaignSubject, ref: { id: string; version: number }) {
  await ownedCampaign(db, user, ref.id);
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, ref.id)).for('update');
  if (row.version !== ref.version) throw conflict();
  if (row.status !== 'draft') throw precondition('评价活动已启动,设置不能再修改', 'HN-22');
  return row;
}

/** Edit a draft: settings, targets and panel (replaced as a whole: a draft has nothing hanging on them). */
export async function updateCampaign(db: DbOrTx, actor: WorkflowActor, user: CampaignSubject, input: UpdateCampaignInput): Promise<CampaignRow> {
  return db.transaction(async (tx) => {
    const before = await lockDraft(tx, user, input);
    const { targetIds, panelIds } = await checkSetup(tx, user, input);
    const [oldTargets, oldPanel] = await Promise.all([
      tx.select({ orgId: campaignTargets.orgId }).from(campaignTargets).where(eq(campaignTargets.campaignId, input.id)),
      tx.select({ userId: campaignEvaluators.userId }).from(campaignEvaluators).where(eq(campaignEvaluators.campaignId, input.id)),
    ]);
    const [row] = await tx.update(campaigns).set({ ...campaignValues(input), version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(campaigns.id, input.id), eq(campaigns.version, input.version))).returning();
    if (!row) throw conflict();
    await tx.delete(campaignTargets).where(eq(campaignTargets.campaignId, input.id));
    await tx.delete(campaignEvaluators).where(eq(campaignEvaluators.campaignId, input.id));
    await writeParties(tx, input.id, targetIds, panelIds);
    const d = diff(
      { ...pick(before), targets: oldTargets.map((t) => t.orgId).sort(), evaluators: oldPanel.map((p) => p.userId).sort() },
      { ...campaignValues(input), targets: [...targetIds].sort(), evaluators: [...panelIds].sort() },
    );
    await appendAudit(tx, actor, { action: 'campaign.update', entityType: 'campaign', entityId: row.id, before: d.before, after: { ...d.after, version: row.version } });
    return row;
  });
}

function pick(c: CampaignRow) {
  return campaignValues({ ...c, targetKind: c.targetKind as TargetKind, aggregation: c.aggregation as 'mean' | 'trimmed', targetOrgIds: [], evaluatorUserIds: [] });
}

/** Delete a draft (nothing hangs on it yet). */
export async function deleteCampaign(db: DbOrTx, actor: WorkflowActor, user: CampaignSubject, ref: { id: string; version: number }) {
  return db.transaction(async (tx) => {
    const row = await lockDraft(tx, user, ref);
    await tx.delete(campaignTargets).where(eq(campaignTargets.campaignId, ref.id));
    await tx.delete(campaignEvaluators).where(eq(campaignEvaluators.campaignId, ref.id));
    await tx.delete(campaigns).where(eq(campaigns.id, ref.id));
    await appendAudit(tx, actor, { action: 'campaign.delete', entityType: 'campaign', entityId: ref.id, before: { name: row.name, year: row.year, status: row.status } });
    return { id: ref.id };
  });
}

/**
 * One of the owner's steps through the workflow (campaign-machine.ts). The parties are counted
 * here for the guards; NOT_FOUND for anyone but the owner (the province reads others' campaigns
 * but does not run them).
 */
export async function stepCampaign(
  db: DbOrTx, actor: WorkflowActor, user: CampaignSubject, ref: { id: string; version: number; action: CampaignAction }, now = new Date(),
): Promise<CampaignRow> {
  return db.transaction(async (tx) => {
    const c = await ownedCampaign(tx, user, ref.id);
    const [[t], panel, nodes] = await Promise.all([
      tx.select({ n: count() }).from(campaignTargets).where(eq(campaignTargets.campaignId, c.id)),
      tx.select({ userId: campaignEvaluators.userId }).from(campaignEvaluators).where(eq(campaignEvaluators.campaignId, c.id)),
      versionTree(tx, c.versionId),
    ]);
    return transition(tx, campaignMachine, actor, {
      id: ref.id, version: ref.version, action: ref.action,
      input: { today: shanghaiDate(now), targetCount: Number(t.n), panelUserIds: panel.map((p) => p.userId), leafCount: leafCodes(nodes).length },
      scope: eq(campaigns.ownerOrgId, user.orgId),
    });
  });
}

// ---- reading

/** The schedule date the current phase ends on (what 我的待办 counts down to); none for a draft or a published campaign. */
export function phaseEndsOn(c: Pick<CampaignRow, 'status' | 'selfStartsOn' | 'selfEndsOn' | 'scoringEndsOn' | 'reviewEndsOn' | 'publishOn'>): string | null {
  switch (c.status as CampaignStatus) {
    case 'self_assessment': return c.selfEndsOn;
    case 'scoring': return c.scoringEndsOn;
    case 'review': return c.reviewEndsOn;
    default: return null;
  }
}

export function phaseDue(c: Parameters<typeof phaseEndsOn>[0], now: Date): { on: string; dueAt: Date; status: DeadlineStatus } | null {
  const on = phaseEndsOn(c);
  if (!on) return null;
  const dueAt = endOfShanghaiDay(on);
  return { on, dueAt, status: deadlineStatus({ kind: 'calendar_days', dueAt, pausedAt: null }, now) };
}

const SORT = {
  createdAt: timeSortKey(campaigns.createdAt),
  year: campaigns.year,
  name: campaigns.name,
  selfEndsOn: campaigns.selfEndsOn,
} satisfies Record<CampaignFilter['sort'], PgColumn>;

export function campaignConditions(user: CampaignSubject, f: CampaignFilter): (SQL | undefined)[] {
  const conds: (SQL | undefined)[] = [campaignScope(user)];
  if (f.q) conds.push(sql`lower(${campaigns.name}) like ${likePattern(f.q.toLowerCase())}`);
  if (f.year) conds.push(eq(campaigns.year, f.year));
  if (f.targetKind) conds.push(eq(campaigns.targetKind, f.targetKind));
  if (f.status) conds.push(eq(campaigns.status, f.status));
  return conds;
}

/** One keyset page of the campaigns the caller sees. The number of targets shows only to who manages it. */
export async function selectCampaigns(db: DbOrTx, user: CampaignSubject, f: CampaignFilter, page: { cursor?: Cursor | null; limit: number }, now: Date) {
  const { where, order } = keyset(SORT[f.sort], campaigns.id, { cursor: page.cursor, dir: f.dir });
  const manages = managedScope(user);
  const rows = await db
    .select({
      id: campaigns.id, name: campaigns.name, year: campaigns.year, targetKind: campaigns.targetKind, status: campaigns.status,
      ownerOrgId: campaigns.ownerOrgId, ownerName: organizations.name, regionCode: campaigns.regionCode,
      selfStartsOn: campaigns.selfStartsOn, selfEndsOn: campaigns.selfEndsOn, scoringEndsOn: campaigns.scoringEndsOn,
      reviewEndsOn: campaigns.reviewEndsOn, publishOn: campaigns.publishOn, createdAt: campaigns.createdAt, version: campaigns.version,
      manages: sql<boolean>`(${manages})`,
      targetCount: sql<number | null>`case when (${manages}) then (select count(*)::int from ${campaignTargets} where ${campaignTargets.campaignId} = ${campaigns.id}) end`,
      panelCount: sql<number | null>`case when (${manages}) then (select count(*)::int from ${campaignEvaluators} where ${campaignEvaluators.campaignId} = ${campaigns.id}) end`,
      onPanel: sql<boolean>`exists (select 1 from ${campaignEvaluators} where ${campaignEvaluators.campaignId} = ${campaigns.id} and ${campaignEvaluators.userId} = ${user.id})`,
    })
    .from(campaigns)
    .innerJoin(organizations, eq(organizations.id, campaigns.ownerOrgId))
    .where(and(where, ...campaignConditions(user, f)))
    .orderBy(...order)
    .limit(page.limit + 1);
  const items = rows.map((r) => ({
    ...r,
    targetCount: r.targetCount === null ? null : Number(r.targetCount),
    panelCount: r.panelCount === null ? null : Number(r.panelCount),
    viewer: r.manages ? 'manager' as const : r.onPanel ? 'evaluator' as const : 'target' as const,
    due: phaseDue(r, now),
  }));
  return pageOf(items, page.limit, (r) => {
    switch (f.sort) {
      case 'createdAt': return timeCursor(r.createdAt);
      case 'year': return r.year;
      case 'name': return r.name;
      case 'selfEndsOn': return r.selfEndsOn;
    }
  });
}

/**
 * The campaign page. Everyone who sees the campaign gets its settings and schedule; the manager
 * (owner, province) also gets the targets and panel with progress counts — numbers only, never a
 * score; the owner gets its steps. Panel members and targets read their own parts through
 * `campaign.scoring.*` and `campaign.self.*`.
 */
export async function getCampaign(db: DbOrTx, user: CampaignSubject, id: string, now: Date) {
  const a = await campaignAccess(db, user, id);
  const c = a.campaign;
  const [[meta], nodes] = await Promise.all([
    db.select({ ownerName: organizations.name, systemName: indicatorSystems.name, versionNo: indicatorVersions.versionNo, leadName: users.displayName })
      .from(campaigns)
      .innerJoin(organizations, eq(organizations.id, campaigns.ownerOrgId))
      .innerJoin(indicatorVersions, eq(indicatorVersions.id, campaigns.versionId))
      .innerJoin(indicatorSystems, eq(indicatorSystems.id, indicatorVersions.systemId))
      .leftJoin(users, eq(users.id, campaigns.leadUserId))
      .where(eq(campaigns.id, id)),
    versionTree(db, c.versionId),
  ]);
  const leafCount = leafCodes(nodes).length;
  const base = {
    id: c.id, name: c.name, year: c.year, targetKind: c.targetKind as TargetKind, status: c.status as CampaignStatus, version: c.version,
    versionId: c.versionId, systemName: meta.systemName, versionNo: meta.versionNo, ownerName: meta.ownerName, ownerOrgId: c.ownerOrgId,
    selfStartsOn: c.selfStartsOn, selfEndsOn: c.selfEndsOn, scoringEndsOn: c.scoringEndsOn, reviewEndsOn: c.reviewEndsOn, publishOn: c.publishOn,
    aggregation: c.aggregation, trimmedMin: c.trimmedMin, divergencePct: c.divergencePct,
    confirmedAt: c.confirmedAt, publishedAt: c.publishedAt, createdAt: c.createdAt,
    leafCount, due: phaseDue(c, now),
    viewer: { manager: a.manager, owner: a.owner, panel: !!a.panelId, lead: a.lead, target: !!a.target },
    leadName: a.manager || a.panelId ? meta.leadName : null,
    leadUserId: a.manager ? c.leadUserId : null,
    actions: a.owner ? OWNER_STEPS.filter((s) => campaignMachine.transitions[s].from.includes(c.status as CampaignStatus)) : [],
  };
  if (!a.manager) return { ...base, manage: null };
  return { ...base, manage: await managerView(db, c, leafCount) };
}

/** Targets and panel with progress (counts only), the lead, the timeline. */
async function managerView(db: DbOrTx, c: CampaignRow, leafCount: number) {
  const [targets, panel, progress, byEvaluator, timeline] = await Promise.all([
    db.select({
      id: campaignTargets.id, orgId: campaignTargets.orgId, orgName: organizations.name, regionCode: organizations.regionCode,
      selfStatus: campaignTargets.selfStatus, selfSubmittedAt: campaignTargets.selfSubmittedAt,
    }).from(campaignTargets).innerJoin(organizations, eq(organizations.id, campaignTargets.orgId))
      .where(eq(campaignTargets.campaignId, c.id)).orderBy(asc(organizations.regionCode), asc(organizations.name)),
    db.select({ id: campaignEvaluators.id, userId: campaignEvaluators.userId, name: users.displayName, orgName: organizations.name })
      .from(campaignEvaluators).innerJoin(users, eq(users.id, campaignEvaluators.userId)).innerJoin(organizations, eq(organizations.id, users.orgId))
      .where(eq(campaignEvaluators.campaignId, c.id)).orderBy(asc(users.displayName)),
    queryRows<{ target_id: string; clear: number; conflict: number; pending: number; submitted: number; scored: number }>(db, sql`
      select et.target_id,
             count(*) filter (where et.coi = 'clear')::int as clear,
             count(*) filter (where et.coi = 'conflict')::int as conflict,
             count(*) filter (where et.coi = 'pending')::int as pending,
             count(*) filter (where et.coi = 'clear' and et.submitted_at is not null)::int as submitted,
             coalesce(sum((select count(*) from ${evaluationScores} s where s.target_id = et.target_id and s.evaluator_user_id = et.evaluator_user_id)) filter (where et.coi = 'clear'), 0)::int as scored
        from ${evaluatorTargets} et join ${campaignTargets} t on t.id = et.target_id
       where t.campaign_id = ${c.id}
       group by et.target_id`),
    queryRows<{ user_id: string; declared: number; conflict: number; submitted: number; total: number }>(db, sql`
      select et.evaluator_user_id as user_id, count(*) filter (where et.coi <> 'pending')::int as declared,
             count(*) filter (where et.coi = 'conflict')::int as conflict,
             count(*) filter (where et.coi = 'clear' and et.submitted_at is not null)::int as submitted, count(*)::int as total
        from ${evaluatorTargets} et join ${campaignTargets} t on t.id = et.target_id
       where t.campaign_id = ${c.id}
       group by et.evaluator_user_id`),
    timelineOf(db, [{ type: 'campaign', id: c.id }]),
  ]);
  const progressOf = new Map(progress.map((p) => [p.target_id, p]));
  const evalOf = new Map(byEvaluator.map((p) => [p.user_id, p]));
  const targetRows = targets.map((t) => {
    const p = progressOf.get(t.id);
    return {
      ...t,
      evaluators: { clear: p?.clear ?? 0, conflict: p?.conflict ?? 0, pending: p?.pending ?? 0, submitted: p?.submitted ?? 0 },
      /** Leaves scored by the panel members without conflict, out of leaves × those members. */
      scored: p?.scored ?? 0,
      toScore: (p?.clear ?? 0) * leafCount,
    };
  });
  return {
    targets: targetRows,
    panel: panel.map((p) => {
      const e = evalOf.get(p.userId);
      return { ...p, lead: p.userId === c.leadUserId, declared: e?.declared ?? 0, conflict: e?.conflict ?? 0, submitted: e?.submitted ?? 0, total: e?.total ?? 0 };
    }),
    counts: {
      targets: targets.length,
      selfSubmitted: targets.filter((t) => t.selfStatus === 'submitted').length,
      evaluators: panel.length,
      targetsFullyScored: targetRows.filter((t) => t.evaluators.clear > 0 && t.evaluators.submitted === t.evaluators.clear && t.evaluators.pending === 0).length,
    },
    timeline,
  };
}
