import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { attachments, users } from '@/db/schema';
import type { SessionUser } from '@/server/auth/session';
import { checkAttachment, sm3Digest } from '@/server/domain/attachments';
import { appendAudit, type AuditActor } from '@/server/domain/audit';
import { DomainError, invalidField, notFound } from '@/server/domain/errors';
import { ATTACHABLES } from './attachables';

/** Attachments: upload, list and read, each through the entity type's own access rules. */

function attachableOf(entityType: string) {
  const a = ATTACHABLES[entityType];
  if (!a) throw invalidField('entityType', '该对象不接受附件');
  return a;
}

export const attachmentColumns = {
  id: attachments.id,
  entityType: attachments.entityType,
  entityId: attachments.entityId,
  filename: attachments.filename,
  contentType: attachments.contentType,
  size: attachments.size,
  sm3: attachments.sm3,
  uploadedBy: users.displayName,
  createdAt: attachments.createdAt,
};

export async function listAttachments(db: DbOrTx, user: SessionUser, entityType: string, entityId: string) {
  const a = attachableOf(entityType);
  if (!(await a.canRead(db, user, entityId))) throw notFound(a.label);
  const rows = await db
    .select(attachmentColumns)
    .from(attachments)
    .innerJoin(users, eq(users.id, attachments.uploadedBy))
    .where(and(eq(attachments.entityType, entityType), eq(attachments.entityId, entityId)))
    .orderBy(asc(attachments.createdAt));
  return { items: rows, canAdd: await a.canWrite(db, user, entityId) };
}

/** Store a file for an entity the user may add to (NOT_FOUND when it cannot even see it). */
export async function uploadAttachment(
  db: DbOrTx, user: SessionUser, actor: AuditActor,
  input: { entityType: string; entityId: string; filename: string; data: Uint8Array },
) {
  const a = attachableOf(input.entityType);
  if (!(await a.canRead(db, user, input.entityId))) throw notFound(a.label);
  if (!(await a.canWrite(db, user, input.entityId))) throw new DomainError('forbidden', `当前不能向该${a.label}添加附件`);
  const { contentType, filename } = checkAttachment(input.filename, input.data);
  const digest = sm3Digest(input.data);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(attachments).values({
      entityType: input.entityType, entityId: input.entityId, orgId: user.orgId, filename, contentType,
      size: input.data.length, sm3: digest, data: Buffer.from(input.data), uploadedBy: user.id,
    }).returning({ id: attachments.id, filename: attachments.filename, size: attachments.size, sm3: attachments.sm3, contentType: attachments.contentType });
    await appendAudit(tx, actor, { action: 'attachment.upload', entityType: input.entityType, entityId: input.entityId, after: { attachmentId: row.id, filename, size: row.size, sm3: digest } });
    return row;
  });
}

/** The file, when the user may read its entity; null otherwise (the route answers 404 either way). */
export async function readAttachment(db: DbOrTx, user: SessionUser, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  if (!row) return null;
  const a = ATTACHABLES[row.entityType];
  if (!a || !(await a.canRead(db, user, row.entityId))) return null;
  return row;
}
