import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { registrations } from '@/db/schema';
import type { SessionUser } from '@/server/auth/session';
import { catalogScope } from '@/server/domain/catalog';
import { can } from '@/server/domain/policy';

/**
 * Which entities take attachments, and who may read or add them: each entity type answers with its
 * own domain's scope and rules. A domain that wants evidence files adds one line here.
 */
export interface Attachable {
  /** Label of the entity, for messages and the audit. */
  label: string;
  canRead: (db: DbOrTx, user: SessionUser, entityId: string) => Promise<boolean>;
  canWrite: (db: DbOrTx, user: SessionUser, entityId: string) => Promise<boolean>;
}

async function registrationOf(db: DbOrTx, user: SessionUser, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [r] = await db
    .select({ applicantOrgId: registrations.applicantOrgId, status: registrations.status })
    .from(registrations)
    .where(and(eq(registrations.id, id), catalogScope(user, registrations.applicantOrgId, registrations.regionCode)));
  return r ?? null;
}

export const ATTACHABLES: Record<string, Attachable> = {
  /** HN-10 ¶1: the asset-management record's supporting documents, added by the applicant while it is in review. */
  catalog_registration: {
    label: '资源登记申请',
    canRead: async (db, user, id) => can(user, 'registration.read') && !!(await registrationOf(db, user, id)),
    canWrite: async (db, user, id) => {
      const r = await registrationOf(db, user, id);
      return !!r && can(user, 'registration.apply') && r.applicantOrgId === user.orgId && r.status === 'submitted';
    },
  },
};
