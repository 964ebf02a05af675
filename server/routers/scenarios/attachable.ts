import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { complianceReviews, scenarioApplications } from '@/db/schema';
import type { SessionUser } from '@/server/auth/session';
import { authorityOf } from '@/server/domain/filings';
import { can } from '@/server/domain/policy';
import type { Attachable } from '@/server/routers/attachments/attachables';
import { isAgencyOf, isAuthority, isOperatorOf, scenarioScope } from './access';

/** A compliance round in the caller's scope, with its scenario's parties. */
async function roundOf(db: DbOrTx, user: SessionUser, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [r] = await db
    .select({ status: complianceReviews.status, operatorOrgId: scenarioApplications.operatorOrgId, agencyOrgId: scenarioApplications.agencyOrgId })
    .from(complianceReviews)
    .innerJoin(scenarioApplications, eq(scenarioApplications.id, complianceReviews.scenarioId))
    .where(and(eq(complianceReviews.id, id), scenarioScope(user)));
  return r ?? null;
}

/**
 * HN-15 ¶2: evidence of a compliance round (data-source proofs, desensitization reports, access
 * control settings…). The reviewers (the agency, its same-level authority) and the operator add
 * files while the round is under review; everyone who sees the scenario reads them.
 */
export const complianceReviewAttachable: Attachable = {
  label: '合规审核',
  canRead: async (db, user, id) => can(user, 'scenario.read') && !!(await roundOf(db, user, id)),
  canWrite: async (db, user, id) => {
    const r = await roundOf(db, user, id);
    if (!r || r.status !== 'submitted') return false;
    return isOperatorOf(user, r) || isAgencyOf(user, r) || isAuthority(user, await authorityOf(db, r.agencyOrgId));
  },
};
