import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx, Tx } from '@/db/client';
import { deadlines, inboxItems } from '@/db/schema';
import { appendAudit, type AuditActor } from './audit';
import { computeDue, type DeadlineKind } from './deadlines';
import { conflict, DomainError, notFound, precondition } from './errors';
import { can, type Permission } from './policy';

/**
 * The workflow module (DESIGN §3): each stateful entity declares its states and transitions in one
 * typed table. `transition()` is the only code that assigns a status: it locks the row, checks the
 * caller's version (stale → CONFLICT), checks who may act and the preconditions (with the article),
 * writes the new state and the audit event in one transaction, and closes / opens the inbox items
 * of the next actor.
 */
export interface WorkflowActor extends AuditActor {
  id: string;
  roles: readonly string[];
}

export interface InboxSpec {
  assigneeUserId?: string | null;
  assigneeOrgId?: string | null;
  assigneeRole?: string | null;
  step: string;
  title: string;
  href?: string | null;
  basis?: string | null;
  deadline?: { kind: DeadlineKind; amount: number; basis?: string | null; startedAt?: Date };
}

export interface TransitionDef<S extends string, Row, Input> {
  from: readonly S[];
  to: S;
  /** Who may take this step: a permission from the policy, or the row's own subject (e.g. the user themself). */
  permission?: Permission;
  self?: (row: Row, actor: WorkflowActor) => boolean;
  /** A rule that blocks the step: return a message (and the article) or null. */
  guard?: (row: Row, input: Input) => { message: string; article?: string } | null;
  /** Extra columns written with the new state. */
  patch?: (row: Row, input: Input) => Record<string, unknown>;
  /** Inbox steps of this entity closed by this transition (default: all open ones). */
  closes?: readonly string[] | 'all';
  /** Inbox items opened for the next actor. */
  opens?: (row: Row, input: Input) => InboxSpec[];
  /** Side effects inside the same transaction (e.g. revoke sessions). */
  effect?: (tx: Tx, row: Row, input: Input, actor: WorkflowActor) => Promise<void>;
}

export interface Machine<S extends string, A extends string, Row extends { id: string; status: string; version: number }, Input = Record<string, never>> {
  entity: string;
  table: PgTable & { id: PgColumn; status: PgColumn; version: PgColumn };
  states: readonly S[];
  transitions: Record<A, TransitionDef<S, Row, Input>>;
}

export function defineMachine<S extends string, A extends string, Row extends { id: string; status: string; version: number }, Input = Record<string, never>>(
  m: Machine<S, A, Row, Input>,
): Machine<S, A, Row, Input> {
  for (const [name, t] of Object.entries(m.transitions) as [string, TransitionDef<S, Row, Input>][]) {
    for (const s of [...t.from, t.to]) if (!m.states.includes(s)) throw new Error(`${m.entity}.${name}: unknown state ${s}`);
  }
  return m;
}

/** Transitions this actor may take from the row's current state (for buttons in the UI). */
export function availableTransitions<S extends string, A extends string, Row extends { id: string; status: string; version: number }, Input>(
  m: Machine<S, A, Row, Input>,
  row: Row,
  actor: WorkflowActor,
): A[] {
  return (Object.keys(m.transitions) as A[]).filter((a) => {
    const t = m.transitions[a];
    return t.from.includes(row.status as S) && mayAct(t, row, actor);
  });
}

function mayAct<S extends string, Row, Input>(t: TransitionDef<S, Row, Input>, row: Row, actor: WorkflowActor) {
  return (t.permission !== undefined && can(actor, t.permission)) || (t.self !== undefined && t.self(row, actor));
}

export interface TransitionRequest<A extends string, Input> {
  id: string;
  version: number;
  action: A;
  input: Input;
  reason?: string | null;
  /** Scope condition: rows outside it are NOT_FOUND (DESIGN §1). */
  scope?: SQL;
}

export async function transition<S extends string, A extends string, Row extends { id: string; status: string; version: number }, Input>(
  db: DbOrTx,
  m: Machine<S, A, Row, Input>,
  actor: WorkflowActor,
  req: TransitionRequest<A, Input>,
): Promise<Row> {
  const t = m.transitions[req.action];
  if (!t) throw new DomainError('invalid', `未知操作 ${String(req.action)}`);
  return db.transaction(async (tx) => {
    const where = req.scope ? and(eq(m.table.id, req.id), req.scope) : eq(m.table.id, req.id);
    const rows = (await tx.select().from(m.table as PgTable).where(where).for('update')) as unknown as Row[];
    const row = rows[0];
    if (!row) throw notFound();
    if (!mayAct(t, row, actor)) throw new DomainError('forbidden', '无权执行此操作');
    if (row.version !== req.version) throw conflict();
    if (!t.from.includes(row.status as S)) throw precondition(`当前状态(${row.status})不能执行此操作`);
    const blocked = t.guard?.(row, req.input);
    if (blocked) throw precondition(blocked.message, blocked.article);
    const patch = t.patch?.(row, req.input) ?? {};
    const updated = (await tx
      .update(m.table)
      .set({ ...patch, status: t.to, version: row.version + 1, updatedAt: new Date() } as never)
      .where(and(eq(m.table.id, req.id), eq(m.table.version, req.version)))
      .returning()) as unknown as Row[];
    if (!updated[0]) throw conflict();
    await appendAudit(tx, actor, {
      action: `${m.entity}.${String(req.action)}`,
      entityType: m.entity,
      entityId: row.id,
      before: { status: row.status, version: row.version },
      after: { status: t.to, version: row.version + 1, ...publicPatch(patch) },
      reason: req.reason ?? null,
    });
    await closeInbox(tx, m.entity, row.id, t.closes ?? 'all');
    const next = t.opens?.(updated[0], req.input) ?? [];
    if (next.length) await openInbox(tx, m.entity, row.id, next);
    await t.effect?.(tx, updated[0], req.input, actor);
    return updated[0];
  });
}

function publicPatch(patch: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(patch).filter(([k]) => !/hash|password/i.test(k)));
}

/** Open inbox items (and their deadlines) for the next actor. */
export async function openInbox(tx: DbOrTx, entityType: string, entityId: string, specs: InboxSpec[]): Promise<void> {
  for (const s of specs) {
    let deadlineId: string | null = null;
    if (s.deadline) {
      const startedAt = s.deadline.startedAt ?? new Date();
      const [d] = await tx
        .insert(deadlines)
        .values({
          entityType,
          entityId,
          kind: s.deadline.kind,
          amount: s.deadline.amount,
          basis: s.deadline.basis ?? s.basis ?? null,
          startedAt,
          dueAt: computeDue(s.deadline.kind, startedAt, s.deadline.amount),
        })
        .returning({ id: deadlines.id });
      deadlineId = d.id;
    }
    await tx.insert(inboxItems).values({
      assigneeUserId: s.assigneeUserId ?? null,
      assigneeOrgId: s.assigneeOrgId ?? null,
      assigneeRole: s.assigneeRole ?? null,
      entityType,
      entityId,
      step: s.step,
      title: s.title,
      href: s.href ?? null,
      basis: s.basis ?? null,
      deadlineId,
    });
  }
}

/** Close the open inbox items of an entity (all, or the given steps) and complete their deadlines. */
export async function closeInbox(tx: DbOrTx, entityType: string, entityId: string, steps: readonly string[] | 'all'): Promise<void> {
  const conds = [eq(inboxItems.entityType, entityType), eq(inboxItems.entityId, entityId), isNull(inboxItems.closedAt)];
  if (steps !== 'all') {
    if (steps.length === 0) return;
    conds.push(inArray(inboxItems.step, [...steps]));
  }
  const closed = await tx.update(inboxItems).set({ closedAt: new Date() }).where(and(...conds)).returning({ deadlineId: inboxItems.deadlineId });
  const ids = closed.map((c) => c.deadlineId).filter((x): x is string => !!x);
  if (ids.length) await tx.update(deadlines).set({ completedAt: sql`now()` }).where(inArray(deadlines.id, ids));
}
