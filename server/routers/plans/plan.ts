import { and, asc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { catalogResources, implementationPlans, organizations, regions } from '@/db/schema';
import { appendAudit, diff } from '@/server/domain/audit';
import { shanghaiDate } from '@/server/domain/deadlines';
import { invalidField, notFound } from '@/server/domain/errors';
import { likePattern } from '@/server/domain/paging';
import { can } from '@/server/domain/policy';
import { PROVINCE_REGION } from '@/server/domain/roles';
import type { ScopeSubject } from '@/server/domain/scope';
import { timelineOf } from '@/server/domain/timeline';
import { availableTransitions, type WorkflowActor } from '@/server/domain/workflow';
import { attachmentCount, checkOrg, filedAt } from './common';
import { planMachine } from './machines';
import { findPlan, planScope, resourceLabels } from './query';
import { filingRecipients, PLAN_KIND, receiptsOf, versionsOf, type Filing, type Recipient } from './receipts';
import type { PlanInput } from './schema';

/** Implementation plans (HN-11, HN-12): saving the working copy, its snapshot, its recipients, its page. */

export type PlanRow = typeof implementationPlans.$inferSelect;
export const PLAN_MINUTES = 'implementation_plan_minutes';

/** The plan row in the caller's scope, locked for the transaction (NOT_FOUND outside it). */
export async function lockPlan(tx: DbOrTx, user: ScopeSubject, id: string): Promise<PlanRow> {
  const [row] = await tx.select().from(implementationPlans).where(and(eq(implementationPlans.id, id), planScope(user))).for('update');
  if (!row) throw notFound('实施方案');
  return row;
}

/** Published catalog resources the owner may put in scope: its city's, or for the province any (HN-12(4)). */
function pickableResources(regionCode: string) {
  return and(
    isNotNull(catalogResources.publishedVersionNo),
    ne(catalogResources.status, 'disabled'),
    regionCode === PROVINCE_REGION ? undefined : eq(catalogResources.regionCode, regionCode),
  );
}

export function planResourceOptions(db: DbOrTx, regionCode: string, q?: string) {
  const p = q ? likePattern(q.toLowerCase()) : null;
  return db
    .select({ id: catalogResources.id, code: catalogResources.code, name: catalogResources.name, regionName: regions.name })
    .from(catalogResources)
    .innerJoin(regions, eq(regions.code, catalogResources.regionCode))
    .where(and(pickableResources(regionCode), p ? sql`(lower(${catalogResources.name}) like ${p} or lower(${catalogResources.code}) like ${p})` : undefined))
    .orderBy(asc(catalogResources.code))
    .limit(100);
}

/** HN-12(4): every resource in scope is a published catalog entry visible in the owner's region. */
async function checkPlanResources(db: DbOrTx, regionCode: string, ids: readonly string[]) {
  const ok = await db.select({ id: catalogResources.id }).from(catalogResources)
    .where(and(inArray(catalogResources.id, [...ids]), pickableResources(regionCode)));
  const found = new Set(ok.map((r) => r.id));
  const bad = ids.filter((id) => !found.has(id));
  if (bad.length) {
    const labels = await resourceLabels(db, bad);
    const names = labels.map((r) => r.code).join('、') || `${bad.length} 项`;
    throw invalidField('resourceIds', `数据资源 ${names} 不是${regionCode === PROVINCE_REGION ? '' : '本市'}已发布的目录资源,不能纳入授权运营范围(HN-12(4))`);
  }
}

/** HN-11 ¶2: a city's plan names the provincial industry department it is filed to; a provincial plan none. */
async function planIndustry(db: DbOrTx, regionCode: string, industryOrgId: string | null | undefined): Promise<string | null> {
  if (regionCode === PROVINCE_REGION) return null;
  if (!industryOrgId) throw invalidField('industryOrgId', '省辖市实施方案须选择备案的省级行业主管部门(HN-11 ¶2)');
  await checkOrg(db, industryOrgId, 'industry_dept', 'industryOrgId', '请选择在用的省级行业主管部门(HN-11 ¶2)');
  return industryOrgId;
}

/** Write the working copy (new or existing) with its audit event; returns the id. */
export async function writePlan(
  tx: DbOrTx, actor: WorkflowActor, owner: { orgId: string; regionCode: string }, input: PlanInput, existing: PlanRow | null,
): Promise<string> {
  const resourceIds = [...new Set(input.resourceIds)];
  await checkPlanResources(tx, owner.regionCode, resourceIds);
  const fields = { name: input.name, industryOrgId: await planIndustry(tx, owner.regionCode, input.industryOrgId), resourceIds, sections: input.sections };
  if (existing) {
    await tx.update(implementationPlans).set({ ...fields, updatedAt: new Date() }).where(eq(implementationPlans.id, existing.id));
    const before = { name: existing.name, industryOrgId: existing.industryOrgId, resourceIds: existing.resourceIds, sections: existing.sections };
    await appendAudit(tx, actor, { action: 'implementation_plan.update', entityType: PLAN_KIND.entity, entityId: existing.id, ...diff(before, fields) });
    return existing.id;
  }
  const [row] = await tx.insert(implementationPlans).values({ ...fields, ownerOrgId: owner.orgId, regionCode: owner.regionCode, createdBy: actor.id })
    .returning({ id: implementationPlans.id });
  await appendAudit(tx, actor, { action: 'implementation_plan.create', entityType: PLAN_KIND.entity, entityId: row.id, after: { name: fields.name, regionCode: owner.regionCode } });
  return row.id;
}

/** The frozen content of a version: the working copy with names beside the ids (for history and diff). */
export async function planSnapshot(db: DbOrTx, row: PlanRow) {
  const [ind] = row.industryOrgId ? await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, row.industryOrgId)) : [];
  const resources = await resourceLabels(db, row.resourceIds);
  return {
    name: row.name,
    industry: ind?.name ?? null,
    industryOrgId: row.industryOrgId,
    resources: resources.map((r) => `${r.code} ${r.name}`),
    resourceIds: row.resourceIds,
    sections: row.sections,
    decisionOn: row.decisionOn,
    decisionMeeting: row.decisionMeeting,
    approvalOn: row.approvalOn,
    approvalRef: row.approvalRef,
  };
}

/** Whose 我的待办 a returned plan goes to: the data authority that owns it. */
export async function planOwner(db: DbOrTx, row: PlanRow): Promise<Recipient> {
  const [o] = await db.select({ type: organizations.type }).from(organizations).where(eq(organizations.id, row.ownerOrgId));
  return { orgId: row.ownerOrgId, role: o?.type === 'province_authority' ? 'province_admin' : 'municipal_admin' };
}

/** The receipts module's handle on plans. */
export const PLAN_FILING: Filing<PlanRow> = {
  machine: planMachine,
  lock: async (tx, id) => (await tx.select().from(implementationPlans).where(eq(implementationPlans.id, id)).for('update'))[0],
  owner: planOwner,
};

/** Record the 三重一大 decision or the government approval (HN-11 ¶1) on the working copy, audited. */
export async function recordPlan(
  tx: DbOrTx, actor: WorkflowActor, row: PlanRow, verb: 'record_decision' | 'record_approval',
  next: { decisionOn: string; decisionMeeting: string } | { approvalOn: string; approvalRef: string },
) {
  await tx.update(implementationPlans).set({ ...next, version: row.version + 1, updatedAt: new Date() }).where(eq(implementationPlans.id, row.id));
  const before: Record<string, unknown> = Object.fromEntries(Object.keys(next).map((k) => [k, row[k as keyof typeof next]]));
  await appendAudit(tx, actor, { action: `implementation_plan.${verb}`, entityType: PLAN_KIND.entity, entityId: row.id, ...diff(before, { ...next }) });
}

/** The facts the filing guard checks (HN-11 ¶1), for `file` and `enact`. */
export async function planStepInput(db: DbOrTx, row: PlanRow) {
  const since = await filedAt(db, PLAN_KIND.entity, row.id, row.filedVersionNo);
  return {
    snapshot: await planSnapshot(db, row),
    recipients: await filingRecipients(db, row.industryOrgId),
    minutes: await attachmentCount(db, PLAN_MINUTES, row.id, since),
    filedOn: since ? shanghaiDate(since) : null,
  };
}

/** The plan's page: content, receipts of every version, versions, timeline, and what the caller may do. */
export async function planDetail(db: DbOrTx, user: ScopeSubject, actor: WorkflowActor, id: string) {
  const p = await findPlan(db, user, id);
  if (!p) throw notFound('实施方案');
  const receipts = await receiptsOf(db, PLAN_KIND, id);
  const versions = await versionsOf(db, PLAN_KIND, id, receipts);
  // while a revision is drafted, only minutes of its own decision count (as the filing guard counts them)
  const drafting = p.status === 'draft' || p.status === 'returned';
  const minutes = await attachmentCount(db, PLAN_MINUTES, id, drafting ? await filedAt(db, PLAN_KIND.entity, id, p.filedVersionNo) : null);
  const timeline = await timelineOf(db, [
    { type: PLAN_KIND.entity, id }, { type: PLAN_MINUTES, id }, ...receipts.map((r) => ({ type: 'filing_receipt', id: r.id })),
  ]);
  const owned = p.ownerOrgId === user.orgId && can(user, 'plan.write');
  const provincial = p.regionCode === PROVINCE_REGION;
  // the owner's steps; a provincial plan takes effect, a city's is filed (HN-11 ¶2)
  const steps = availableTransitions(planMachine, p, actor)
    .filter((a): a is 'file' | 'enact' | 'withdraw' => a === 'withdraw' || (a === 'file' && !provincial) || (a === 'enact' && provincial));
  const myReceipt = can(user, 'filing.ack')
    ? receipts.find((r) => r.versionNo === p.lastVersionNo && r.status === 'pending' && r.recipientOrgId === user.orgId) ?? null
    : null;
  return {
    ...p,
    sections: p.sections as PlanInput['sections'],
    provincial,
    resources: await resourceLabels(db, p.resourceIds),
    receipts,
    versions,
    timeline,
    checklist: { decision: !!(p.decisionOn && p.decisionMeeting), minutes, approval: !!(p.approvalOn && p.approvalRef), industry: provincial || !!p.industryOrgId },
    actions: steps,
    myReceipt: myReceipt ? { id: myReceipt.id, version: myReceipt.version } : null,
    canEdit: owned && p.status !== 'filing',
    canRecord: owned && (p.status === 'draft' || p.status === 'returned'),
  };
}
