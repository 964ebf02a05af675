import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import {
  dataProducts, developerSelections, filingReceipts, filingVersions, operatingAgreements, organizations, periodicReports, policies, users,
} from '@/db/schema';
import { appendAudit, diff } from '@/server/domain/audit';
import { deadlineStatus, endOfShanghaiDay, shanghaiDate } from '@/server/domain/deadlines';
import { conflict, isUniqueViolation, notFound, precondition } from '@/server/domain/errors';
import { agreementEverFiledSql, agreementInForceSql, authorityOf, DEFAULT_QUARTERLY_DUE_DAYS, REPORT_POLICY_KEY } from '@/server/domain/filings';
import type { ScopeSubject } from '@/server/domain/scope';
import { timelineOf } from '@/server/domain/timeline';
import { transition, type WorkflowActor } from '@/server/domain/workflow';
import { diffSnapshots } from '@/server/routers/plans/diff';
import { nextPeriod, periodDueOn, periodLabel, periodProblem, type Period } from './periods';
import { agreementScope, countPeriods, openPeriods, reportScope } from './report-query';
import { RECEIPT_ENTITY, receiptMachine, REPORT_ENTITY, reportMachine } from './report-machine';
import { ZDraftContent, type DraftContent, type ReportContent } from './schema';

/**
 * 运营报告 (HN-22 ¶3): 一级开发主体应当向实施机构及其同级公共数据主管部门按季度报送公共数据资源授权运营
 * 报告, 每年第一季度报送上一年度总结报告; 报告应当包含二级开发主体对一级开发产品和服务进行再开发利用情况.
 * Functions take `now` where the date matters, so that the rules can be tested at fixed dates.
 */
type ReportRow = typeof periodicReports.$inferSelect;

// ---- policy: the quarterly due days (the province's setting)

export async function reportPolicy(db: DbOrTx): Promise<{ quarterlyDueDays: number; version: number }> {
  const [p] = await db.select().from(policies).where(eq(policies.key, REPORT_POLICY_KEY));
  const v = (p?.value ?? {}) as { quarterlyDueDays?: number };
  return { quarterlyDueDays: v.quarterlyDueDays ?? DEFAULT_QUARTERLY_DUE_DAYS, version: p?.version ?? 0 };
}

export async function updateReportPolicy(db: DbOrTx, actor: WorkflowActor, input: { quarterlyDueDays: number; version: number }) {
  return db.transaction(async (tx) => {
    const before = await reportPolicy(tx);
    if (before.version !== input.version) throw conflict('报送期限设置已被他人修改,请刷新后重试');
    const value = { quarterlyDueDays: input.quarterlyDueDays };
    const version = input.version + 1;
    const written = await tx.insert(policies).values({ key: REPORT_POLICY_KEY, value, version })
      .onConflictDoUpdate({ target: policies.key, set: { value, version, updatedAt: new Date() }, setWhere: eq(policies.version, input.version) })
      .returning({ key: policies.key });
    if (!written.length) throw conflict('报送期限设置已被他人修改,请刷新后重试');
    await appendAudit(tx, actor, { action: 'policy.reports.update', entityType: 'policy', entityId: REPORT_POLICY_KEY, ...diff({ quarterlyDueDays: before.quarterlyDueDays }, value) });
    return { ...value, version };
  });
}

// ---- writing

/** The caller's own report, locked; NOT_FOUND outside its scope. */
async function lockReport(tx: DbOrTx, user: ScopeSubject, id: string): Promise<ReportRow> {
  const [row] = await tx.select().from(periodicReports).where(and(eq(periodicReports.id, id), reportScope(user))).for('update');
  if (!row) throw notFound('运营报告');
  return row;
}

async function agreementOf(db: DbOrTx, id: string) {
  const [a] = await db.select({ name: operatingAgreements.name, startsOn: operatingAgreements.startsOn, endsOn: operatingAgreements.endsOn })
    .from(operatingAgreements).where(eq(operatingAgreements.id, id));
  return a;
}

const titleOf = (row: Period, agreementName: string) => `${periodLabel(row)}${row.kind === 'annual' ? '总结报告' : '运营报告'}(${agreementName})`;

/**
 * Start the report of a period: only the operator of a filed agreement, only for a period that has
 * ended within the term, once per period. Its due day follows the province's setting of the day.
 */
export async function createReport(db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, input: Period & { agreementId: string }, now: Date): Promise<ReportRow> {
  return db.transaction(async (tx) => {
    const [a] = await tx.select().from(operatingAgreements)
      .where(and(eq(operatingAgreements.id, input.agreementId), eq(operatingAgreements.operatorOrgId, user.orgId)));
    if (!a) throw notFound('运营协议');
    if (a.filedVersionNo === null) throw precondition('运营协议尚未备案,不能报送运营报告', 'HN-13 ¶2');
    const period: Period = { kind: input.kind, year: input.year, quarter: input.quarter };
    const problem = periodProblem(period, a, shanghaiDate(now));
    if (problem) throw precondition(problem.message, problem.article);
    const [existing] = await tx.select({ id: periodicReports.id }).from(periodicReports).where(and(
      eq(periodicReports.agreementId, a.id), eq(periodicReports.kind, input.kind), eq(periodicReports.year, input.year), eq(periodicReports.quarter, input.quarter),
    ));
    if (existing) throw conflict(`${periodLabel(period)}的报告已经存在,请在原报告上填报或更正`);
    const authority = await authorityOf(tx, a.agencyOrgId);
    if (!authority) throw precondition('实施机构所在地区没有公共数据主管部门,无法确定报告的接收单位', 'HN-22 ¶3');
    const { quarterlyDueDays } = await reportPolicy(tx);
    const [row] = await tx.insert(periodicReports).values({
      agreementId: a.id,
      operatorOrgId: a.operatorOrgId,
      agencyOrgId: a.agencyOrgId,
      authorityOrgId: authority.orgId,
      regionCode: a.regionCode,
      ...period,
      dueOn: periodDueOn(period, quarterlyDueDays),
      content: ZDraftContent.parse({}),
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    }).returning().catch((err: unknown) => {
      // two creates of one period at once: the second finds the first (the check above could not see it yet)
      if (isUniqueViolation(err, 'periodic_reports_period_uq')) throw conflict(`${periodLabel(period)}的报告已经存在,请在原报告上填报或更正`);
      throw err;
    });
    await appendAudit(tx, actor, {
      action: 'periodic_report.create', entityType: REPORT_ENTITY, entityId: row.id,
      after: { agreement: a.name, period: periodLabel(period), dueOn: row.dueOn, status: 'draft' },
    });
    return row;
  });
}

/** Save a draft. A submitted report is locked: a change is a correction (a new version). */
export async function saveReport(db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, input: { id: string; version: number; content: DraftContent }) {
  return db.transaction(async (tx) => {
    const row = await lockReport(tx, user, input.id);
    if (row.operatorOrgId !== user.orgId) throw notFound('运营报告');
    if (row.version !== input.version) throw conflict();
    if (row.status !== 'draft') throw precondition('已报送的报告已锁定,不能修改;如需修改请提交更正', 'HN-22 ¶3');
    const [saved] = await tx.update(periodicReports).set({ content: input.content, version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(periodicReports.id, row.id), eq(periodicReports.version, input.version))).returning();
    if (!saved) throw conflict();
    await appendAudit(tx, actor, {
      action: 'periodic_report.update', entityType: REPORT_ENTITY, entityId: row.id,
      after: { sections: [...new Set(diffSnapshots(row.content, input.content).map((c) => c.path.split('.')[0]))] },
    });
    return saved;
  });
}

/** Submit (first version) or correct (a new version with its reason); both go to the two recipients again. */
export async function deliverReport(
  db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, action: 'submit' | 'correct',
  input: { id: string; version: number; content: ReportContent; reason?: string }, now: Date,
): Promise<ReportRow> {
  return db.transaction(async (tx) => {
    const row = await lockReport(tx, user, input.id);
    const a = await agreementOf(tx, row.agreementId);
    return transition(tx, reportMachine, actor, {
      id: row.id,
      version: input.version,
      action,
      reason: input.reason ?? null,
      scope: reportScope(user),
      input: {
        now, by: actor.id, content: input.content, reason: input.reason ?? null, title: titleOf(row as Period, a.name),
        problem: periodProblem(row as Period, a, shanghaiDate(now)),
      },
    });
  });
}

/** A recipient marks the report read (its 待办 closes). Receipts of other organizations are NOT_FOUND. */
export async function markReportRead(db: DbOrTx, actor: WorkflowActor, user: ScopeSubject, ref: { id: string; version: number }, now: Date) {
  return transition(db, receiptMachine, actor, {
    id: ref.id, version: ref.version, action: 'read', input: { now, by: actor.id },
    scope: and(eq(filingReceipts.entityType, REPORT_ENTITY), eq(filingReceipts.recipientOrgId, user.orgId)),
  });
}

// ---- reading

const operatorOrg = alias(organizations, 'operator_org');
const agencyOrg = alias(organizations, 'agency_org');
const authorityOrg = alias(organizations, 'authority_org');

/** One report with its recipients' receipts, what the caller may do, and its timeline; null outside the scope. */
export async function getReport(db: DbOrTx, user: ScopeSubject, actor: WorkflowActor, id: string, now: Date) {
  const [r] = await db
    .select({
      report: periodicReports,
      agreementName: operatingAgreements.name,
      startsOn: operatingAgreements.startsOn,
      endsOn: operatingAgreements.endsOn,
      operatorName: operatorOrg.name,
      agencyName: agencyOrg.name,
      authorityName: authorityOrg.name,
      submittedByName: sql<string | null>`(select ${users.displayName} from ${users} where ${users.id} = ${periodicReports.submittedBy})`,
    })
    .from(periodicReports)
    .innerJoin(operatingAgreements, eq(operatingAgreements.id, periodicReports.agreementId))
    .innerJoin(operatorOrg, eq(operatorOrg.id, periodicReports.operatorOrgId))
    .innerJoin(agencyOrg, eq(agencyOrg.id, periodicReports.agencyOrgId))
    .innerJoin(authorityOrg, eq(authorityOrg.id, periodicReports.authorityOrgId))
    .where(and(eq(periodicReports.id, id), reportScope(user)));
  if (!r) return null;
  const { report, ...names } = r;
  const receipts = await db
    .select({
      id: filingReceipts.id, versionNo: filingReceipts.versionNo, recipientOrgId: filingReceipts.recipientOrgId, recipientRole: filingReceipts.recipientRole,
      orgName: organizations.name, status: filingReceipts.status, decidedAt: filingReceipts.decidedAt, version: filingReceipts.version,
      decidedBy: sql<string | null>`(select ${users.displayName} from ${users} where ${users.id} = ${filingReceipts.decidedBy})`,
    })
    .from(filingReceipts)
    .innerJoin(organizations, eq(organizations.id, filingReceipts.recipientOrgId))
    .where(and(eq(filingReceipts.entityType, REPORT_ENTITY), eq(filingReceipts.entityId, id)))
    .orderBy(desc(filingReceipts.versionNo), asc(filingReceipts.recipientRole));
  const own = report.operatorOrgId === user.orgId && actor.roles.includes('operator');
  const current = receipts.filter((x) => x.versionNo === report.lastVersionNo);
  const mine = current.find((x) => x.status === 'pending' && x.recipientOrgId === user.orgId && user.roles.includes(x.recipientRole as never));
  const timeline = await timelineOf(db, [{ type: REPORT_ENTITY, id }, ...receipts.map((x) => ({ type: RECEIPT_ENTITY, id: x.id }))]);
  const late = !!report.submittedAt && shanghaiDate(report.submittedAt) > report.dueOn;
  const dueAt = endOfShanghaiDay(report.dueOn);
  return {
    ...report,
    ...names,
    content: report.content as DraftContent,
    period: periodLabel(report as Period),
    late,
    due: { dueAt, status: report.submittedAt ? 'done' as const : deadlineStatus({ kind: 'calendar_days', dueAt, pausedAt: null }, now) },
    receipts: current,
    myReceipt: mine ? { id: mine.id, version: mine.version } : null,
    canEdit: own && report.status === 'draft',
    canCorrect: own && report.status === 'submitted',
    timeline,
  };
}

/** Every submitted version, newest first (a report in scope; drafts have none). */
export async function reportHistory(db: DbOrTx, user: ScopeSubject, id: string) {
  const [r] = await db.select({ id: periodicReports.id }).from(periodicReports).where(and(eq(periodicReports.id, id), reportScope(user)));
  if (!r) throw notFound('运营报告');
  const rows = await db
    .select({
      versionNo: filingVersions.versionNo, submittedAt: filingVersions.submittedAt, snapshot: filingVersions.snapshot,
      submittedBy: sql<string | null>`(select ${users.displayName} from ${users} where ${users.id} = ${filingVersions.submittedBy})`,
    })
    .from(filingVersions)
    .where(and(eq(filingVersions.entityType, REPORT_ENTITY), eq(filingVersions.entityId, id)))
    .orderBy(desc(filingVersions.versionNo));
  return rows.map(({ snapshot, ...v }) => ({ ...v, reason: (snapshot as { reason?: string | null }).reason ?? null }));
}

/** Field-level difference between two submitted versions. */
export async function reportDiff(db: DbOrTx, user: ScopeSubject, input: { id: string; from: number; to: number }) {
  const [r] = await db.select({ id: periodicReports.id }).from(periodicReports).where(and(eq(periodicReports.id, input.id), reportScope(user)));
  if (!r) throw notFound('运营报告');
  const versions = await db.select({ versionNo: filingVersions.versionNo, snapshot: filingVersions.snapshot }).from(filingVersions)
    .where(and(eq(filingVersions.entityType, REPORT_ENTITY), eq(filingVersions.entityId, input.id), inArray(filingVersions.versionNo, [input.from, input.to])));
  const content = (n: number) => {
    const v = versions.find((x) => x.versionNo === n);
    if (!v) throw notFound(`版本 v${n}`);
    return (v.snapshot as { content: unknown }).content;
  };
  return { from: input.from, to: input.to, changes: diffSnapshots(content(input.from), content(input.to)) };
}

/** Filed agreements in the caller's scope (filters, and the agreements an operator reports on). */
export async function reportAgreements(db: DbOrTx, user: ScopeSubject) {
  return db
    .select({ id: operatingAgreements.id, name: operatingAgreements.name, startsOn: operatingAgreements.startsOn, endsOn: operatingAgreements.endsOn, operatorName: operatorOrg.name })
    .from(operatingAgreements)
    .innerJoin(operatorOrg, eq(operatorOrg.id, operatingAgreements.operatorOrgId))
    .where(and(agreementEverFiledSql(), agreementScope(user)))
    .orderBy(asc(operatingAgreements.name))
    .limit(500);
}

/**
 * The counters of the list (filed, late, missing…), and for the operator what is to be reported:
 * the ended periods not yet submitted (soonest due first) and, per agreement, the running quarter.
 */
export async function reportOverview(db: DbOrTx, user: ScopeSubject, now: Date) {
  const today = shanghaiDate(now);
  const { quarterlyDueDays } = await reportPolicy(db);
  const counts = await countPeriods(db, user, {}, today, quarterlyDueDays);
  if (!user.roles.includes('operator')) return { counts, open: [], upcoming: [], quarterlyDueDays };
  const open = await openPeriods(db, user, now, quarterlyDueDays);
  const agreements = await db.select({ id: operatingAgreements.id, name: operatingAgreements.name, startsOn: operatingAgreements.startsOn, endsOn: operatingAgreements.endsOn })
    .from(operatingAgreements)
    .where(and(eq(operatingAgreements.operatorOrgId, user.orgId), agreementInForceSql()))
    .limit(200);
  const upcoming = agreements.flatMap((a) => {
    const p = nextPeriod(a, today, quarterlyDueDays);
    if (!p) return [];
    const dueAt = endOfShanghaiDay(p.dueOn);
    return [{ agreementId: a.id, agreementName: a.name, ...p, due: { dueAt, status: deadlineStatus({ kind: 'calendar_days', dueAt, pausedAt: null }, now) } }];
  });
  return { counts, open, upcoming, quarterlyDueDays };
}

/**
 * Secondary developers the operator has selected (HN-17 ¶1) and the products they use, as
 * suggestions for the report's re-development section (the operator may type others).
 */
export async function developerSuggestions(db: DbOrTx, user: ScopeSubject) {
  return db
    .selectDistinct({ developer: organizations.name, product: dataProducts.name })
    .from(developerSelections)
    .innerJoin(organizations, eq(organizations.id, developerSelections.developerOrgId))
    .innerJoin(dataProducts, eq(dataProducts.id, developerSelections.productId))
    .where(and(eq(developerSelections.operatorOrgId, user.orgId), inArray(developerSelections.status, ['approved', 'contracted'])))
    .orderBy(asc(organizations.name))
    .limit(200);
}
