import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { filingReceipts, filingVersions, organizations, users } from '@/db/schema';
import { notFound } from '@/server/domain/errors';
import type { ScopeSubject } from '@/server/domain/scope';
import { defineMachine, openInbox, transition, type Machine, type WorkflowActor } from '@/server/domain/workflow';

/**
 * 备案回执 (HN-11 ¶2, HN-13 ¶2), the same for implementation plans and operating agreements: filing
 * a version freezes it (`filing_versions`) and opens one receipt per recipient, each with an item in
 * that recipient's 我的待办. Each recipient acknowledges (备案) or returns it on its own; the filing
 * is 已备案 only when every receipt of the version is acknowledged, and one return sends it back to
 * its owner, closing the other recipients' pending receipts (superseded). No deadline: neither
 * article sets a time for 备案.
 */
export type FilingEntity = 'implementation_plan' | 'operating_agreement';

export interface Recipient {
  orgId: string;
  role: string;
}

export interface FilingKind {
  entity: FilingEntity;
  /** 实施方案 / 运营协议, for titles and messages. */
  label: string;
  href: (id: string) => string;
  /** The article the filing rests on, shown with the inbox item. */
  basis: string;
}

export const PLAN_KIND: FilingKind = { entity: 'implementation_plan', label: '实施方案', href: (id) => `/filings/plans/${id}`, basis: 'HN-11' };
export const AGREEMENT_KIND: FilingKind = { entity: 'operating_agreement', label: '运营协议', href: (id) => `/filings/agreements/${id}`, basis: 'HN-13' };

export const RECEIPT_STATUSES = ['pending', 'acknowledged', 'returned', 'superseded'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];
type ReceiptRow = typeof filingReceipts.$inferSelect;

export interface ReceiptStepInput {
  reason?: string | null;
  decidedBy?: string;
}

/**
 * One recipient's receipt: 待备案 → 已备案 | 已退回 (with the reason); 已关闭 when the version is
 * returned by the other recipient or withdrawn by its owner. Only the recipient organization acts on
 * its receipt (the router scopes the row to the caller's organization: others get NOT_FOUND).
 */
export const receiptMachine = defineMachine<ReceiptStatus, 'acknowledge' | 'return' | 'supersede', ReceiptRow, ReceiptStepInput>({
  entity: 'filing_receipt',
  table: filingReceipts,
  states: RECEIPT_STATUSES,
  transitions: {
    acknowledge: {
      from: ['pending'],
      to: 'acknowledged',
      permission: 'filing.ack',
      patch: (_row, input) => ({ decidedBy: input.decidedBy, decidedAt: new Date(), reason: null }),
    },
    return: {
      from: ['pending'],
      to: 'returned',
      permission: 'filing.ack',
      patch: (_row, input) => ({ decidedBy: input.decidedBy, decidedAt: new Date(), reason: input.reason ?? null }),
    },
    // A step of the filing itself, taken inside the return or withdrawal that closes the version (whose
    // caller that step has already checked), never requested on its own.
    supersede: {
      from: ['pending'],
      to: 'superseded',
      self: () => true,
      patch: (_row, input) => ({ reason: input.reason ?? null, decidedAt: new Date() }),
    },
  },
});

/** The province's data authority (省行政审批政务信息管理局), the first recipient of every filing. */
export async function provinceRecipient(db: DbOrTx): Promise<Recipient | null> {
  const [p] = await db.select({ id: organizations.id }).from(organizations)
    .where(and(eq(organizations.type, 'province_authority'), eq(organizations.active, true))).limit(1);
  return p ? { orgId: p.id, role: 'province_admin' } : null;
}

/** HN-11 ¶2, HN-13 ¶2: a filing goes to the province and to the provincial industry department it names. */
export async function filingRecipients(db: DbOrTx, industryOrgId: string | null): Promise<Recipient[]> {
  const province = await provinceRecipient(db);
  return [...(province ? [province] : []), ...(industryOrgId ? [{ orgId: industryOrgId, role: 'industry_dept' }] : [])];
}

/** Freeze the filed version (numbered, for history and diff). */
export async function freezeVersion(tx: DbOrTx, kind: FilingKind, entityId: string, versionNo: number, snapshot: unknown, actor: WorkflowActor) {
  await tx.insert(filingVersions).values({ entityType: kind.entity, entityId, versionNo, snapshot: snapshot ?? {}, submittedBy: actor.id });
}

/** One pending receipt per recipient, each in its recipient's 我的待办. */
export async function openReceipts(tx: DbOrTx, kind: FilingKind, row: { id: string; name: string }, versionNo: number, recipients: readonly Recipient[]) {
  for (const r of recipients) {
    const [rc] = await tx.insert(filingReceipts).values({
      entityType: kind.entity, entityId: row.id, versionNo, recipientOrgId: r.orgId, recipientRole: r.role,
    }).returning({ id: filingReceipts.id });
    await openInbox(tx, 'filing_receipt', rc.id, [{
      assigneeOrgId: r.orgId,
      assigneeRole: r.role,
      step: 'ack',
      title: `${kind.label}备案:${row.name}(第 ${versionNo} 版)`,
      href: kind.href(row.id),
      basis: kind.basis,
    }]);
  }
}

/** Close the version's pending receipts (and their 待办): another recipient returned it, or its owner withdrew it. */
export async function closeVersion(tx: DbOrTx, actor: WorkflowActor, kind: FilingKind, entityId: string, versionNo: number, reason: string) {
  const pending = await tx.select({ id: filingReceipts.id, version: filingReceipts.version }).from(filingReceipts).where(and(
    eq(filingReceipts.entityType, kind.entity), eq(filingReceipts.entityId, entityId),
    eq(filingReceipts.versionNo, versionNo), eq(filingReceipts.status, 'pending'),
  ));
  for (const p of pending) {
    await transition(tx, receiptMachine, actor, { id: p.id, version: p.version, action: 'supersede', reason, input: { reason } });
  }
}

async function allAcknowledged(tx: DbOrTx, kind: FilingKind, entityId: string, versionNo: number): Promise<boolean> {
  const [r] = await tx.select({ open: sql<number>`count(*) filter (where ${filingReceipts.status} <> 'acknowledged')::int` }).from(filingReceipts)
    .where(and(eq(filingReceipts.entityType, kind.entity), eq(filingReceipts.entityId, entityId), eq(filingReceipts.versionNo, versionNo)));
  return r.open === 0;
}

/** The row of a filing, as the receipts module needs it. */
export interface FilingRow {
  id: string;
  status: string;
  version: number;
  name: string;
  lastVersionNo: number;
}

/** The filing's own steps taken on a recipient's decision. */
export interface FilingStepInput {
  snapshot?: unknown;
  recipients?: Recipient[];
  /** Facts the filing guard checks, looked up by the router. */
  minutes?: number;
  /** Shanghai day the version in force was filed (a revision's records must be later), or null. */
  filedOn?: string | null;
  inoperable?: string[];
  reason?: string | null;
  owner?: Recipient | null;
}

/** How the receipts module acts on a kind of filing: its machine, its row locked by id, whose inbox a return goes to. */
export interface Filing<Row extends FilingRow> {
  machine: Machine<string, 'complete' | 'return', Row, FilingStepInput>;
  lock: (tx: DbOrTx, id: string) => Promise<Row | undefined>;
  owner: (tx: DbOrTx, row: Row) => Promise<Recipient>;
}

export interface DecideRequest {
  id: string;
  version: number;
  action: 'acknowledge' | 'return';
  reason?: string | null;
}

/**
 * A recipient acknowledges or returns its receipt. The filing's row is locked first, so that two
 * recipients deciding at once are serialized and exactly one of them completes the filing.
 */
export async function decideReceipt<Row extends FilingRow>(
  db: DbOrTx,
  actor: WorkflowActor,
  user: ScopeSubject,
  kind: FilingKind,
  filing: Filing<Row>,
  req: DecideRequest,
) {
  return db.transaction(async (tx) => {
    const mine = and(eq(filingReceipts.entityType, kind.entity), eq(filingReceipts.recipientOrgId, user.orgId));
    const [rc] = await tx.select({ entityId: filingReceipts.entityId, versionNo: filingReceipts.versionNo }).from(filingReceipts)
      .where(and(eq(filingReceipts.id, req.id), mine));
    if (!rc) throw notFound('备案回执');
    const row = await filing.lock(tx, rc.entityId);
    if (!row) throw notFound(kind.label);
    const decided = await transition(tx, receiptMachine, actor, {
      id: req.id, version: req.version, action: req.action, reason: req.reason ?? null, scope: mine,
      input: { reason: req.reason ?? null, decidedBy: actor.id },
    });
    if (req.action === 'return') {
      await closeVersion(tx, actor, kind, row.id, rc.versionNo, '另一备案单位已退回,本版本备案关闭');
      await transition(tx, filing.machine, actor, {
        id: row.id, version: row.version, action: 'return', reason: req.reason ?? null,
        input: { reason: req.reason ?? null, owner: await filing.owner(tx, row) },
      });
    } else if (await allAcknowledged(tx, kind, row.id, rc.versionNo)) {
      await transition(tx, filing.machine, actor, { id: row.id, version: row.version, action: 'complete', input: {} });
    }
    return decided;
  });
}

// ---- reading

/** A pending receipt of the filing's current version addressed to the organization (待我备案). */
export function awaitingReceipt(entity: FilingEntity, idCol: PgColumn, versionNoCol: PgColumn, orgId: string): SQL {
  return sql`exists (select 1 from ${filingReceipts} where ${filingReceipts.entityType} = ${entity} and ${filingReceipts.entityId} = ${idCol}
    and ${filingReceipts.versionNo} = ${versionNoCol} and ${filingReceipts.recipientOrgId} = ${orgId} and ${filingReceipts.status} = 'pending')`;
}

/** Any version of the filing was filed to the organization (its recipients may read it). */
export function filedTo(entity: FilingEntity, idCol: PgColumn, orgId: string): SQL {
  return sql`exists (select 1 from ${filingReceipts} where ${filingReceipts.entityType} = ${entity} and ${filingReceipts.entityId} = ${idCol}
    and ${filingReceipts.recipientOrgId} = ${orgId})`;
}

/** "acknowledged/total" receipts of the filing's current version, for list columns. */
export function receiptProgress(entity: FilingEntity, idCol: PgColumn, versionNoCol: PgColumn): SQL<string | null> {
  return sql<string | null>`(select count(*) filter (where ${filingReceipts.status} = 'acknowledged') || '/' || count(*) from ${filingReceipts}
    where ${filingReceipts.entityType} = ${entity} and ${filingReceipts.entityId} = ${idCol} and ${filingReceipts.versionNo} = ${versionNoCol} having count(*) > 0)`;
}

const recipient = alias(organizations, 'recipient');

/** Every receipt of the filing (all versions, newest first), with the recipient and who decided. */
export async function receiptsOf(db: DbOrTx, kind: FilingKind, entityId: string) {
  return db
    .select({
      id: filingReceipts.id,
      versionNo: filingReceipts.versionNo,
      recipientOrgId: filingReceipts.recipientOrgId,
      recipientName: recipient.name,
      recipientRole: filingReceipts.recipientRole,
      status: filingReceipts.status,
      reason: filingReceipts.reason,
      decidedAt: filingReceipts.decidedAt,
      decidedBy: users.displayName,
      createdAt: filingReceipts.createdAt,
      version: filingReceipts.version,
    })
    .from(filingReceipts)
    .innerJoin(recipient, eq(recipient.id, filingReceipts.recipientOrgId))
    .leftJoin(users, eq(users.id, filingReceipts.decidedBy))
    .where(and(eq(filingReceipts.entityType, kind.entity), eq(filingReceipts.entityId, entityId)))
    .orderBy(desc(filingReceipts.versionNo), asc(filingReceipts.recipientRole));
}
export type ReceiptView = Awaited<ReturnType<typeof receiptsOf>>[number];

/**
 * What became of a filed version: in force without filing (a provincial plan), 已备案 when every
 * receipt is acknowledged, 已退回 on a return, 备案中 while any is pending, else withdrawn.
 */
export function versionOutcome(receipts: readonly { status: string }[]): 'effective' | 'filed' | 'returned' | 'filing' | 'withdrawn' {
  if (!receipts.length) return 'effective';
  if (receipts.some((r) => r.status === 'returned')) return 'returned';
  if (receipts.every((r) => r.status === 'acknowledged')) return 'filed';
  if (receipts.some((r) => r.status === 'pending')) return 'filing';
  return 'withdrawn';
}

/** The filed versions, newest first, each with who filed it and what became of it. */
export async function versionsOf(db: DbOrTx, kind: FilingKind, entityId: string, receipts: readonly ReceiptView[]) {
  const rows = await db
    .select({ versionNo: filingVersions.versionNo, submittedAt: filingVersions.submittedAt, submittedBy: users.displayName })
    .from(filingVersions)
    .leftJoin(users, eq(users.id, filingVersions.submittedBy))
    .where(and(eq(filingVersions.entityType, kind.entity), eq(filingVersions.entityId, entityId)))
    .orderBy(desc(filingVersions.versionNo));
  return rows.map((v) => {
    const own = receipts.filter((r) => r.versionNo === v.versionNo);
    return { ...v, outcome: versionOutcome(own), receipts: own };
  });
}

/** The frozen snapshot of a version (NOT_FOUND when there is none). */
export async function frozenSnapshot(db: DbOrTx, kind: FilingKind, entityId: string, versionNo: number): Promise<unknown> {
  const [v] = await db.select({ snapshot: filingVersions.snapshot }).from(filingVersions).where(and(
    eq(filingVersions.entityType, kind.entity), eq(filingVersions.entityId, entityId), eq(filingVersions.versionNo, versionNo),
  ));
  if (!v) throw notFound(`第 ${versionNo} 版`);
  return v.snapshot;
}
