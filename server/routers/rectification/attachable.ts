import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rectificationEntries, rectificationOrders } from '@/db/schema';
import type { SessionUser } from '@/server/auth/session';
import { can } from '@/server/domain/policy';
import { isOpenStatus } from '@/server/domain/rectification';
import type { Attachable } from '@/server/routers/attachments/attachables';
import { orderScope } from './access';

const UUID = /^[0-9a-f-]{36}$/i;
/** Entries that carry evidence: the plan, progress updates, the request for verification. */
const EVIDENCE_KINDS = ['plan', 'progress', 'verify_request'];

async function entryOf(db: DbOrTx, user: SessionUser, id: string) {
  if (!UUID.test(id)) return null;
  const [r] = await db
    .select({ kind: rectificationEntries.kind, authorOrgId: rectificationEntries.authorOrgId, targetOrgId: rectificationOrders.targetOrgId, status: rectificationOrders.status })
    .from(rectificationEntries)
    .innerJoin(rectificationOrders, eq(rectificationOrders.id, rectificationEntries.orderId))
    .where(and(eq(rectificationEntries.id, id), orderScope(user)));
  return r ?? null;
}

/**
 * HN-22 ¶2: evidence of a rectification (the plan, progress, completion), added by the target to its
 * own entry while the order is open; read by whoever sees the order.
 */
export const rectificationEntryAttachable: Attachable = {
  label: '整改记录',
  canRead: async (db, user, id) => can(user, 'rectification.read') && !!(await entryOf(db, user, id)),
  canWrite: async (db, user, id) => {
    const r = await entryOf(db, user, id);
    return !!r && EVIDENCE_KINDS.includes(r.kind) && isOpenStatus(r.status) && r.authorOrgId === user.orgId
      && r.targetOrgId === user.orgId && can(user, 'rectification.respond');
  },
};
