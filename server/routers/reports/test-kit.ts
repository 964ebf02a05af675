import { operatingAgreements } from '@/db/schema';
import { AGREEMENT_CLAUSES } from '@/server/domain/filings';
import { openUserKit } from '@/server/test/harness';

/**
 * Shared set-up of the HN-16 / HN-22 ¶3 tests: a seeded database (the demo filed agreement of
 * 郑州市大数据发展中心 with 河南数据集团有限公司 over 410100-SC-0001, provided by 郑州市市场监督管理局),
 * the demo callers, users of other organizations for the NOT_FOUND cases, and the actor / scope of a
 * user for calling the service functions at fixed dates.
 */
export type { Caller } from '@/server/test/harness';
export { NO_ID } from '@/server/test/harness';

/** A wall-clock time in Asia/Shanghai: `at('2025-09-30T10:00:00')`. */
export { shanghaiAt as at } from '@/server/test/harness';

export async function openKit() {
  // a second operator user keeps each user under the write rate limit
  const { h, as, demo, subject, orgId } = await openUserKit([
    ['op_b', '河南数据集团有限公司', 'operator'],
    ['zz_operator', '郑州数据运营有限公司', 'operator'],
    ['ga_provider', '郑州市公安局', 'data_provider'],
    ['ly_admin', '洛阳市公共数据主管部门', 'municipal_admin'],
    ['ly_agency', '洛阳市大数据中心', 'implementing_agency'],
  ]);
  const c = {
    ...demo,
    opB: await as('op_b'),
    lyAdmin: await as('ly_admin'),
    lyAgency: await as('ly_agency'),
    zzOperator: await as('zz_operator'),
    gaProvider: await as('ga_provider'),
  };
  const operatorOrg = await orgId('河南数据集团有限公司');
  const agencyOrg = await orgId('郑州市大数据发展中心');
  let seq = 0;
  /** An agreement of 河南数据集团 with the Zhengzhou agency, filed unless said otherwise. */
  const agreement = async (startsOn: string, endsOn: string, o: Partial<typeof operatingAgreements.$inferInsert> = {}) => {
    const [a] = await h.db.insert(operatingAgreements).values({
      agencyOrgId: agencyOrg, regionCode: '410100', operatorOrgId: operatorOrg, name: `测试运营协议${++seq}`, status: 'filed', startsOn, endsOn,
      clauses: Object.fromEntries(AGREEMENT_CLAUSES.map((k) => [k, '—'])),
      // filed = version 1 in force; a draft was never filed
      lastVersionNo: o.status && o.status !== 'filed' ? 0 : 1, filedVersionNo: o.status && o.status !== 'filed' ? null : 1, ...o,
    }).returning();
    return a;
  };
  return { h, c, orgId, subject, agreement };
}
