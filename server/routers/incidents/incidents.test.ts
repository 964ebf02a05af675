import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, incidents, incidentSeverityChanges, incidentUpdates, rectificationOrders } from '@/db/schema';
import { errorCode, failure, type TestDb } from '@/server/test/harness';
import { exportIncidents } from './export';
import { at, NO_ID, openKit, type Caller } from './test-kit';

/**
 * Every procedure of incident reporting through the router, against a real seeded database: the
 * happy path, no session, wrong role, another organization's incident (NOT_FOUND), bad input (field
 * errors, nothing written) and stale versions (CONFLICT).
 */
let h: TestDb;
let kit: Awaited<ReturnType<typeof openKit>>;
let c: Awaited<ReturnType<typeof openKit>>['c'];

beforeAll(async () => {
  kit = await openKit();
  h = kit.h;
  c = kit.c;
});
afterAll(() => h.close());

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);
/** The operator's minimal initial report of a leakage at 较大 (the Playwright journey's first step). */
const leakage = (o: Record<string, unknown> = {}) => ({
  agreementId: kit.agreementId, systemName: '企业信用画像平台', type: 'leakage' as const, severity: 'large' as const,
  discoveredAt: minutesAgo(20), measures: '已关闭对外接口,保全访问日志', ...o,
});
const countIncidents = async () => (await h.db.select({ id: incidents.id }).from(incidents)).length;
const audits = (id: string, action?: string) => h.db.select().from(auditLog)
  .where(and(eq(auditLog.entityType, 'incident'), eq(auditLog.entityId, id), action ? eq(auditLog.action, action) : undefined));

describe('who may call', () => {
  it('without a session: UNAUTHORIZED everywhere', async () => {
    const a = c.anon;
    for (const p of [
      a.incident.list({}), a.incident.stats({}), a.incident.get({ id: NO_ID }), a.incident.grading(), a.incident.options(), a.incident.report(leakage()),
      a.incident.followUp({ id: NO_ID, version: 1, body: '续报内容' }), a.incident.notify({ id: NO_ID, version: 1, decision: 'not_notify', reason: '已有效避免危害' }),
      a.incident.endHandling({ id: NO_ID, version: 1, endedAt: new Date() }), a.incident.acknowledge({ id: NO_ID }),
      a.incident.review({ id: NO_ID, version: 1, decision: 'accept' }), a.incidentPolicy.get(),
    ]) expect(await errorCode(p)).toBe('UNAUTHORIZED');
  });

  it('wrong role: FORBIDDEN (industry departments, the secadmin for business data, recipients for reporting, reporters for reviewing)', async () => {
    expect(await errorCode(c.jiaotong.incident.list({}))).toBe('FORBIDDEN');
    expect(await errorCode(c.secadmin.incident.get({ id: NO_ID }))).toBe('FORBIDDEN');
    expect(await errorCode(c.wangxin.incident.report(leakage()))).toBe('FORBIDDEN');
    expect(await errorCode(c.zz.incident.followUp({ id: NO_ID, version: 1, body: '续报内容' }))).toBe('FORBIDDEN');
    expect(await errorCode(c.operator.incident.acknowledge({ id: NO_ID }))).toBe('FORBIDDEN');
    expect(await errorCode(c.operator.incident.review({ id: NO_ID, version: 1, decision: 'accept' }))).toBe('FORBIDDEN');
    expect(await errorCode(c.agency.incident.openOrder({ id: NO_ID, version: 1, findings: ['迟报'], deadlineKind: 'calendar_days', deadlineAmount: 30 }))).toBe('FORBIDDEN');
    expect(await errorCode(c.province.incidentPolicy.get())).toBe('FORBIDDEN');
  });
});

describe('report: the initial report, only the basics', () => {
  it('the operator files a leakage at 较大: recipients computed and mapped, each with its running clock and task; audited', async () => {
    const r = await c.operator.incident.report(leakage());
    expect(r).toMatchObject({ status: 'reported', regime: 'HN', severity: 'large', cii: true, title: '企业信用画像平台数据泄露', version: 1 });
    const rs = await kit.recipientsOf(r.id);
    expect(rs.map((x) => [x.kind, x.org, x.hours]).sort()).toEqual([
      ['agency', '郑州市大数据发展中心', 1],
      ['authority', '郑州市行政审批和政务信息管理局', 1],
      ['cyberspace_province', '河南省委网络安全和信息化委员会办公室', 1],
    ]);
    expect(rs.every((x) => !x.late && !x.acknowledgedAt)).toBe(true);
    expect((await audits(r.id, 'incident.report'))[0].after).toMatchObject({ severity: 'large', type: 'leakage', regime: 'HN' });
    expect((await audits(r.id, 'incident.recipients_added'))).toHaveLength(1);
    // the recipients' 我的待办
    for (const who of [c.agency, c.zz, c.wangxin]) {
      const items = (await who.me.inbox()).filter((i) => i.entityId === r.id);
      expect(items).toHaveLength(1);
      expect(items[0].href).toBe(`/incidents/${r.id}`);
    }
    expect((await c.gongan.me.inbox()).filter((i) => i.entityId === r.id)).toHaveLength(0);
    const [initial] = await h.db.select().from(incidentUpdates).where(eq(incidentUpdates.incidentId, r.id));
    expect(initial).toMatchObject({ kind: 'initial', body: '已关闭对外接口,保全访问日志' });
  });

  it('bad input: field errors in Chinese, nothing written', async () => {
    const n = await countIncidents();
    const missing = await failure(c.operator.incident.report({ ...leakage(), systemName: '', measures: '' }));
    expect(missing.code).toBe('BAD_REQUEST');
    expect(Object.keys(missing.fieldErrors).sort()).toEqual(['measures', 'systemName']);
    const noAgreement = await failure(c.operator.incident.report(leakage({ agreementId: null })));
    expect(noAgreement.fieldErrors.agreementId?.[0]).toContain('HN-18');
    // HN-18 first sentence: when processing stopped, or "not yet" — never silently nothing
    const risk = await failure(c.operator.incident.report(leakage({ type: 'relationship_risk' })));
    expect(risk.fieldErrors.processingStoppedAt?.[0]).toContain('HN-18');
    // the grading guide: 120 万人 → at least 较大
    const grade = await failure(c.operator.incident.report(leakage({ severity: 'general', personalInfoPeople: 1_200_000 })));
    expect(grade.code).toBe('BAD_REQUEST');
    expect(grade.fieldErrors.severity?.[0]).toMatch(/分级指南.*1,000,000.*较大/);
    const future = await failure(c.operator.incident.report(leakage({ discoveredAt: new Date(Date.now() + 3600_000) })));
    expect(future.fieldErrors.discoveredAt).toBeDefined();
    const order = await failure(c.operator.incident.report(leakage({ occurredAt: new Date(), discoveredAt: minutesAgo(30) })));
    expect(order.fieldErrors.occurredAt).toBeDefined();
    // a platform's incident is not under an operating agreement
    const id = await failure(c.platform.incident.report(leakage()));
    expect(id.fieldErrors.agreementId).toBeDefined();
    expect(await countIncidents()).toBe(n);
  });

  it('another operator\'s agreement is NOT_FOUND; a risk not yet stopped is accepted with a task to follow up (HN-18)', async () => {
    expect(await errorCode(c.zzOperator.incident.report(leakage()))).toBe('NOT_FOUND');
    const r = await c.operator.incident.report(leakage({ type: 'relationship_risk', processingNotStopped: true, severity: 'general' }));
    expect(r.processingStoppedAt).toBeNull();
    const tasks = await kit.tasksOf(r.id);
    expect(tasks.find((t) => t.step === 'stop_processing')).toMatchObject({ assigneeRole: 'operator', basis: 'HN-18', closedAt: null });
  });

  it('options: the operator\'s agreements in force and its clock; grading: the thresholds for every reporter and recipient', async () => {
    const o = await c.operator.incident.options();
    expect(o).toMatchObject({ regime: 'HN', cii: true, agreementRequired: true });
    expect(o.agreements.map((a) => a.id)).toContain(kit.agreementId);
    expect(o.agreements[0].agencyName).toBe('郑州市大数据发展中心');
    expect(await c.platform.incident.options()).toMatchObject({ regime: 'ID', agreements: [], agreementRequired: false });
    expect((await c.zzOperator.incident.options()).agreements).toEqual([]);
    const g = await c.wangxin.incident.grading();
    expect(g.thresholds.personalInfoPeople.large).toBe(1_000_000);
    expect(g.seriousHours).toBe(4);
  });
});

describe('scope: reporter, recipients, the province, the region; others NOT_FOUND', () => {
  it('list / get / stats', async () => {
    const r = await c.opB.incident.report(leakage({ systemName: '范围测试系统' }));
    const sees = async (who: Caller) => (await who.incident.list({ q: '范围测试系统' })).items.some((i) => i.id === r.id);
    for (const who of [c.operator, c.agency, c.zz, c.wangxin, c.province]) {
      expect(await sees(who)).toBe(true);
      expect((await who.incident.get({ id: r.id })).id).toBe(r.id);
    }
    for (const who of [c.zzOperator, c.lyAgency, c.lyAdmin, c.gongan, c.platform]) {
      expect(await sees(who)).toBe(false);
      expect(await errorCode(who.incident.get({ id: r.id }))).toBe('NOT_FOUND');
    }
    expect(await errorCode(c.province.incident.get({ id: NO_ID }))).toBe('NOT_FOUND');
    expect((await c.lyAdmin.incident.stats({})).totals.total).toBe(0);
    expect((await c.operator.incident.stats({})).totals.total).toBeGreaterThan(0);
    // the row carries the clocks: the recipients' earliest pending one, and the caller's own
    const row = (await c.wangxin.incident.list({ q: '范围测试系统' })).items[0];
    expect(row.clock?.status).toMatch(/running|due_soon/);
    expect(row.myClock?.dueAt).toEqual(row.clock?.dueAt);
    expect((await c.operator.incident.list({ q: '范围测试系统' })).items[0].myClock).toBeNull();
    const bad = await failure(c.operator.incident.list({ view: 'nope' } as never));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(await errorCode(c.operator.incident.get({ id: 'x' }))).toBe('BAD_REQUEST');
  });

  it('views: received, mine, running, late; sorting by grade', async () => {
    const mine = await c.operator.incident.list({ view: 'mine', sort: 'severity', dir: 'desc' });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => i.reporterName === '河南数据集团有限公司')).toBe(true);
    const received = await c.agency.incident.list({ view: 'received' });
    expect(received.items.length).toBeGreaterThan(0);
    expect((await c.operator.incident.list({ view: 'received' })).items).toHaveLength(0);
    const running = await c.zz.incident.list({ view: 'running', limit: 1 });
    expect(running.items).toHaveLength(1);
    expect(running.nextCursor).not.toBeNull();
    const next = await c.zz.incident.list({ view: 'running', limit: 1, cursor: running.nextCursor });
    expect(next.items[0].id).not.toBe(running.items[0].id);
  });
});

describe('acknowledge: each recipient confirms receipt of its own', () => {
  it('closes its task; again → PRECONDITION; not a recipient → PRECONDITION; out of scope → NOT_FOUND', async () => {
    const r = await c.opB.incident.report(leakage({ systemName: '确认接收测试' }));
    expect(await c.agency.incident.acknowledge({ id: r.id })).toEqual({ acknowledged: 1 });
    expect((await c.agency.me.inbox()).filter((i) => i.entityId === r.id)).toHaveLength(0);
    expect((await c.zz.me.inbox()).filter((i) => i.entityId === r.id)).toHaveLength(1);
    const again = await failure(c.agencyB.incident.acknowledge({ id: r.id }));
    expect(again.code).toBe('PRECONDITION_FAILED');
    const notMine = await failure(c.province.incident.acknowledge({ id: r.id }));
    expect([notMine.code, notMine.article]).toEqual(['PRECONDITION_FAILED', 'HN-18']);
    expect(await errorCode(c.lyAgency.incident.acknowledge({ id: r.id }))).toBe('NOT_FOUND');
    expect(await errorCode(c.gongan.incident.acknowledge({ id: r.id }))).toBe('NOT_FOUND');
    expect(await errorCode(c.agency.incident.acknowledge({ id: 'x' } as never))).toBe('BAD_REQUEST');
    await c.wangxin.incident.acknowledge({ id: r.id });
    const d = await c.operator.incident.get({ id: r.id });
    const ack = d.recipients.find((x) => x.kind === 'agency')!;
    expect(ack.clock?.status).toBe('done');
    expect(ack.acknowledgedByName).toBe('赵实施');
    expect(d.recipients.find((x) => x.kind === 'authority')!.clock?.status).not.toBe('done');
    expect(d.timeline.events.map((e) => e.action)).toEqual(expect.arrayContaining(['incident.report', 'incident.recipients_added', 'incident.acknowledge']));
  });
});

describe('followUp: facts, regrades with their reason, recipients added', () => {
  it('raising a leakage to 重大 adds the same-level 网信; history kept; stale version CONFLICT; bad input; reporter only', async () => {
    const r = await c.opB.incident.report(leakage({ systemName: '续报测试' }));
    const input = { id: r.id, version: r.version, body: '泄露数据经核实涉及 1200 万人', severity: 'major' as const, severityReason: '个人信息超过 1000 万人', personalInfoPeople: 12_000_000 };
    const noReason = await failure(c.operator.incident.followUp({ ...input, severityReason: '' }));
    expect(noReason.fieldErrors.severityReason).toBeDefined();
    const tooLow = await failure(c.operator.incident.followUp({ ...input, severity: 'large', severityReason: null }));
    expect(tooLow.fieldErrors.severity?.[0]).toContain('重大');
    expect((await failure(c.operator.incident.followUp({ ...input, body: '' }))).fieldErrors.body).toBeDefined();
    expect((await failure(c.agency.incident.followUp(input))).code).toBe('PRECONDITION_FAILED');
    expect(await errorCode(c.zzOperator.incident.followUp(input))).toBe('NOT_FOUND');
    const up = await c.operator.incident.followUp(input);
    expect(up).toMatchObject({ severity: 'major', status: 'handling', personalInfoPeople: 12_000_000 });
    expect(await errorCode(c.operator.incident.followUp(input))).toBe('CONFLICT');
    expect((await kit.recipientsOf(r.id)).map((x) => x.kind).sort()).toEqual(['agency', 'authority', 'cyberspace_province', 'cyberspace_same_level']);
    const [change] = await h.db.select().from(incidentSeverityChanges).where(eq(incidentSeverityChanges.incidentId, r.id));
    expect(change).toMatchObject({ fromSeverity: 'large', toSeverity: 'major', reason: '个人信息超过 1000 万人' });
    const regrade = await audits(r.id, 'incident.regrade');
    expect(regrade[0]).toMatchObject({ reason: '个人信息超过 1000 万人' });
    expect(regrade[0].after).toMatchObject({ severity: 'major', personalInfoPeople: 12_000_000 });
    // a suspected crime adds 公安, who now sees it
    const crime = await c.operator.incident.followUp({ id: r.id, version: up.version, body: '发现境外 IP 批量下载,疑似犯罪', crimeSuspected: true });
    expect((await c.gongan.incident.get({ id: r.id })).crimeSuspected).toBe(true);
    const d = await c.operator.incident.get({ id: r.id });
    expect(d.updates.map((u) => u.kind)).toEqual(['initial', 'follow_up', 'follow_up']);
    expect(d.severityChanges).toHaveLength(1);
    expect(crime.version).toBe(d.version);
  });

  it('a risk in data relationships: the stop, once followed up, closes the task; handling cannot end before it (HN-18)', async () => {
    const r = await c.opB.incident.report(leakage({ type: 'relationship_risk', processingNotStopped: true, severity: 'general', systemName: '关联风险测试' }));
    const early = await failure(c.opB.incident.endHandling({ id: r.id, version: r.version, endedAt: new Date() }));
    expect([early.code, early.article]).toEqual(['PRECONDITION_FAILED', 'HN-18']);
    const up = await c.opB.incident.followUp({ id: r.id, version: r.version, body: '已停止关联分析任务', processingStoppedAt: minutesAgo(5) });
    expect(up.processingStoppedAt).not.toBeNull();
    expect((await kit.tasksOf(r.id)).find((t) => t.step === 'stop_processing')?.closedAt).not.toBeNull();
    expect(await audits(r.id, 'incident.processing_stopped')).toHaveLength(1);
    const ended = await c.opB.incident.endHandling({ id: r.id, version: up.version, endedAt: new Date(), body: '处置完毕' });
    expect(ended.status).toBe('handling_ended');
  });
});

describe('notify, endHandling, submitSummary, review, openOrder: to the closure and a rectification order', () => {
  it('the whole path, with every check on the way', async () => {
    const r = await c.opB.incident.report(leakage({ systemName: '结案测试', personalInfoPeople: 20_000 }));
    // endHandling: bad input, stale, other org
    expect((await failure(c.opB.incident.endHandling({ id: r.id, version: r.version, endedAt: new Date(Date.now() + 86_400_000) }))).fieldErrors.endedAt).toBeDefined();
    expect((await failure(c.opB.incident.endHandling({ id: r.id, version: r.version, endedAt: new Date(Date.now() - 86_400_000) }))).fieldErrors.endedAt).toBeDefined();
    expect(await errorCode(c.opB.incident.endHandling({ id: r.id, version: r.version + 1, endedAt: new Date() }))).toBe('CONFLICT');
    expect(await errorCode(c.zzOperator.incident.endHandling({ id: r.id, version: r.version, endedAt: new Date() }))).toBe('NOT_FOUND');
    const ended = await c.opB.incident.endHandling({ id: r.id, version: r.version, endedAt: new Date(), body: '接口已修复' });
    expect(ended.summaryDueAt!.getTime() - ended.handlingEndedAt!.getTime()).toBe(30 * 86_400_000);
    const summary = { cause: '接口鉴权缺失', handling: '关闭接口、修复鉴权', harm: '2 万人手机号泄露', accountability: '对责任人通报批评', remediation: '全面排查接口', lessons: '上线前安全测试' };
    // PIPL Art 57: the notification of individuals comes first
    const owed = await failure(c.opB.incident.submitSummary({ id: r.id, version: ended.version, summary }));
    expect(owed.code).toBe('PRECONDITION_FAILED');
    expect(owed.message).toContain('第五十七条');
    // notify: bad input, stale, other org, happy
    const badNotify = await failure(c.opB.incident.notify({ id: r.id, version: ended.version, decision: 'notify', channels: [], items: {} }));
    expect(Object.keys(badNotify.fieldErrors)).toEqual(expect.arrayContaining(['notifiedAt', 'channels', 'items.infoTypes', 'items.contact']));
    expect((await failure(c.opB.incident.notify({ id: r.id, version: ended.version, decision: 'not_notify' }))).fieldErrors.reason).toBeDefined();
    const items = { infoTypes: '手机号', cause: '接口鉴权缺失', harm: '可能收到骚扰电话', remedies: '已关闭接口', selfHelp: '警惕陌生来电', contact: '0371-12345678' };
    expect(await errorCode(c.zzOperator.incident.notify({ id: r.id, version: ended.version, decision: 'notify', notifiedAt: new Date(), channels: ['sms'], items }))).toBe('NOT_FOUND');
    expect(await errorCode(c.opB.incident.notify({ id: r.id, version: ended.version - 1, decision: 'notify', notifiedAt: new Date(), channels: ['sms'], items }))).toBe('CONFLICT');
    const notified = await c.opB.incident.notify({ id: r.id, version: ended.version, decision: 'notify', notifiedAt: minutesAgo(1), channels: ['sms', 'notice'], items });
    expect(notified.notification).toMatchObject({ decision: 'notify', channels: ['sms', 'notice'] });
    // submitSummary: bad input, stale, happy → the authority's review task
    expect(Object.keys((await failure(c.opB.incident.submitSummary({ id: r.id, version: notified.version, summary: { ...summary, lessons: '' } }))).fieldErrors)).toEqual(['summary.lessons']);
    expect(await errorCode(c.opB.incident.submitSummary({ id: r.id, version: ended.version, summary }))).toBe('CONFLICT');
    const submitted = await c.opB.incident.submitSummary({ id: r.id, version: notified.version, summary });
    expect(submitted.status).toBe('summary_submitted');
    expect((await c.zz.me.inbox()).filter((i) => i.entityId === r.id && i.step === 'review')).toHaveLength(1);
    expect(await errorCode(c.opB.incident.followUp({ id: r.id, version: submitted.version, body: '还想续报' }))).toBe('PRECONDITION_FAILED');
    // review: wrong org, bad input, stale; ask for more → back to the reporter
    expect(await errorCode(c.lyAdmin.incident.review({ id: r.id, version: submitted.version, decision: 'accept' }))).toBe('NOT_FOUND');
    expect((await failure(c.zz.incident.review({ id: r.id, version: submitted.version, decision: 'more' }))).fieldErrors.reason).toBeDefined();
    expect(await errorCode(c.zz.incident.review({ id: r.id, version: submitted.version + 1, decision: 'accept' }))).toBe('CONFLICT');
    const more = await c.zz.incident.review({ id: r.id, version: submitted.version, decision: 'more', reason: '请补充责任追究的具体人员' });
    expect(more.status).toBe('more_requested');
    expect((await c.opB.me.inbox()).filter((i) => i.entityId === r.id && i.step === 'more')).toHaveLength(1);
    const again = await c.opB.incident.submitSummary({ id: r.id, version: more.version, summary: { ...summary, accountability: '对运维组长张某通报批评' } });
    // the first submission's time stays (it decides whether the summary was late)
    expect(again.summarySubmittedAt).toEqual(submitted.summarySubmittedAt);
    // accept with a rectification order in one step (HN-18 → HN-20)
    const badOrder = await failure(c.zz.incident.review({ id: r.id, version: again.version, decision: 'accept', order: { findings: [], deadlineKind: 'calendar_days', deadlineAmount: 30, majorRisk: false } }));
    expect(badOrder.fieldErrors['order.findings']).toBeDefined();
    const closed = await c.zz.incident.review({
      id: r.id, version: again.version, decision: 'accept', reason: '同意结案',
      order: { findings: ['数据接口未做鉴权,导致个人信息泄露'], deadlineKind: 'calendar_days', deadlineAmount: 30, majorRisk: false },
    });
    expect(closed).toMatchObject({ status: 'closed' });
    const [order] = await h.db.select().from(rectificationOrders).where(eq(rectificationOrders.id, closed.orderId!));
    expect(order).toMatchObject({ source: 'incident', sourceRef: r.id, article: 'HN-18', targetOrgId: await kit.orgId('河南数据集团有限公司') });
    const d = await c.opB.incident.get({ id: r.id });
    expect(d.order?.no).toBe(order.no);
    expect(d.can).toMatchObject({ followUp: false, review: false, openOrder: false });
    expect(d.timeline.events.map((e) => e.action)).toEqual(expect.arrayContaining(['incident.endHandling', 'incident.notify', 'incident.submitSummary', 'incident.requestMore', 'incident.accept', 'incident.open_order', 'rectification_order.issue']));
    // openOrder: only one per incident
    const twice = await failure(c.zz.incident.openOrder({ id: r.id, version: d.version, findings: ['再次'], deadlineKind: 'calendar_days', deadlineAmount: 10 }));
    expect(twice.code).toBe('PRECONDITION_FAILED');
  });

  it('openOrder from the review on its own; the reporter\'s agency cannot review; the province may', async () => {
    const r = await c.opB.incident.report(leakage({ systemName: '整改测试' }));
    const input = { id: r.id, version: r.version, findings: ['发现后未按时报告'], deadlineKind: 'working_days' as const, deadlineAmount: 10, majorRisk: false };
    expect((await failure(c.zz.incident.openOrder({ ...input, deadlineAmount: 0 }))).fieldErrors.deadlineAmount).toBeDefined();
    expect(await errorCode(c.zz.incident.openOrder({ ...input, version: 99 }))).toBe('CONFLICT');
    expect(await errorCode(c.lyAdmin.incident.openOrder(input))).toBe('NOT_FOUND');
    const opened = await c.province.incident.openOrder(input);
    expect(opened.orderId).not.toBeNull();
    const [order] = await h.db.select().from(rectificationOrders).where(eq(rectificationOrders.id, opened.orderId!));
    expect(order).toMatchObject({ source: 'incident', deadlineKind: 'working_days', deadlineAmount: 10, issuerOrgId: await kit.orgId('河南省行政审批和政务信息管理局') });
    // the review of a summary not yet submitted is refused
    const early = await failure(c.zz.incident.review({ id: r.id, version: opened.version, decision: 'accept' }));
    expect(early.code).toBe('PRECONDITION_FAILED');
  });
});

describe('export: the list as xlsx, in the caller\'s scope, audited', () => {
  it('xlsx rows match the list; a bad filter is a 400 naming the field', async () => {
    const { actor, user } = await kit.subject('agency');
    const res = await exportIncidents(h.db, actor, user, new URLSearchParams({ format: 'xlsx', view: 'received' }));
    expect(res.headers.get('Content-Type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0];
    const listed = await c.agency.incident.list({ view: 'received', limit: 200 });
    expect(ws.rowCount - 1).toBe(listed.items.length);
    expect(ws.getRow(1).getCell(1).value).toBe('事件名称');
    const bad = await exportIncidents(h.db, actor, user, new URLSearchParams({ severity: 'huge' }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors.severity).toBeDefined();
    const [row] = await h.db.select().from(auditLog).where(eq(auditLog.action, 'incident.export'));
    expect(row.after).toMatchObject({ format: 'xlsx', rows: listed.items.length });
  });
});

describe('incidentPolicy: the secadmin\'s table of thresholds and clocks', () => {
  it('get / update: validated (positive, rising thresholds, CII ≤ 较大 ≤ 及时), audited, stale CONFLICT; reports follow it', async () => {
    const p = await c.secadmin.incidentPolicy.get();
    expect(p).toMatchObject({ version: 0, seriousHours: 4, ciiHours: 1, promptHours: 24, summaryDays: 30 });
    const { version: _v, ...value } = p;
    const falling = await failure(c.secadmin.incidentPolicy.update({ ...value, thresholds: { ...value.thresholds, personalInfoPeople: { large: 1_000_000, major: 900_000, critical: 100_000_000 } }, version: 0 }));
    expect(falling.fieldErrors['thresholds.personalInfoPeople.major']).toBeDefined();
    expect((await failure(c.secadmin.incidentPolicy.update({ ...value, ciiHours: 8, version: 0 }))).fieldErrors.ciiHours).toBeDefined();
    expect((await failure(c.secadmin.incidentPolicy.update({ ...value, promptHours: 0, version: 0 }))).fieldErrors.promptHours).toBeDefined();
    expect(await errorCode(c.province.incidentPolicy.update({ ...value, version: 0 }))).toBe('FORBIDDEN');
    const saved = await c.secadmin.incidentPolicy.update({ ...value, thresholds: { ...value.thresholds, personalInfoPeople: { large: 500_000, major: 5_000_000, critical: 50_000_000 } }, promptHours: 12, version: 0 });
    expect(saved).toMatchObject({ version: 1, promptHours: 12 });
    expect(await errorCode(c.secadmin.incidentPolicy.update({ ...value, version: 0 }))).toBe('CONFLICT');
    const [a] = await h.db.select().from(auditLog).where(eq(auditLog.action, 'policy.incident.update'));
    expect(a.after).toEqual({ 'thresholds.personalInfoPeople.large': 500_000, 'thresholds.personalInfoPeople.major': 5_000_000, 'thresholds.personalInfoPeople.critical': 50_000_000, promptHours: 12 });
    // the form's help and the server's check follow the table
    expect((await c.operator.incident.grading()).thresholds.personalInfoPeople.large).toBe(500_000);
    const grade = await failure(c.operator.incident.report(leakage({ severity: 'general', personalInfoPeople: 600_000 })));
    expect(grade.fieldErrors.severity?.[0]).toContain('500,000');
    const g = await kit.reportAt('op_b', at('2026-06-01T08:00:00'), { severity: 'general', type: 'availability' });
    expect((await kit.recipientsOf(g.id)).every((x) => x.hours === 12)).toBe(true);
    // back to the defaults for the other tests
    await c.secadmin.incidentPolicy.update({ ...value, version: 1 });
  });
});
