import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { auditLog, operatingAgreements } from '@/db/schema';
import { DEMO_AGREEMENT_NAME } from '@/db/seed/filings-demo';
import { CHECKPOINTS } from '@/server/domain/filings';
import { appRouter } from '@/server/routers/_app';
import {
  errorCode, failure, NO_ID, openUserKit, resourceId, type Caller, type TestDb,
} from '@/server/test/harness';
import type { Checkpoints } from './schema';

/**
 * Shared set-up of the HN-15 / HN-17 router tests: a seeded database (with the demo filed agreement
 * of 郑州市大数据发展中心 and 河南数据集团有限公司 over 410100-SC-0001), the demo callers, and users of
 * other organizations for the NOT_FOUND cases. Helpers drive a scenario to a given step through the
 * router; they act as second users of the same organizations, so that each user stays under the
 * write rate limit.
 */
export type { Caller };
export { NO_ID };
/** A reference to no row, for calls that must fail before they look. */
export const NO_REF = { id: NO_ID, version: 1 };
export const tag = () => randomBytes(3).toString('hex');

export async function openKit() {
  const { h, as, demo, orgId } = await openUserKit([
    ['op_b', '河南数据集团有限公司', 'operator'],
    ['agency_b', '郑州市大数据发展中心', 'implementing_agency'],
    ['zz_b', '郑州市行政审批和政务信息管理局', 'municipal_admin'],
    ['zz_operator', '郑州数据运营有限公司', 'operator'],
    ['ly_agency', '洛阳市大数据中心', 'implementing_agency'],
    ['ly_admin', '洛阳市公共数据主管部门', 'municipal_admin'],
    ['ly_developer', '洛阳云图信息技术有限公司', 'secondary_developer'],
  ]);
  const c = {
    ...demo,
    opB: await as('op_b'),
    agencyB: await as('agency_b'),
    zzB: await as('zz_b'),
    zzOperator: await as('zz_operator'),
    lyAgency: await as('ly_agency'),
    lyAdmin: await as('ly_admin'),
    lyDeveloper: await as('ly_developer'),
  };
  const [agreement] = await h.db.select().from(operatingAgreements).where(eq(operatingAgreements.name, DEMO_AGREEMENT_NAME));
  const resource = (code: string) => resourceId(h.db, code);
  const ids = {
    agreement: agreement.id,
    /** 企业登记基本信息: registered and in force, in the demo agreement. */
    sc: await resource('410100-SC-0001'),
    /** 社会保险参保信息: published, registration still in its notice period (not operable). */
    rs: await resource('410100-RS-0001'),
    developerOrg: await orgId('郑州智数科技有限公司'),
    lyDeveloperOrg: await orgId('洛阳云图信息技术有限公司'),
  };
  return { h, c, ids, orgId };
}
export type Kit = Awaited<ReturnType<typeof openKit>>;

/** The kit of a test file: opened before its tests, closed after them (read it inside tests only). */
export function fileKit(): Kit {
  let kit: Kit | undefined;
  beforeAll(async () => {
    kit = await openKit();
  });
  afterAll(() => kit?.h.close());
  return new Proxy({} as Kit, { get: (_target, key) => (kit as unknown as Record<PropertyKey, unknown>)[key] });
}

export function scenarioInput(k: Kit, o: Record<string, unknown> = {}) {
  const t = tag();
  return {
    agreementId: k.ids.agreement,
    name: `企业信用画像场景${t}`,
    description: '面向金融机构提供企业信用画像,用于小微企业信贷审批前的风险核查',
    purpose: '支持普惠金融信贷风险评估',
    productForm: 'api' as const,
    useCategory: 'industry' as const,
    resourceIds: [k.ids.sc],
    ...o,
  };
}

export const checkpoints = (results: Partial<Record<(typeof CHECKPOINTS)[number], 'pass' | 'fail' | null>> = {}, remark = ''): Checkpoints =>
  Object.fromEntries(CHECKPOINTS.map((c) => {
    const result = c in results ? results[c]! : 'pass';
    return [c, { result, remark: result === 'fail' ? remark || '未提供证明材料' : '' }];
  })) as Checkpoints;

export const allPass = () => checkpoints();

/** A scenario through both reviews (as second users of each organization). */
export async function approvedScenario(k: Kit, o: Record<string, unknown> = {}) {
  const s = await k.c.opB.scenario.create(scenarioInput(k, o));
  const a = await k.c.opB.scenario.submit({ id: s.id, version: s.version });
  const b = await k.c.agencyB.scenario.approve({ id: s.id, version: a.version });
  const d = await k.c.zzB.scenario.approve({ id: s.id, version: b.version });
  expect(d.status).toBe('approved');
  return d;
}

/** An approved scenario with an approved compliance round. */
export async function approvedRound(k: Kit, o: Record<string, unknown> = {}) {
  const s = await approvedScenario(k, o);
  const r = await k.c.opB.scenario.compliance.request({ scenarioId: s.id, productName: `企业信用画像接口${tag()}`, productDescription: '按统一社会信用代码返回企业信用画像评分' });
  const rec = await k.c.agencyB.scenario.compliance.record({ id: r.id, version: r.version, checkpoints: allPass() });
  const ok = await k.c.agencyB.scenario.compliance.approve({ id: r.id, version: rec.version });
  expect(ok.status).toBe('approved');
  return { scenario: s, round: ok };
}

/** A product registered by the city (in its notice period). */
export async function registeredProduct(k: Kit) {
  const { scenario, round } = await approvedRound(k);
  const p = await k.c.opB.product.register({ complianceReviewId: round.id, pricingBasis: 'public_free' });
  const ok = await k.c.zzB.product.approve({ id: p.id, version: p.version });
  expect(ok.status).toBe('approved');
  return { scenario, round, product: ok };
}

export async function audits(k: Kit, action: string, entityId: string) {
  return k.h.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId))).orderBy(auditLog.seq);
}

export async function inboxOf(c: Caller, entityId: string) {
  return (await c.me.inbox()).filter((i) => i.entityId === entityId);
}

/** Put a resource into the demo agreement (a test-only change of another area's row). */
export async function addToAgreement(k: Kit, resourceId: string) {
  await k.h.db.update(operatingAgreements).set({ resourceIds: sql`array_append(${operatingAgreements.resourceIds}, ${resourceId}::uuid)` })
    .where(eq(operatingAgreements.id, k.ids.agreement));
}

/** One sample call of each procedure (valid input; ids need not exist) and the permission it names. */
export type Calls = Record<string, { perm: string; call: () => Promise<unknown> }>;

/**
 * The procedures under `prefixes` are exactly the sample table's, each names its permission, each is
 * UNAUTHORIZED without a session and FORBIDDEN for the callers listed under its permission in `wrong`.
 */
export async function expectWhoMayCall(k: Kit, prefixes: string[], calls: (c: Caller) => Calls, wrong: Record<string, Caller[]>) {
  const procs = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { permission?: string } } }>;
  expect(Object.keys(calls(k.c.anon)).sort()).toEqual(Object.keys(procs).filter((p) => prefixes.some((x) => p.startsWith(x))).sort());
  for (const [path, c] of Object.entries(calls(k.c.anon))) {
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
    expect(Object.keys(f.fieldErrors).sort()).toEqual([...fields].sort());
  }
}

export type { TestDb };
