import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { registrations } from '@/db/schema';
import type { SessionUser } from '@/server/auth/session';
import { catalogScope } from '@/server/domain/catalog';
import { can } from '@/server/domain/policy';
import { agreementMinutesAttachable, planMinutesAttachable } from '@/server/routers/plans/attachable';
import { complianceReviewAttachable } from '@/server/routers/scenarios/attachable';
import { selfAssessmentAttachable } from '@/server/routers/evaluation/self-assessment-attachable';
import { rectificationEntryAttachable } from '@/server/routers/rectification/attachable';
import { qualityAttachable, reportAttachable } from '@/server/routers/reports/attachable';

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
  /** HN-15 ¶2: evidence of a compliance review round (server/routers/scenarios/attachable.ts). */
  compliance_review: complianceReviewAttachable,
  /** HN-11 ¶1: the 三重一大 minutes of an implementation plan (server/routers/plans/attachable.ts). */
  implementation_plan_minutes: planMinutesAttachable,
  /** HN-13 ¶1: the 三重一大 minutes of an operating agreement. */
  operating_agreement_minutes: agreementMinutesAttachable,
  /** HN-16: sample data and evidence of a data-quality request (server/routers/reports/attachable.ts). */
  quality_request: qualityAttachable,
  /** HN-22 ¶3: annexes of a periodic report, added before submission. */
  periodic_report: reportAttachable,
  /** HN-22 ¶2: evidence of one leaf of a target's self-assessment (server/routers/evaluation/self-assessment-attachable.ts). */
  self_assessment: selfAssessmentAttachable,
  /** HN-22 ¶2: evidence of a rectification plan, progress update or completion (server/routers/rectification/attachable.ts). */
  rectification_entry: rectificationEntryAttachable,
};
