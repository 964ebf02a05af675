import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { criticisms, rectificationOrders } from '@/db/schema';
import { addDays, shanghaiDate } from '@/server/domain/deadlines';
import { errorCode, failure, type TestDb } from '@/server/test/harness';
import { exportCriticisms, exportSuspensions } from './export';
import { expectFieldErrors, expectWhoMayCall, NO_ID, openKit, type Caller } from './test-kit';

/**
 * 通报批评 (HN-24 公共数据主管部门报本级政府同意后予以通报批评并责令整改): the approval reference and
 * date are required, approval ≤ publication ≤ today; a municipal authority only for its region; the
 * order "同时责令整改" is issued in the same transaction; the criticised organization sees its own.
 */
let k: Awaited<ReturnType<typeof openKit>>;
let h: TestDb;
let c: Awaited<ReturnType<typeof openKit>>['c'];
const today = () => shanghaiDate(new Date());

beforeAll(async () => {
  k = await openKit();
  ({ h, c } = k);
});
afterAll(() => h.close());

const input = (o: Record<string, unknown> = {}) => ({
  orgId: k.ids.zzOperator,
  violation: '未经合规审核即上线数据产品',
  approvalRef: '郑政文〔2026〕200号',
  approvedOn: addDays(today(), -3),
  publishedOn: addDays(today(), -1),
  ...o,
});

describe('who may call', () => {
  it('each procedure names its permission; no session UNAUTHORIZED; roles without it FORBIDDEN', async () => {
    await expectWhoMayCall(c.anon, ['criticism.'], (x: Caller) => ({
      'criticism.list': { perm: 'criticism.read', call: () => x.criticism.list({}) },
      'criticism.create': { perm: 'criticism.write', call: () => x.criticism.create({ ...input(), orgId: NO_ID }) },
      'criticism.orgOptions': { perm: 'criticism.write', call: () => x.criticism.orgOptions({}) },
      'criticism.orders': { perm: 'criticism.write', call: () => x.criticism.orders({ orgId: NO_ID }) },
    }), {
      'criticism.read': [c.evaluator, c.developer],
      'criticism.write': [c.agency, c.operator, c.jiaotong, c.platform],
    });
  });
});

describe('通报批评 (HN-24)', () => {
  it('records the government approval and the publication; without the approval reference it is refused with a field error', async () => {
    await expectFieldErrors([
      [() => c.zz.criticism.create(input({ approvalRef: '' })), ['approvalRef']],
      [() => c.zz.criticism.create(input({ approvalRef: undefined, approvedOn: undefined })), ['approvalRef', 'approvedOn']],
      [() => c.zz.criticism.create(input({ violation: '违规' })), ['violation']],
      // published before the government agreed
      [() => c.zz.criticism.create(input({ approvedOn: addDays(today(), -1), publishedOn: addDays(today(), -2) })), ['publishedOn']],
      // in the future
      [() => c.zz.criticism.create(input({ approvedOn: addDays(today(), 1), publishedOn: addDays(today(), 2) })), ['approvedOn', 'publishedOn']],
    ]);
    const f = await failure(c.zz.criticism.create(input({ approvalRef: '' })));
    expect(f.fieldErrors.approvalRef[0]).toMatch(/HN-24/);
    expect(await h.db.select().from(criticisms).where(eq(criticisms.approvalRef, '郑政文〔2026〕200号'))).toHaveLength(0);

    const row = await c.zz.criticism.create(input());
    expect(row).toMatchObject({ orgId: k.ids.zzOperator, issuerOrgId: k.ids.zz, approvalRef: '郑政文〔2026〕200号', orderId: null });
    expect(await k.audits('criticism.create', row.id)).toHaveLength(1);
  });

  it('a municipal authority only for organizations of its region (else NOT_FOUND); the province any; never a data authority', async () => {
    expect(await errorCode(c.lyAdmin.criticism.create(input()))).toBe('NOT_FOUND');
    expect(await errorCode(c.zz.criticism.create(input({ orgId: k.ids.luoyang })))).toBe('NOT_FOUND');
    expect(await errorCode(c.province.criticism.create(input({ orgId: k.ids.zz })))).toBe('NOT_FOUND');
    expect(await errorCode(c.province.criticism.create(input({ orgId: k.ids.luoyang, approvalRef: '豫政文〔2026〕9号' })))).toBe('OK');
    expect((await c.zz.criticism.orgOptions({ q: '运营' })).map((o) => o.name)).toEqual(['郑州数据运营有限公司']);
    expect((await c.lyAdmin.criticism.orgOptions({})).every((o) => o.regionCode === '410300')).toBe(true);
  });

  it('同时责令整改 issues an order (source notice, HN-24) in the same transaction; a bad order input writes nothing', async () => {
    const before = (await h.db.select().from(criticisms)).length;
    await expectFieldErrors([[() => c.zz.criticism.create(input({ order: { title: '整改', deadlineKind: 'calendar_days', deadlineAmount: 0 } })), ['order.deadlineAmount']]]);
    expect((await h.db.select().from(criticisms)).length).toBe(before);
    const row = await c.zz.criticism.create(input({ approvalRef: '郑政文〔2026〕201号', order: { title: '通报批评责令整改', deadlineKind: 'working_days', deadlineAmount: 15 } }));
    const [o] = await h.db.select().from(rectificationOrders).where(eq(rectificationOrders.id, row.orderId!));
    expect(o).toMatchObject({ source: 'notice', article: 'HN-24', targetOrgId: k.ids.zzOperator, issuerOrgId: k.ids.zz, status: 'plan_pending', findings: [{ text: '未经合规审核即上线数据产品' }] });
    // link an existing order of the same organization; another organization's order is refused
    expect((await c.zz.criticism.orders({ orgId: k.ids.zzOperator })).map((x) => x.id)).toContain(o.id);
    const linked = await c.zz.criticism.create(input({ approvalRef: '郑政文〔2026〕202号', orderId: o.id }));
    expect(linked.orderId).toBe(o.id);
    const other = await c.province.rectification.issue(k.orderInput({ title: '他人的整改通知' }));
    expect((await failure(c.province.criticism.create(input({ orderId: other.id })))).fieldErrors).toHaveProperty('orderId');
    await expectFieldErrors([[() => c.zz.criticism.create(input({ orderId: o.id, order: { title: '整改', deadlineKind: 'calendar_days', deadlineAmount: 10 } })), ['orderId']]]);
  });

  it('lists: the criticised organization sees its own, the issuer its region, search / year / export', async () => {
    const mine = await c.zzOperator.criticism.list({ limit: 200 });
    expect(mine.items.length).toBeGreaterThanOrEqual(3);
    expect(mine.items.every((r) => r.orgName === '郑州数据运营有限公司')).toBe(true);
    expect((await c.operator.criticism.list({})).items).toHaveLength(0);
    expect((await c.lyAdmin.criticism.list({ limit: 200 })).items.map((r) => r.orgName)).toEqual(['洛阳城市数据运营有限公司']);
    expect((await c.province.criticism.list({ q: '202号' })).items.map((r) => r.approvalRef)).toEqual(['郑政文〔2026〕202号']);
    const year = Number(today().slice(0, 4));
    expect((await c.province.criticism.list({ year: year + 1 })).items).toHaveLength(0);
    const dates = (await c.province.criticism.list({ sort: 'publishedOn', dir: 'asc', limit: 200 })).items.map((r) => r.publishedOn);
    expect(dates).toEqual([...dates].sort());
    const zz = await k.subject('zhengzhou');
    const res = await exportCriticisms(h.db, zz.actor, zz.user, new URLSearchParams({ format: 'csv' }));
    const text = await res.text();
    expect(text).toContain('郑政文〔2026〕200号');
    expect(text).not.toContain('豫政文〔2026〕9号');
    const s = await exportSuspensions(h.db, zz.actor, zz.user, new URLSearchParams({ active: 'true', format: 'csv' }));
    expect(s.status).toBe(200);
  });
});
