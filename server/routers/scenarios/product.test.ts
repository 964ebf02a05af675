import { describe, expect, it } from 'vitest';
import { DEMO_PENDING_SCENARIO_NAME, DEMO_PRODUCT_NAME } from '@/db/seed/filings-scenarios-demo';
import { DEFAULT_NOTICE_WORKING_DAYS, noticeDates } from '@/server/domain/catalog';
import { shanghaiDate } from '@/server/domain/deadlines';
import { errorCode as code, failure } from '@/server/test/harness';
import { publicListing } from './public';
import {
  allPass, approvedRound, audits, checkpoints, expectFieldErrors, expectWhoMayCall, inboxOf, NO_ID, NO_REF, fileKit, registeredProduct, scenarioInput, tag,
  type Caller, type Calls,
} from './test-kit';

/**
 * Products registered after their compliance review (HN-15 ¶2 → the HN-10 registration flow), and
 * the public list (HN-17 ¶2).
 */
const k = fileKit();

const ref = NO_REF;

function calls(c: Caller): Calls {
  return {
    'product.list': { perm: 'product.read', call: () => c.product.list({}) },
    'product.get': { perm: 'product.read', call: () => c.product.get({ id: NO_ID }) },
    'product.register': { perm: 'product.register', call: () => c.product.register({ complianceReviewId: NO_ID, pricingBasis: 'public_free' }) },
    'product.approve': { perm: 'product.decide', call: () => c.product.approve(ref) },
    'product.reject': { perm: 'product.decide', call: () => c.product.reject({ ...ref, reason: '材料不全' }) },
    'product.withdraw': { perm: 'product.register', call: () => c.product.withdraw(ref) },
  };
}

describe('who may call', () => {
  it('covers every product procedure; UNAUTHORIZED without a session; FORBIDDEN for roles without the permission', () =>
    expectWhoMayCall(k, ['product.'], calls, {
      'product.read': [k.c.provider, k.c.sysadmin],
      'product.register': [k.c.agency, k.c.zz, k.c.developer],
      'product.decide': [k.c.agency, k.c.operator, k.c.jiaotong],
    }));

  it('bad input is BAD_REQUEST naming the field', () =>
    expectFieldErrors([
      [() => k.c.operator.product.list({ phase: 'gone' as never }), ['phase']],
      [() => k.c.operator.product.get({ id: 'x' }), ['id']],
      [() => k.c.operator.product.register({ complianceReviewId: NO_ID, pricingBasis: 'gov_guided' }), ['priceNote']],
      [() => k.c.operator.product.register({ complianceReviewId: NO_ID, pricingBasis: 'market' as never }), ['pricingBasis']],
      [() => k.c.zz.product.approve({ id: 'x', version: 1 }), ['id']],
      [() => k.c.zz.product.reject({ ...ref, reason: '' }), ['reason']],
      [() => k.c.operator.product.withdraw({ id: NO_ID, version: 0.5 }), ['version']],
    ]));
});

describe('registration (HN-15 ¶2, as HN-10)', () => {
  it('only after an approved compliance round; once per round; another operator NOT_FOUND', async () => {
    const { round } = await approvedRound(k);
    expect(await code(k.c.zzOperator.product.register({ complianceReviewId: round.id, pricingBasis: 'public_free' }))).toBe('NOT_FOUND');
    const p = await k.c.operator.product.register({ complianceReviewId: round.id, pricingBasis: 'gov_guided', priceNote: '每次调用 0.5 元,依据省发展改革委数据产品指导价' });
    expect(p).toMatchObject({ status: 'submitted', name: round.productName, productForm: 'api', useCategory: 'industry', regionCode: '410100', registrationNo: null });
    expect(await inboxOf(k.c.operator, round.id)).toEqual([]);
    expect(await inboxOf(k.c.zz, p.id)).toEqual([expect.objectContaining({ step: 'decide', href: `/filings/products/${p.id}` })]);
    expect(await code(k.c.operator.product.register({ complianceReviewId: round.id, pricingBasis: 'public_free' }))).toBe('PRECONDITION_FAILED');
    const [a] = await audits(k, 'data_product.create', p.id);
    expect(a.after).toMatchObject({ pricingBasis: 'gov_guided' });

    // a rejected round cannot be registered
    const s = await k.c.opB.scenario.create(scenarioInput(k));
    const s1 = await k.c.opB.scenario.submit({ id: s.id, version: s.version });
    const s2 = await k.c.agencyB.scenario.approve({ id: s.id, version: s1.version });
    await k.c.zzB.scenario.approve({ id: s.id, version: s2.version });
    const r = await k.c.opB.scenario.compliance.request({ scenarioId: s.id, productName: `产品${tag()}`, productDescription: '按统一社会信用代码返回画像' });
    const rec = await k.c.agencyB.scenario.compliance.record({ id: r.id, version: r.version, checkpoints: checkpoints({ sources: 'fail' }, '来源证明缺失') });
    await k.c.agencyB.scenario.compliance.reject({ id: r.id, version: rec.version, reason: '来源证明缺失', basis: 'HN-15 ¶2' });
    const f = await failure(k.c.operator.product.register({ complianceReviewId: r.id, pricingBasis: 'public_free' }));
    expect(f).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-15 ¶2' });
  });

  it('approve: the same deciders, register numbers and notice period as resources; the wrong city FORBIDDEN / NOT_FOUND; stale CONFLICT', async () => {
    const { round } = await approvedRound(k);
    const p = await k.c.operator.product.register({ complianceReviewId: round.id, pricingBasis: 'public_free' });
    expect(await code(k.c.agency.product.approve({ id: p.id, version: p.version }))).toBe('FORBIDDEN');
    expect(await code(k.c.lyAdmin.product.approve({ id: p.id, version: p.version }))).toBe('NOT_FOUND');
    expect(await code(k.c.zz.product.approve({ id: p.id, version: p.version + 1 }))).toBe('CONFLICT');
    const before = new Date();
    const ok = await k.c.zz.product.approve({ id: p.id, version: p.version });
    expect(ok.registrationNo).toMatch(/^豫数登\d{10}$/);
    expect(ok).toMatchObject({ status: 'approved', ...noticeDates(before, DEFAULT_NOTICE_WORKING_DAYS) });
    expect(await inboxOf(k.c.zz, p.id)).toEqual([]);
    // one register for resources and products: the next number follows this one
    const next = await registeredProduct(k);
    expect(Number(next.product.registrationNo!.slice(-6))).toBe(Number(ok.registrationNo!.slice(-6)) + 1);
    // the province may decide any registration
    const other = await approvedRound(k);
    const p2 = await k.c.opB.product.register({ complianceReviewId: other.round.id, pricingBasis: 'public_free' });
    expect((await k.c.province.product.approve({ id: p2.id, version: p2.version })).status).toBe('approved');
  });

  it('reject with a reason, withdraw; the operator may register again', async () => {
    const { round } = await approvedRound(k);
    const p = await k.c.operator.product.register({ complianceReviewId: round.id, pricingBasis: 'public_free' });
    const rej = await k.c.zz.product.reject({ id: p.id, version: p.version, reason: '定价依据不充分' });
    expect(rej).toMatchObject({ status: 'rejected', decisionReason: '定价依据不充分' });
    expect(await inboxOf(k.c.operator, p.id)).toEqual([expect.objectContaining({ step: 'fix' })]);
    const again = await k.c.operator.product.register({ complianceReviewId: round.id, pricingBasis: 'public_free' });
    expect(await code(k.c.zz.product.withdraw({ id: again.id, version: again.version }))).toBe('FORBIDDEN');
    expect(await code(k.c.operator.product.withdraw({ id: again.id, version: 7 }))).toBe('CONFLICT');
    expect(await code(k.c.zzOperator.product.withdraw({ id: again.id, version: again.version }))).toBe('NOT_FOUND');
    expect((await k.c.operator.product.withdraw({ id: again.id, version: again.version })).status).toBe('withdrawn');
    expect(await inboxOf(k.c.zz, again.id)).toEqual([]);
  });

  it('list and get: scoped to the parties, the city, the province, and secondary developers with a signed agreement only', async () => {
    const { product } = await registeredProduct(k);
    for (const c of [k.c.operator, k.c.agency, k.c.zz, k.c.province, k.c.jiaotong]) {
      expect((await c.product.list({})).items.map((i) => i.id)).toContain(product.id);
    }
    for (const c of [k.c.zzOperator, k.c.lyAdmin, k.c.developer]) {
      expect((await c.product.list({})).items.map((i) => i.id)).not.toContain(product.id);
      expect(await code(c.product.get({ id: product.id }))).toBe('NOT_FOUND');
    }
    const got = await k.c.zz.product.get({ id: product.id });
    expect(got).toMatchObject({ phase: 'in_notice', actions: [], scenarioName: expect.any(String) });
    expect(got.timeline.events.map((e) => e.action)).toEqual(expect.arrayContaining(['compliance_review.approve', 'data_product.create', 'data_product.approve']));
    expect((await k.c.zz.product.list({ phase: 'in_notice', q: product.registrationNo! })).items.map((i) => i.id)).toEqual([product.id]);
    expect((await k.c.zz.product.list({ phase: 'effective', q: product.registrationNo! })).items).toEqual([]);
    expect((await k.c.zz.product.list({ pricingBasis: 'gov_guided', q: product.registrationNo! })).items).toEqual([]);
  });
});

describe('the full path and the public list (HN-15, HN-17 ¶2)', () => {
  it('scenario → compliance (fail → reject with reason and basis → new round → approve) → registration → listed publicly; unregistered ones are not', async () => {
    const { operator: op, agency, zz } = k.c;
    const name = `企业经营状况分析报告${tag()}`;
    const s = await op.scenario.create(scenarioInput(k, { productForm: 'report', useCategory: 'public' }));
    const s1 = await op.scenario.submit({ id: s.id, version: s.version });
    const s2 = await agency.scenario.approve({ id: s.id, version: s1.version });
    await zz.scenario.approve({ id: s.id, version: s2.version });
    const r1 = await op.scenario.compliance.request({ scenarioId: s.id, productName: name, productDescription: '按季度生成区域企业经营状况分析报告' });
    const rec1 = await agency.scenario.compliance.record({ id: r1.id, version: r1.version, checkpoints: checkpoints({ authorization: 'fail' }, '缺少关联主体授权配置') });
    await agency.scenario.compliance.reject({ id: r1.id, version: rec1.version, reason: '未配置关联主体授权', basis: '《河南省公共数据资源授权运营实施办法(试行)》第十五条第二款' });
    // a rejected round is not registered
    expect(await code(op.product.register({ complianceReviewId: r1.id, pricingBasis: 'public_free' }))).toBe('PRECONDITION_FAILED');
    const r2 = await op.scenario.compliance.request({ scenarioId: s.id, productName: name, productDescription: '按季度生成区域企业经营状况分析报告' });
    const rec2 = await agency.scenario.compliance.record({ id: r2.id, version: r2.version, checkpoints: allPass() });
    await agency.scenario.compliance.approve({ id: r2.id, version: rec2.version });
    const p = await op.product.register({ complianceReviewId: r2.id, pricingBasis: 'public_free' });
    expect((await publicListing(k.h.db)).flatMap((o) => o.products.map((x) => x.name))).not.toContain(name);
    const ok = await zz.product.approve({ id: p.id, version: p.version });

    const listing = await publicListing(k.h.db);
    const group = listing.find((o) => o.name === '河南数据集团有限公司')!;
    expect(group.products.find((x) => x.name === name)).toEqual({
      name, productForm: 'report', useCategory: 'public', pricingBasis: 'public_free',
      registrationNo: ok.registrationNo, noticeEndsOn: ok.noticeEndsOn, effectiveOn: ok.effectiveOn,
    });
    // nothing else is public: no ids, no scenarios, reviews or reviewers
    const text = JSON.stringify(listing);
    for (const secret of [s.id, p.id, r2.id, '未配置关联主体授权', s.name, '赵实施']) expect(text).not.toContain(secret);
    // a product still waiting for registration is not listed
    const pending = await approvedRound(k);
    await k.c.opB.product.register({ complianceReviewId: pending.round.id, pricingBasis: 'public_free' });
    expect((await publicListing(k.h.db)).flatMap((o) => o.products.map((x) => x.name))).not.toContain(pending.round.productName);
  });
});

describe('the demo seed (db/seed/filings-scenarios-demo.ts)', () => {
  it('lists a registered product in force and a published disclosure; a scenario and a selection wait on the agency', async () => {
    const demo = (await publicListing(k.h.db)).find((o) => o.name === '河南数据集团有限公司')!;
    const p = demo.products.find((x) => x.name === DEMO_PRODUCT_NAME)!;
    expect(p).toMatchObject({ pricingBasis: 'gov_guided', registrationNo: expect.stringMatching(/^豫数登\d{10}$/) });
    expect(p.effectiveOn! <= shanghaiDate(new Date())).toBe(true);
    expect(demo.disclosures.length).toBeGreaterThan(0);
    const inbox = await k.c.agency.me.inbox();
    expect(inbox.map((i) => i.title)).toEqual(expect.arrayContaining([
      `审核应用场景申请:${DEMO_PENDING_SCENARIO_NAME}`, `审核二级开发主体选择:郑州智数科技有限公司 · ${DEMO_PRODUCT_NAME}`,
    ]));
    const approved = (await k.c.operator.scenario.list({ q: '企业信用画像服务' })).items[0];
    const detail = await k.c.operator.scenario.get({ id: approved.id });
    expect(detail.rounds.map((r) => [r.round, r.status])).toEqual([[2, 'approved'], [1, 'rejected']]);
    expect(detail.rounds[1].basis).toContain('第十五条第二款');
  });
});
