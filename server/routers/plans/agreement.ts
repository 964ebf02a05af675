import { and, asc, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { catalogResources, implementationPlans, operatingAgreements, regions } from '@/db/schema';
import { appendAudit, diff } from '@/server/domain/audit';
import { mayOperateEach, operabilityFrom, registrationStateSql } from '@/server/domain/catalog';
import { shanghaiDate } from '@/server/domain/deadlines';
import { invalidField, notFound } from '@/server/domain/errors';
import { isInForce, termExceedsLimit } from '@/server/domain/filings';
import { likePattern } from '@/server/domain/paging';
import { can } from '@/server/domain/policy';
import type { ScopeSubject } from '@/server/domain/scope';
import { timelineOf } from '@/server/domain/timeline';
import { availableTransitions, closeInbox, openInbox, type WorkflowActor } from '@/server/domain/workflow';
import { attachmentCount, checkOrg, filedAt, notAfterToday, onOrBefore } from './common';
import { expirySteps } from './expiry';
import { agreementMachine } from './machines';
import { agreementScope, findAgreement, orgNames, resourceLabels } from './query';
import { AGREEMENT_KIND, filingRecipients, provinceRecipient, receiptsOf, versionsOf, type Filing, type Recipient } from './receipts';
import type { AgreementInput } from './schema';

/** Operating agreements (HN-13, HN-14): saving the working copy, the term exception, snapshot, recipients, page. */

export type AgreementRow = typeof operatingAgreements.$inferSelect;
export const AGREEMENT_MINUTES = 'operating_agreement_minutes';
const ENTITY = AGREEMENT_KIND.entity;
/** Inbox steps of the HN-14(2) exception: the province decides; a refusal goes back to the agency. */
const EXCEPTION_STEPS = ['exception', 'exception_refused'] as const;

export async function lockAgreement(tx: DbOrTx, user: ScopeSubject, id: string): Promise<AgreementRow> {
  const [row] = await tx.select().from(operatingAgreements).where(and(eq(operatingAgreements.id, id), agreementScope(user))).for('update');
  if (!row) throw notFound('运营协议');
  return row;
}

/** The agency's own catalog or its region's (HN-14(1)). */
const agencyResources = (user: ScopeSubject) => or(eq(catalogResources.ownerOrgId, user.orgId), eq(catalogResources.regionCode, user.regionCode));

/** Catalog resources with whether each may be operated today (HN-10), by code. */
async function withOperability(db: DbOrTx, where: SQL | undefined, today: string) {
  const rows = await db
    .select({
      id: catalogResources.id, code: catalogResources.code, name: catalogResources.name, regionName: regions.name,
      status: catalogResources.status, publishedVersionNo: catalogResources.publishedVersionNo, state: registrationStateSql(catalogResources.id, today),
    })
    .from(catalogResources)
    .innerJoin(regions, eq(regions.code, catalogResources.regionCode))
    .where(where)
    .orderBy(asc(catalogResources.code))
    .limit(500);
  return rows.map(({ state, status, publishedVersionNo, ...r }) => ({ ...r, operability: operabilityFrom({ status, publishedVersionNo }, state) }));
}

/** Published resources the agency may name, each with whether it may be operated (HN-10). */
export function agreementResourceOptions(db: DbOrTx, user: ScopeSubject, today: string, q?: string) {
  const p = q ? likePattern(q.toLowerCase()) : null;
  return withOperability(db, and(
    agencyResources(user), isNotNull(catalogResources.publishedVersionNo),
    p ? sql`(lower(${catalogResources.name}) like ${p} or lower(${catalogResources.code}) like ${p})` : undefined,
  ), today);
}

/** The resources that may not be operated now, as "code 名称:reason" (HN-10 ¶2, HN-14(1)). */
export async function inoperableOf(db: DbOrTx, ids: readonly string[]): Promise<string[]> {
  const labels = new Map((await resourceLabels(db, ids)).map((r) => [r.id, `${r.code} ${r.name}`]));
  const each = await mayOperateEach(db, ids);
  return ids.flatMap((id) => {
    const op = each.get(id)!;
    return op.operable ? [] : [`${labels.get(id) ?? id}:${op.message}`];
  });
}

/** HN-14(1): the agency's own or its region's resources, each one that may be operated (HN-10). */
async function checkAgreementResources(db: DbOrTx, user: ScopeSubject, ids: readonly string[]) {
  const mine = await db.select({ id: catalogResources.id }).from(catalogResources).where(and(inArray(catalogResources.id, [...ids]), agencyResources(user)));
  if (mine.length !== ids.length) throw invalidField('resourceIds', '只能选择本机构或本地区目录中的数据资源(HN-14(1))');
  const inoperable = await inoperableOf(db, ids);
  if (inoperable.length) throw invalidField('resourceIds', `只有可投入运营的数据资源可以纳入协议(HN-10、HN-14(1)):${inoperable.join(';')}`);
}

/** Plans an agreement may implement: the region's plans in force (filed, or provincial and effective). */
export function linkablePlans(db: DbOrTx, regionCode: string) {
  return db.select({ id: implementationPlans.id, name: implementationPlans.name }).from(implementationPlans)
    .where(and(eq(implementationPlans.regionCode, regionCode), isNotNull(implementationPlans.filedVersionNo)))
    .orderBy(asc(implementationPlans.name));
}

/** The parties and the plan: an operator, the industry department it is filed to and the co-signers (HN-13). */
async function checkParties(db: DbOrTx, user: ScopeSubject, input: AgreementInput) {
  await checkOrg(db, input.operatorOrgId, 'operator', 'operatorOrgId', '请选择在用的一级开发主体(HN-13 ¶1)');
  await checkOrg(db, input.industryOrgId, 'industry_dept', 'industryOrgId', '请选择在用的省级行业主管部门(HN-13 ¶2)');
  // An industry department that also signs as implementing agency cannot take its own filing (HN-13 ¶2).
  if (input.industryOrgId === user.orgId) throw invalidField('industryOrgId', '不能向本单位报备案:请选择其他省级行业主管部门(HN-13 ¶2)');
  for (const id of input.partnerOrgIds) {
    await checkOrg(db, id, 'industry_dept', 'partnerOrgIds', '会同签订的单位须为在用的行业主管部门(HN-13 ¶1)');
  }
  if (input.planId && !(await linkablePlans(db, user.regionCode)).some((p) => p.id === input.planId)) {
    throw invalidField('planId', '只能关联本地区已备案或已生效的实施方案');
  }
}

/**
 * HN-14(2): a term over 3 years waits for the province's decision on its justification. A decision
 * holds while the term and the justification stay as they were; any change asks again.
 */
function exceptionAfter(before: AgreementRow | null, input: AgreementInput): AgreementRow['exceptionStatus'] {
  if (!termExceedsLimit(input.startsOn, input.endsOn)) return 'none';
  const same = before && before.startsOn === input.startsOn && before.endsOn === input.endsOn && before.termException === (input.termException ?? null);
  return same && before.exceptionStatus !== 'none' ? before.exceptionStatus : 'pending';
}

/** Ask the province to decide an exception (its 我的待办), closing any earlier request. */
async function requestException(tx: DbOrTx, id: string, name: string) {
  await closeInbox(tx, ENTITY, id, EXCEPTION_STEPS);
  const province = await provinceRecipient(tx);
  if (!province) return;
  await openInbox(tx, ENTITY, id, [{
    assigneeOrgId: province.orgId, assigneeRole: province.role, step: 'exception',
    title: `审批运营期限例外(超过3年):${name}`, href: AGREEMENT_KIND.href(id), basis: 'HN-14(2)',
  }]);
}

/** Write the working copy (new or existing), with the exception state and the audit event; returns the id. */
export async function writeAgreement(tx: DbOrTx, actor: WorkflowActor, user: ScopeSubject, input: AgreementInput, existing: AgreementRow | null): Promise<string> {
  await checkParties(tx, user, input);
  const resourceIds = [...new Set(input.resourceIds)];
  await checkAgreementResources(tx, user, resourceIds);
  // HN-13 ¶1: 经“三重一大”决策机制审议通过后签订
  if (input.signedOn) notAfterToday('signedOn', input.signedOn, shanghaiDate(new Date()), '签订日期');
  if (existing && !onOrBefore(existing.decisionOn, input.signedOn)) throw invalidField('signedOn', `签订日期不能早于“三重一大”决策日期 ${existing.decisionOn}(HN-13 ¶1)`);
  const exceptionStatus = exceptionAfter(existing, input);
  const needs = exceptionStatus !== 'none';
  const fields = {
    name: input.name, operatorOrgId: input.operatorOrgId, industryOrgId: input.industryOrgId, partnerOrgIds: [...new Set(input.partnerOrgIds)],
    planId: input.planId ?? null, signedOn: input.signedOn ?? null, startsOn: input.startsOn, endsOn: input.endsOn,
    termException: needs ? input.termException ?? null : null, resourceIds, clauses: input.clauses, exceptionStatus,
  };
  const renewed = exceptionStatus === 'pending' && existing?.exceptionStatus !== 'pending';
  const decision = renewed || !needs ? { exceptionDecidedBy: null, exceptionDecidedAt: null, exceptionReason: null } : {};
  let id: string;
  if (existing) {
    id = existing.id;
    await tx.update(operatingAgreements).set({ ...fields, ...decision, updatedAt: new Date() }).where(eq(operatingAgreements.id, id));
    const pick = (r: typeof fields | AgreementRow) => Object.fromEntries(Object.keys(fields).map((k) => [k, r[k as keyof typeof fields]]));
    await appendAudit(tx, actor, { action: 'operating_agreement.update', entityType: ENTITY, entityId: id, ...diff(pick(existing), pick(fields)) });
  } else {
    [{ id }] = await tx.insert(operatingAgreements).values({ ...fields, agencyOrgId: user.orgId, regionCode: user.regionCode, createdBy: actor.id })
      .returning({ id: operatingAgreements.id });
    await appendAudit(tx, actor, { action: 'operating_agreement.create', entityType: ENTITY, entityId: id, after: { name: fields.name, startsOn: fields.startsOn, endsOn: fields.endsOn, exceptionStatus } });
  }
  if (renewed) await requestException(tx, id, input.name);
  else if (!needs) await closeInbox(tx, ENTITY, id, EXCEPTION_STEPS);
  return id;
}

/** HN-14(2): the province approves or refuses the exception; a refusal goes to the agency's 我的待办. */
export async function decideException(tx: DbOrTx, actor: WorkflowActor, row: AgreementRow, decision: 'approve' | 'refuse', reason: string | null) {
  const status = decision === 'approve' ? 'approved' : 'refused';
  await tx.update(operatingAgreements).set({
    exceptionStatus: status, exceptionDecidedBy: actor.id, exceptionDecidedAt: new Date(), exceptionReason: reason,
    version: row.version + 1, updatedAt: new Date(),
  }).where(eq(operatingAgreements.id, row.id));
  await appendAudit(tx, actor, {
    action: `operating_agreement.exception_${decision}`, entityType: ENTITY, entityId: row.id, reason,
    before: { exceptionStatus: row.exceptionStatus }, after: { exceptionStatus: status },
  });
  await closeInbox(tx, ENTITY, row.id, EXCEPTION_STEPS);
  if (decision === 'refuse') {
    await openInbox(tx, ENTITY, row.id, [{
      assigneeOrgId: row.agencyOrgId, assigneeRole: 'implementing_agency', step: 'exception_refused',
      title: `运营期限例外未获批准,请修改运营期限:${row.name}`, href: AGREEMENT_KIND.href(row.id), basis: 'HN-14(2)',
    }]);
  }
}

/** HN-14(9): the agency records renewal or exit; the expiry reminders are done with. */
export async function recordExitPath(tx: DbOrTx, actor: WorkflowActor, row: AgreementRow, exitPath: 'renew' | 'exit', exitNote: string) {
  await tx.update(operatingAgreements).set({ exitPath, exitNote, version: row.version + 1, updatedAt: new Date() }).where(eq(operatingAgreements.id, row.id));
  await appendAudit(tx, actor, {
    action: 'operating_agreement.exit_path', entityType: ENTITY, entityId: row.id,
    ...diff({ exitPath: row.exitPath, exitNote: row.exitNote }, { exitPath, exitNote }),
  });
  await closeInbox(tx, ENTITY, row.id, expirySteps(row.endsOn));
}

export async function agreementSnapshot(db: DbOrTx, row: AgreementRow) {
  const [op, ind] = await orgNames(db, [row.operatorOrgId, row.industryOrgId ?? row.operatorOrgId]);
  const [plan] = row.planId ? await db.select({ name: implementationPlans.name }).from(implementationPlans).where(eq(implementationPlans.id, row.planId)) : [];
  return {
    name: row.name,
    operator: op?.name ?? null,
    industry: row.industryOrgId ? ind?.name ?? null : null,
    partners: (await orgNames(db, row.partnerOrgIds)).map((o) => o.name),
    plan: plan?.name ?? null,
    signedOn: row.signedOn,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    termException: row.termException,
    resources: (await resourceLabels(db, row.resourceIds)).map((r) => `${r.code} ${r.name}`),
    resourceIds: row.resourceIds,
    clauses: row.clauses,
    decisionOn: row.decisionOn,
    decisionMeeting: row.decisionMeeting,
  };
}

export const agreementOwner = async (_db: DbOrTx, row: AgreementRow): Promise<Recipient> => ({ orgId: row.agencyOrgId, role: 'implementing_agency' });

/** The receipts module's handle on agreements. */
export const AGREEMENT_FILING: Filing<AgreementRow> = {
  machine: agreementMachine,
  lock: async (tx, id) => (await tx.select().from(operatingAgreements).where(eq(operatingAgreements.id, id)).for('update'))[0],
  owner: agreementOwner,
};

/** Record the agency's 三重一大 decision (HN-13 ¶1) on the working copy, audited. */
export async function recordAgreementDecision(tx: DbOrTx, actor: WorkflowActor, row: AgreementRow, next: { decisionOn: string; decisionMeeting: string }) {
  await tx.update(operatingAgreements).set({ ...next, version: row.version + 1, updatedAt: new Date() }).where(eq(operatingAgreements.id, row.id));
  await appendAudit(tx, actor, {
    action: 'operating_agreement.record_decision', entityType: ENTITY, entityId: row.id,
    ...diff({ decisionOn: row.decisionOn, decisionMeeting: row.decisionMeeting }, next),
  });
}

/** The facts the filing guard checks (HN-13 ¶1, HN-14(1), HN-14(2)). */
export async function agreementStepInput(db: DbOrTx, row: AgreementRow) {
  const since = await filedAt(db, ENTITY, row.id, row.filedVersionNo);
  return {
    snapshot: await agreementSnapshot(db, row),
    recipients: await filingRecipients(db, row.industryOrgId),
    minutes: await attachmentCount(db, AGREEMENT_MINUTES, row.id, since),
    filedOn: since ? shanghaiDate(since) : null,
    inoperable: await inoperableOf(db, row.resourceIds),
  };
}

export async function agreementDetail(db: DbOrTx, user: ScopeSubject, actor: WorkflowActor, id: string, today: string) {
  const a = await findAgreement(db, user, id, today);
  if (!a) throw notFound('运营协议');
  const receipts = await receiptsOf(db, AGREEMENT_KIND, id);
  const versions = await versionsOf(db, AGREEMENT_KIND, id, receipts);
  // while a revision is drafted, only minutes of its own decision count (as the filing guard counts them)
  const drafting = a.status === 'draft' || a.status === 'returned';
  const minutes = await attachmentCount(db, AGREEMENT_MINUTES, id, drafting ? await filedAt(db, ENTITY, id, a.filedVersionNo) : null);
  const timeline = await timelineOf(db, [
    { type: ENTITY, id }, { type: AGREEMENT_MINUTES, id }, ...receipts.map((r) => ({ type: 'filing_receipt', id: r.id })),
  ]);
  const owned = a.agencyOrgId === user.orgId && can(user, 'agreement.write');
  // the owner's steps; ending follows a recorded exit (HN-14(9))
  const steps = availableTransitions(agreementMachine, a, actor)
    .filter((s): s is 'file' | 'withdraw' | 'end' => s === 'file' || s === 'withdraw' || (s === 'end' && a.exitPath === 'exit'));
  const myReceipt = can(user, 'filing.ack')
    ? receipts.find((r) => r.versionNo === a.lastVersionNo && r.status === 'pending' && r.recipientOrgId === user.orgId) ?? null
    : null;
  const [plan] = a.planId ? await db.select({ id: implementationPlans.id, name: implementationPlans.name }).from(implementationPlans).where(eq(implementationPlans.id, a.planId)) : [];
  return {
    ...a,
    clauses: a.clauses as AgreementInput['clauses'],
    termExceeds: termExceedsLimit(a.startsOn, a.endsOn),
    partners: await orgNames(db, a.partnerOrgIds),
    plan: plan ?? null,
    resources: a.resourceIds.length ? await withOperability(db, inArray(catalogResources.id, a.resourceIds), today) : [],
    receipts,
    versions,
    timeline,
    checklist: { decision: !!(a.decisionOn && a.decisionMeeting), minutes, signed: !!a.signedOn, industry: !!a.industryOrgId },
    actions: steps,
    myReceipt: myReceipt ? { id: myReceipt.id, version: myReceipt.version } : null,
    canEdit: owned && (a.status === 'draft' || a.status === 'returned' || a.status === 'filed'),
    canRecord: owned && (a.status === 'draft' || a.status === 'returned'),
    canExitPath: owned && isInForce(a),
    canDecideException: can(user, 'agreement.exception.decide') && a.exceptionStatus === 'pending',
  };
}
