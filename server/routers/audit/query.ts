import { and, desc, eq, gte, ilike, lt, lte, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { auditLog, organizations } from '@/db/schema';
import { likePattern } from '@/server/domain/paging';
import type { AuditFilter } from './schema';

/** One filter for the audit list and its export. */
export function auditWhere(f: AuditFilter, beforeSeq?: number | null): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (beforeSeq) conds.push(lt(auditLog.seq, beforeSeq));
  if (f.actor) conds.push(or(ilike(auditLog.actorName, likePattern(f.actor)), eq(auditLog.actorId, isUuid(f.actor) ? f.actor : '00000000-0000-0000-0000-000000000000')));
  if (f.orgId) conds.push(eq(auditLog.orgId, f.orgId));
  if (f.action) conds.push(ilike(auditLog.action, `${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (f.entityType) conds.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) conds.push(eq(auditLog.entityId, f.entityId));
  if (f.seq) conds.push(eq(auditLog.seq, f.seq));
  if (f.from) conds.push(gte(auditLog.at, f.from.toISOString()));
  if (f.to) conds.push(lte(auditLog.at, f.to.toISOString()));
  return and(...conds);
}

function isUuid(s: string) {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}

export function selectAudit(db: DbOrTx, f: AuditFilter, beforeSeq: number | null | undefined, limit: number) {
  return db
    .select({
      seq: auditLog.seq, at: auditLog.at, actorId: auditLog.actorId, actorName: auditLog.actorName, orgId: auditLog.orgId,
      orgName: organizations.name, action: auditLog.action, entityType: auditLog.entityType, entityId: auditLog.entityId,
      before: auditLog.before, after: auditLog.after, reason: auditLog.reason, ip: auditLog.ip, hash: auditLog.hash,
    })
    .from(auditLog)
    .leftJoin(organizations, eq(organizations.id, auditLog.orgId))
    .where(auditWhere(f, beforeSeq))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
}

