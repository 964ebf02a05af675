import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { periodicReports, qualityRequests } from '@/db/schema';
import type { SessionUser } from '@/server/auth/session';
import { can } from '@/server/domain/policy';
import type { Attachable } from '@/server/routers/attachments/attachables';
import { qualityScope } from './quality';
import { reportScope } from './report-query';

const UUID = /^[0-9a-f-]{36}$/i;

async function qualityOf(db: DbOrTx, user: SessionUser, id: string) {
  if (!UUID.test(id)) return null;
  const [r] = await db.select({ operatorOrgId: qualityRequests.operatorOrgId, providerOrgId: qualityRequests.providerOrgId, status: qualityRequests.status })
    .from(qualityRequests).where(and(eq(qualityRequests.id, id), qualityScope(user)));
  return r ?? null;
}

/** HN-16: sample data and evidence of a quality request, added by the operator or the provider while it is in progress. */
export const qualityAttachable: Attachable = {
  label: '数据校核需求',
  canRead: async (db, user, id) => can(user, 'quality.read') && !!(await qualityOf(db, user, id)),
  canWrite: async (db, user, id) => {
    const r = await qualityOf(db, user, id);
    if (!r || r.status === 'closed' || r.status === 'withdrawn') return false;
    return (r.operatorOrgId === user.orgId && can(user, 'quality.raise')) || (r.providerOrgId === user.orgId && can(user, 'quality.answer'));
  },
};

async function reportOf(db: DbOrTx, user: SessionUser, id: string) {
  if (!UUID.test(id)) return null;
  const [r] = await db.select({ operatorOrgId: periodicReports.operatorOrgId, status: periodicReports.status })
    .from(periodicReports).where(and(eq(periodicReports.id, id), reportScope(user)));
  return r ?? null;
}

/** HN-22 ¶3: annexes of a periodic report (statements, statistics), added by the operator before submission; locked with it. */
export const reportAttachable: Attachable = {
  label: '运营报告',
  canRead: async (db, user, id) => can(user, 'report.read') && !!(await reportOf(db, user, id)),
  canWrite: async (db, user, id) => {
    const r = await reportOf(db, user, id);
    return !!r && r.status === 'draft' && r.operatorOrgId === user.orgId && can(user, 'report.write');
  },
};
