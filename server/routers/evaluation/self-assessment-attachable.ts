import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { selfAssessments } from '@/db/schema';
import type { SessionUser } from '@/server/auth/session';
import { can } from '@/server/domain/policy';
import type { Attachable } from '@/server/routers/attachments/attachables';
import { findTargetAccess } from './campaign-access';

const UUID = /^[0-9a-f-]{36}$/i;

async function accessOf(db: DbOrTx, user: SessionUser, id: string) {
  if (!UUID.test(id)) return null;
  const [row] = await db.select({ targetId: selfAssessments.targetId }).from(selfAssessments).where(eq(selfAssessments.id, id));
  return row ? findTargetAccess(db, user, row.targetId) : null;
}

/**
 * HN-22 ¶2 (如实提供有关资料): the evidence of one leaf of a target's self-assessment. The target adds
 * files while its self-assessment is open; it, the campaign's manager and — once the target has
 * submitted — the panel members who declared no conflict for it read them.
 */
export const selfAssessmentAttachable: Attachable = {
  label: '自评材料',
  canRead: async (db, user, id) => {
    const a = await accessOf(db, user, id);
    if (!a) return false;
    if (a.as === 'evaluator') return can(user, 'campaign.score') && a.assignment?.coi === 'clear' && a.target.selfStatus === 'submitted';
    return true;
  },
  canWrite: async (db, user, id) => {
    const a = await accessOf(db, user, id);
    return !!a && a.as === 'target' && can(user, 'campaign.self') && a.campaign.status === 'self_assessment' && a.target.selfStatus === 'pending';
  },
};
