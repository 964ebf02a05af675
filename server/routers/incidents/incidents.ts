import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  incidentRecipients, incidents, incidentSeverityChanges, incidentUpdates, operatingAgreements, organizations, rectificationOrders, users,
} from '@/db/schema';
import { appendAudit, diff } from '@/server/domain/audit';
import { shanghaiDate } from '@/server/domain/deadlines';
import { conflict, invalidField, notFound, precondition } from '@/server/domain/errors';
import { authorityOf, isInForce } from '@/server/domain/filings';
import {
  minimumSeverity, needsProcessingStop, notificationRequired, RECIPIENT_KINDS, severityRank, summaryDueAt, type IncidentPolicy, type IncidentType, type Severity,
} from '@/server/domain/incidents';
import { PROVINCE_REGION } from '@/server/domain/roles';
import type { ScopeSubject } from '@/server/domain/scope';
import { closeInbox, openInbox, transition, type WorkflowActor } from '@/server/domain/workflow';
import { issueOrder } from '@/server/routers/rectification/orders';
import { incidentScope, incidentWhere } from './access';
import { addUpdate, articleOf, incidentMachine, isReporter, isReviewer, type IncidentRow } from './machine';
import { loadIncidentPolicy } from './policy';
import { addRecipients, receiverRole, reporterRole } from './recipients';
import type { FollowUpInput, NotifyInput, OpenOrderInput, ReportIncidentInput, ReviewInput, SummaryInput } from './schema';
import { SEVERITY_LABEL, TYPE_LABEL } from './terms';

/**
 * Incident and risk reports (HN-18, ID-12 ¶3, the national incident-reporting rules). Every function
 * takes `now`, so that the clocks can be tested at fixed times; the router passes `new Date()`.
 */

/** A little slack for the reporter's clock running ahead of the server's. */
const CLOCK_SLACK_MS = 5 * 60_000;

/** Who reports, and under which regime: a platform under ID-12 ¶3, an operator or agency under HN-18. */
async function reporterOf(db: DbOrTx, orgId: string) {
  const [org] = await db.select({ id: organizations.id, name: organizations.name, type: organizations.type, regionCode: organizations.regionCode, cii: organizations.cii })
    .from(organizations).where(eq(organizations.id, orgId));
  if (!org) throw notFound('报告单位');
  const regime: 'HN' | 'ID' = org.type === 'platform' || org.type === 'identity_service' ? 'ID' : 'HN';
  return { ...org, regime };
}

/** An agreement in force on `today`: filed, not ended, within its term (HN-13 ¶2, HN-14(2)). */
const inForceOn = (a: { status: string; filedVersionNo: number | null; startsOn: string; endsOn: string }, today: string) =>
  isInForce(a) && a.startsOn <= today && a.endsOn >= today;

/** Agreements an operator's (or agency's) system may run under: its own, in force today. */
async function agreementsOf(db: DbOrTx, org: { id: string; type: string }, today: string) {
  const own = org.type === 'operator' ? eq(operatingAgreements.operatorOrgId, org.id) : eq(operatingAgreements.agencyOrgId, org.id);
  const agency = sql<string>`(select ${organizations.name} from ${organizations} where ${organizations.id} = ${operatingAgreements.agencyOrgId})`;
  const rows = await db.select({
    id: operatingAgreements.id, name: operatingAgreements.name, status: operatingAgreements.status, filedVersionNo: operatingAgreements.filedVersionNo,
    startsOn: operatingAgreements.startsOn, endsOn: operatingAgreements.endsOn,
    agencyOrgId: operatingAgreements.agencyOrgId, regionCode: operatingAgreements.regionCode, agencyName: agency,
  }).from(operatingAgreements).where(own).orderBy(asc(operatingAgreements.name));
  return rows.filter((a) => inForceOn(a, today)).map(({ status: _s, filedVersionNo: _f, ...r }) => r);
}

/** What the report form needs: the reporter, its regime and clock, its agreements in force, and the grading thresholds. */
export async function reportOptions(db: DbOrTx, user: ScopeSubject, now: Date) {
  const org = await reporterOf(db, user.orgId);
  const policy = await loadIncidentPolicy(db);
  const agreements = org.regime === 'HN' ? await agreementsOf(db, org, shanghaiDate(now)) : [];
  return {
    orgName: org.name,
    orgType: org.type,
    regime: org.regime,
    cii: org.cii,
    /** HN-18: an operator reports to the agency of the agreement its system runs under. */
    agreementRequired: org.type === 'operator',
    agreements,
    policy,
  };
}

function checkTimes(v: { discoveredAt?: Date; occurredAt?: Date | null; processingStoppedAt?: Date | null }, discoveredAt: Date, now: Date) {
  const future = (d: Date | null | undefined) => !!d && d.getTime() > now.getTime() + CLOCK_SLACK_MS;
  if (future(v.discoveredAt)) throw invalidField('discoveredAt', '发现时间不能晚于现在');
  if (future(v.occurredAt)) throw invalidField('occurredAt', '发生时间不能晚于现在');
  if (v.occurredAt && v.occurredAt.getTime() > discoveredAt.getTime()) throw invalidField('occurredAt', '发生时间不能晚于发现时间');
  if (future(v.processingStoppedAt)) throw invalidField('processingStoppedAt', '停止处理的时间不能晚于现在');
}

/**
 * The grading guide: a grade below what the recorded facts require is refused beside the field,
 * naming the threshold (the reporter may always grade higher).
 */
function checkSeverity(severity: Severity, facts: { personalInfoPeople?: number | null; directLossYuan?: number | null }, policy: IncidentPolicy) {
  const floor = minimumSeverity(facts, policy);
  if (severityRank(severity) >= severityRank(floor)) return;
  const f = floor as Exclude<Severity, 'general'>;
  const people = policy.thresholds.personalInfoPeople[f];
  const loss = policy.thresholds.directLossYuan[f];
  throw invalidField('severity', `按《网络安全事件分级指南》,涉及 ${people.toLocaleString('zh-CN')} 人以上个人信息或直接经济损失 ${loss.toLocaleString('zh-CN')} 元以上的事件至少为「${SEVERITY_LABEL[floor]}」,请调整定级`);
}

/**
 * The initial report: only the basics, never blocked by what cannot be known yet. The recipients
 * and their clocks are computed at once; a risk in data relationships that has not yet stopped
 * gives the reporter a task to follow up with the time it stopped (HN-18).
 */
export async function reportIncident(db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, input: ReportIncidentInput, now: Date): Promise<IncidentRow> {
  return db.transaction(async (tx) => {
    const policy = await loadIncidentPolicy(tx);
    const org = await reporterOf(tx, user.orgId);
    let agreementId: string | null = null;
    let agencyOrgId: string | null = null;
    let regionCode = org.regionCode;
    if (org.regime === 'HN') {
      if (input.agreementId) {
        const own = org.type === 'operator' ? eq(operatingAgreements.operatorOrgId, org.id) : eq(operatingAgreements.agencyOrgId, org.id);
        const [a] = await tx.select().from(operatingAgreements).where(and(eq(operatingAgreements.id, input.agreementId), own));
        if (!a) throw notFound('运营协议');
        if (!inForceOn(a, shanghaiDate(now))) throw invalidField('agreementId', '该运营协议未备案、已终止或不在运营期限内,请选择有效的运营协议');
        agreementId = a.id;
        agencyOrgId = a.agencyOrgId;
        regionCode = a.regionCode;
      } else if (org.type === 'operator') {
        throw invalidField('agreementId', '请选择该系统所依据的运营协议(HN-18:向实施机构报告)');
      }
      // an implementing agency reports its own incident: it is the agency, its level's authority receives
      agencyOrgId ??= org.id;
    } else if (input.agreementId) {
      throw invalidField('agreementId', '网络身份认证公共服务的事件不关联运营协议');
    }
    const authorityOrgId = agencyOrgId ? (await authorityOf(tx, agencyOrgId))?.orgId ?? null : null;
    checkTimes(input, input.discoveredAt, now);
    checkSeverity(input.severity, input, policy);
    const title = input.title || `${input.systemName}${TYPE_LABEL[input.type]}`;
    const [row] = await tx.insert(incidents).values({
      reporterOrgId: org.id, reportedBy: actor.id, regime: org.regime, agreementId, agencyOrgId, authorityOrgId, regionCode, cii: org.cii,
      systemName: input.systemName, title, type: input.type, severity: input.severity, discoveredAt: input.discoveredAt,
      occurredAt: input.occurredAt ?? null, processingStoppedAt: input.processingStoppedAt ?? null, measures: input.measures,
      peopleAffected: input.peopleAffected ?? null, personalInfoPeople: input.personalInfoPeople ?? null, directLossYuan: input.directLossYuan ?? null,
      crimeSuspected: input.crimeSuspected ?? false, createdAt: now, updatedAt: now,
    }).returning();
    await addUpdate(tx, row.id, 'initial', input.measures, actor, now, {
      type: row.type, severity: row.severity, discoveredAt: row.discoveredAt, processingStoppedAt: row.processingStoppedAt,
      personalInfoPeople: row.personalInfoPeople, directLossYuan: row.directLossYuan, crimeSuspected: row.crimeSuspected,
    });
    await appendAudit(tx, actor, {
      action: 'incident.report', entityType: 'incident', entityId: row.id,
      after: {
        title, system: row.systemName, regime: row.regime, type: row.type, severity: row.severity, discoveredAt: row.discoveredAt,
        processingStoppedAt: row.processingStoppedAt, cii: row.cii, status: row.status,
      },
    });
    if (needsProcessingStop(row.type as IncidentType) && !row.processingStoppedAt) {
      await openInbox(tx, 'incident', row.id, [stopTask(row, org.type)]);
    }
    await addRecipients(tx, actor, row, policy, now);
    return row;
  });
}

/** HN-18: 应当立即停止数据处理和运营活动 — until the stop is on record, the reporter has this task. */
const stopTask = (row: IncidentRow, orgType: string) => ({
  assigneeOrgId: row.reporterOrgId,
  assigneeRole: reporterRole(orgType),
  step: 'stop_processing',
  title: `续报停止数据处理和运营活动的时间:${row.title}`,
  href: `/incidents/${row.id}`,
  basis: 'HN-18',
});

/** The incident in the caller's scope, locked for the step; out of scope → NOT_FOUND. */
async function lockInScope(tx: DbOrTx, user: ScopeSubject, id: string): Promise<IncidentRow> {
  const [row] = await tx.select().from(incidents).where(incidentWhere(user, id)).for('update');
  if (!row) throw notFound('安全事件');
  return row;
}

function requireReporter(row: IncidentRow, actor: WorkflowActor, version: number) {
  if (!isReporter(row, actor)) throw precondition('只有报告单位可以办理此步骤', articleOf(row));
  if (row.version !== version) throw conflict();
}

async function orgTypeOf(tx: DbOrTx, orgId: string) {
  const [o] = await tx.select({ type: organizations.type }).from(organizations).where(eq(organizations.id, orgId));
  return o?.type ?? 'operator';
}

const FACT_KEYS = ['type', 'severity', 'measures', 'occurredAt', 'processingStoppedAt', 'peopleAffected', 'personalInfoPeople', 'directLossYuan', 'crimeSuspected'] as const;

/**
 * A follow-up report (续报): what is new, and the facts or grade that changed. A new grade needs its
 * reason and goes into the history; the recipients are brought up to date (a 较大 leakage raised to
 * 重大 adds the same-level 网信 department, HN-18), each new one with its clock from the discovery.
 */
export async function followUp(db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, input: FollowUpInput, now: Date): Promise<IncidentRow> {
  return db.transaction(async (tx) => {
    const row = await lockInScope(tx, user, input.id);
    requireReporter(row, actor, input.version);
    if (row.status === 'summary_submitted' || row.status === 'closed') throw precondition('总结报告已提交或事件已结案,不能再续报');
    const policy = await loadIncidentPolicy(tx);
    const next = {
      type: input.type ?? (row.type as IncidentType),
      severity: input.severity ?? (row.severity as Severity),
      measures: input.measures || row.measures,
      occurredAt: input.occurredAt === undefined ? row.occurredAt : input.occurredAt,
      processingStoppedAt: input.processingStoppedAt === undefined || input.processingStoppedAt === null ? row.processingStoppedAt : input.processingStoppedAt,
      peopleAffected: input.peopleAffected === undefined ? row.peopleAffected : input.peopleAffected,
      personalInfoPeople: input.personalInfoPeople === undefined ? row.personalInfoPeople : input.personalInfoPeople,
      directLossYuan: input.directLossYuan === undefined ? row.directLossYuan : input.directLossYuan,
      crimeSuspected: input.crimeSuspected ?? row.crimeSuspected,
    };
    checkTimes(input, row.discoveredAt, now);
    const severityChanged = next.severity !== row.severity;
    if (severityChanged && (input.severityReason ?? '').length < 2) throw invalidField('severityReason', '修改定级须说明理由(至少 2 个字)');
    checkSeverity(next.severity, next, policy);
    const before = Object.fromEntries(FACT_KEYS.map((k) => [k, row[k]]));
    const change = diff<Record<string, unknown>>(before, next);
    // the first follow-up starts the handling (一次续报即进入处置)
    const current = row.status === 'reported'
      ? await transition(tx, incidentMachine, actor, {
        id: row.id, version: row.version, action: 'startHandling', scope: incidentScope(user),
        input: { now, by: actor.id, reporterRole: reporterRole(await orgTypeOf(tx, row.reporterOrgId)) },
      })
      : row;
    const [updated] = await tx.update(incidents)
      .set({ ...next, version: current.version + 1, updatedAt: now })
      .where(and(eq(incidents.id, row.id), eq(incidents.version, current.version)))
      .returning();
    if (!updated) throw conflict();
    await addUpdate(tx, row.id, 'follow_up', input.body, actor, now, change.after);
    if (severityChanged) {
      await tx.insert(incidentSeverityChanges).values({
        incidentId: row.id, fromSeverity: row.severity, toSeverity: next.severity, reason: input.severityReason!, changedBy: actor.id, changedAt: now,
      });
    }
    await appendAudit(tx, actor, {
      action: severityChanged ? 'incident.regrade' : 'incident.follow_up', entityType: 'incident', entityId: row.id,
      ...change, reason: severityChanged ? input.severityReason : null,
    });
    if (!row.processingStoppedAt && updated.processingStoppedAt) {
      await appendAudit(tx, actor, { action: 'incident.processing_stopped', entityType: 'incident', entityId: row.id, after: { processingStoppedAt: updated.processingStoppedAt } });
      await closeInbox(tx, 'incident', row.id, ['stop_processing']);
    }
    await addRecipients(tx, actor, updated, policy, now);
    return updated;
  });
}

/** Notification of individuals (ID-12 ¶3 及时告知用户, PIPL Art 57): whether, when, how, what; or why not. */
export async function recordNotification(db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, input: NotifyInput, now: Date): Promise<IncidentRow> {
  return db.transaction(async (tx) => {
    const row = await lockInScope(tx, user, input.id);
    requireReporter(row, actor, input.version);
    if (row.status === 'closed') throw precondition('事件已结案,不能再修改告知记录');
    if (input.notifiedAt && input.notifiedAt.getTime() > now.getTime() + CLOCK_SLACK_MS) throw invalidField('notifiedAt', '告知时间不能晚于现在');
    const notification = input.decision === 'notify'
      ? { decision: 'notify', notifiedAt: input.notifiedAt!.toISOString(), channels: input.channels, items: input.items }
      : { decision: 'not_notify', reason: input.reason };
    const [updated] = await tx.update(incidents)
      .set({ notification, notificationRecordedAt: now, version: row.version + 1, updatedAt: now })
      .where(and(eq(incidents.id, row.id), eq(incidents.version, row.version))).returning();
    if (!updated) throw conflict();
    await addUpdate(tx, row.id, 'notification', input.decision === 'notify' ? '已告知受影响的个人' : `不告知个人:${input.reason}`, actor, now, notification);
    await appendAudit(tx, actor, { action: 'incident.notify', entityType: 'incident', entityId: row.id, before: { notification: row.notification }, after: { notification } });
    return updated;
  });
}

/** Handling ends: the 30-day clock of the closing summary starts (policy: summaryDays). */
export async function endHandling(db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, input: { id: string; version: number; endedAt: Date; body?: string | null }, now: Date) {
  return db.transaction(async (tx) => {
    const row = await lockInScope(tx, user, input.id);
    requireReporter(row, actor, input.version);
    if (input.endedAt.getTime() > now.getTime() + CLOCK_SLACK_MS) throw invalidField('endedAt', '处置结束时间不能晚于现在');
    if (input.endedAt.getTime() < row.discoveredAt.getTime()) throw invalidField('endedAt', '处置结束时间不能早于发现时间');
    const policy = await loadIncidentPolicy(tx);
    const updated = await transition(tx, incidentMachine, actor, {
      id: row.id, version: input.version, action: 'endHandling', scope: incidentScope(user),
      input: {
        now, by: actor.id, reporterRole: reporterRole(await orgTypeOf(tx, row.reporterOrgId)), endedAt: input.endedAt,
        summaryDueAt: summaryDueAt(input.endedAt, policy), summaryHours: policy.summaryDays * 24,
      },
    });
    await addUpdate(tx, row.id, 'handling_ended', input.body || '处置结束', actor, now, { handlingEndedAt: input.endedAt, summaryDueAt: updated.summaryDueAt });
    return updated;
  });
}

/** The reviewer of the closure: the authority that received the report, else the province's. */
async function reviewerOf(tx: DbOrTx, row: IncidentRow) {
  if (row.authorityOrgId) {
    const type = await orgTypeOf(tx, row.authorityOrgId);
    return { orgId: row.authorityOrgId, role: receiverRole(type) };
  }
  const [p] = await tx.select({ id: organizations.id }).from(organizations)
    .where(and(eq(organizations.type, 'province_authority'), eq(organizations.regionCode, PROVINCE_REGION))).limit(1);
  return p ? { orgId: p.id, role: 'province_admin' } : undefined;
}

/** The closing summary (cause, handling, harm, accountability, remediation, lessons), to the authority's review. */
export async function submitSummary(db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, input: SummaryInput, now: Date) {
  return db.transaction(async (tx) => {
    const row = await lockInScope(tx, user, input.id);
    requireReporter(row, actor, input.version);
    const updated = await transition(tx, incidentMachine, actor, {
      id: row.id, version: input.version, action: 'submitSummary', scope: incidentScope(user),
      input: { now, by: actor.id, reporterRole: reporterRole(await orgTypeOf(tx, row.reporterOrgId)), summary: input.summary, reviewer: await reviewerOf(tx, row) },
    });
    await addUpdate(tx, row.id, 'summary', input.summary.cause, actor, now, input.summary);
    return updated;
  });
}

/** A recipient acknowledges receipt: every pending receipt of its organization on this incident closes. */
export async function acknowledge(db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, id: string, now: Date) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ id: incidents.id, regime: incidents.regime }).from(incidents).where(incidentWhere(user, id));
    if (!row) throw notFound('安全事件');
    const mine = await tx.select().from(incidentRecipients)
      .where(and(eq(incidentRecipients.incidentId, id), eq(incidentRecipients.orgId, user.orgId))).for('update');
    const pending = mine.filter((r) => !r.acknowledgedAt);
    if (!mine.length) throw precondition('本单位不是该事件报告的接收单位', articleOf(row));
    if (!pending.length) throw precondition('本单位已确认接收该事件报告');
    await tx.update(incidentRecipients).set({ acknowledgedAt: now, acknowledgedBy: actor.id })
      .where(inArray(incidentRecipients.id, pending.map((r) => r.id)));
    await closeInbox(tx, 'incident', id, pending.map((r) => `ack_${r.kind}`));
    await appendAudit(tx, actor, {
      action: 'incident.acknowledge', entityType: 'incident', entityId: id,
      after: { kinds: pending.map((r) => r.kind), overdue: pending.some((r) => r.dueAt.getTime() < now.getTime()) },
    });
    return { acknowledged: pending.length };
  });
}

function requireReviewer(row: IncidentRow, actor: WorkflowActor, version: number) {
  if (!isReviewer(row, actor)) throw precondition('只有接收报告的本级公共数据主管部门或省公共数据主管部门可以审核结案', articleOf(row));
  if (row.version !== version) throw conflict();
}

/**
 * Closure review by the authority: accept (结案) or ask for more (with the reason, back to the
 * reporter); optionally, in the same step, a rectification order to the reporter.
 */
export async function reviewIncident(db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, input: ReviewInput, now: Date) {
  return db.transaction(async (tx) => {
    const row = await lockInScope(tx, user, input.id);
    requireReviewer(row, actor, input.version);
    let updated = await transition(tx, incidentMachine, actor, {
      id: row.id, version: input.version, action: input.decision === 'accept' ? 'accept' : 'requestMore', scope: incidentScope(user),
      reason: input.reason ?? null,
      input: { now, by: actor.id, reporterRole: reporterRole(await orgTypeOf(tx, row.reporterOrgId)), note: input.reason ?? null },
    });
    await addUpdate(tx, row.id, input.decision === 'accept' ? 'review_accept' : 'review_more', input.reason || (input.decision === 'accept' ? '同意结案' : '需补充'), actor, now);
    if (input.order) updated = await orderFor(tx, actor, updated, input.order, now);
    return updated;
  });
}

/** The one-click rectification order from the closure review (source incident, target the reporter). */
export async function openOrder(db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, input: OpenOrderInput, now: Date) {
  return db.transaction(async (tx) => {
    const row = await lockInScope(tx, user, input.id);
    requireReviewer(row, actor, input.version);
    return orderFor(tx, actor, row, input, now);
  });
}

async function orderFor(tx: DbOrTx, actor: WorkflowActor, row: IncidentRow, o: Omit<OpenOrderInput, 'id' | 'version'>, now: Date): Promise<IncidentRow> {
  if (row.orderId) throw precondition('该事件已开具整改通知');
  const order = await issueOrder(tx, actor, {
    source: 'incident', sourceRef: row.id, targetOrgId: row.reporterOrgId, title: `安全事件整改:${row.title}`.slice(0, 200),
    findings: o.findings, article: row.regime === 'ID' ? 'ID-12' : 'HN-18', majorRisk: o.majorRisk,
    deadlineKind: o.deadlineKind, deadlineAmount: o.deadlineAmount,
  }, now);
  const [updated] = await tx.update(incidents).set({ orderId: order.id, version: row.version + 1, updatedAt: now })
    .where(and(eq(incidents.id, row.id), eq(incidents.version, row.version))).returning();
  if (!updated) throw conflict();
  await appendAudit(tx, actor, { action: 'incident.open_order', entityType: 'incident', entityId: row.id, after: { orderId: order.id, no: order.no } });
  return updated;
}

/** Rows of one incident for the detail page: the record, the severity history, the recipients with their clocks. */
export async function incidentRecord(db: DbOrTx, id: string) {
  const updates = await db.select({
    id: incidentUpdates.id, kind: incidentUpdates.kind, body: incidentUpdates.body, data: incidentUpdates.data, createdAt: incidentUpdates.createdAt,
    authorName: users.displayName, orgName: organizations.name,
  }).from(incidentUpdates)
    .innerJoin(users, eq(users.id, incidentUpdates.authorId))
    .innerJoin(organizations, eq(organizations.id, incidentUpdates.authorOrgId))
    .where(eq(incidentUpdates.incidentId, id)).orderBy(asc(incidentUpdates.createdAt), asc(incidentUpdates.id));
  const severityChanges = await db.select({
    id: incidentSeverityChanges.id, from: incidentSeverityChanges.fromSeverity, to: incidentSeverityChanges.toSeverity, reason: incidentSeverityChanges.reason,
    at: incidentSeverityChanges.changedAt, byName: users.displayName,
  }).from(incidentSeverityChanges).innerJoin(users, eq(users.id, incidentSeverityChanges.changedBy))
    .where(eq(incidentSeverityChanges.incidentId, id)).orderBy(asc(incidentSeverityChanges.changedAt));
  const recipients = await db.select({
    id: incidentRecipients.id, kind: incidentRecipients.kind, orgId: incidentRecipients.orgId, orgName: organizations.name, basis: incidentRecipients.basis,
    hours: incidentRecipients.hours, dueAt: incidentRecipients.dueAt, addedAt: incidentRecipients.addedAt, late: incidentRecipients.late,
    acknowledgedAt: incidentRecipients.acknowledgedAt, acknowledgedByName: users.displayName,
  }).from(incidentRecipients)
    .innerJoin(organizations, eq(organizations.id, incidentRecipients.orgId))
    .leftJoin(users, eq(users.id, incidentRecipients.acknowledgedBy))
    .where(eq(incidentRecipients.incidentId, id)).orderBy(asc(incidentRecipients.addedAt), asc(incidentRecipients.dueAt));
  // in the order the rules name them, within each report
  const rank = (k: string) => (RECIPIENT_KINDS as readonly string[]).indexOf(k);
  recipients.sort((a, b) => a.addedAt.getTime() - b.addedAt.getTime() || rank(a.kind) - rank(b.kind));
  return { updates, severityChanges, recipients };
}

/** The rectification order opened from the incident, if any (its number and state). */
export async function orderOf(db: DbOrTx, orderId: string | null) {
  if (!orderId) return null;
  const [o] = await db.select({ id: rectificationOrders.id, no: rectificationOrders.no, status: rectificationOrders.status, dueAt: rectificationOrders.dueAt })
    .from(rectificationOrders).where(eq(rectificationOrders.id, orderId));
  return o ?? null;
}

/** Is the incident's notification of individuals still owed (PIPL Art 57 / ID-12 ¶3)? */
export const notificationOwed = (row: IncidentRow) =>
  notificationRequired({ regime: row.regime as 'HN' | 'ID', type: row.type as IncidentType, personalInfoPeople: row.personalInfoPeople }) && !row.notification;

/** Pending receipts of the caller's organization (its 确认接收 button). */
export async function pendingReceipts(db: DbOrTx, orgId: string, incidentId: string) {
  return db.select({ id: incidentRecipients.id, kind: incidentRecipients.kind }).from(incidentRecipients)
    .where(and(eq(incidentRecipients.incidentId, incidentId), eq(incidentRecipients.orgId, orgId), isNull(incidentRecipients.acknowledgedAt)));
}
