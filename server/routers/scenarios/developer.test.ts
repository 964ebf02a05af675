import { describe, expect, it } from 'vitest';
import { errorCode as code, failure } from '@/server/test/harness';
import { publicListing } from './public';
import { approvedRound, audits, expectFieldErrors, expectWhoMayCall, inboxOf, NO_ID, NO_REF, fileKit, registeredProduct, type Caller, type Calls } from './test-kit';

/** Secondary developers (HN-17 ¶1) and usage disclosures (HN-17 ¶2). */
const k = fileKit();

const ref = NO_REF;

const assessments = {
  criteria: '具备数据安全管理能力认证,近三年无数据安全违法记录,按场景公开征集',
  capability: '持有 DCMM 二级证书,专职数据安全人员 5 名',
  need: '小微企业贷前核查需要企业信用画像,需求合理',
  scenarioCompliance: '用于金融风控场景,与产品登记用途一致',
  securityRisk: '仅调用评分接口,不获取明细,风险可控',
};
const agreement = {
  signedOn: '2026-01-10', purpose: '贷前企业信用核查', scope: '郑州市登记的小微企业', method: '接口调用,结果不落地',
  startsOn: '2026-01-10', endsOn: '2026-12-31', revenueSharing: '按调用量结算,收入的 20% 归郑州市', security: '签署保密承诺书,按等保三级要求管理',
};
const disclosure = (period: string) => ({
  period, title: `${period} 公共数据资源使用情况`, body: '本期共调用企业登记基本信息 12,345 次,服务金融机构 8 家,未发生数据安全事件。',
});

function calls(c: Caller): Calls {
  return {
    'developer.list': { perm: 'developer.read', call: () => c.developer.list({}) },
    'developer.get': { perm: 'developer.read', call: () => c.developer.get({ id: NO_ID }) },
    'developer.options': { perm: 'developer.write', call: () => c.developer.options() },
    'developer.create': { perm: 'developer.write', call: () => c.developer.create({ productId: NO_ID, developerOrgId: NO_ID, ...assessments }) },
    'developer.update': { perm: 'developer.write', call: () => c.developer.update({ ...ref, developerOrgId: NO_ID, ...assessments }) },
    'developer.submit': { perm: 'developer.write', call: () => c.developer.submit(ref) },
    'developer.approve': { perm: 'developer.review', call: () => c.developer.approve(ref) },
    'developer.return': { perm: 'developer.review', call: () => c.developer.return({ ...ref, reason: '评估不充分' }) },
    'developer.contract': { perm: 'developer.write', call: () => c.developer.contract({ ...ref, agreement }) },
    'disclosure.list': { perm: 'disclosure.read', call: () => c.disclosure.list({}) },
    'disclosure.get': { perm: 'disclosure.read', call: () => c.disclosure.get({ id: NO_ID }) },
    'disclosure.create': { perm: 'disclosure.write', call: () => c.disclosure.create(disclosure('2020')) },
    'disclosure.update': { perm: 'disclosure.write', call: () => c.disclosure.update({ ...ref, ...disclosure('2020') }) },
    'disclosure.publish': { perm: 'disclosure.write', call: () => c.disclosure.publish(ref) },
  };
}

describe('who may call', () => {
  it('covers every procedure; UNAUTHORIZED without a session; FORBIDDEN for roles without the permission', () =>
    expectWhoMayCall(k, ['developer.', 'disclosure.'], calls, {
      'developer.read': [k.c.jiaotong, k.c.provider],
      'developer.write': [k.c.agency, k.c.developer, k.c.zz],
      'developer.review': [k.c.operator, k.c.zz, k.c.province],
      'disclosure.read': [k.c.developer, k.c.jiaotong],
      'disclosure.write': [k.c.agency, k.c.province],
    }));

  it('bad input is BAD_REQUEST naming the field', () =>
    expectFieldErrors([
      [() => k.c.operator.developer.list({ status: 'x' as never }), ['status']],
      [() => k.c.operator.developer.get({ id: 'x' }), ['id']],
      [() => k.c.operator.developer.create({ productId: NO_ID, developerOrgId: NO_ID, ...assessments, securityRisk: '' }), ['securityRisk']],
      [() => k.c.operator.developer.update({ ...ref, developerOrgId: 'x', ...assessments }), ['developerOrgId']],
      [() => k.c.operator.developer.submit({ id: 'x', version: 1 }), ['id']],
      [() => k.c.agency.developer.approve({ id: NO_ID, version: 'x' as never }), ['version']],
      [() => k.c.agency.developer.return({ ...ref, reason: '' }), ['reason']],
      [() => k.c.operator.developer.contract({ ...ref, agreement: { ...agreement, endsOn: '2025-01-01' } }), ['agreement.endsOn']],
      [() => k.c.operator.developer.contract({ ...ref, agreement: { ...agreement, revenueSharing: '' } }), ['agreement.revenueSharing']],
      [() => k.c.operator.disclosure.list({ status: 'x' as never }), ['status']],
      [() => k.c.operator.disclosure.get({ id: 'x' }), ['id']],
      [() => k.c.operator.disclosure.create({ ...disclosure('2026-Q5'), body: '短' }), ['period', 'body']],
      [() => k.c.operator.disclosure.update({ ...ref, ...disclosure('2026'), title: '' }), ['title']],
      [() => k.c.operator.disclosure.publish({ id: 'x', version: 1 }), ['id']],
    ]));
});

describe('secondary developer selection (HN-17 ¶1)', () => {
  it('only for the operator\'s registered products, naming a secondary developer', async () => {
    const { round } = await approvedRound(k);
    const pending = await k.c.opB.product.register({ complianceReviewId: round.id, pricingBasis: 'public_free' });
    const f = await failure(k.c.operator.developer.create({ productId: pending.id, developerOrgId: k.ids.developerOrg, ...assessments }));
    expect(f).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-17 ¶1' });
    const { product } = await registeredProduct(k);
    expect(await code(k.c.zzOperator.developer.create({ productId: product.id, developerOrgId: k.ids.developerOrg, ...assessments }))).toBe('NOT_FOUND');
    const notDev = await failure(k.c.operator.developer.create({ productId: product.id, developerOrgId: (await k.orgId('郑州数据运营有限公司')), ...assessments }));
    expect(notDev.fieldErrors).toEqual({ developerOrgId: [expect.stringContaining('HN-17 ¶1')] });
    const opts = await k.c.operator.developer.options();
    expect(opts.products.map((p) => p.id)).toContain(product.id);
    expect(opts.products.map((p) => p.id)).not.toContain(pending.id);
    expect(opts.developers.map((d) => d.name)).toEqual(expect.arrayContaining(['郑州智数科技有限公司', '洛阳云图信息技术有限公司']));
  });

  it('draft → the agency returns it with a reason → revised → approved → the application agreement is recorded (contracted)', async () => {
    const { product } = await registeredProduct(k);
    const d = await k.c.operator.developer.create({ productId: product.id, developerOrgId: k.ids.developerOrg, ...assessments });
    expect(d).toMatchObject({ status: 'draft', agencyOrgId: product.agencyOrgId, regionCode: '410100' });
    // the developer does not see a draft
    expect(await code(k.c.developer.developer.get({ id: d.id }))).toBe('NOT_FOUND');
    const s1 = await k.c.operator.developer.submit({ id: d.id, version: d.version });
    expect(s1.status).toBe('submitted');
    expect(await inboxOf(k.c.agency, d.id)).toEqual([expect.objectContaining({ step: 'review', href: `/filings/developers/${d.id}`, status: 'running' })]);
    expect((await k.c.agency.developer.get({ id: d.id })).actions).toEqual(['approve', 'return']);
    expect((await k.c.developer.developer.get({ id: d.id })).developerName).toBe('郑州智数科技有限公司');
    expect(await code(k.c.lyDeveloper.developer.get({ id: d.id }))).toBe('NOT_FOUND');
    expect(await code(k.c.lyAgency.developer.approve({ id: d.id, version: s1.version }))).toBe('NOT_FOUND');
    expect(await code(k.c.agency.developer.approve({ id: d.id, version: 1 }))).toBe('CONFLICT');
    expect(await code(k.c.operator.developer.update({ id: d.id, version: s1.version, developerOrgId: k.ids.developerOrg, ...assessments }))).toBe('PRECONDITION_FAILED');
    const ret = await k.c.agency.developer.return({ id: d.id, version: s1.version, reason: '安全风险评估未说明数据留存' });
    expect(ret).toMatchObject({ status: 'returned', reviewReason: '安全风险评估未说明数据留存' });
    expect(await inboxOf(k.c.operator, d.id)).toEqual([expect.objectContaining({ step: 'fix' })]);
    expect(await code(k.c.operator.developer.update({ id: d.id, version: 1, developerOrgId: k.ids.developerOrg, ...assessments }))).toBe('CONFLICT');
    const u = await k.c.operator.developer.update({ id: d.id, version: ret.version, developerOrgId: k.ids.developerOrg, ...assessments, securityRisk: '仅调用评分接口,调用结果不落地存储' });
    const [a] = await audits(k, 'developer_selection.update', d.id);
    expect(a.after).toEqual({ securityRisk: '仅调用评分接口,调用结果不落地存储' });
    const s2 = await k.c.operator.developer.submit({ id: d.id, version: u.version });
    expect(s2.reviewReason).toBeNull();
    const ok = await k.c.agency.developer.approve({ id: d.id, version: s2.version });
    expect(ok.status).toBe('approved');
    expect(await inboxOf(k.c.operator, d.id)).toEqual([expect.objectContaining({ step: 'contract' })]);
    // HN-14(2): not past the operating agreement's term (2027-12-31)
    const tooLong = await failure(k.c.operator.developer.contract({ id: d.id, version: ok.version, agreement: { ...agreement, endsOn: '2028-06-30' } }));
    expect(tooLong.fieldErrors).toEqual({ 'agreement.endsOn': [expect.stringContaining('2027-12-31')] });
    expect(await code(k.c.agency.developer.contract({ id: d.id, version: ok.version, agreement }))).toBe('FORBIDDEN');
    expect(await code(k.c.operator.developer.contract({ id: d.id, version: 1, agreement }))).toBe('CONFLICT');
    // the developer has no product access before the agreement is signed
    expect(await code(k.c.developer.product.get({ id: product.id }))).toBe('NOT_FOUND');
    const c = await k.c.operator.developer.contract({ id: d.id, version: ok.version, agreement });
    expect(c).toMatchObject({ status: 'contracted', agreement });
    expect(await inboxOf(k.c.operator, d.id)).toEqual([]);
    const got = await k.c.developer.developer.get({ id: d.id });
    expect(got).toMatchObject({ status: 'contracted', agreement, actions: [] });
    expect(got.timeline.events.map((e) => e.action)).toEqual([
      'developer_selection.create', 'developer_selection.submit', 'developer_selection.return', 'developer_selection.update',
      'developer_selection.submit', 'developer_selection.approve', 'developer_selection.contract',
    ]);
    // a signed agreement lets the developer read the product (HN-17 ¶1 提供…产品和服务)
    const seen = await k.c.developer.product.get({ id: product.id });
    expect(seen.id).toBe(product.id);
    // but not the compliance review behind it (reviewers, checkpoint remarks, evidence)
    expect(seen.timeline.events.some((e) => e.entityType === 'compliance_review')).toBe(false);
    expect((await k.c.operator.product.get({ id: product.id })).timeline.events.some((e) => e.entityType === 'compliance_review')).toBe(true);
    expect((await k.c.developer.product.list({})).items.map((i) => i.id)).toContain(product.id);
    expect((await k.c.agency.developer.list({ status: 'contracted' })).items.map((i) => i.id)).toContain(d.id);
    expect((await k.c.zz.developer.list({})).items.map((i) => i.id)).toContain(d.id);
    expect((await k.c.lyAdmin.developer.list({})).items.map((i) => i.id)).not.toContain(d.id);
  });
});

describe('usage disclosures (HN-17 ¶2)', () => {
  it('draft, edit, publish (irreversible); the published disclosure is public; a correction is a further disclosure', async () => {
    const d = await k.c.operator.disclosure.create(disclosure('2024-Q3'));
    expect(d).toMatchObject({ status: 'draft', publishedAt: null });
    expect((await k.c.operator.disclosure.get({ id: d.id })).actions).toEqual(['edit', 'publish']);
    // drafts are the operator's own
    expect(await code(k.c.agency.disclosure.get({ id: d.id }))).toBe('NOT_FOUND');
    expect(await code(k.c.zzOperator.disclosure.update({ id: d.id, version: 1, ...disclosure('2024-Q3') }))).toBe('NOT_FOUND');
    expect((await publicListing(k.h.db)).flatMap((o) => o.disclosures.map((x) => x.title))).not.toContain(d.title);
    const u = await k.c.operator.disclosure.update({ id: d.id, version: 1, ...disclosure('2024-Q3'), title: '2024年第三季度公共数据资源使用情况' });
    expect(await code(k.c.operator.disclosure.update({ id: d.id, version: 1, ...disclosure('2024-Q3') }))).toBe('CONFLICT');
    expect(await code(k.c.operator.disclosure.publish({ id: d.id, version: 1 }))).toBe('CONFLICT');
    const p = await k.c.operator.disclosure.publish({ id: d.id, version: u.version });
    expect(p).toMatchObject({ status: 'published', publishedAt: expect.any(Date) });
    expect(await code(k.c.operator.disclosure.publish({ id: d.id, version: p.version }))).toBe('PRECONDITION_FAILED');
    expect(await code(k.c.operator.disclosure.update({ id: d.id, version: p.version, ...disclosure('2024-Q3') }))).toBe('PRECONDITION_FAILED');
    // the agency, the city and the province read the published one
    for (const c of [k.c.agency, k.c.zz, k.c.province]) expect((await c.disclosure.list({})).items.map((i) => i.id)).toContain(d.id);
    expect((await k.c.lyAdmin.disclosure.list({})).items.map((i) => i.id)).not.toContain(d.id);
    expect((await k.c.agency.disclosure.get({ id: d.id })).actions).toEqual([]);
    const listed = (await publicListing(k.h.db)).find((o) => o.name === '河南数据集团有限公司')!.disclosures;
    expect(listed).toEqual(expect.arrayContaining([{ period: '2024-Q3', title: '2024年第三季度公共数据资源使用情况', body: d.body, publishedAt: p.publishedAt }]));
    expect((await k.c.operator.disclosure.list({ status: 'published', sort: 'period' })).items.map((i) => i.id)).toContain(d.id);
    // a correction of a published disclosure is published as a further one for the same period
    const fix = await k.c.operator.disclosure.create({ ...disclosure('2024-Q3'), title: '2024年第三季度使用情况(更正)' });
    expect(fix.status).toBe('draft');
  });
});
