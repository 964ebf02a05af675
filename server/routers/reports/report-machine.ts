import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { filingReceipts, filingVersions, organizations, periodicReports } from '@/db/schema';
import { can } from '@/server/domain/policy';
import { defineMachine, openInbox, transition, type WorkflowActor } from '@/server/domain/workflow';
import type { ReportContent } from './schema';

type ReportRow = typeof periodicReports.$inferSelect;
type ReceiptRow = typeof filingReceipts.$inferSelect;

export const REPORT_ENTITY = 'periodic_report';
export const RECEIPT_ENTITY = 'periodic_report_receipt';

export interface ReportStepInput {
  now: Date;
  by: string;
  content: ReportContent;
  /** 2025年第3季度运营报告(…协议): for the recipients' 待办. */
  title: string;
  /** Why the period cannot be reported (periods.ts `periodProblem`), checked again at submission. */
  problem?: { message: string; article: string } | null;
  /** correct: why the submitted report is corrected. */
  reason?: string | null;
}

const operatorOwn = (row: ReportRow, actor: WorkflowActor) => row.operatorOrgId === actor.orgId && can(actor, 'report.write');

/** HN-22 ¶3: 向实施机构及其同级公共数据主管部门报送 — the two recipients of every report. */
async function recipientsOf(tx: DbOrTx, row: ReportRow) {
  const [authority] = await tx.select({ type: organizations.type }).from(organizations).where(eq(organizations.id, row.authorityOrgId));
  return [
    { orgId: row.agencyOrgId, role: 'implementing_agency' },
    { orgId: row.authorityOrgId, role: authority?.type === 'province_authority' ? 'province_admin' : 'municipal_admin' },
  ];
}

/**
 * Freeze the submitted content as version N (history and diff), and hand it to both recipients: one
 * receipt each, with a 待办 "审阅运营报告" that they close by marking it read. The receipts of an
 * earlier version that nobody read are superseded: their 待办 close.
 */
async function deliver(tx: DbOrTx, row: ReportRow, input: ReportStepInput, actor: WorkflowActor) {
  await tx.insert(filingVersions).values({
    entityType: REPORT_ENTITY, entityId: row.id, versionNo: row.lastVersionNo, submittedBy: input.by, submittedAt: input.now,
    snapshot: { kind: row.kind, year: row.year, quarter: row.quarter, content: input.content, reason: input.reason ?? null },
  });
  const earlier = await tx.select({ id: filingReceipts.id, version: filingReceipts.version }).from(filingReceipts)
    .where(and(eq(filingReceipts.entityType, REPORT_ENTITY), eq(filingReceipts.entityId, row.id), eq(filingReceipts.status, 'pending')));
  for (const r of earlier) {
    await transition(tx, receiptMachine, actor, { id: r.id, version: r.version, action: 'supersede', input: { now: input.now, by: actor.id }, reason: `已由更正版 v${row.lastVersionNo} 取代` });
  }
  for (const to of await recipientsOf(tx, row)) {
    const [receipt] = await tx.insert(filingReceipts).values({
      entityType: REPORT_ENTITY, entityId: row.id, versionNo: row.lastVersionNo, recipientOrgId: to.orgId, recipientRole: to.role, createdAt: input.now,
    }).returning({ id: filingReceipts.id });
    await openInbox(tx, RECEIPT_ENTITY, receipt.id, [{
      assigneeOrgId: to.orgId,
      assigneeRole: to.role,
      step: 'read',
      title: `审阅运营报告:${input.title}${row.lastVersionNo > 1 ? `(更正 v${row.lastVersionNo})` : ''}`,
      href: `/filings/reports/${row.id}`,
      basis: 'HN-22.3',
    }]);
  }
}

/**
 * Periodic report (HN-22 ¶3): 草稿 → 已报送 (locked). A correction after submission is a new
 * version of the submitted report (`correct`), with its reason, delivered again to both recipients.
 */
export const reportMachine = defineMachine<'draft' | 'submitted', 'submit' | 'correct', ReportRow, ReportStepInput>({
  entity: REPORT_ENTITY,
  table: periodicReports,
  states: ['draft', 'submitted'],
  transitions: {
    submit: {
      from: ['draft'],
      to: 'submitted',
      self: operatorOwn,
      guard: (_row, input) => input.problem ?? null,
      patch: (row, input) => ({ content: input.content, submittedAt: input.now, submittedBy: input.by, lastVersionNo: row.lastVersionNo + 1 }),
      effect: (tx, row, input, actor) => deliver(tx, row, input, actor),
    },
    correct: {
      from: ['submitted'],
      to: 'submitted',
      self: operatorOwn,
      // the first submission stays the one that counts for lateness; the version records when each came
      patch: (row, input) => ({ content: input.content, lastVersionNo: row.lastVersionNo + 1 }),
      closes: [],
      effect: (tx, row, input, actor) => deliver(tx, row, input, actor),
    },
  },
});

/** A recipient marks a report read (已阅): the minimal acknowledgement HN-22 ¶3 calls for (报送, no approval). */
export const receiptMachine = defineMachine<'pending' | 'acknowledged' | 'superseded', 'read' | 'supersede', ReceiptRow, { now: Date; by: string }>({
  entity: RECEIPT_ENTITY,
  table: filingReceipts,
  states: ['pending', 'acknowledged', 'superseded'],
  transitions: {
    read: {
      from: ['pending'],
      to: 'acknowledged',
      self: (row, actor) => row.recipientOrgId === actor.orgId && actor.roles.includes(row.recipientRole) && can(actor, 'report.read'),
      patch: (_row, input) => ({ decidedBy: input.by, decidedAt: input.now }),
    },
    /** An unread receipt of a version replaced by a correction: a step of the correction itself, never requested on its own. */
    supersede: {
      from: ['pending'],
      to: 'superseded',
      self: () => true,
      patch: (_row, input) => ({ decidedAt: input.now }),
    },
  },
});
