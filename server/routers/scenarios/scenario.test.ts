import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { complianceReviews, inboxItems, scenarioApplications } from '@/db/schema';
import { listAttachments, uploadAttachment } from '@/server/routers/attachments/service';
import { actorOf, errorCode as code, failure, sessionUserFor } from '@/server/test/harness';
import {
  addToAgreement, allPass, approvedRound, approvedScenario, audits, checkpoints, expectFieldErrors, expectWhoMayCall, inboxOf, NO_ID, NO_REF, fileKit, scenarioInput,
  type Caller, type Calls, type Kit,
} from './test-kit';

/**
 * 一场景一审核 (HN-15): scenario applications (¶1) and compliance reviews before release (¶2),
 * against a real seeded database.
 */
const k = fileKit();

const ref = NO_REF;

/** One sample call of each scenario procedure (valid input; ids need not exist). */
function calls(c: Caller, kit: Kit): Calls {
  const reject = { ...ref, reason: '数据来源不明', basis: '《河南省公共数据资源授权运营实施办法(试行)》第十五条' };
  return {
    'scenario.list': { perm: 'scenario.read', call: () => c.scenario.list({}) },
    'scenario.get': { perm: 'scenario.read', call: () => c.scenario.get({ id: NO_ID }) },
    'scenario.agreementOptions': { perm: 'scenario.apply', call: () => c.scenario.agreementOptions() },
    'scenario.create': { perm: 'scenario.apply', call: () => c.scenario.create({ ...scenarioInput(kit), agreementId: NO_ID }) },
    'scenario.update': { perm: 'scenario.apply', call: () => c.scenario.update({ ...scenarioInput(kit), ...ref }) },
    'scenario.submit': { perm: 'scenario.apply', call: () => c.scenario.submit(ref) },
    'scenario.withdraw': { perm: 'scenario.apply', call: () => c.scenario.withdraw(ref) },
    'scenario.approve': { perm: 'scenario.review', call: () => c.scenario.approve(ref) },
    'scenario.reject': { perm: 'scenario.review', call: () => c.scenario.reject(reject) },
    'scenario.compliance.request': { perm: 'scenario.apply', call: () => c.scenario.compliance.request({ scenarioId: NO_ID, productName: '产品', productDescription: '产品说明至少十个字的描述' }) },
    'scenario.compliance.record': { perm: 'scenario.review', call: () => c.scenario.compliance.record({ ...ref, checkpoints: allPass() }) },
    'scenario.compliance.approve': { perm: 'scenario.review', call: () => c.scenario.compliance.approve(ref) },
    'scenario.compliance.reject': { perm: 'scenario.review', call: () => c.scenario.compliance.reject(reject) },
    'scenario.compliance.withdraw': { perm: 'scenario.apply', call: () => c.scenario.compliance.withdraw(ref) },
  };
}

describe('who may call', () => {
  it('covers every scenario procedure; UNAUTHORIZED without a session; FORBIDDEN for roles without the permission', async () => {
    await expectWhoMayCall(k, ['scenario.'], (c) => calls(c, k), {
      'scenario.read': [k.c.developer, k.c.provider, k.c.sysadmin],
      'scenario.apply': [k.c.agency, k.c.zz, k.c.province],
      'scenario.review': [k.c.operator, k.c.jiaotong, k.c.developer],
    });
    expect(await k.h.db.select().from(scenarioApplications).where(eq(scenarioApplications.agreementId, NO_ID))).toHaveLength(0);
  });
});

describe('bad input', () => {
  it('every procedure that takes input answers BAD_REQUEST naming the field', async () => {
    const { operator: op, agency } = k.c;
    await expectFieldErrors([
      [() => op.scenario.list({ status: 'gone' as never }), ['status']],
      [() => op.scenario.get({ id: 'x' }), ['id']],
      [() => op.scenario.create({ ...scenarioInput(k), productForm: 'paper' as never }), ['productForm']],
      [() => op.scenario.create({ ...scenarioInput(k), useCategory: undefined as never }), ['useCategory']],
      [() => op.scenario.create({ ...scenarioInput(k), resourceIds: [] }), ['resourceIds']],
      [() => op.scenario.create({ ...scenarioInput(k), name: '' }), ['name']],
      [() => op.scenario.update({ ...scenarioInput(k), id: NO_ID, version: 1.5 }), ['version']],
      [() => op.scenario.submit({ id: 'x', version: 1 }), ['id']],
      [() => op.scenario.withdraw({ id: NO_ID, version: 'a' as never }), ['version']],
      [() => agency.scenario.approve({ id: 'x', version: 1 }), ['id']],
      [() => agency.scenario.reject({ ...ref, reason: '理由充分', basis: '' }), ['basis']],
      [() => op.scenario.compliance.request({ scenarioId: NO_ID, productName: '', productDescription: '短' }), ['productName', 'productDescription']],
      [() => agency.scenario.compliance.record({ ...ref, checkpoints: checkpoints({ inDomain: 'fail' }, ' ') }), ['checkpoints.inDomain.remark']],
      [() => agency.scenario.compliance.approve({ id: 'x', version: 1 }), ['id']],
      [() => agency.scenario.compliance.reject({ ...ref, reason: '', basis: '' }), ['reason', 'basis']],
      [() => op.scenario.compliance.withdraw({ id: 'x', version: 1 }), ['id']],
    ]);
  });
});

describe('scenario applications (HN-15 ¶1)', () => {
  it('agreementOptions: the operator\'s filed agreements in force, with their resources and operability', async () => {
    const opts = await k.c.operator.scenario.agreementOptions();
    expect(opts.map((a) => a.id)).toContain(k.ids.agreement);
    const a = opts.find((o) => o.id === k.ids.agreement)!;
    expect(a.agencyName).toBe('郑州市大数据发展中心');
    expect(a.resources).toEqual([expect.objectContaining({ id: k.ids.sc, code: '410100-SC-0001', operability: expect.objectContaining({ operable: true }) })]);
    expect(await k.c.zzOperator.scenario.agreementOptions()).toEqual([]);
  });

  it('create: a draft under the caller\'s agreement; agency and region come from the agreement whatever the client sends', async () => {
    const input = scenarioInput(k);
    const row = await k.c.operator.scenario.create({ ...input, operatorOrgId: NO_ID, agencyOrgId: NO_ID, regionCode: '410300', status: 'approved' } as typeof input);
    expect(row).toMatchObject({ status: 'draft', version: 1, regionCode: '410100', resourceIds: [k.ids.sc] });
    const s = await k.c.operator.scenario.get({ id: row.id });
    expect(s).toMatchObject({ name: input.name, agencyName: '郑州市大数据发展中心', operatorName: '河南数据集团有限公司', actions: ['edit', 'submit'] });
    expect(s.resources.map((r) => r.code)).toEqual(['410100-SC-0001']);
    expect(s.timeline.events.map((e) => e.action)).toEqual(['scenario_application.create']);
  });

  it('create: another operator\'s agreement is NOT_FOUND; resources outside the agreement are a field error', async () => {
    expect(await code(k.c.zzOperator.scenario.create(scenarioInput(k)))).toBe('NOT_FOUND');
    const f = await failure(k.c.operator.scenario.create(scenarioInput(k, { resourceIds: [k.ids.sc, k.ids.rs] })));
    expect(f.code).toBe('BAD_REQUEST');
    expect(Object.keys(f.fieldErrors)).toEqual(['resourceIds']);
    expect(f.message).toContain('HN-15 ¶1');
  });

  it('list and get are scoped: the parties, the city, the industry department the agreement is filed to, the province', async () => {
    const row = await k.c.operator.scenario.create(scenarioInput(k));
    for (const c of [k.c.operator, k.c.agency, k.c.zz, k.c.jiaotong, k.c.province]) {
      expect((await c.scenario.list({})).items.map((i) => i.id)).toContain(row.id);
      expect((await c.scenario.get({ id: row.id })).id).toBe(row.id);
    }
    for (const c of [k.c.zzOperator, k.c.lyAgency, k.c.lyAdmin]) {
      expect((await c.scenario.list({})).items.map((i) => i.id)).not.toContain(row.id);
      expect(await code(c.scenario.get({ id: row.id }))).toBe('NOT_FOUND');
    }
    // search, filters and keyset paging
    const byName = await k.c.operator.scenario.list({ q: row.name.slice(-6) });
    expect(byName.items.map((i) => i.id)).toEqual([row.id]);
    expect((await k.c.operator.scenario.list({ status: 'approved', q: row.name })).items).toEqual([]);
    const p1 = await k.c.operator.scenario.list({ limit: 1, sort: 'name', dir: 'asc' });
    const p2 = await k.c.operator.scenario.list({ limit: 1, sort: 'name', dir: 'asc', cursor: p1.nextCursor });
    expect(p2.items[0].name >= p1.items[0].name).toBe(true);
  });

  it('update: the operator revises a draft; a stale version is CONFLICT, another org NOT_FOUND, a scenario in review PRECONDITION_FAILED', async () => {
    const row = await k.c.operator.scenario.create(scenarioInput(k));
    const input = scenarioInput(k, { name: '修改后的场景名称', useCategory: 'public' });
    const { agreementId: _a, ...fields } = input;
    const u = await k.c.operator.scenario.update({ ...fields, id: row.id, version: 1 });
    expect(u).toMatchObject({ name: '修改后的场景名称', useCategory: 'public', version: 2 });
    expect(await code(k.c.operator.scenario.update({ ...fields, id: row.id, version: 1 }))).toBe('CONFLICT');
    expect(await code(k.c.zzOperator.scenario.update({ ...fields, id: row.id, version: 2 }))).toBe('NOT_FOUND');
    const [a] = await audits(k, 'scenario_application.update', row.id);
    expect(a.before).toMatchObject({ name: row.name, useCategory: 'industry' });
    const s = await k.c.operator.scenario.submit({ id: row.id, version: 2 });
    expect(await code(k.c.operator.scenario.update({ ...fields, id: row.id, version: s.version }))).toBe('PRECONDITION_FAILED');
  });

  it('submit: a resource that may not be operated is refused with HN-10 ¶2 at submission', async () => {
    await addToAgreement(k, k.ids.rs);
    const row = await k.c.operator.scenario.create(scenarioInput(k, { resourceIds: [k.ids.sc, k.ids.rs] }));
    const f = await failure(k.c.operator.scenario.submit({ id: row.id, version: row.version }));
    expect(f).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-10 ¶2' });
    expect(f.message).toContain('社会保险参保信息');
    expect(f.message).toContain('公示期');
    const [after] = await k.h.db.select().from(scenarioApplications).where(eq(scenarioApplications.id, row.id));
    expect(after.status).toBe('draft');
  });

  it('submit: stale CONFLICT, another operator NOT_FOUND, the agency FORBIDDEN', async () => {
    const row = await k.c.operator.scenario.create(scenarioInput(k));
    expect(await code(k.c.operator.scenario.submit({ id: row.id, version: 9 }))).toBe('CONFLICT');
    expect(await code(k.c.zzOperator.scenario.submit({ id: row.id, version: 1 }))).toBe('NOT_FOUND');
    expect(await code(k.c.agency.scenario.submit({ id: row.id, version: 1 }))).toBe('FORBIDDEN');
  });

  it('the agency then the same-level authority approve, each from 我的待办; the wrong reviewer is FORBIDDEN, another city NOT_FOUND', async () => {
    const row = await k.c.operator.scenario.create(scenarioInput(k));
    const s1 = await k.c.operator.scenario.submit({ id: row.id, version: 1 });
    expect(s1.status).toBe('agency_review');
    const [task] = await inboxOf(k.c.agency, row.id);
    expect(task).toMatchObject({ step: 'agency_review', href: `/filings/scenarios/${row.id}`, status: 'running' });
    expect(await inboxOf(k.c.zz, row.id)).toEqual([]);
    expect((await k.c.agency.scenario.get({ id: row.id })).actions).toEqual(['approve', 'reject']);
    expect((await k.c.agency.scenario.list({ waiting: true })).items.map((i) => i.id)).toContain(row.id);
    expect((await k.c.agency.scenario.list({ q: row.name })).items[0].due).toMatchObject({ status: 'running' });
    expect(await code(k.c.zz.scenario.approve({ id: row.id, version: s1.version }))).toBe('FORBIDDEN');
    expect(await code(k.c.province.scenario.approve({ id: row.id, version: s1.version }))).toBe('FORBIDDEN');
    expect(await code(k.c.lyAgency.scenario.approve({ id: row.id, version: s1.version }))).toBe('NOT_FOUND');
    expect(await code(k.c.agency.scenario.approve({ id: row.id, version: 1 }))).toBe('CONFLICT');
    const s2 = await k.c.agency.scenario.approve({ id: row.id, version: s1.version });
    expect(s2.status).toBe('authority_review');
    expect(await inboxOf(k.c.agency, row.id)).toEqual([]);
    expect(await inboxOf(k.c.zz, row.id)).toEqual([expect.objectContaining({ step: 'authority_review' })]);
    expect(await code(k.c.agency.scenario.approve({ id: row.id, version: s2.version }))).toBe('FORBIDDEN');
    expect(await code(k.c.lyAdmin.scenario.approve({ id: row.id, version: s2.version }))).toBe('NOT_FOUND');
    const s3 = await k.c.zz.scenario.approve({ id: row.id, version: s2.version });
    expect(s3.status).toBe('approved');
    expect(await inboxOf(k.c.operator, row.id)).toEqual([expect.objectContaining({ step: 'compliance' })]);
    const got = await k.c.operator.scenario.get({ id: row.id });
    expect(got.actions).toEqual(['requestCompliance']);
    expect(got.timeline.events.map((e) => e.action)).toEqual([
      'scenario_application.create', 'scenario_application.submit', 'scenario_application.agencyApprove', 'scenario_application.authorityApprove',
    ]);
  });

  it('HN-15 ¶2: a rejection needs both a reason and a basis; the operator sees both, revises and submits a new round', async () => {
    const row = await k.c.operator.scenario.create(scenarioInput(k));
    const s1 = await k.c.operator.scenario.submit({ id: row.id, version: 1 });
    const noBasis = await failure(k.c.agency.scenario.reject({ id: row.id, version: s1.version, reason: '数据需求超出场景所需', basis: '' }));
    expect(noBasis).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { basis: [expect.stringContaining('依据')] } });
    const noReason = await failure(k.c.agency.scenario.reject({ id: row.id, version: s1.version, reason: ' ', basis: 'HN-15 ¶2' }));
    expect(Object.keys(noReason.fieldErrors)).toEqual(['reason']);
    expect(await code(k.c.agency.scenario.reject({ id: row.id, version: s1.version + 1, reason: '数据需求超出场景所需', basis: 'HN-15' }))).toBe('CONFLICT');
    const basis = '《河南省公共数据资源授权运营实施办法(试行)》第十五条第二款';
    const r = await k.c.agency.scenario.reject({ id: row.id, version: s1.version, reason: '数据需求超出场景所需', basis });
    expect(r).toMatchObject({ status: 'rejected', rejectReason: '数据需求超出场景所需', rejectBasis: basis });
    const seen = await k.c.operator.scenario.get({ id: row.id });
    expect(seen).toMatchObject({ rejectReason: '数据需求超出场景所需', rejectBasis: basis, actions: ['edit', 'submit'] });
    expect(seen.timeline.events.at(-1)).toMatchObject({ action: 'scenario_application.reject', reason: `数据需求超出场景所需(依据:${basis})` });
    expect(await inboxOf(k.c.operator, row.id)).toEqual([expect.objectContaining({ step: 'fix' })]);
    // the operator revises and submits again: a new review round, the agency reviews again
    const { agreementId: _a, ...fields } = scenarioInput(k, { description: '仅使用企业名称和统一社会信用代码生成企业信用画像' });
    const u = await k.c.operator.scenario.update({ ...fields, id: row.id, version: r.version });
    const s2 = await k.c.operator.scenario.submit({ id: row.id, version: u.version });
    expect(s2).toMatchObject({ status: 'agency_review', rejectReason: null, rejectBasis: null });
    expect(await inboxOf(k.c.agency, row.id)).toHaveLength(1);
    // the authority may reject at its step too
    const s3 = await k.c.agency.scenario.approve({ id: row.id, version: s2.version });
    const r2 = await k.c.zz.scenario.reject({ id: row.id, version: s3.version, reason: '未说明数据安全措施', basis: 'GB/T 35273-2020 第 6.3 条' });
    expect(r2).toMatchObject({ status: 'rejected', rejectBasis: 'GB/T 35273-2020 第 6.3 条' });
    const rounds = (await k.c.operator.scenario.get({ id: row.id })).timeline.events.filter((e) => e.action === 'scenario_application.submit');
    expect(rounds).toHaveLength(2);
  });

  it('withdraw: the operator withdraws before a decision, and may submit again', async () => {
    const row = await k.c.operator.scenario.create(scenarioInput(k));
    const s1 = await k.c.operator.scenario.submit({ id: row.id, version: 1 });
    expect(await code(k.c.agency.scenario.withdraw({ id: row.id, version: s1.version }))).toBe('FORBIDDEN');
    expect(await code(k.c.operator.scenario.withdraw({ id: row.id, version: 1 }))).toBe('CONFLICT');
    const w = await k.c.operator.scenario.withdraw({ id: row.id, version: s1.version });
    expect(w.status).toBe('withdrawn');
    expect(await inboxOf(k.c.agency, row.id)).toEqual([]);
    expect(await code(k.c.agency.scenario.approve({ id: row.id, version: w.version }))).toBe('PRECONDITION_FAILED');
    expect((await k.c.operator.scenario.submit({ id: row.id, version: w.version })).status).toBe('agency_review');
  });
});

describe('compliance review before release (HN-15 ¶2)', () => {
  it('request: only for an approved scenario, one round at a time; the agency finds it in 我的待办', async () => {
    const draft = await k.c.operator.scenario.create(scenarioInput(k));
    const early = await failure(k.c.operator.scenario.compliance.request({ scenarioId: draft.id, productName: '企业信用画像接口', productDescription: '按统一社会信用代码返回画像' }));
    expect(early).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-15 ¶1' });
    const s = await approvedScenario(k);
    expect(await code(k.c.zzOperator.scenario.compliance.request({ scenarioId: s.id, productName: '企业信用画像接口', productDescription: '按统一社会信用代码返回画像' }))).toBe('NOT_FOUND');
    const r = await k.c.operator.scenario.compliance.request({ scenarioId: s.id, productName: '企业信用画像接口', productDescription: '按统一社会信用代码返回画像' });
    expect(r).toMatchObject({ round: 1, status: 'submitted', checkpoints: checkpoints({ sources: null, desensitization: null, inDomain: null, accessControl: null, authorization: null }) });
    expect(await inboxOf(k.c.agency, r.id)).toEqual([expect.objectContaining({ step: 'review', href: `/filings/scenarios/${s.id}` })]);
    expect(await inboxOf(k.c.operator, s.id)).toEqual([]);
    expect(await code(k.c.operator.scenario.compliance.request({ scenarioId: s.id, productName: '另一个', productDescription: '按统一社会信用代码返回画像' }))).toBe('PRECONDITION_FAILED');
    expect((await k.c.agency.scenario.list({ waiting: true })).items.map((i) => i.id)).toContain(s.id);
  });

  it('record: the reviewer saves the five checkpoints (versioned); a failed one without a remark is a field error', async () => {
    const s = await approvedScenario(k);
    const r = await k.c.operator.scenario.compliance.request({ scenarioId: s.id, productName: '企业信用画像接口', productDescription: '按统一社会信用代码返回画像' });
    const bad = await failure(k.c.agency.scenario.compliance.record({ id: r.id, version: r.version, checkpoints: { ...allPass(), desensitization: { result: 'fail', remark: '' } } }));
    expect(bad).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { 'checkpoints.desensitization.remark': [expect.stringContaining('HN-15 ¶2')] } });
    expect(await code(k.c.operator.scenario.compliance.record({ id: r.id, version: r.version, checkpoints: allPass() }))).toBe('FORBIDDEN');
    expect(await code(k.c.province.scenario.compliance.record({ id: r.id, version: r.version, checkpoints: allPass() }))).toBe('FORBIDDEN');
    expect(await code(k.c.lyAgency.scenario.compliance.record({ id: r.id, version: r.version, checkpoints: allPass() }))).toBe('NOT_FOUND');
    const saved = await k.c.agency.scenario.compliance.record({ id: r.id, version: r.version, checkpoints: checkpoints({ desensitization: 'fail' }, '法定代表人姓名未脱敏') });
    expect(saved.version).toBe(r.version + 1);
    expect(await code(k.c.agency.scenario.compliance.record({ id: r.id, version: r.version, checkpoints: allPass() }))).toBe('CONFLICT');
    // the same-level authority may review too (HN-15 ¶2 公共数据主管部门、实施机构)
    const again = await k.c.zz.scenario.compliance.record({ id: r.id, version: saved.version, checkpoints: checkpoints({ desensitization: 'fail' }, '法定代表人姓名未脱敏,且缺少脱敏规则说明') });
    const [a] = await audits(k, 'compliance_review.record', r.id);
    expect(a.after).toMatchObject({ desensitization: { result: 'fail', remark: '法定代表人姓名未脱敏' } });
    expect(again.version).toBe(saved.version + 1);
  });

  it('approve is refused while a checkpoint has failed or is unrecorded (HN-15 ¶2); reject needs reason and basis; the next round can pass', async () => {
    const s = await approvedScenario(k);
    const r1 = await k.c.operator.scenario.compliance.request({ scenarioId: s.id, productName: '企业信用画像接口', productDescription: '按统一社会信用代码返回画像' });
    const unrecorded = await failure(k.c.agency.scenario.compliance.approve({ id: r1.id, version: r1.version }));
    expect(unrecorded).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-15 ¶2' });
    const rec = await k.c.agency.scenario.compliance.record({ id: r1.id, version: r1.version, checkpoints: checkpoints({ inDomain: 'fail' }, '接口返回原始明细数据') });
    const failed = await failure(k.c.agency.scenario.compliance.approve({ id: r1.id, version: rec.version }));
    expect(failed).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-15 ¶2' });
    expect(failed.message).toContain('原始数据不出域');
    expect(Object.keys((await failure(k.c.agency.scenario.compliance.reject({ id: r1.id, version: rec.version, reason: '原始数据出域', basis: '' }))).fieldErrors)).toEqual(['basis']);
    expect(Object.keys((await failure(k.c.agency.scenario.compliance.reject({ id: r1.id, version: rec.version, reason: '', basis: 'HN-15 ¶2' }))).fieldErrors)).toEqual(['reason']);
    expect(await code(k.c.agency.scenario.compliance.reject({ id: r1.id, version: r1.version, reason: '原始数据出域', basis: 'HN-15 ¶2' }))).toBe('CONFLICT');
    const basis = '《河南省公共数据资源授权运营实施办法(试行)》第十五条第二款(原始数据不出域)';
    const rej = await k.c.agency.scenario.compliance.reject({ id: r1.id, version: rec.version, reason: '接口直接返回企业登记明细', basis });
    expect(rej).toMatchObject({ status: 'rejected', reason: '接口直接返回企业登记明细', basis });
    expect(await inboxOf(k.c.agency, r1.id)).toEqual([]);
    expect(await inboxOf(k.c.operator, r1.id)).toEqual([expect.objectContaining({ step: 'fix' })]);
    // the operator sees the checkpoints, the reason and the basis
    const seen = await k.c.operator.scenario.get({ id: s.id });
    expect(seen.rounds[0]).toMatchObject({ round: 1, status: 'rejected', reason: '接口直接返回企业登记明细', basis, reviewedBy: '赵实施' });
    expect(seen.rounds[0].checkpoints.inDomain).toEqual({ result: 'fail', remark: '接口返回原始明细数据' });
    expect(seen.actions).toContain('requestCompliance');
    // round 2 passes
    const r2 = await k.c.operator.scenario.compliance.request({ scenarioId: s.id, productName: '企业信用画像评分接口', productDescription: '仅返回信用画像评分,不返回明细' });
    expect(r2.round).toBe(2);
    expect(await inboxOf(k.c.operator, r1.id)).toEqual([]);
    const rec2 = await k.c.agency.scenario.compliance.record({ id: r2.id, version: r2.version, checkpoints: allPass() });
    expect(await code(k.c.province.scenario.compliance.approve({ id: r2.id, version: rec2.version }))).toBe('FORBIDDEN');
    const ok = await k.c.agency.scenario.compliance.approve({ id: r2.id, version: rec2.version });
    expect(ok).toMatchObject({ status: 'approved', reason: null, basis: null });
    expect(await inboxOf(k.c.operator, r2.id)).toEqual([expect.objectContaining({ step: 'register' })]);
    const after = await k.c.operator.scenario.get({ id: s.id });
    expect(after.rounds.map((r) => [r.round, r.status, r.actions])).toEqual([[2, 'approved', ['register']], [1, 'rejected', []]]);
    expect(after.actions).toEqual([]);
    expect(after.timeline.events.map((e) => e.action)).toEqual(expect.arrayContaining([
      'compliance_review.submit', 'compliance_review.record', 'compliance_review.reject', 'compliance_review.approve',
    ]));
    expect(await code(k.c.operator.scenario.compliance.request({ scenarioId: s.id, productName: '第三轮', productDescription: '按统一社会信用代码返回画像' }))).toBe('PRECONDITION_FAILED');
  });

  it('withdraw: the operator withdraws a round under review; evidence files only while it is under review', async () => {
    const s = await approvedScenario(k);
    const r = await k.c.operator.scenario.compliance.request({ scenarioId: s.id, productName: '企业信用画像接口', productDescription: '按统一社会信用代码返回画像' });
    const file = { entityType: 'compliance_review', entityId: r.id, filename: '脱敏规则.pdf', data: new TextEncoder().encode('%PDF-1.7 rules') };
    const opUser = await sessionUserFor(k.h.db, 'operator');
    const agUser = await sessionUserFor(k.h.db, 'agency');
    const lyUser = await sessionUserFor(k.h.db, 'ly_agency');
    await uploadAttachment(k.h.db, opUser, actorOf(opUser, null), file);
    await uploadAttachment(k.h.db, agUser, actorOf(agUser, null), { ...file, filename: '核验记录.pdf' });
    await expect(uploadAttachment(k.h.db, lyUser, actorOf(lyUser, null), file)).rejects.toMatchObject({ kind: 'not_found' });
    expect((await listAttachments(k.h.db, await sessionUserFor(k.h.db, 'zhengzhou'), 'compliance_review', r.id)).items.map((a) => a.filename)).toEqual(['脱敏规则.pdf', '核验记录.pdf']);
    expect(await code(k.c.agency.scenario.compliance.withdraw({ id: r.id, version: r.version }))).toBe('FORBIDDEN');
    expect(await code(k.c.zzOperator.scenario.compliance.withdraw({ id: r.id, version: r.version }))).toBe('NOT_FOUND');
    expect(await code(k.c.operator.scenario.compliance.withdraw({ id: r.id, version: r.version + 3 }))).toBe('CONFLICT');
    const w = await k.c.operator.scenario.compliance.withdraw({ id: r.id, version: r.version });
    expect(w.status).toBe('withdrawn');
    expect((await listAttachments(k.h.db, opUser, 'compliance_review', r.id)).canAdd).toBe(false);
    expect(await k.h.db.select().from(inboxItems).where(eq(inboxItems.entityId, r.id))).toEqual([expect.objectContaining({ closedAt: expect.any(Date) })]);
  });

  it('the approved helper path leaves one approved round', async () => {
    const { round } = await approvedRound(k);
    const [row] = await k.h.db.select().from(complianceReviews).where(eq(complianceReviews.id, round.id));
    expect(row.status).toBe('approved');
  });
});
