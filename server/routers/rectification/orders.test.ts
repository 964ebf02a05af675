import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, deadlines, inboxItems, operationSuspensions, rectificationEntries, rectificationOrders } from '@/db/schema';
import { addDays, endOfShanghaiDay, shanghaiDate } from '@/server/domain/deadlines';
import { DomainError } from '@/server/domain/errors';
import { uploadAttachment, listAttachments } from '@/server/routers/attachments/service';
import { errorCode, failure, type TestDb } from '@/server/test/harness';
import { exportOrders } from './export';
import { issueOrder, orderStep } from './orders';
import { sweepOverdueOrders } from './overdue';
import { at, expectFieldErrors, expectWhoMayCall, NO_ID, openKit, type Caller } from './test-kit';

/**
 * 整改通知 (HN-20, HN-22 ¶2) through the router on a real seeded database: who may issue to whom,
 * the workflow plan → progress → verification with the inbox tasks and the timeline, extensions (the
 * due time moves only by a grant), the lists by scope. Orders in this file are issued at the real
 * time (the overdue check runs on every read) unless a rule needs fixed dates.
 */
let k: Awaited<ReturnType<typeof openKit>>;
let h: TestDb;
let c: Awaited<ReturnType<typeof openKit>>['c'];
const REF = { id: NO_ID, version: 1 };
const today = () => shanghaiDate(new Date());
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

beforeAll(async () => {
  k = await openKit();
  ({ h, c } = k);
});
afterAll(() => h.close());

async function version(id: string) {
  return (await k.order(id)).version;
}

describe('who may call', () => {
  it('each procedure names its permission; no session is UNAUTHORIZED; roles without it FORBIDDEN', async () => {
    const input = k.orderInput();
    await expectWhoMayCall(c.anon, ['rectification.'], (x: Caller) => ({
      'rectification.list': { perm: 'rectification.read', call: () => x.rectification.list({}) },
      'rectification.counts': { perm: 'rectification.read', call: () => x.rectification.counts() },
      'rectification.get': { perm: 'rectification.read', call: () => x.rectification.get({ id: NO_ID }) },
      'rectification.targets': { perm: 'rectification.issue', call: () => x.rectification.targets({}) },
      'rectification.issue': { perm: 'rectification.issue', call: () => x.rectification.issue({ ...input, targetOrgId: NO_ID }) },
      'rectification.submitPlan': { perm: 'rectification.respond', call: () => x.rectification.submitPlan({ ...REF, measures: '完善日志审计措施', responsible: '张三', plannedOn: '2026-12-01' }) },
      'rectification.acceptPlan': { perm: 'rectification.issue', call: () => x.rectification.acceptPlan(REF) },
      'rectification.returnPlan': { perm: 'rectification.issue', call: () => x.rectification.returnPlan({ ...REF, reason: '措施不具体' }) },
      'rectification.progress': { perm: 'rectification.respond', call: () => x.rectification.progress({ ...REF, body: '已完成一半', percent: 50 }) },
      'rectification.requestVerify': { perm: 'rectification.respond', call: () => x.rectification.requestVerify({ ...REF, body: '已整改完成' }) },
      'rectification.acceptVerify': { perm: 'rectification.issue', call: () => x.rectification.acceptVerify(REF) },
      'rectification.returnVerify': { perm: 'rectification.issue', call: () => x.rectification.returnVerify({ ...REF, reason: '证据不足' }) },
      'rectification.cancel': { perm: 'rectification.issue', call: () => x.rectification.cancel({ ...REF, reason: '重复签发' }) },
      'rectification.requestExtension': { perm: 'rectification.respond', call: () => x.rectification.requestExtension({ ...REF, requestedDueOn: '2030-01-01', reason: '设备采购周期长' }) },
      'rectification.decideExtension': { perm: 'rectification.issue', call: () => x.rectification.decideExtension({ ...REF, grant: true }) },
    }), {
      'rectification.read': [c.evaluator, c.developer],
      'rectification.issue': [c.operator, c.jiaotong, c.platform],
      'rectification.respond': [c.province, c.zz, c.jiaotong],
    });
  });
});

describe('the demo seed', () => {
  it('河南数据集团 has orders in progress, closed and waiting for a plan, none past due; 洛阳 has one past due, not yet suspended by the seed', async () => {
    const rows = await h.db.select().from(rectificationOrders).where(eq(rectificationOrders.targetOrgId, k.ids.henan));
    expect(rows.map((r) => r.status).sort()).toEqual(['closed', 'in_progress', 'plan_pending']);
    expect(rows.every((r) => r.status === 'closed' || r.dueAt > new Date())).toBe(true);
    const [ly] = await h.db.select().from(rectificationOrders).where(eq(rectificationOrders.targetOrgId, k.ids.luoyang));
    expect(ly).toMatchObject({ status: 'in_progress', issuedAt: at('2026-09-01T10:00:00'), dueAt: endOfShanghaiDay('2026-10-30'), overdueAt: null });
    expect(await k.suspensionsOf(k.ids.luoyang)).toHaveLength(0);
    const entries = await h.db.select().from(rectificationEntries).where(eq(rectificationEntries.orderId, rows.find((r) => r.status === 'in_progress')!.id));
    expect(entries.map((e) => e.kind)).toEqual(['plan', 'plan_accepted', 'progress']);
  });
});

describe('issue (HN-20)', () => {
  it('numbers orders 豫数整〔YYYY〕N号 in sequence, opens the target\'s task 提交整改方案 with the due time, audits', async () => {
    const a = await c.agency.rectification.issue(k.orderInput({ title: '日志审计整改', deadlineKind: 'working_days', deadlineAmount: 10 }));
    const b = await c.agencyB.rectification.issue(k.orderInput({ title: '访问控制整改' }));
    const year = Number(today().slice(0, 4));
    const n = (no: string) => Number(/〕(\d+)号$/.exec(no)![1]);
    expect(a.no).toMatch(new RegExp(`^豫数整〔${year}〕\\d+号$`));
    expect(n(b.no)).toBe(n(a.no) + 1);
    expect(a).toMatchObject({ status: 'plan_pending', source: 'inspection', article: 'HN-20', issuerOrgId: k.ids.agency, targetOrgId: k.ids.henan, regionCode: '410000', majorRisk: false });
    expect(a.dueAt.getTime()).toBeGreaterThan(Date.now());
    const [task] = await k.tasks('rectification_order', a.id);
    expect(task).toMatchObject({ step: 'plan', assigneeOrgId: k.ids.henan, assigneeRole: 'operator', closedAt: null, basis: 'HN-20' });
    const [d] = await h.db.select().from(deadlines).where(eq(deadlines.id, task.deadlineId!));
    expect(d.dueAt.toISOString()).toBe(a.dueAt.toISOString());
    expect((await c.operator.me.inbox()).some((i) => i.entityId === a.id && i.step === 'plan')).toBe(true);
    expect(await k.audits('rectification_order.issue', a.id)).toHaveLength(1);
  });

  it('numbers stay unique when several issuers issue at once', async () => {
    const made = await Promise.all([c.province, c.provinceB, c.agency, c.zz].map((x, i) =>
      x.rectification.issue(k.orderInput({ title: `并发签发${i}`, targetOrgId: i === 3 ? k.ids.zzOperator : k.ids.henan }))));
    expect(new Set(made.map((m) => m.no)).size).toBe(4);
  });

  it('whom an issuer may order: the province any, a city its region, an agency the operators it has an agreement with; else NOT_FOUND', async () => {
    expect(await errorCode(c.province.rectification.issue(k.orderInput({ targetOrgId: k.ids.luoyang, title: '省级检查' })))).toBe('OK');
    expect(await errorCode(c.zz.rectification.issue(k.orderInput({ targetOrgId: k.ids.zzOperator })))).toBe('OK');
    // 河南数据集团 is a province-level operator: not in 郑州's region
    expect(await errorCode(c.zz.rectification.issue(k.orderInput()))).toBe('NOT_FOUND');
    expect(await errorCode(c.agency.rectification.issue(k.orderInput({ targetOrgId: k.ids.zzOperator })))).toBe('NOT_FOUND');
    expect(await errorCode(c.lyAgency.rectification.issue(k.orderInput()))).toBe('NOT_FOUND');
    expect(await errorCode(c.lyAdmin.rectification.issue(k.orderInput()))).toBe('NOT_FOUND');
    expect(await errorCode(c.province.rectification.issue(k.orderInput({ targetOrgId: NO_ID })))).toBe('NOT_FOUND');
    // an organization that does not answer orders is not a target
    expect(await errorCode(c.province.rectification.issue(k.orderInput({ targetOrgId: k.ids.zz })))).toBe('NOT_FOUND');
    const targets = await c.agency.rectification.targets({});
    expect(targets.map((t) => t.name)).toEqual(['河南数据集团有限公司']);
    expect((await c.zz.rectification.targets({ q: '运营' })).map((t) => t.name)).toEqual(['郑州数据运营有限公司']);
  });

  it('bad input: field errors in Chinese, nothing written', async () => {
    const before = (await h.db.select({ id: rectificationOrders.id }).from(rectificationOrders)).length;
    await expectFieldErrors([
      [() => c.agency.rectification.issue(k.orderInput({ findings: [] })), ['findings']],
      [() => c.agency.rectification.issue(k.orderInput({ article: 'HN-99' })), ['article']],
      [() => c.agency.rectification.issue(k.orderInput({ deadlineAmount: 0 })), ['deadlineAmount']],
      [() => c.agency.rectification.issue(k.orderInput({ deadlineAmount: 366 })), ['deadlineAmount']],
      [() => c.agency.rectification.issue(k.orderInput({ title: ' ', source: 'rumour' as never })), ['title', 'source']],
    ]);
    const f = await failure(c.agency.rectification.issue(k.orderInput({ article: 'HN-99' })));
    expect(f.fieldErrors.article[0]).toMatch(/条款不存在/);
    expect((await h.db.select({ id: rectificationOrders.id }).from(rectificationOrders)).length).toBe(before);
  });

  it('issueOrder (for the evaluation findings) validates the input itself and refuses an organization that does not answer orders', async () => {
    const { actor } = await k.subject('province_b');
    const err = await issueOrder(h.db, actor, k.orderInput({ findings: [] }), new Date()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).details.fieldErrors).toHaveProperty('findings');
    const evalBody = await k.orgId('河南省公共数据授权运营评价专家组');
    const bad = await issueOrder(h.db, actor, k.orderInput({ targetOrgId: evalBody }), new Date()).catch((e: unknown) => e);
    expect((bad as DomainError).details.field).toBe('targetOrgId');
    const ok = await issueOrder(h.db, actor, k.orderInput({ source: 'evaluation', sourceRef: 'finding-1', article: 'HN-22 ¶2' }), new Date());
    expect(ok).toMatchObject({ source: 'evaluation', sourceRef: 'finding-1', issuedBy: actor.id, status: 'plan_pending' });
  });
});

describe('the workflow: plan → progress with evidence → verification', () => {
  it('runs with the inbox tasks of each next actor, party checks, stale versions, and a timeline of every step', async () => {
    const o = await c.agency.rectification.issue(k.orderInput({ title: '完整流程', findings: ['日志缺失', '权限过宽'] }));
    const due = shanghaiDate(o.dueAt);
    // someone out of scope cannot even see it
    expect(await errorCode(c.zzOperator.rectification.submitPlan({ id: o.id, version: o.version, measures: '整改措施说明', responsible: '张三', plannedOn: due }))).toBe('NOT_FOUND');
    // the issuer is not the target (it holds rectification.respond as an implementing agency): a precondition
    const notTarget = await failure(c.agency.rectification.submitPlan({ id: o.id, version: o.version, measures: '整改措施说明', responsible: '张三', plannedOn: due }));
    expect(notTarget.code).toBe('PRECONDITION_FAILED');
    // the plan's completion date must fall by the due day
    const late = await failure(c.operator.rectification.submitPlan({ id: o.id, version: o.version, measures: '整改措施说明', responsible: '张三', plannedOn: addDays(due, 1) }));
    expect(late.fieldErrors).toHaveProperty('plannedOn');
    expect(await errorCode(c.operator.rectification.submitPlan({ id: o.id, version: o.version + 3, measures: '整改措施说明', responsible: '张三', plannedOn: due }))).toBe('CONFLICT');
    await expectFieldErrors([[() => c.operator.rectification.submitPlan({ id: o.id, version: o.version, measures: '', responsible: '', plannedOn: '2026-02-30' }), ['measures', 'responsible', 'plannedOn']]]);

    const p1 = await c.operator.rectification.submitPlan({ id: o.id, version: o.version, measures: '启用日志审计并回收多余权限', responsible: '钱运营', plannedOn: due });
    expect(p1.status).toBe('plan_submitted');
    expect((await c.agency.me.inbox()).some((i) => i.entityId === o.id && i.step === 'review_plan')).toBe(true);
    // the province sees it but did not issue it
    expect((await failure(c.province.rectification.acceptPlan({ id: o.id, version: p1.version }))).code).toBe('PRECONDITION_FAILED');
    await expectFieldErrors([[() => c.agency.rectification.returnPlan({ id: o.id, version: p1.version, reason: '' }), ['reason']]]);
    const r1 = await c.agency.rectification.returnPlan({ id: o.id, version: p1.version, reason: '措施不够具体,请列明时间节点' });
    expect(r1.status).toBe('plan_pending');
    const planTask = (await k.tasks('rectification_order', o.id)).filter((t) => t.step === 'plan' && !t.closedAt);
    expect(planTask).toHaveLength(1);
    const p2 = await c.opB.rectification.submitPlan({ id: o.id, version: r1.version, measures: '第一周启用日志审计,第二周回收多余权限', responsible: '钱运营', plannedOn: due });
    const a = await c.agency.rectification.acceptPlan({ id: o.id, version: p2.version });
    expect(a.status).toBe('in_progress');
    expect((await c.operator.me.inbox()).filter((i) => i.entityId === o.id).map((i) => i.step)).toEqual(['progress']);

    await expectFieldErrors([[() => c.operator.rectification.progress({ id: o.id, version: a.version, body: '进展', percent: 101 }), ['percent']]]);
    expect(await errorCode(c.operator.rectification.progress({ id: o.id, version: a.version - 1, body: '日志审计已启用', percent: 50 }))).toBe('CONFLICT');
    const pr = await c.operator.rectification.progress({ id: o.id, version: a.version, body: '日志审计已启用', percent: 50 });
    expect(pr.version).toBe(a.version + 1);
    // evidence: the target attaches a PDF to its entry; the issuer may read but not add
    const op = await k.subject('operator');
    const file = await uploadAttachment(h.db, op.user, op.actor, { entityType: 'rectification_entry', entityId: pr.entryId, filename: '日志审计截图.pdf', data: PDF });
    expect(file.size).toBe(PDF.length);
    const ag = await k.subject('agency');
    expect((await listAttachments(h.db, ag.user, 'rectification_entry', pr.entryId)).items.map((f) => f.filename)).toEqual(['日志审计截图.pdf']);
    expect((await listAttachments(h.db, ag.user, 'rectification_entry', pr.entryId)).canAdd).toBe(false);
    const zo = await k.subject('zz_operator');
    await expect(listAttachments(h.db, zo.user, 'rectification_entry', pr.entryId)).rejects.toMatchObject({ kind: 'not_found' });

    const v = await c.operator.rectification.requestVerify({ id: o.id, version: pr.version, body: '两项问题均已整改' });
    expect(v.status).toBe('verifying');
    const back = await c.agency.rectification.returnVerify({ id: o.id, version: v.version, reason: '权限回收证明不足' });
    expect(back.status).toBe('in_progress');
    const v2 = await c.operator.rectification.requestVerify({ id: o.id, version: back.version, body: '已补充权限回收清单' });
    const closed = await c.agency.rectification.acceptVerify({ id: o.id, version: v2.version });
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect(await h.db.select().from(inboxItems).where(and(eq(inboxItems.entityType, 'rectification_order'), eq(inboxItems.entityId, o.id), isNull(inboxItems.closedAt)))).toHaveLength(0);
    // closed: no more evidence, no more steps
    expect((await listAttachments(h.db, op.user, 'rectification_entry', pr.entryId)).canAdd).toBe(false);
    expect((await failure(c.operator.rectification.progress({ id: o.id, version: closed.version, body: '补充', percent: 100 }))).code).toBe('PRECONDITION_FAILED');

    const got = await c.operator.rectification.get({ id: o.id });
    expect(got.entries.map((e) => e.kind)).toEqual(['plan', 'plan_returned', 'plan', 'plan_accepted', 'progress', 'verify_request', 'verify_returned', 'verify_request', 'verify_accepted']);
    expect(got.timeline.events.map((e) => e.action)).toEqual([
      'rectification_order.issue', 'rectification_order.submitPlan', 'rectification_order.returnPlan', 'rectification_order.submitPlan',
      'rectification_order.acceptPlan', 'rectification_order.progress', 'attachment.upload', 'rectification_order.requestVerify',
      'rectification_order.returnVerify', 'rectification_order.requestVerify', 'rectification_order.acceptVerify',
    ]);
    expect(got.timeline.files.map((f) => f.filename)).toEqual(['日志审计截图.pdf']);
    expect(got.due.level).toBe('done');
    expect(got.actions).toEqual([]);
  });

  it('progress only while in progress; the issuer cancels an open order with a reason, after which nothing moves', async () => {
    const o = await c.province.rectification.issue(k.orderInput({ title: '撤销测试' }));
    expect((await failure(c.operator.rectification.progress({ id: o.id, version: o.version, body: '进展', percent: 10 }))).code).toBe('PRECONDITION_FAILED');
    await expectFieldErrors([[() => c.province.rectification.cancel({ id: o.id, version: o.version, reason: '' }), ['reason']]]);
    expect((await failure(c.zz.rectification.cancel({ id: o.id, version: o.version, reason: '重复' }))).code).toBe('NOT_FOUND');
    expect(await errorCode(c.province.rectification.cancel({ id: o.id, version: o.version + 1, reason: '重复签发' }))).toBe('CONFLICT');
    const x = await c.province.rectification.cancel({ id: o.id, version: o.version, reason: '重复签发' });
    expect(x.status).toBe('cancelled');
    expect((await failure(c.operator.rectification.submitPlan({ id: o.id, version: x.version, measures: '整改措施说明', responsible: '钱运营', plannedOn: today() }))).code).toBe('PRECONDITION_FAILED');
    const [a] = await k.audits('rectification_order.cancel', o.id);
    expect(a.reason).toBe('重复签发');
  });
});

describe('extensions: the due time moves only by a grant', () => {
  it('request (one at a time, a later date), refuse with a reason (nothing moves), grant (due at the end of that day)', async () => {
    const o = await c.agency.rectification.issue(k.orderInput({ title: '延期测试', deadlineAmount: 20 }));
    const due = shanghaiDate(o.dueAt);
    await expectFieldErrors([
      [() => c.operator.rectification.requestExtension({ id: o.id, version: o.version, requestedDueOn: due, reason: '采购周期长' }), ['requestedDueOn']],
      [() => c.operator.rectification.requestExtension({ id: o.id, version: o.version, requestedDueOn: 'soon', reason: '' }), ['requestedDueOn', 'reason']],
    ]);
    expect(await errorCode(c.operator.rectification.requestExtension({ id: o.id, version: o.version + 1, requestedDueOn: addDays(due, 10), reason: '采购周期长' }))).toBe('CONFLICT');
    expect(await errorCode(c.zzOperator.rectification.requestExtension({ id: o.id, version: o.version, requestedDueOn: addDays(due, 10), reason: '采购周期长' }))).toBe('NOT_FOUND');
    const e1 = await c.operator.rectification.requestExtension({ id: o.id, version: o.version, requestedDueOn: addDays(due, 10), reason: '安全设备采购周期长' });
    expect(e1.status).toBe('pending');
    expect((await failure(c.opB.rectification.requestExtension({ id: o.id, version: await version(o.id), requestedDueOn: addDays(due, 12), reason: '再次申请' }))).code).toBe('PRECONDITION_FAILED');
    expect((await c.agency.me.inbox()).some((i) => i.entityId === o.id && i.step === 'extension')).toBe(true);
    // while it is pending, the plan may run to the requested date
    const p = await c.operator.rectification.submitPlan({ id: o.id, version: await version(o.id), measures: '采购设备后部署', responsible: '钱运营', plannedOn: addDays(due, 8) });
    expect(p.status).toBe('plan_submitted');

    await expectFieldErrors([[() => c.agency.rectification.decideExtension({ id: e1.id, version: e1.version, grant: false }), ['reason']]]);
    expect(await errorCode(c.agency.rectification.decideExtension({ id: e1.id, version: e1.version + 1, grant: false, reason: '理由不充分' }))).toBe('CONFLICT');
    expect(await errorCode(c.zz.rectification.decideExtension({ id: e1.id, version: e1.version, grant: true }))).toBe('NOT_FOUND');
    expect((await failure(c.province.rectification.decideExtension({ id: e1.id, version: e1.version, grant: true }))).code).toBe('PRECONDITION_FAILED');
    const refused = await c.agency.rectification.decideExtension({ id: e1.id, version: e1.version, grant: false, reason: '采购可并行,不予延期' });
    expect(refused.extension.status).toBe('refused');
    expect((await k.order(o.id)).dueAt.toISOString()).toBe(o.dueAt.toISOString());

    const e2 = await c.operator.rectification.requestExtension({ id: o.id, version: await version(o.id), requestedDueOn: addDays(due, 15), reason: '设备到货延迟,附供应商证明' });
    const granted = await c.agency.rectification.decideExtension({ id: e2.id, version: e2.version, grant: true, reason: '同意延期' });
    expect(granted.extension.status).toBe('granted');
    expect(granted.order.dueAt.toISOString()).toBe(endOfShanghaiDay(addDays(due, 15)).toISOString());
    // the target's open task carries the new due time
    const open = (await k.tasks('rectification_order', o.id)).filter((t) => !t.closedAt && t.deadlineId);
    for (const t of open) {
      const [d] = await h.db.select().from(deadlines).where(eq(deadlines.id, t.deadlineId!));
      expect(d.dueAt.toISOString()).toBe(granted.order.dueAt.toISOString());
    }
    expect(await k.audits('rectification_order.extend', o.id)).toHaveLength(1);
    expect(await k.audits('rectification_extension.refuse', e1.id)).toHaveLength(1);
    const got = await c.operator.rectification.get({ id: o.id });
    expect(got.extensions.map((e) => e.status)).toEqual(['granted', 'refused']);
    expect(got.entries.map((e) => e.kind)).toEqual(['extension_request', 'plan', 'extension_refused', 'extension_request', 'extension_granted']);
  });

  it('an order that went overdue and gets a later due date is no longer overdue; overdueAt stays as history, and passing the new date escalates again', async () => {
    // a platform target: overdue orders of a platform suspend nothing (only operators have an authorized operation)
    const { actor } = await k.subject('province_b');
    const issued = at('2026-01-05T10:00:00');
    const o = await issueOrder(h.db, actor, k.orderInput({ targetOrgId: k.ids.platform, title: '平台整改逾期后延期' }), issued);
    const dueAt = endOfShanghaiDay('2026-02-04');
    expect(o.dueAt.toISOString()).toBe(dueAt.toISOString());
    const after = at('2026-02-10T09:00:00');
    await sweepOverdueOrders(h.db, after);
    const flagged = await k.order(o.id);
    expect(flagged.overdueAt?.toISOString()).toBe(after.toISOString());
    expect(await k.suspensionsOf(k.ids.platform)).toHaveLength(0);
    // tomorrow: no other order of this file falls due by then, so the second check below flags only this one
    const later = addDays(today(), 1);
    const e = await c.platform.rectification.requestExtension({ id: o.id, version: flagged.version, requestedDueOn: later, reason: '系统改造需要更长时间' });
    const g = await c.provinceB.rectification.decideExtension({ id: e.id, version: e.version, grant: true });
    expect(g.order.overdueAt?.toISOString()).toBe(after.toISOString());
    const got = await c.platform.rectification.get({ id: o.id });
    expect(got.due.level).not.toBe('overdue');
    expect((await c.province.rectification.list({ view: 'overdue', q: got.no })).items).toHaveLength(0);
    // the check is flagged again once the new due time has passed
    const muchLater = new Date(endOfShanghaiDay(later).getTime() + 1000);
    expect(await sweepOverdueOrders(h.db, muchLater)).toBe(1);
    expect((await k.order(o.id)).overdueAt?.toISOString()).toBe(muchLater.toISOString());
    expect(await k.audits('rectification_order.overdue', o.id)).toHaveLength(2);
  });
});

describe('lists and pages by scope', () => {
  it('the operator sees only orders targeting it; another operator NOT_FOUND; the industry department its industry, read only', async () => {
    const o = await c.province.rectification.issue(k.orderInput({ title: '范围测试' }));
    const mine = await c.operator.rectification.list({ limit: 200 });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((r) => r.targetOrgId === k.ids.henan)).toBe(true);
    expect(mine.items.some((r) => r.id === o.id)).toBe(true);
    expect(await errorCode(c.zzOperator.rectification.get({ id: o.id }))).toBe('NOT_FOUND');
    expect((await c.zzOperator.rectification.list({ limit: 200 })).items.every((r) => r.targetOrgId === k.ids.zzOperator)).toBe(true);
    expect(await errorCode(c.jiaotong.rectification.get({ id: o.id }))).toBe('NOT_FOUND');
    expect(await errorCode(c.lyAdmin.rectification.get({ id: o.id }))).toBe('NOT_FOUND');
    expect(await errorCode(c.lyAgency.rectification.get({ id: o.id }))).toBe('NOT_FOUND');
    // an order to the transport department's information centre (industry 交通运输)
    const jt = await c.province.rectification.issue(k.orderInput({ title: '交通行业实施机构整改', targetOrgId: await k.orgId('河南省交通运输厅信息中心') }));
    expect((await c.jiaotong.rectification.get({ id: jt.id })).title).toBe('交通行业实施机构整改');
    expect((await c.jiaotong.rectification.list({ limit: 200 })).items.map((r) => r.id)).toEqual([jt.id]);
    // 洛阳: its city sees it (region), Zhengzhou does not
    const ly = (await c.lyAdmin.rectification.list({ limit: 200 })).items;
    expect(ly.map((r) => r.targetName)).toContain('洛阳城市数据运营有限公司');
    expect((await c.zz.rectification.list({ limit: 200 })).items.some((r) => r.targetOrgId === k.ids.luoyang)).toBe(false);
  });

  it('filters (status, source, region, 即将到期, 已逾期), search by number / title / target, keyset paging, sort by due time, counts', async () => {
    const soon = await c.province.rectification.issue(k.orderInput({ title: '即将到期的整改', deadlineAmount: 3, source: 'notice', article: 'HN-24' }));
    const all = await c.province.rectification.list({ limit: 200 });
    expect(all.items.find((r) => r.id === soon.id)?.due).toMatchObject({ level: 'due_soon', daysLeft: 3 });
    expect((await c.province.rectification.list({ view: 'due_soon', limit: 200 })).items.map((r) => r.id)).toContain(soon.id);
    const overdue = (await c.province.rectification.list({ view: 'overdue', limit: 200 })).items;
    // the seeded 洛阳 order is past due (and the check has run on this read)
    expect(overdue.some((r) => r.targetOrgId === k.ids.luoyang && r.due.level === 'overdue' && (r.due.overdueDays ?? 0) > 0)).toBe(true);
    expect(overdue.every((r) => r.due.level === 'overdue')).toBe(true);
    expect((await c.province.rectification.list({ source: 'notice', limit: 200 })).items.every((r) => r.source === 'notice')).toBe(true);
    expect((await c.province.rectification.list({ status: 'closed', limit: 200 })).items.every((r) => r.status === 'closed')).toBe(true);
    expect((await c.province.rectification.list({ regionCode: '410300', limit: 200 })).items.every((r) => r.regionCode === '410300')).toBe(true);
    expect((await c.province.rectification.list({ q: soon.no })).items.map((r) => r.id)).toEqual([soon.id]);
    expect((await c.province.rectification.list({ q: '即将到期的' })).items.map((r) => r.id)).toEqual([soon.id]);
    expect((await c.province.rectification.list({ q: '洛阳城市', limit: 200 })).items.every((r) => r.targetOrgId === k.ids.luoyang)).toBe(true);
    const byDue = (await c.province.rectification.list({ sort: 'dueAt', dir: 'asc', limit: 200 })).items.map((r) => r.dueAt.getTime());
    expect(byDue).toEqual([...byDue].sort((x, y) => x - y));
    // keyset paging walks every row once
    const seen: string[] = [];
    let cursor: { v: string | number | null; id: string } | null | undefined;
    do {
      const page = await c.province.rectification.list({ limit: 3, sort: 'no', dir: 'asc', cursor });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(all.items.length);
    const counts = await c.province.rectification.counts();
    expect(counts.all).toBe(all.items.length);
    expect(counts.overdue).toBe(overdue.length);
    expect(counts.dueSoon).toBeGreaterThanOrEqual(1);
  });

  it('the xlsx export carries the filtered list of the caller\'s scope and is audited', async () => {
    const op = await k.subject('operator');
    const res = await exportOrders(h.db, op.actor, op.user, new URLSearchParams({ format: 'csv' }));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('河南数据集团有限公司');
    expect(text).not.toContain('洛阳城市数据运营有限公司');
    const bad = await exportOrders(h.db, op.actor, op.user, new URLSearchParams({ view: 'someday' }));
    expect(bad.status).toBe(400);
    const x = await exportOrders(h.db, op.actor, op.user, new URLSearchParams({ view: 'overdue' }));
    expect(x.headers.get('content-type')).toMatch(/spreadsheetml/);
  });

  it('the order page shows the target\'s 暂停运营 state and the steps the caller may take', async () => {
    const o = await c.province.rectification.issue(k.orderInput({ title: '按钮测试' }));
    expect((await c.operator.rectification.get({ id: o.id })).actions).toEqual(['submitPlan']);
    expect((await c.province.rectification.get({ id: o.id })).actions).toEqual(['cancel']);
    expect((await c.operator.rectification.get({ id: o.id })).can).toEqual({ progress: false, requestExtension: true, decideExtension: false });
    const ly = (await c.province.rectification.list({ q: '洛阳城市', limit: 1 })).items[0];
    expect(ly.suspension).toMatchObject({ basis: 'HN-22 ¶2', issuerName: '河南省行政审批和政务信息管理局' });
    expect(await h.db.select().from(operationSuspensions).where(eq(operationSuspensions.orgId, k.ids.henan))).toHaveLength(0);
    // no stray evidence rows were written by the scope checks
    expect((await h.db.select({ id: attachments.id }).from(attachments).where(eq(attachments.entityType, 'rectification_entry'))).length).toBe(1);
  });
});

describe('orderStep through the service, at fixed dates', () => {
  it('records each step\'s entry at the given time', async () => {
    const { actor, user } = await k.subject('operator');
    const o = await c.province.rectification.issue(k.orderInput({ title: '服务函数' }));
    const when = new Date();
    const r = await orderStep(h.db, actor, user, 'submitPlan', { id: o.id, version: o.version, measures: '整改措施说明', responsible: '钱运营', plannedOn: today() }, when);
    const [e] = await h.db.select().from(rectificationEntries).where(eq(rectificationEntries.id, r.entryId!));
    expect(e).toMatchObject({ kind: 'plan', data: { measures: '整改措施说明', responsible: '钱运营', plannedOn: today() } });
    expect(e.createdAt.toISOString()).toBe(when.toISOString());
  });
});
