import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogResources, deadlines, inboxItems, operatingAgreements, qualityMessages, qualityRequests } from '@/db/schema';
import { addWorkingDays, endOfShanghaiDay, workingDaysBetween } from '@/server/domain/deadlines';
import { errorCode, failure, type TestDb } from '@/server/test/harness';
import { exportQuality } from './export';
import { qualityAnswerRecord, qualityStep, raiseQuality } from './quality';
import { at, NO_ID, openKit, type Caller } from './test-kit';

/**
 * 数据校核 (HN-16) against a real seeded database: the demo agreement lets 河南数据集团 (operator)
 * operate 410100-SC-0001, provided by 郑州市市场监督管理局 (provider). The clock rules run through the
 * service functions at fixed dates; every procedure is called through the router as well.
 */
let h: TestDb;
let anon: Caller, operator: Caller, opB: Caller, provider: Caller, agency: Caller, zz: Caller, province: Caller, jiaotong: Caller;
let lyAdmin: Caller, zzOperator: Caller, gaProvider: Caller;
let orgId: (name: string) => Promise<string>;
let subject: Awaited<ReturnType<typeof openKit>>['subject'];
let agreement: Awaited<ReturnType<typeof openKit>>['agreement'];
let SC = '';
let RS = '';

async function resourceId(code: string) {
  const [r] = await h.db.select({ id: catalogResources.id }).from(catalogResources).where(eq(catalogResources.code, code));
  return r.id;
}

beforeAll(async () => {
  const kit = await openKit();
  ({ h, orgId, subject, agreement } = kit);
  ({ anon, operator, opB, provider, agency, zz, province, jiaotong, lyAdmin, zzOperator, gaProvider } = kit.c);
  SC = await resourceId('410100-SC-0001');
  RS = await resourceId('410100-RS-0001');
  // SC stays operable by the operator whatever today's date (the demo agreement ends in 2027)
  await agreement('2025-01-01', '2099-12-31', { resourceIds: [SC] });
});
afterAll(() => h.close());

async function raiseAt(when: string, o: Partial<{ subject: 'item' | 'description' | 'sample'; itemName: string | null; description: string }> = {}) {
  const { actor, user } = await subject('op_b');
  return raiseQuality(h.db, actor, user, { resourceId: SC, subject: 'item', itemName: '企业名称', description: '部分企业名称含有乱码字符', ...o }, at(when));
}
async function stepAt(username: string, action: Parameters<typeof qualityStep>[3], id: string, body: string | null, when: string) {
  const { actor, user } = await subject(username);
  const [r] = await h.db.select({ version: qualityRequests.version }).from(qualityRequests).where(eq(qualityRequests.id, id));
  return qualityStep(h.db, actor, user, action, { id, version: r.version, body }, at(when));
}
async function clockOf(id: string) {
  const [r] = await h.db.select({ d: deadlines }).from(qualityRequests).innerJoin(deadlines, eq(deadlines.id, qualityRequests.deadlineId)).where(eq(qualityRequests.id, id));
  return r.d;
}
async function openTasks(id: string) {
  return h.db.select().from(inboxItems).where(and(eq(inboxItems.entityType, 'quality_request'), eq(inboxItems.entityId, id)));
}
const raiseInput = (o: Record<string, unknown> = {}) => ({ resourceId: SC, subject: 'description' as const, description: '资源摘要与实际字段不一致', ...o });

describe('HN-16 clock: 7 working days, paused while the provider waits for clarification', () => {
  it('a request raised on 2025-09-30 is due at the end of 2025-10-16 (国庆/中秋 holidays, 10-11 adjusted working day)', async () => {
    const r = await raiseAt('2025-09-30T10:00:00');
    const d = await clockOf(r.id);
    expect(d.kind).toBe('working_days');
    expect(d.amount).toBe(7);
    expect(d.basis).toBe('HN-16');
    expect(d.dueAt.toISOString()).toBe(endOfShanghaiDay('2025-10-16').toISOString());
    // the clock is the provider's task in 我的待办
    const tasks = await openTasks(r.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ step: 'answer', assigneeRole: 'data_provider', deadlineId: d.id, closedAt: null });
    const inbox = (await provider.me.inbox()).filter((i) => i.entityId === r.id);
    expect(inbox).toHaveLength(1);
  });

  it('pausing on 2025-10-10 and resuming on 2025-10-15 moves the due date by the 4 paused working days, to 2025-10-22', async () => {
    const r = await raiseAt('2025-09-30T10:00:00');
    const asked = await stepAt('provider', 'clarify', r.id, '请说明乱码出现在哪些企业记录中', '2025-10-10T10:00:00');
    expect(asked.status).toBe('clarifying');
    const paused = await clockOf(r.id);
    expect(paused.pausedAt?.toISOString()).toBe(at('2025-10-10T10:00:00').toISOString());
    // the operator now has a task; the provider's task stays, its clock shown as paused
    const tasks = await openTasks(r.id);
    expect(tasks.filter((t) => !t.closedAt).map((t) => t.step).sort()).toEqual(['answer', 'clarify']);
    expect((await provider.me.inbox()).find((i) => i.entityId === r.id)?.status).toBe('paused');
    expect((await operator.me.inbox()).find((i) => i.entityId === r.id)?.title).toContain('补充说明');

    const replied = await stepAt('op_b', 'reply', r.id, '统一社会信用代码以 9141 开头的记录', '2025-10-15T10:00:00');
    expect(replied.status).toBe('open');
    const resumed = await clockOf(r.id);
    expect(resumed.pausedAt).toBeNull();
    const pausedDays = workingDaysBetween('2025-10-10', '2025-10-15');
    expect(pausedDays).toBe(4); // 10-11 (adjusted working Saturday), 10-13, 10-14, 10-15
    expect(resumed.dueAt.toISOString()).toBe(endOfShanghaiDay(addWorkingDays('2025-10-16', pausedDays)).toISOString());
    expect(resumed.dueAt.toISOString()).toBe(endOfShanghaiDay('2025-10-22').toISOString());
    expect((await openTasks(r.id)).filter((t) => !t.closedAt).map((t) => t.step)).toEqual(['answer']);
  });

  it('an answer after the due time is late; one in time is not; the clock completes', async () => {
    const lateOne = await raiseAt('2025-09-30T10:00:00');
    const answered = await stepAt('provider', 'answer', lateOne.id, '已修正乱码并重新推送', '2025-10-17T09:00:00');
    expect(answered).toMatchObject({ status: 'answered', late: true });
    expect((await clockOf(lateOne.id)).completedAt).not.toBeNull();
    const timely = await raiseAt('2025-09-30T10:00:00');
    expect(await stepAt('provider', 'answer', timely.id, '已核实无误', '2025-10-16T17:00:00')).toMatchObject({ status: 'answered', late: false });
  });

  it('no pause once the time is up: the answer is late either way', async () => {
    const r = await raiseAt('2025-09-30T10:00:00');
    await expect(stepAt('provider', 'clarify', r.id, '请补充说明', '2025-10-20T10:00:00')).rejects.toMatchObject({ kind: 'precondition', details: { article: 'HN-16' } });
  });

  it('a reopened request starts a new clock of 7 working days; late stays once set', async () => {
    const r = await raiseAt('2025-09-30T10:00:00');
    await stepAt('provider', 'answer', r.id, '已修正', '2025-10-20T10:00:00');
    const reopened = await stepAt('op_b', 'reopen', r.id, '仍有 3 条记录存在乱码', '2025-10-21T10:00:00');
    expect(reopened.status).toBe('open');
    const d = await clockOf(r.id);
    expect(d.dueAt.toISOString()).toBe(endOfShanghaiDay(addWorkingDays('2025-10-21', 7)).toISOString());
    expect(d.completedAt).toBeNull();
    const again = await stepAt('provider', 'answer', r.id, '已全部修正', '2025-10-22T10:00:00');
    expect(again.late).toBe(true);
    const closed = await stepAt('op_b', 'close', r.id, null, '2025-10-23T10:00:00');
    expect(closed.status).toBe('closed');
    const kinds = (await h.db.select({ kind: qualityMessages.kind }).from(qualityMessages).where(eq(qualityMessages.requestId, r.id)).orderBy(qualityMessages.createdAt)).map((m) => m.kind);
    expect(kinds).toEqual(['question', 'answer', 'followup', 'answer', 'accept']);
    expect((await openTasks(r.id)).filter((t) => !t.closedAt)).toHaveLength(0);
  });
});

describe('overdue requests are visible to the provider, its supervising authority and the province, not to another city', () => {
  let id = '';
  beforeAll(async () => {
    id = (await raiseAt('2025-11-03T09:00:00', { subject: 'sample', itemName: null, description: '样例:企业成立日期晚于注销日期' })).id;
  });

  it.each([['provider'], ['zz'], ['province'], ['operator'], ['agency']] as const)('%s sees it flagged overdue', async (who) => {
    const c = { provider, zz, province, operator, agency }[who];
    const page = await c.quality.list({ overdue: true, limit: 200 });
    const row = page.items.find((r) => r.id === id);
    expect(row?.clock?.status).toBe('overdue');
    expect((await c.quality.get({ id })).clock?.status).toBe('overdue');
  });

  it('another city sees nothing of it', async () => {
    expect((await lyAdmin.quality.list({ limit: 200 })).items.find((r) => r.id === id)).toBeUndefined();
    expect(await errorCode(lyAdmin.quality.get({ id }))).toBe('NOT_FOUND');
    expect(await errorCode(zzOperator.quality.get({ id }))).toBe('NOT_FOUND');
    expect(await errorCode(gaProvider.quality.get({ id }))).toBe('NOT_FOUND');
  });

  it('the evaluation record counts late answers and open overdue requests per provider and year', async () => {
    const { user } = await subject('province');
    const record = async () => (await qualityAnswerRecord(h.db, user, 2025, new Date())).find((r) => r.providerName === '郑州市市场监督管理局')!;
    const before = await record();
    await raiseAt('2025-11-04T09:00:00'); // left unanswered: overdue
    const late = await raiseAt('2025-11-04T09:00:00');
    await stepAt('provider', 'answer', late.id, '已修正', '2025-11-20T09:00:00');
    const after = await record();
    expect(after).toMatchObject({ total: before.total + 2, answered: before.answered + 1, late: before.late + 1, overdue: before.overdue + 1 });
    // another city's authority sees no row for this provider; a year without requests is empty
    const { user: ly } = await subject('ly_admin');
    expect((await qualityAnswerRecord(h.db, ly, 2025, new Date())).find((r) => r.providerName === '郑州市市场监督管理局')).toBeUndefined();
    expect(await qualityAnswerRecord(h.db, user, 2001, new Date())).toEqual([]);
    const viaRouter = await zz.quality.providerRecord({ year: 2025 });
    expect(viaRouter.find((r) => r.providerName === '郑州市市场监督管理局')).toMatchObject({ late: after.late, overdue: after.overdue });
  });
});

describe('quality router', () => {
  it('resourceOptions: the operator gets the resources of its agreements in force, with their items', async () => {
    const opts = await operator.quality.resourceOptions();
    const sc = opts.find((o) => o.id === SC);
    expect(sc).toMatchObject({ code: '410100-SC-0001', providerName: '郑州市市场监督管理局' });
    expect(sc!.items).toContain('企业名称');
    expect(await zzOperator.quality.resourceOptions()).toEqual([]);
    expect(await errorCode(anon.quality.resourceOptions())).toBe('UNAUTHORIZED');
    expect(await errorCode(provider.quality.resourceOptions())).toBe('FORBIDDEN');
  });

  it('raise: happy path, with the provider and owner taken from the catalog', async () => {
    const r = await operator.quality.raise(raiseInput());
    expect(r).toMatchObject({ status: 'open', providerOrgId: await orgId('郑州市市场监督管理局'), ownerOrgId: await orgId('郑州市大数据发展中心'), regionCode: '410100' });
    expect(r.deadlineId).not.toBeNull();
    const got = await provider.quality.get({ id: r.id });
    expect(got.clock?.status).toBe('running');
    expect(got.clock?.workingDays).toBeGreaterThanOrEqual(6);
    expect(got.actions.sort()).toEqual(['answer', 'clarify']);
    expect(got.messages.map((m) => m.kind)).toEqual(['question']);
    expect(got.timeline.events.map((e) => e.action)).toContain('quality_request.raise');
    expect((await operator.quality.get({ id: r.id })).actions).toEqual(['withdraw']);
    expect((await agency.quality.get({ id: r.id })).actions).toEqual([]);
  });

  it('raise: no session, wrong role, resource outside the agreements, agreement not filed, bad input', async () => {
    expect(await errorCode(anon.quality.raise(raiseInput()))).toBe('UNAUTHORIZED');
    expect(await errorCode(provider.quality.raise(raiseInput()))).toBe('FORBIDDEN');
    expect(await errorCode(agency.quality.raise(raiseInput()))).toBe('FORBIDDEN');
    // outside every agreement of the operator: out of its scope
    expect(await errorCode(operator.quality.raise(raiseInput({ resourceId: RS })))).toBe('NOT_FOUND');
    expect(await errorCode(zzOperator.quality.raise(raiseInput()))).toBe('NOT_FOUND');
    expect(await errorCode(operator.quality.raise(raiseInput({ resourceId: NO_ID })))).toBe('NOT_FOUND');
    // covered only by an agreement that is not filed: refused with the article
    const draft = await agreement('2025-01-01', '2027-12-31', { status: 'draft', resourceIds: [RS] });
    const f = await failure(operator.quality.raise(raiseInput({ resourceId: RS })));
    expect(f).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-16' });
    await h.db.delete(operatingAgreements).where(eq(operatingAgreements.id, draft.id));
    // field errors
    const bad = await failure(operator.quality.raise({ resourceId: SC, subject: 'item', description: '短' } as never));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['description', 'itemName']);
    const unknownItem = await failure(operator.quality.raise(raiseInput({ subject: 'item', itemName: '不存在的数据项' })));
    expect(unknownItem).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { itemName: [expect.stringContaining('没有这个数据项')] } });
  });

  it('list: filters, search, sort; no session; wrong role; bad input', async () => {
    const r = await opB.quality.raise(raiseInput({ description: '注册资本单位不统一(万元/元)' }));
    const page = await provider.quality.list({ q: '注册资本单位', limit: 10 });
    expect(page.items.map((i) => i.id)).toEqual([r.id]);
    expect((await provider.quality.list({ status: 'withdrawn', q: '注册资本单位' })).items).toHaveLength(0);
    const byDue = await province.quality.list({ sort: 'dueAt', dir: 'asc', limit: 2 });
    expect(byDue.items.length).toBe(2);
    const next = await province.quality.list({ sort: 'dueAt', dir: 'asc', limit: 2, cursor: byDue.nextCursor });
    expect(next.items.map((i) => i.id)).not.toContain(byDue.items[0].id);
    expect((await province.quality.list({ late: true })).items.every((i) => i.late)).toBe(true);
    expect(await errorCode(anon.quality.list({}))).toBe('UNAUTHORIZED');
    expect(await errorCode(jiaotong.quality.list({}))).toBe('FORBIDDEN');
    const bad = await failure(provider.quality.list({ q: 'x'.repeat(60) }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.fieldErrors.q).toBeDefined();
  });

  it('export: the list\'s filters in the caller\'s scope, as csv or xlsx; a bad filter is a 400 naming it', async () => {
    const r = await opB.quality.raise(raiseInput({ description: '导出测试:经营范围字段截断' }));
    const { actor, user } = await subject('zhengzhou');
    const res = await exportQuality(h.db, actor, user, new URLSearchParams({ format: 'csv', q: '导出测试' }));
    const csv = await res.text();
    expect(csv.trim().split('\r\n')).toHaveLength(2);
    expect(csv).toContain('导出测试:经营范围字段截断');
    expect(csv).toContain('待答复');
    const { actor: la, user: lu } = await subject('ly_admin');
    expect((await (await exportQuality(h.db, la, lu, new URLSearchParams({ format: 'csv', q: '导出测试' }))).text()).trim().split('\r\n')).toHaveLength(1);
    const overdueOnly = await (await exportQuality(h.db, actor, user, new URLSearchParams({ format: 'csv', q: '导出测试', overdue: 'true' }))).text();
    expect(overdueOnly).not.toContain(r.id);
    expect(overdueOnly.trim().split('\r\n')).toHaveLength(1);
    const bad = await exportQuality(h.db, actor, user, new URLSearchParams({ overdue: 'maybe' }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors.overdue).toBeDefined();
  });

  it('get: no session, wrong role, bad id', async () => {
    const r = await opB.quality.raise(raiseInput());
    expect(await errorCode(anon.quality.get({ id: r.id }))).toBe('UNAUTHORIZED');
    expect(await errorCode(jiaotong.quality.get({ id: r.id }))).toBe('FORBIDDEN');
    expect(await errorCode(provider.quality.get({ id: 'x' }))).toBe('BAD_REQUEST');
  });

  describe('steps', () => {
    const ref = async (c: Caller, id: string) => ({ id, version: (await c.quality.get({ id })).version });

    it('clarify → reply → answer → close through the router, with every message in the exchange', async () => {
      const r = await opB.quality.raise(raiseInput());
      const c1 = await provider.quality.clarify({ ...(await ref(provider, r.id)), body: '请说明涉及的字段' });
      expect(c1.status).toBe('clarifying');
      expect((await provider.quality.get({ id: r.id })).clock?.status).toBe('paused');
      const c2 = await operator.quality.reply({ id: r.id, version: c1.version, body: '摘要中的“注销日期”字段' });
      expect(c2.status).toBe('open');
      const c3 = await provider.quality.answer({ id: r.id, version: c2.version, body: '已更新资源摘要' });
      expect(c3).toMatchObject({ status: 'answered', late: false, answer: '已更新资源摘要' });
      expect((await operator.me.inbox()).find((i) => i.entityId === r.id)?.title).toContain('确认数据校核结果');
      const c4 = await operator.quality.close({ id: r.id, version: c3.version, body: '确认' });
      expect(c4.status).toBe('closed');
      const got = await agency.quality.get({ id: r.id });
      expect(got.messages.map((m) => m.kind)).toEqual(['question', 'clarify_request', 'clarification', 'answer', 'accept']);
      expect(got.clock?.status).toBe('done');
      expect(got.timeline.events.map((e) => e.action)).toEqual(expect.arrayContaining(['quality_request.clarify', 'quality_request.reply', 'quality_request.answer', 'quality_request.close']));
    });

    it('reopen and withdraw through the router', async () => {
      const r = await opB.quality.raise(raiseInput());
      const a = await provider.quality.answer({ ...(await ref(provider, r.id)), body: '已核实' });
      const re = await operator.quality.reopen({ id: r.id, version: a.version, body: '请再次核实 2024 年的记录' });
      expect(re.status).toBe('open');
      expect((await provider.me.inbox()).find((i) => i.entityId === r.id)?.title).toContain('再次答复');
      const w = await operator.quality.withdraw({ id: r.id, version: re.version, body: '已在其他渠道解决' });
      expect(w.status).toBe('withdrawn');
      expect((await provider.me.inbox()).find((i) => i.entityId === r.id)).toBeUndefined();
    });

    it.each([
      ['clarify', 'provider'], ['answer', 'provider'], ['withdraw', 'operator'],
    ] as const)('%s: no session, wrong role, another organization, bad input, stale version, wrong state', async (action, who) => {
      const r = await opB.quality.raise(raiseInput());
      const self = who === 'provider' ? provider : operator;
      const wrongRole = who === 'provider' ? operator : provider;
      const other = who === 'provider' ? gaProvider : zzOperator;
      const input = { id: r.id, version: r.version, body: '内容说明' };
      expect(await errorCode(anon.quality[action](input))).toBe('UNAUTHORIZED');
      expect(await errorCode(wrongRole.quality[action](input))).toBe('FORBIDDEN');
      expect(await errorCode(agency.quality[action](input))).toBe('FORBIDDEN');
      expect(await errorCode(other.quality[action](input))).toBe('NOT_FOUND');
      const bad = await failure(self.quality[action]({ ...input, body: '' }));
      expect(bad.code).toBe('BAD_REQUEST');
      expect(bad.fieldErrors.body).toBeDefined();
      expect(await errorCode(self.quality[action]({ ...input, version: r.version + 5 }))).toBe('CONFLICT');
      await self.quality[action](input);
      // the step is gone from the new state
      expect(await errorCode(self.quality[action]({ ...input, version: r.version + 1 }))).toBe('PRECONDITION_FAILED');
    });

    it.each([['reply'], ['close'], ['reopen']] as const)('%s: no session, wrong role, another organization, bad input, stale version', async (action) => {
      const r = await opB.quality.raise(raiseInput());
      const prep = action === 'reply'
        ? await provider.quality.clarify({ id: r.id, version: r.version, body: '请说明' })
        : await provider.quality.answer({ id: r.id, version: r.version, body: '已处理' });
      const input = { id: r.id, version: prep.version, body: '说明内容' };
      expect(await errorCode(anon.quality[action](input))).toBe('UNAUTHORIZED');
      expect(await errorCode(provider.quality[action](input))).toBe('FORBIDDEN');
      expect(await errorCode(zzOperator.quality[action](input))).toBe('NOT_FOUND');
      if (action !== 'close') expect((await failure(operator.quality[action]({ ...input, body: ' ' }))).fieldErrors.body).toBeDefined();
      else expect((await failure(operator.quality.close({ ...input, body: 'x'.repeat(2001) }))).fieldErrors.body).toBeDefined();
      expect(await errorCode(operator.quality[action]({ ...input, version: prep.version - 1 }))).toBe('CONFLICT');
      expect(await errorCode(operator.quality[action](input))).toBe('OK');
    });
  });

  it('providerRecord: no session, wrong role, bad input', async () => {
    expect(await errorCode(anon.quality.providerRecord({ year: 2025 }))).toBe('UNAUTHORIZED');
    expect(await errorCode(jiaotong.quality.providerRecord({ year: 2025 }))).toBe('FORBIDDEN');
    expect((await failure(province.quality.providerRecord({ year: 1 }))).fieldErrors.year).toBeDefined();
  });
});
