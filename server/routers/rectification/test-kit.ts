import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditLog, inboxItems, interviews, operationSuspensions, rectificationOrders } from '@/db/schema';
import { LUOYANG_OPERATOR } from '@/db/seed/rectification-demo';
import { appRouter } from '@/server/routers/_app';
import { errorCode, failure, openUserKit, type Caller } from '@/server/test/harness';
import type { IssueOrderInput } from './schema';

/**
 * Shared set-up of the rectification tests (HN-20, HN-22 ¶2, HN-24): a seeded database (the demo
 * orders of 河南数据集团有限公司 and the past-due order of 洛阳城市数据运营有限公司), the demo callers,
 * users of other organizations for the NOT_FOUND cases, and the actor / scope of a user for calling
 * the service functions at fixed dates.
 */
export type { Caller } from '@/server/test/harness';
export { NO_ID } from '@/server/test/harness';

/** A wall-clock time in Asia/Shanghai: `at('2025-09-30T10:00:00')`. */
export { shanghaiAt as at } from '@/server/test/harness';

export async function openKit() {
  // second users keep each user under the write rate limit
  const { h, as, demo, subject, orgId } = await openUserKit([
    ['op_b', '河南数据集团有限公司', 'operator'],
    ['agency_b', '郑州市大数据发展中心', 'implementing_agency'],
    ['province_b', '河南省行政审批和政务信息管理局', 'province_admin'],
    ['zz_operator', '郑州数据运营有限公司', 'operator'],
    ['ly_admin', '洛阳市公共数据主管部门', 'municipal_admin'],
    ['ly_agency', '洛阳市大数据中心', 'implementing_agency'],
    ['wsj_agency', '河南省卫生健康信息中心', 'implementing_agency'],
  ]);
  const c = {
    ...demo,
    opB: await as('op_b'),
    agencyB: await as('agency_b'),
    provinceB: await as('province_b'),
    lyAdmin: await as('ly_admin'),
    lyAgency: await as('ly_agency'),
    wsjAgency: await as('wsj_agency'),
    zzOperator: await as('zz_operator'),
    luoyang: await as(LUOYANG_OPERATOR),
  };
  const ids = {
    henan: await orgId('河南数据集团有限公司'),
    luoyang: await orgId('洛阳城市数据运营有限公司'),
    zzOperator: await orgId('郑州数据运营有限公司'),
    agency: await orgId('郑州市大数据发展中心'),
    lyAgency: await orgId('洛阳市大数据中心'),
    platform: await orgId('豫事办科技有限公司'),
    province: await orgId('河南省行政审批和政务信息管理局'),
    zz: await orgId('郑州市行政审批和政务信息管理局'),
  };
  /** An order input to 河南数据集团 (or another target). */
  const orderInput = (o: Partial<IssueOrderInput> = {}): IssueOrderInput => ({
    source: 'inspection', targetOrgId: ids.henan, title: '监督检查发现问题整改', findings: ['数据调用日志缺失'], article: 'HN-20',
    majorRisk: false, deadlineKind: 'calendar_days', deadlineAmount: 30, ...o,
  });
  const order = async (id: string) => (await h.db.select().from(rectificationOrders).where(eq(rectificationOrders.id, id)))[0];
  const suspensionsOf = (org: string) => h.db.select().from(operationSuspensions).where(eq(operationSuspensions.orgId, org));
  const interviewsOf = (org: string) => h.db.select().from(interviews).where(eq(interviews.orgId, org));
  const audits = (action: string, entityId: string) =>
    h.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId))).orderBy(auditLog.seq);
  /** Inbox items of an entity (open and closed). */
  const tasks = (entityType: string, entityId: string) =>
    h.db.select().from(inboxItems).where(and(eq(inboxItems.entityType, entityType), eq(inboxItems.entityId, entityId))).orderBy(inboxItems.createdAt);
  return { h, c, orgId, subject, ids, orderInput, order, suspensionsOf, interviewsOf, audits, tasks };
}

/** One sample call of each procedure (valid input; ids need not exist) and the permission it names. */
export type Calls = Record<string, { perm: string; call: () => Promise<unknown> }>;

/**
 * The procedures under `prefixes` are exactly the sample table's, each names its permission, each is
 * UNAUTHORIZED without a session and FORBIDDEN for the callers listed under its permission in `wrong`.
 */
export async function expectWhoMayCall(anon: Caller, prefixes: string[], calls: (c: Caller) => Calls, wrong: Record<string, Caller[]>) {
  const procs = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { permission?: string } } }>;
  expect(Object.keys(calls(anon)).sort()).toEqual(Object.keys(procs).filter((p) => prefixes.some((x) => p.startsWith(x))).sort());
  for (const [path, c] of Object.entries(calls(anon))) {
    expect(procs[path]._def.meta?.permission, path).toBe(c.perm);
    expect(await errorCode(c.call()), path).toBe('UNAUTHORIZED');
    for (const who of wrong[c.perm]) expect(await errorCode(calls(who)[path].call()), path).toBe('FORBIDDEN');
  }
}

/** Each call is BAD_REQUEST with field errors on exactly the named fields. */
export async function expectFieldErrors(cases: [() => Promise<unknown>, string[]][]) {
  for (const [call, fields] of cases) {
    const f = await failure(call());
    expect(f.code, fields.join()).toBe('BAD_REQUEST');
    expect(Object.keys(f.fieldErrors).sort(), fields.join()).toEqual([...fields].sort());
  }
}
