import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { implementationPlans, operatingAgreements } from '@/db/schema';
import type { SessionUser } from '@/server/auth/session';
import { can } from '@/server/domain/policy';
import type { Attachable } from '@/server/routers/attachments/attachables';
import { agreementScope, planScope } from './query';

/**
 * The 三重一大 minutes (HN-11 ¶1, HN-13 ¶1) as attachments of a plan or an agreement: read by whoever
 * may read the filing; added by its owner while the working copy is a draft or returned (a filed
 * version is frozen).
 */
const UUID = /^[0-9a-f-]{36}$/i;
const writable = (status: string) => status === 'draft' || status === 'returned';

async function planOf(db: DbOrTx, user: SessionUser, id: string) {
  if (!UUID.test(id)) return null;
  const [p] = await db.select({ ownerOrgId: implementationPlans.ownerOrgId, status: implementationPlans.status }).from(implementationPlans)
    .where(and(eq(implementationPlans.id, id), planScope(user)));
  return p ?? null;
}

async function agreementOf(db: DbOrTx, user: SessionUser, id: string) {
  if (!UUID.test(id)) return null;
  const [a] = await db.select({ ownerOrgId: operatingAgreements.agencyOrgId, status: operatingAgreements.status }).from(operatingAgreements)
    .where(and(eq(operatingAgreements.id, id), agreementScope(user)));
  return a ?? null;
}

export const planMinutesAttachable: Attachable = {
  label: '实施方案决策会议纪要',
  canRead: async (db, user, id) => can(user, 'plan.read') && !!(await planOf(db, user, id)),
  canWrite: async (db, user, id) => {
    const p = await planOf(db, user, id);
    return !!p && can(user, 'plan.write') && p.ownerOrgId === user.orgId && writable(p.status);
  },
};

export const agreementMinutesAttachable: Attachable = {
  label: '运营协议决策会议纪要',
  canRead: async (db, user, id) => can(user, 'agreement.read') && !!(await agreementOf(db, user, id)),
  canWrite: async (db, user, id) => {
    const a = await agreementOf(db, user, id);
    return !!a && can(user, 'agreement.write') && a.ownerOrgId === user.orgId && writable(a.status);
  },
};
