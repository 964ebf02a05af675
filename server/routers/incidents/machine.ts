import type { DbOrTx } from '@/db/client';
import { incidents, incidentUpdates } from '@/db/schema';
import { needsProcessingStop, notificationRequired, type IncidentStatus, type IncidentType } from '@/server/domain/incidents';
import { can } from '@/server/domain/policy';
import { defineMachine, type InboxSpec, type WorkflowActor } from '@/server/domain/workflow';
import type { SummaryInput } from './schema';

export type IncidentRow = typeof incidents.$inferSelect;
export type IncidentAction = 'startHandling' | 'endHandling' | 'submitSummary' | 'accept' | 'requestMore';

export interface IncidentStepInput {
  now: Date;
  by: string;
  /** The reporter's role (its tasks). */
  reporterRole: string;
  endedAt?: Date;
  /** endHandling: when the closing summary falls due, and its clock in hours. */
  summaryDueAt?: Date;
  summaryHours?: number;
  summary?: SummaryInput['summary'];
  /** Who reviews the closure: the authority recipient, or the province. */
  reviewer?: { orgId: string; role: string };
  note?: string | null;
}

/** The reporting organization, by a user who may report. */
export const isReporter = (row: Pick<IncidentRow, 'reporterOrgId'>, actor: { orgId: string | null; roles: readonly string[] }) =>
  row.reporterOrgId === actor.orgId && can(actor, 'incident.report');

/** The closure review: the same-level data authority that received the report, or the province (HN-18, HN-20). */
export const isReviewer = (row: Pick<IncidentRow, 'authorityOrgId'>, actor: { orgId: string | null; roles: readonly string[] }) =>
  can(actor, 'incident.review') && (actor.roles.includes('province_admin') || (!!row.authorityOrgId && row.authorityOrgId === actor.orgId));

export const articleOf = (row: Pick<IncidentRow, 'regime'>) => (row.regime === 'ID' ? 'ID-12 ¶3' : 'HN-18');

export async function addUpdate(tx: DbOrTx, incidentId: string, kind: string, body: string, actor: WorkflowActor, at: Date, data: unknown = null) {
  await tx.insert(incidentUpdates).values({ incidentId, kind, body, data, authorId: actor.id, authorOrgId: actor.orgId!, createdAt: at });
}

const reporterTask = (row: IncidentRow, input: IncidentStepInput, step: 'summary' | 'more', deadline?: InboxSpec['deadline']): InboxSpec => ({
  assigneeOrgId: row.reporterOrgId,
  assigneeRole: input.reporterRole,
  step,
  title: step === 'summary' ? `提交安全事件总结报告:${row.title}` : `补充安全事件总结报告:${row.title}`,
  href: `/incidents/${row.id}`,
  basis: articleOf(row),
  deadline,
});

/**
 * An incident report (HN-18, ID-12 ¶3): 已报告 → 处置中 (from the first follow-up) → 处置结束 (the
 * closing summary is due within 30 days) → 总结待审核 → 已结案, or 需补充 back to the reporter.
 * The recipients' acknowledgement tasks are never closed by these steps (`closes` lists the steps).
 */
export const incidentMachine = defineMachine<IncidentStatus, IncidentAction, IncidentRow, IncidentStepInput>({
  entity: 'incident',
  table: incidents,
  states: ['reported', 'handling', 'handling_ended', 'summary_submitted', 'more_requested', 'closed'],
  transitions: {
    startHandling: {
      from: ['reported'],
      to: 'handling',
      self: isReporter,
      closes: [],
    },
    endHandling: {
      from: ['reported', 'handling'],
      to: 'handling_ended',
      self: isReporter,
      // HN-18 first sentence: 应当立即停止数据处理和运营活动 — the stop must be on record before handling can end.
      guard: (row) => (needsProcessingStop(row.type as IncidentType) && !row.processingStoppedAt
        ? { message: '数据关联风险隐患须先停止数据处理和运营活动并续报停止时间,才能结束处置', article: 'HN-18' }
        : null),
      patch: (_row, input) => ({ handlingEndedAt: input.endedAt, summaryDueAt: input.summaryDueAt }),
      closes: [],
      opens: (row, input) => [reporterTask(row, input, 'summary', { kind: 'hours', amount: input.summaryHours!, basis: '网络安全事件报告管理办法', startedAt: input.endedAt })],
    },
    submitSummary: {
      from: ['handling_ended', 'more_requested'],
      to: 'summary_submitted',
      self: isReporter,
      // PIPL Art 57 / ID-12 ¶3: whether the individuals were told (or why not) is part of the record.
      guard: (row) => (notificationRequired({ regime: row.regime as 'HN' | 'ID', type: row.type as IncidentType, personalInfoPeople: row.personalInfoPeople }) && !row.notification
        ? { message: '涉及个人信息的事件须先记录是否告知个人(或不告知的理由),才能提交总结报告(《个人信息保护法》第五十七条)', article: row.regime === 'ID' ? 'ID-12 ¶3' : undefined }
        : null),
      // the first submission's time is kept: it decides whether the summary was late
      patch: (row, input) => ({ summary: input.summary, summarySubmittedAt: row.summarySubmittedAt ?? input.now }),
      closes: ['summary', 'more'],
      opens: (row, input) => (input.reviewer ? [{
        assigneeOrgId: input.reviewer.orgId,
        assigneeRole: input.reviewer.role,
        step: 'review',
        title: `审核安全事件总结报告:${row.title}`,
        href: `/incidents/${row.id}`,
        basis: articleOf(row),
      }] : []),
    },
    accept: {
      from: ['summary_submitted'],
      to: 'closed',
      self: isReviewer,
      patch: (_row, input) => ({ reviewedBy: input.by, reviewedAt: input.now, reviewNote: input.note ?? null, closedAt: input.now }),
      closes: ['review'],
    },
    requestMore: {
      from: ['summary_submitted'],
      to: 'more_requested',
      self: isReviewer,
      patch: (_row, input) => ({ reviewedBy: input.by, reviewedAt: input.now, reviewNote: input.note ?? null }),
      closes: ['review'],
      opens: (row, input) => [reporterTask(row, input, 'more')],
    },
  },
});
