import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { attachments, auditLog, organizations } from '@/db/schema';

/**
 * The timeline of a filing (every step: who, from which organization, when, with what reason and
 * which files), read from the append-only audit log, so it can never disagree with it. One entity
 * may span several rows (a scenario and its compliance-review rounds): pass every reference.
 * Call it only after the caller's scope check on the entity itself.
 */
export interface EntityRef {
  type: string;
  id: string;
}

export interface TimelineEvent {
  seq: number;
  at: string;
  action: string;
  entityType: string | null;
  entityId: string | null;
  actorName: string | null;
  orgName: string | null;
  reason: string | null;
  after: unknown;
}

export interface TimelineFile {
  id: string;
  entityType: string;
  entityId: string;
  filename: string;
  size: number;
  sm3: string;
  createdAt: Date;
}

export async function timelineOf(db: DbOrTx, refs: EntityRef[]): Promise<{ events: TimelineEvent[]; files: TimelineFile[] }> {
  if (!refs.length) return { events: [], files: [] };
  const byType = new Map<string, string[]>();
  for (const r of refs) byType.set(r.type, [...(byType.get(r.type) ?? []), r.id]);
  const matchAudit: SQL[] = [...byType].map(([type, ids]) => and(eq(auditLog.entityType, type), inArray(auditLog.entityId, ids))!);
  const matchFiles: SQL[] = [...byType].map(([type, ids]) => and(eq(attachments.entityType, type), inArray(attachments.entityId, ids))!);
  const events = await db
    .select({
      seq: auditLog.seq, at: auditLog.at, action: auditLog.action, entityType: auditLog.entityType, entityId: auditLog.entityId,
      actorName: auditLog.actorName, orgName: organizations.name, reason: auditLog.reason, after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(organizations, eq(organizations.id, auditLog.orgId))
    .where(or(...matchAudit))
    .orderBy(asc(auditLog.seq));
  const files = await db
    .select({
      id: attachments.id, entityType: attachments.entityType, entityId: attachments.entityId, filename: attachments.filename,
      size: attachments.size, sm3: attachments.sm3, createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(or(...matchFiles))
    .orderBy(asc(attachments.createdAt));
  return { events, files };
}
