import { asc, gt, sql } from 'drizzle-orm';
import { sm3 } from 'sm-crypto';
import { queryRows, type DbOrTx } from '@/db/client';
import { auditLog } from '@/db/schema';

/**
 * Audit trail (DESIGN §3, 等保 L3): append-only, each row hashed with SM3 over its content and the
 * previous row's hash, so that an altered or removed row breaks the chain at that point.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditActor {
  id: string | null;
  name: string | null;
  orgId: string | null;
  ip: string | null;
}

export interface AuditEvent {
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

type AuditRow = typeof auditLog.$inferSelect;

/** Deterministic JSON: object keys sorted at every depth, so the hash does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

type HashedContent = Pick<AuditRow, 'seq' | 'at' | 'actorId' | 'actorName' | 'orgId' | 'action' | 'entityType' | 'entityId' | 'before' | 'after' | 'reason' | 'ip'>;

export function auditHash(row: HashedContent, prevHash: string): string {
  const content = canonicalJson({
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    orgId: row.orgId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    reason: row.reason,
    ip: row.ip,
  });
  return sm3(content + prevHash);
}

/** Keep only the fields that changed, so an event's before/after reads as a diff. */
export function diff<T extends Record<string, unknown>>(before: T | null | undefined, after: T | null | undefined) {
  if (!before || !after) return { before: before ?? null, after: after ?? null };
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (canonicalJson(before[key]) !== canonicalJson(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

const SECRET_KEYS = /password|hash|secret|token/i;
function redact(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '[redacted]' : redact(v)]),
  );
}

/**
 * Append one event. Call it inside the transaction of the change it records. The advisory lock
 * serializes writers so that each row chains to the one before it.
 */
export async function appendAudit(tx: DbOrTx, actor: AuditActor, event: AuditEvent): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7310001)`);
  const [prev] = await queryRows<{ hash: string }>(tx, sql`select hash from audit_log order by seq desc limit 1`);
  const prevHash = prev?.hash ?? GENESIS_HASH;
  const [{ seq }] = await queryRows<{ seq: number }>(tx, sql`select nextval('audit_log_seq_seq')::int as seq`);
  const at = new Date().toISOString();
  const row: HashedContent = {
    seq,
    at,
    actorId: actor.id,
    actorName: actor.name,
    orgId: actor.orgId,
    action: event.action,
    entityType: event.entityType ?? null,
    entityId: event.entityId ?? null,
    before: (redact(event.before) ?? null) as AuditRow['before'],
    after: (redact(event.after) ?? null) as AuditRow['after'],
    reason: event.reason ?? null,
    ip: actor.ip,
  };
  // Round-trip through JSON so the hash covers exactly what jsonb will give back.
  row.before = row.before === null ? null : JSON.parse(JSON.stringify(row.before));
  row.after = row.after === null ? null : JSON.parse(JSON.stringify(row.after));
  await tx.insert(auditLog).values({ ...row, prevHash, hash: auditHash(row, prevHash) });
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** First broken link: the row whose stored hash or previous-hash does not match. */
  brokenAt?: { seq: number; reason: 'hash_mismatch' | 'prev_mismatch' };
}

/** Walk the whole chain in seq order, in pages, recomputing every hash. */
export async function verifyChain(db: DbOrTx, pageSize = 2000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.seq, lastSeq)).orderBy(asc(auditLog.seq)).limit(pageSize);
    if (rows.length === 0) return { ok: true, checked };
    for (const r of rows) {
      if (r.prevHash !== prevHash) return { ok: false, checked, brokenAt: { seq: r.seq, reason: 'prev_mismatch' } };
      if (auditHash(r, prevHash) !== r.hash) return { ok: false, checked, brokenAt: { seq: r.seq, reason: 'hash_mismatch' } };
      prevHash = r.hash;
      lastSeq = r.seq;
      checked++;
    }
  }
}
