import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filingReceipts, inboxItems } from '@/db/schema';
import { errorCode, failure, type TestDb } from '@/server/test/harness';
import { nextPeriod, periodDueOn, periodProblem } from './periods';
import { exportReports } from './export';
import { createReport, deliverReport } from './report';
import { selectPeriods } from './report-query';
import type { ReportContent } from './schema';
import { at, NO_ID, openKit, type Caller } from './test-kit';

/**
 * Periodic reports (HN-22 ¶3) against a real seeded database. Each test works on agreements of its
 * own (inserted as filed), so that the periods it expects do not depend on the demo's reports.
 */
let h: TestDb;
let anon: Caller, operator: Caller, opB: Caller, agency: Caller, zz: Caller, province: Caller, provider: Caller;
let lyAdmin: Caller, lyAgency: Caller, zzOperator: Caller;
let subject: Awaited<ReturnType<typeof openKit>>['subject'];
let agreement: Awaited<ReturnType<typeof openKit>>['agreement'];
const ORG: Record<string, string> = {};

beforeAll(async () => {
  const kit = await openKit();
  ({ h, subject, agreement } = kit);
  ({ anon, operator, opB, agency, zz, province, provider, lyAdmin, lyAgency, zzOperator } = kit.c);
  for (const n of ['河南数据集团有限公司', '郑州市大数据发展中心', '郑州市行政审批和政务信息管理局']) ORG[n] = await kit.orgId(n);
});
afterAll(() => h.close());

/** Noon of a day in Asia/Shanghai. */
const noon = (day: string) => at(`${day}T12:00:00`);

const CONTENT: ReportContent = {
  operations: '本季度按协议开展授权运营,平台运行平稳,未发生服务中断。',
  products: '企业信用画像接口',
  usage: { calls: 1000, users: 12, note: '' },
  finance: { revenue: 5000, cost: 3000, note: '' },
  security: { incidents: 0, note: '开展安全检查 1 次,未发现问题' },
  problems: '扩大园区用户覆盖面',
  secondary: { none: true, rows: [] },
};

/** Create and submit a quarterly report at fixed dates through the service functions. */
async function fileAt(agreementId: string, year: number, quarter: number, createdOn: string, submittedOn: string, c: ReportContent = CONTENT) {
  const { actor, user } = await subject('op_b');
  const draft = await createReport(h.db, actor, user, { agreementId, kind: 'quarterly', year, quarter }, noon(createdOn));
  return deliverReport(h.db, actor, user, 'submit', { id: draft.id, version: draft.version, content: c }, noon(submittedOn));
}

describe('HN-22 ¶3 due dates', () => {
  it('the annual report for 2025 is due 2026-03-31; 2025 Q3 is due 2025-10-15 by default and follows the configured days', async () => {
    expect(periodDueOn({ kind: 'annual', year: 2025, quarter: 0 }, 15)).toBe('2026-03-31');
    expect(periodDueOn({ kind: 'quarterly', year: 2025, quarter: 3 }, 15)).toBe('2025-10-15');
    expect(periodDueOn({ kind: 'quarterly', year: 2025, quarter: 4 }, 15)).toBe('2026-01-15');
    expect(periodDueOn({ kind: 'quarterly', year: 2025, quarter: 3 }, 20)).toBe('2025-10-20');

    const a = await agreement('2025-01-01', '2025-12-31');
    expect((await opB.report.create({ agreementId: a.id, kind: 'annual', year: 2025, quarter: 0 })).dueOn).toBe('2026-03-31');
    expect((await opB.report.create({ agreementId: a.id, kind: 'quarterly', year: 2025, quarter: 3 })).dueOn).toBe('2025-10-15');
    // the province sets 20 days: later reports follow it
    const p = await province.report.policy.get();
    expect(p.quarterlyDueDays).toBe(15);
    const set = await province.report.policy.update({ quarterlyDueDays: 20, version: p.version });
    expect(set).toEqual({ quarterlyDueDays: 20, version: p.version + 1 });
    expect((await opB.report.create({ agreementId: a.id, kind: 'quarterly', year: 2025, quarter: 2 })).dueOn).toBe('2025-07-20');
    await province.report.policy.update({ quarterlyDueDays: 15, version: set.version });
  });

  it('a period may be reported only once it has ended, and only within the term', async () => {
    const term = { startsOn: '2025-01-01', endsOn: '2027-12-31' };
    const q3 = { kind: 'quarterly' as const, year: 2025, quarter: 3 };
    expect(periodProblem(q3, term, '2025-09-15')?.article).toBe('HN-22 ¶3');
    expect(periodProblem(q3, term, '2025-09-30')).not.toBeNull();
    expect(periodProblem(q3, term, '2025-10-01')).toBeNull();
    expect(periodProblem({ kind: 'annual', year: 2025, quarter: 0 }, term, '2025-12-31')).not.toBeNull();
    expect(periodProblem({ kind: 'annual', year: 2025, quarter: 0 }, term, '2026-01-01')).toBeNull();
    expect(periodProblem({ kind: 'quarterly', year: 2024, quarter: 4 }, term, '2026-01-01')?.message).toContain('不在运营协议期限');

    const a = await agreement('2025-01-01', '2027-12-31');
    const { actor, user } = await subject('op_b');
    await expect(createReport(h.db, actor, user, { agreementId: a.id, ...q3 }, noon('2025-09-15'))).rejects.toMatchObject({ kind: 'precondition', details: { article: 'HN-22 ¶3' } });
    expect((await createReport(h.db, actor, user, { agreementId: a.id, ...q3 }, noon('2025-10-01'))).status).toBe('draft');
    // through the router: outside the term
    const f = await failure(opB.report.create({ agreementId: a.id, kind: 'quarterly', year: 2024, quarter: 4 }));
    expect(f).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-22 ¶3' });
    // an agreement that is not filed
    const d = await agreement('2025-01-01', '2025-12-31', { status: 'draft' });
    expect(await failure(opB.report.create({ agreementId: d.id, kind: 'quarterly', year: 2025, quarter: 1 }))).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-13 ¶2' });
  });

  it('the operator sees the running quarter as the next one due', () => {
    expect(nextPeriod({ startsOn: '2025-01-01', endsOn: '2027-12-31' }, '2026-11-23', 15)).toEqual({ kind: 'quarterly', year: 2026, quarter: 4, opensOn: '2027-01-01', dueOn: '2027-01-15' });
    expect(nextPeriod({ startsOn: '2025-01-01', endsOn: '2025-12-31' }, '2026-11-23', 15)).toBeNull();
  });
});

describe('missing and late reports on the recipients\' lists', () => {
  let a: Awaited<ReturnType<typeof agreement>>;
  beforeAll(async () => {
    a = await agreement('2024-07-01', '2025-06-30');
    await fileAt(a.id, 2024, 4, '2025-01-05', '2025-01-10'); // due 2025-01-15: on time
    await fileAt(a.id, 2025, 1, '2025-04-02', '2025-04-20'); // due 2025-04-15: late
    const { actor, user } = await subject('op_b');
    await createReport(h.db, actor, user, { agreementId: a.id, kind: 'quarterly', year: 2025, quarter: 2 }, noon('2025-07-02')); // a draft
  });
  const statesAt = async (username: string, today: string) => {
    const { user } = await subject(username);
    const page = await selectPeriods(h.db, user, { agreementId: a.id, sort: 'period', dir: 'asc' }, { limit: 50 }, noon(today), 15);
    return page.items.map((r) => `${r.year}${r.kind === 'annual' ? 'Y' : `Q${r.quarter}`}:${r.state}`);
  };

  it('every ended period of the term, with 缺报 and 迟报 (as of 2025-08-01)', async () => {
    expect(await statesAt('op_b', '2025-08-01')).toEqual(['2024Q3:missing', '2024Q4:submitted', '2024Y:missing', '2025Q1:late', '2025Q2:missing']);
    expect(await statesAt('agency', '2025-08-01')).toEqual(['2024Q3:missing', '2024Q4:submitted', '2024Y:missing', '2025Q1:late', '2025Q2:missing']);
    expect(await statesAt('zhengzhou', '2025-08-01')).toEqual(['2024Q3:missing', '2024Q4:submitted', '2024Y:missing', '2025Q1:late', '2025Q2:missing']);
    expect(await statesAt('province', '2025-08-01')).toHaveLength(5);
    expect(await statesAt('ly_admin', '2025-08-01')).toEqual([]);
    expect(await statesAt('ly_agency', '2025-08-01')).toEqual([]);
    expect(await statesAt('zz_operator', '2025-08-01')).toEqual([]);
  });

  it('before its due day a period is pending; the operator sees its draft, a recipient does not', async () => {
    expect(await statesAt('op_b', '2025-07-10')).toEqual(['2024Q3:missing', '2024Q4:submitted', '2024Y:missing', '2025Q1:late', '2025Q2:draft']);
    expect(await statesAt('agency', '2025-07-10')).toContain('2025Q2:pending');
    const { user } = await subject('agency');
    const page = await selectPeriods(h.db, user, { agreementId: a.id, state: 'pending', sort: 'dueOn', dir: 'asc' }, { limit: 50 }, noon('2025-07-10'), 15);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ reportId: null, status: null, id: expect.stringMatching(/^p:/), due: { status: 'running' } });
    // after the term, the 2025 summary is expected too
    expect(await statesAt('agency', '2026-04-01')).toContain('2025Y:missing');
  });

  it('through the router: filters by state, paging, counters', async () => {
    const missing = await agency.report.list({ agreementId: a.id, state: 'missing' });
    expect(missing.items.map((r) => `${r.year}:${r.quarter}`).sort()).toEqual(['2024:0', '2024:3', '2025:0', '2025:2']);
    const late = await zz.report.list({ agreementId: a.id, state: 'late' });
    expect(late.items).toHaveLength(1);
    expect(late.items[0].reportId).not.toBeNull();
    const p1 = await agency.report.list({ agreementId: a.id, sort: 'dueOn', dir: 'desc', limit: 2 });
    const p2 = await agency.report.list({ agreementId: a.id, sort: 'dueOn', dir: 'desc', limit: 2, cursor: p1.nextCursor });
    const p3 = await agency.report.list({ agreementId: a.id, sort: 'dueOn', dir: 'desc', limit: 2, cursor: p2.nextCursor });
    const all = [...p1.items, ...p2.items, ...p3.items];
    expect(new Set(all.map((r) => r.id)).size).toBe(6);
    expect(all.map((r) => r.dueOn)).toEqual([...all.map((r) => r.dueOn)].sort().reverse());
    expect((await agency.report.list({ q: a.name })).items).toHaveLength(6);
    expect((await lyAdmin.report.list({ agreementId: a.id })).items).toEqual([]);
    const o = await agency.report.overview();
    expect(o.counts.missing).toBeGreaterThanOrEqual(4);
    expect(o.counts.late).toBeGreaterThanOrEqual(1);
    expect(o.open).toEqual([]);
    const mine = await opB.report.overview();
    expect(mine.open.some((r) => r.agreementId === a.id && r.state === 'missing')).toBe(true);
    const running = await agreement('2025-01-01', '2099-12-31');
    const next = (await opB.report.overview()).upcoming.find((u) => u.agreementId === running.id);
    expect(next).toMatchObject({ kind: 'quarterly', due: { status: expect.stringMatching(/running|due_soon/) } });
  });

  it('the export is the list: the same filters, in the caller\'s scope, audited', async () => {
    const { actor, user } = await subject('agency');
    const res = await exportReports(h.db, actor, user, new URLSearchParams({ format: 'csv', agreementId: a.id, sort: 'period', dir: 'asc' }));
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 6);
    expect(csv).toContain('缺报');
    expect(csv).toContain('迟报');
    expect(csv).toContain('2025年第1季度');
    const { actor: la, user: lu } = await subject('ly_admin');
    expect((await (await exportReports(h.db, la, lu, new URLSearchParams({ format: 'csv', agreementId: a.id }))).text()).trim().split('\r\n')).toHaveLength(1);
    const bad = await exportReports(h.db, actor, user, new URLSearchParams({ format: 'pdf', state: 'nope' }));
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).fieldErrors).sort()).toEqual(['format', 'state']);
    const xlsx = await exportReports(h.db, actor, user, new URLSearchParams({ agreementId: a.id }));
    expect(xlsx.headers.get('Content-Type')).toContain('spreadsheetml');
  });

  it('get shows the late flag and the recipients', async () => {
    const late = (await zz.report.list({ agreementId: a.id, state: 'late' })).items[0];
    const r = await zz.report.get({ id: late.reportId! });
    expect(r).toMatchObject({ late: true, status: 'submitted', dueOn: '2025-04-15', canEdit: false, canCorrect: false });
    expect(r.receipts.map((x) => x.orgName).sort()).toEqual(['郑州市大数据发展中心', '郑州市行政审批和政务信息管理局']);
    expect(r.myReceipt).not.toBeNull();
  });
});

describe('report router', () => {
  let a: Awaited<ReturnType<typeof agreement>>;
  let quarter = 0;
  let year = 2024;
  beforeAll(async () => {
    a = await agreement('2022-01-01', '2024-12-31');
  });
  /** A fresh draft for the next free quarter of the agreement. */
  async function draft() {
    if (++quarter > 4) {
      quarter = 1;
      year--;
    }
    return opB.report.create({ agreementId: a.id, kind: 'quarterly', year, quarter });
  }
  async function submitted() {
    const d = await draft();
    return opB.report.submit({ id: d.id, version: d.version, content: CONTENT });
  }

  it('create: happy path; no session; wrong role; another organization; bad input; duplicate', async () => {
    const d = await draft();
    expect(d).toMatchObject({ status: 'draft', agencyOrgId: ORG['郑州市大数据发展中心'], authorityOrgId: ORG['郑州市行政审批和政务信息管理局'], lastVersionNo: 0 });
    const input = { agreementId: a.id, kind: 'quarterly' as const, year, quarter };
    expect(await errorCode(anon.report.create(input))).toBe('UNAUTHORIZED');
    expect(await errorCode(agency.report.create(input))).toBe('FORBIDDEN');
    expect(await errorCode(zzOperator.report.create({ ...input, quarter: 4 }))).toBe('NOT_FOUND');
    expect(await errorCode(operator.report.create({ ...input, agreementId: NO_ID }))).toBe('NOT_FOUND');
    expect((await failure(operator.report.create({ ...input, quarter: 0 }))).fieldErrors.quarter).toBeDefined();
    expect((await failure(operator.report.create({ ...input, kind: 'annual', quarter: 2 }))).fieldErrors.quarter).toBeDefined();
    expect(await errorCode(operator.report.create(input))).toBe('CONFLICT');
  });

  it('save: happy path; no session; wrong role; another organization; bad input; stale version; locked after submission', async () => {
    const d = await draft();
    const saved = await opB.report.save({ id: d.id, version: d.version, content: { ...CONTENT, operations: '草稿' } as never });
    expect(saved.version).toBe(d.version + 1);
    expect((await operator.report.get({ id: d.id })).content.operations).toBe('草稿');
    const input = { id: d.id, version: saved.version, content: CONTENT };
    expect(await errorCode(anon.report.save(input))).toBe('UNAUTHORIZED');
    expect(await errorCode(agency.report.save(input))).toBe('FORBIDDEN');
    expect(await errorCode(zzOperator.report.save(input))).toBe('NOT_FOUND');
    expect((await failure(operator.report.save({ ...input, content: { ...CONTENT, products: 'x'.repeat(5001) } }))).fieldErrors['content.products']).toBeDefined();
    expect(await errorCode(operator.report.save({ ...input, version: d.version }))).toBe('CONFLICT');
    const s = await operator.report.submit(input);
    const locked = await failure(operator.report.save({ ...input, version: s.version }));
    expect(locked).toMatchObject({ code: 'PRECONDITION_FAILED', article: 'HN-22 ¶3' });
  });

  it('submit: locks the report, delivers it to the agency and the city authority (待办), every section required', async () => {
    const d = await draft();
    const input = { id: d.id, version: d.version, content: CONTENT };
    expect(await errorCode(anon.report.submit(input))).toBe('UNAUTHORIZED');
    expect(await errorCode(zz.report.submit(input))).toBe('FORBIDDEN');
    expect(await errorCode(zzOperator.report.submit(input))).toBe('NOT_FOUND');
    const bad = await failure(operator.report.submit({ ...input, content: { ...CONTENT, operations: '', secondary: { none: false, rows: [] } } }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['content.operations', 'content.secondary.rows']);
    const noDeveloperAnswer = await failure(operator.report.submit({ ...input, content: { ...CONTENT, secondary: { rows: [] } } as never }));
    expect(noDeveloperAnswer.fieldErrors['content.secondary.none']?.[0]).toContain('HN-22 ¶3');
    expect(await errorCode(operator.report.submit({ ...input, version: d.version + 1 }))).toBe('CONFLICT');
    const s = await operator.report.submit({ ...input, content: { ...CONTENT, secondary: { none: false, rows: [{ developer: '郑州智数科技有限公司', product: '企业信用画像接口', use: '用于供应链金融风控', calls: 300 }] } } });
    expect(s).toMatchObject({ status: 'submitted', lastVersionNo: 1 });
    expect(s.submittedAt).not.toBeNull();
    for (const c of [agency, zz]) {
      const task = (await c.me.inbox()).find((i) => i.href === `/filings/reports/${d.id}`);
      expect(task?.title).toContain('审阅运营报告');
    }
    expect(await errorCode(operator.report.submit({ ...input, version: s.version }))).toBe('PRECONDITION_FAILED');
  });

  it('correct: a new version with its reason, history and diff, delivered again', async () => {
    const s = await submitted();
    const input = { id: s.id, version: s.version, content: { ...CONTENT, usage: { calls: 1200, users: 12, note: '' } }, reason: '调用次数统计口径更正' };
    expect(await errorCode(anon.report.correct(input))).toBe('UNAUTHORIZED');
    expect(await errorCode(agency.report.correct(input))).toBe('FORBIDDEN');
    expect(await errorCode(zzOperator.report.correct(input))).toBe('NOT_FOUND');
    expect((await failure(operator.report.correct({ ...input, reason: '' }))).fieldErrors.reason).toBeDefined();
    expect(await errorCode(operator.report.correct({ ...input, version: s.version - 1 }))).toBe('CONFLICT');
    const d = await draft();
    expect(await errorCode(operator.report.correct({ ...input, id: d.id, version: d.version }))).toBe('PRECONDITION_FAILED');
    const before = await agency.report.get({ id: s.id });
    const c = await operator.report.correct(input);
    expect(c).toMatchObject({ status: 'submitted', lastVersionNo: 2 });
    expect(c.submittedAt?.toISOString()).toBe(s.submittedAt?.toISOString());
    const history = await zz.report.history({ id: s.id });
    expect(history.map((v) => [v.versionNo, v.reason])).toEqual([[2, '调用次数统计口径更正'], [1, null]]);
    const diff = await zz.report.diff({ id: s.id, from: 1, to: 2 });
    expect(diff.changes).toEqual([{ path: 'usage.calls', before: 1000, after: 1200 }]);
    // the receipts of v1 are superseded: their 待办 close, new ones open
    const v1 = await h.db.select({ id: filingReceipts.id, status: filingReceipts.status, version: filingReceipts.version, recipientOrgId: filingReceipts.recipientOrgId })
      .from(filingReceipts).where(and(eq(filingReceipts.entityId, s.id), eq(filingReceipts.versionNo, 1)));
    expect(v1.map((r) => r.status)).toEqual(['superseded', 'superseded']);
    const open = await h.db.select().from(inboxItems).where(and(eq(inboxItems.entityType, 'periodic_report_receipt'), eq(inboxItems.entityId, v1[0].id)));
    expect(open.every((i) => i.closedAt)).toBe(true);
    // a replaced version can no longer be marked read
    const agencyV1 = v1.find((r) => r.recipientOrgId === before.agencyOrgId)!;
    expect(await errorCode(agency.report.markRead({ id: agencyV1.id, version: agencyV1.version }))).toBe('PRECONDITION_FAILED');
    const after = await agency.report.get({ id: s.id });
    expect(after.receipts.every((x) => x.versionNo === 2)).toBe(true);
    expect(after.myReceipt?.id).not.toBe(before.myReceipt?.id);
    expect((await agency.me.inbox()).find((i) => i.href === `/filings/reports/${s.id}`)?.title).toContain('更正 v2');
    expect(after.timeline.events.map((e) => e.action)).toEqual(expect.arrayContaining(['periodic_report.create', 'periodic_report.submit', 'periodic_report.correct']));
  });

  it('markRead: each recipient marks its own receipt; others are NOT_FOUND', async () => {
    const s = await submitted();
    const mine = (await agency.report.get({ id: s.id })).myReceipt!;
    expect(await errorCode(anon.report.markRead(mine))).toBe('UNAUTHORIZED');
    expect(await errorCode(provider.report.markRead(mine))).toBe('FORBIDDEN');
    expect(await errorCode(zz.report.markRead(mine))).toBe('NOT_FOUND');
    expect(await errorCode(operator.report.markRead(mine))).toBe('NOT_FOUND');
    expect(await errorCode(agency.report.markRead({ id: 'x', version: 1 }))).toBe('BAD_REQUEST');
    expect(await errorCode(agency.report.markRead({ ...mine, version: mine.version + 1 }))).toBe('CONFLICT');
    expect((await agency.report.markRead(mine)).status).toBe('acknowledged');
    expect((await agency.me.inbox()).find((i) => i.href === `/filings/reports/${s.id}`)).toBeUndefined();
    const r = await zz.report.get({ id: s.id });
    expect(r.receipts.find((x) => x.recipientRole === 'implementing_agency')).toMatchObject({ status: 'acknowledged', decidedBy: expect.any(String) });
    expect(await zz.report.markRead(r.myReceipt!)).toMatchObject({ status: 'acknowledged' });
  });

  it('get / history / diff: no session, wrong role, another organization, drafts hidden from recipients, bad input', async () => {
    const s = await submitted();
    const d = await draft();
    for (const call of [(c: Caller) => c.report.get({ id: s.id }), (c: Caller) => c.report.history({ id: s.id }), (c: Caller) => c.report.diff({ id: s.id, from: 1, to: 1 })]) {
      expect(await errorCode(call(anon))).toBe('UNAUTHORIZED');
      expect(await errorCode(call(provider))).toBe('FORBIDDEN');
      expect(await errorCode(call(lyAdmin))).toBe('NOT_FOUND');
      expect(await errorCode(call(lyAgency))).toBe('NOT_FOUND');
      expect(await errorCode(call(zzOperator))).toBe('NOT_FOUND');
      expect(await errorCode(call(province))).toBe('OK');
    }
    expect(await errorCode(agency.report.get({ id: d.id }))).toBe('NOT_FOUND');
    expect((await operator.report.get({ id: d.id })).canEdit).toBe(true);
    expect(await errorCode(agency.report.get({ id: 'x' }))).toBe('BAD_REQUEST');
    expect((await failure(agency.report.diff({ id: s.id, from: 0, to: 1 }))).fieldErrors.from).toBeDefined();
    expect(await errorCode(agency.report.diff({ id: s.id, from: 1, to: 9 }))).toBe('NOT_FOUND');
  });

  it('list / overview / agreements / developerSuggestions / policy: no session, wrong role, bad input', async () => {
    expect(await errorCode(anon.report.list({}))).toBe('UNAUTHORIZED');
    expect(await errorCode(provider.report.list({}))).toBe('FORBIDDEN');
    expect((await failure(agency.report.list({ state: 'x' as never }))).fieldErrors.state).toBeDefined();
    expect(await errorCode(anon.report.overview())).toBe('UNAUTHORIZED');
    expect(await errorCode(provider.report.overview())).toBe('FORBIDDEN');
    expect(await errorCode(anon.report.agreements())).toBe('UNAUTHORIZED');
    expect(await errorCode(provider.report.agreements())).toBe('FORBIDDEN');
    expect((await operator.report.agreements()).some((x) => x.id === a.id)).toBe(true);
    expect((await lyAdmin.report.agreements()).some((x) => x.id === a.id)).toBe(false);
    expect(await errorCode(anon.report.developerSuggestions())).toBe('UNAUTHORIZED');
    expect(await errorCode(agency.report.developerSuggestions())).toBe('FORBIDDEN');
    expect(Array.isArray(await operator.report.developerSuggestions())).toBe(true);
    expect(await errorCode(anon.report.policy.get())).toBe('UNAUTHORIZED');
    expect(await errorCode(provider.report.policy.get())).toBe('FORBIDDEN');
    const p = await zz.report.policy.get();
    expect(await errorCode(anon.report.policy.update({ quarterlyDueDays: 10, version: p.version }))).toBe('UNAUTHORIZED');
    expect(await errorCode(zz.report.policy.update({ quarterlyDueDays: 10, version: p.version }))).toBe('FORBIDDEN');
    expect((await failure(province.report.policy.update({ quarterlyDueDays: 0, version: p.version }))).fieldErrors.quarterlyDueDays).toBeDefined();
    expect(await errorCode(province.report.policy.update({ quarterlyDueDays: 10, version: p.version + 3 }))).toBe('CONFLICT');
  });
});
