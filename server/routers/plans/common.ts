import { and, count, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { attachments, filingVersions, organizations } from '@/db/schema';
import { DomainError, invalidField } from '@/server/domain/errors';
import type { ScopeSubject } from '@/server/domain/scope';

/** Helpers shared by plans and agreements. */

/** Only the owner organization writes its filing; others who can see it get FORBIDDEN. */
export function mustOwn(ownerOrgId: string, user: ScopeSubject, message: string) {
  if (ownerOrgId !== user.orgId) throw new DomainError('forbidden', message);
}

/**
 * How many files of this entity type an entity has (the 三重一大 minutes, HN-11 ¶1, HN-13 ¶1), only
 * those added after `since` when given (a revision of a filed text needs minutes of its own).
 */
export async function attachmentCount(db: DbOrTx, entityType: string, entityId: string, since?: Date | null): Promise<number> {
  const conds = [eq(attachments.entityType, entityType), eq(attachments.entityId, entityId)];
  if (since) conds.push(gt(attachments.createdAt, since));
  const [r] = await db.select({ n: count() }).from(attachments).where(and(...conds));
  return Number(r?.n ?? 0);
}

/**
 * When the version in force was filed: a revision of a filed plan or agreement is a new text, so its
 * 三重一大 decision (and a plan's government approval) must be taken again after that day (HN-11 ¶1,
 * HN-13 ¶1). Null for a text never filed.
 */
export async function filedAt(db: DbOrTx, entityType: string, entityId: string, filedVersionNo: number | null): Promise<Date | null> {
  if (filedVersionNo === null) return null;
  const [v] = await db.select({ at: filingVersions.submittedAt }).from(filingVersions)
    .where(and(eq(filingVersions.entityType, entityType), eq(filingVersions.entityId, entityId), eq(filingVersions.versionNo, filedVersionNo)));
  return v?.at ?? null;
}

/** A recorded date cannot lie in the future. */
export function notAfterToday(field: string, value: string, today: string, label: string) {
  if (value > today) throw invalidField(field, `${label}不能晚于今天`);
}

/** An active organization of the given type, or a field error. */
export async function checkOrg(db: DbOrTx, id: string, type: string, field: string, message: string) {
  const [o] = await db.select({ id: organizations.id, type: organizations.type, active: organizations.active, name: organizations.name })
    .from(organizations).where(eq(organizations.id, id));
  if (!o || o.type !== type || !o.active) throw invalidField(field, message);
  return o;
}

/** Active organizations of a type, for pickers. */
export function orgsOfType(db: DbOrTx, type: string) {
  return db.select({ id: organizations.id, name: organizations.name }).from(organizations)
    .where(and(eq(organizations.type, type), eq(organizations.active, true))).orderBy(organizations.name);
}

/** Is `a` before or on `b` (YYYY-MM-DD)? Null on either side passes. */
export const onOrBefore = (a: string | null | undefined, b: string | null | undefined) => !a || !b || a <= b;
