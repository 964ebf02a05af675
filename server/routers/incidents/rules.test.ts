import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlines, inboxItems, incidents } from '@/db/schema';
import { INCIDENT_TYPES, SEVERITIES, type IncidentType, type Severity } from '@/server/domain/incidents';
import type { TestDb } from '@/server/test/harness';
import { factsFor } from '@/server/routers/evaluation/facts';
import { incidentFacts } from './facts';
import { endHandling, followUp } from './incidents';
import { incidentStats, selectIncidents } from './query';
import { at, openKit } from './test-kit';

/**
 * The rules of incident reporting against a real seeded database, through the service functions at
 * fixed times: recipients mapped to real organizations for every regime / type / grade, the clocks in
 * clock hours from the discovery (CII 1 h), late reporting, recipients added by a regrade, the 30-day
 * closing summary.
 */
let h: TestDb;
let kit: Awaited<ReturnType<typeof openKit>>;

beforeAll(async () => {
  kit = await openKit();
  h = kit.h;
});
afterAll(() => h.close());

const byKind = (rs: { kind: string; org: string }[]) => Object.fromEntries(rs.map((r) => [r.kind, r.org]));

describe('recipients mapped to real organizations, for every regime, type and grade', () => {
  it('HN-18 (an operator): the agreement\'s agency, the agency\'s level authority; 网信 by the rules; never typed by hand', async () => {
    for (const type of INCIDENT_TYPES) {
      for (const severity of SEVERITIES) {
        const extra = type === 'relationship_risk' ? { processingNotStopped: true } : {};
        const r = await kit.reportAt('op_b', at('2026-03-02T09:00:00'), { type, severity, ...extra });
        const got = byKind(await kit.recipientsOf(r.id));
        const dataIncident = ['loss', 'leakage', 'tampering', 'destruction'].includes(type);
        const expected: Record<string, string> = {
          agency: '郑州市大数据发展中心',
          authority: '郑州市行政审批和政务信息管理局',
        };
        // no 郑州 网信 office in the console: the same-level 网信 falls back to the provincial office
        if (dataIncident && (severity === 'major' || severity === 'critical')) expected.cyberspace_same_level = '河南省委网络安全和信息化委员会办公室';
        if (severity !== 'general') expected.cyberspace_province = '河南省委网络安全和信息化委员会办公室';
        expect(got, `${type}/${severity}`).toEqual(expected);
        expect(r).toMatchObject({ regime: 'HN', regionCode: '410100', cii: true });
      }
    }
  });

  it('a suspected crime adds the 公安 regulator; a provincial agency reports to the province\'s authority', async () => {
    const r = await kit.reportAt('op_b', at('2026-03-02T09:00:00'), { type: 'tampering', severity: 'general', crimeSuspected: true });
    expect(byKind(await kit.recipientsOf(r.id))).toEqual({
      agency: '郑州市大数据发展中心', authority: '郑州市行政审批和政务信息管理局', police: '河南省公安厅网络安全保卫总队',
    });
    // an implementing agency reports its own incident: no report to itself, its level's authority receives
    const a = await kit.reportAt('agency', at('2026-03-02T09:00:00'), { type: 'availability', severity: 'general' });
    expect(byKind(await kit.recipientsOf(a.id))).toEqual({ authority: '郑州市行政审批和政务信息管理局' });
    expect(a).toMatchObject({ regime: 'HN', agreementId: null });
  });

  it('ID-12 ¶3 (a platform): the competent departments — 公安 and the provincial 网信 office — never the public-data authority', async () => {
    for (const severity of SEVERITIES as readonly Severity[]) {
      const r = await kit.reportAt('platform', at('2026-03-02T09:00:00'), { type: 'leakage' as IncidentType, severity });
      const rs = await kit.recipientsOf(r.id);
      expect(byKind(rs), severity).toEqual({ police: '河南省公安厅网络安全保卫总队', cyberspace_province: '河南省委网络安全和信息化委员会办公室' });
      expect(rs.every((x) => x.basis === 'ID-12.3')).toBe(true);
      expect(r).toMatchObject({ regime: 'ID', authorityOrgId: null, agencyOrgId: null });
    }
  });
});

describe('clocks in clock hours from the discovery, whatever the calendar', () => {
  it('a 较大 incident discovered at 22:30 is due 02:30 the next day (国庆 holiday); each recipient\'s task carries that clock', async () => {
    const r = await kit.reportAt('agency', at('2026-09-30T22:30:00'), { severity: 'large', type: 'availability' });
    const rs = await kit.recipientsOf(r.id);
    expect(rs.map((x) => x.kind).sort()).toEqual(['authority', 'cyberspace_province']);
    for (const x of rs) {
      expect(x.hours).toBe(4);
      expect(x.dueAt.toISOString()).toBe(at('2026-10-01T02:30:00').toISOString());
      expect(x.late).toBe(false);
    }
    const tasks = await h.db.select({ step: inboxItems.step, role: inboxItems.assigneeRole, dueAt: deadlines.dueAt, kind: deadlines.kind, amount: deadlines.amount })
      .from(inboxItems).innerJoin(deadlines, eq(deadlines.id, inboxItems.deadlineId))
      .where(and(eq(inboxItems.entityType, 'incident'), eq(inboxItems.entityId, r.id)));
    expect(tasks.map((t) => t.step).sort()).toEqual(['ack_authority', 'ack_cyberspace_province']);
    expect(tasks.find((t) => t.step === 'ack_authority')).toMatchObject({ role: 'municipal_admin', kind: 'hours', amount: 4 });
    expect(tasks.find((t) => t.step === 'ack_cyberspace_province')).toMatchObject({ role: 'regulator' });
    expect(tasks.every((t) => t.dueAt.toISOString() === at('2026-10-01T02:30:00').toISOString())).toBe(true);
  });

  it('a critical information infrastructure operator\'s is due at 23:30; a 一般 incident has the 24 h "promptly" target', async () => {
    const r = await kit.reportAt('op_b', at('2026-09-30T22:30:00'), { severity: 'large' });
    for (const x of await kit.recipientsOf(r.id)) expect(x.dueAt.toISOString()).toBe(at('2026-09-30T23:30:00').toISOString());
    const g = await kit.reportAt('op_b', at('2026-09-30T22:30:00'), { severity: 'general' });
    for (const x of await kit.recipientsOf(g.id)) expect([x.hours, x.dueAt.toISOString()]).toEqual([24, at('2026-10-01T22:30:00').toISOString()]);
  });

  it('a report made after the clock ran out is late reporting (迟报), counted for the evaluations', async () => {
    const before = await incidentFacts(h.db, await kit.orgId('郑州数据运营有限公司'), 2026);
    expect(before.find((f) => f.label.startsWith('迟报'))?.value).toBe(0);
    const r = await kit.reportAt('op_b', at('2026-05-10T22:30:00'), { severity: 'large' }, at('2026-05-11T00:00:00'));
    const rs = await kit.recipientsOf(r.id);
    expect(rs.length).toBe(3);
    expect(rs.every((x) => x.late)).toBe(true);
    const ontime = await kit.reportAt('op_b', at('2026-05-10T22:30:00'), { severity: 'large' }, at('2026-05-10T23:29:00'));
    expect((await kit.recipientsOf(ontime.id)).some((x) => x.late)).toBe(false);
    const facts = await incidentFacts(h.db, await kit.orgId('河南数据集团有限公司'), 2026, at('2026-05-11T00:00:00'));
    const late = facts.find((f) => f.label.startsWith('迟报'))!;
    expect(late.value).toBeGreaterThanOrEqual(1);
    expect(late.tone).toBe('bad');
    expect(late.href).toBe('/incidents?view=late');
    // the annual evaluation pre-fills the same facts on the leaves with fact key incidents_reported (HN-22 ¶2)
    const prefilled = await factsFor(h.db, await kit.orgId('河南数据集团有限公司'), 2026, at('2026-05-11T00:00:00'));
    expect(prefilled.incidents_reported.find((f) => f.code === 'incidentsLate')?.value).toBe(late.value);
  });

  it('raising 较大 → 重大 adds the same-level 网信 with its own clock from the discovery; a regrade after that clock is late; none is removed', async () => {
    const r = await kit.reportAt('agency', at('2026-04-01T08:00:00'), { severity: 'large' });
    expect((await kit.recipientsOf(r.id)).map((x) => x.kind).sort()).toEqual(['authority', 'cyberspace_province']);
    const { actor, user } = await kit.subject('agency');
    const up = await followUp(h.db, actor, user, {
      id: r.id, version: r.version, body: '泄露范围扩大,涉及 1200 万人个人信息', severity: 'major', severityReason: '涉及个人信息超过 1000 万人', personalInfoPeople: 12_000_000,
    }, at('2026-04-01T13:00:00'));
    expect(up).toMatchObject({ severity: 'major', status: 'handling' });
    const rs = await kit.recipientsOf(r.id);
    expect(rs.map((x) => x.kind).sort()).toEqual(['authority', 'cyberspace_province', 'cyberspace_same_level']);
    const added = rs.find((x) => x.kind === 'cyberspace_same_level')!;
    expect(added.dueAt.toISOString()).toBe(at('2026-04-01T12:00:00').toISOString());
    expect(added.addedAt.toISOString()).toBe(at('2026-04-01T13:00:00').toISOString());
    expect(added.late).toBe(true);
    // the recipients reached by the initial report keep their clock and their on-time report
    expect(rs.filter((x) => x.kind !== 'cyberspace_same_level').every((x) => !x.late && x.dueAt.toISOString() === at('2026-04-01T12:00:00').toISOString())).toBe(true);
    // lowering the grade again removes nobody
    const down = await followUp(h.db, actor, user, {
      id: r.id, version: up.version, body: '经核实实际涉及 50 万人', severity: 'large', severityReason: '核实后涉及个人信息不足 100 万人', personalInfoPeople: 500_000,
    }, at('2026-04-01T14:00:00'));
    expect(down.severity).toBe('large');
    expect((await kit.recipientsOf(down.id)).length).toBe(3);
  });
});

describe('the closing summary: within 30 days after handling ends', () => {
  it('handling ended 2026-10-02 10:00 → due 2026-11-01 10:00; overdue once past it, in the list view and the counters', async () => {
    const r = await kit.reportAt('agency', at('2026-09-20T08:00:00'), { severity: 'general', type: 'availability' });
    const { actor, user } = await kit.subject('agency');
    const ended = await endHandling(h.db, actor, user, { id: r.id, version: r.version, endedAt: at('2026-10-02T10:00:00'), body: '服务已恢复' }, at('2026-10-02T10:05:00'));
    expect(ended.status).toBe('handling_ended');
    expect(ended.summaryDueAt?.toISOString()).toBe(at('2026-11-01T10:00:00').toISOString());
    const [task] = await h.db.select({ dueAt: deadlines.dueAt, step: inboxItems.step }).from(inboxItems).innerJoin(deadlines, eq(deadlines.id, inboxItems.deadlineId))
      .where(and(eq(inboxItems.entityType, 'incident'), eq(inboxItems.entityId, r.id), eq(inboxItems.step, 'summary')));
    expect(task.dueAt.toISOString()).toBe(at('2026-11-01T10:00:00').toISOString());
    const filter = { view: 'summary_overdue' as const, sort: 'discoveredAt' as const, dir: 'desc' as const };
    const onTime = await selectIncidents(h.db, user, filter, { limit: 200 }, at('2026-11-01T09:59:00'));
    expect(onTime.items.some((i) => i.id === r.id)).toBe(false);
    const late = await selectIncidents(h.db, user, filter, { limit: 200 }, at('2026-11-01T10:01:00'));
    const row = late.items.find((i) => i.id === r.id)!;
    expect(row.summaryClock?.status).toBe('overdue');
    const stats = await incidentStats(h.db, user, { view: 'all', months: 12 }, at('2026-11-01T10:01:00'));
    expect(stats.totals.summaryOverdue).toBeGreaterThanOrEqual(1);
  });
});

describe('charts: SQL aggregation per month (Asia/Shanghai) and grade', () => {
  it('every month of the window, zeros included; an incident discovered 2026-02-28 23:30 Shanghai counts in February', async () => {
    const r = await kit.reportAt('op_b', at('2026-02-28T23:30:00'), { severity: 'critical' });
    const { user } = await kit.subject('op_b');
    const s = await incidentStats(h.db, user, { view: 'mine', months: 3 }, at('2026-03-15T12:00:00'));
    expect(s.months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(s.months[1].critical).toBeGreaterThanOrEqual(1);
    expect(s.months[0]).toEqual({ month: '2026-01', general: 0, large: 0, major: 0, critical: 0 });
    expect(s.byType.find((t) => t.type === 'leakage')?.n).toBeGreaterThan(0);
    const [row] = await h.db.select({ id: incidents.id }).from(incidents).where(eq(incidents.id, r.id));
    expect(row.id).toBe(r.id);
  });
});

describe('the demo seed', () => {
  it('has a closed leakage reported late (迟报), an open tampering acknowledged by the agency, and a platform incident awaiting its summary', async () => {
    const { user } = await kit.subject('province');
    const all = await selectIncidents(h.db, user, { view: 'all', sort: 'discoveredAt', dir: 'asc' }, { limit: 200 }, new Date());
    const closed = all.items.find((i) => i.title === '企业信用画像接口数据泄露')!;
    expect(closed).toMatchObject({ status: 'closed', lateCount: 3, ackCount: 3, recipientCount: 3, summaryLate: false });
    const open = all.items.find((i) => i.title === '运营平台数据篡改')!;
    expect(open).toMatchObject({ status: 'reported', ackCount: 1, recipientCount: 3, lateCount: 0 });
    const id = all.items.find((i) => i.title === '网号网证核验服务中断')!;
    expect(id).toMatchObject({ status: 'handling_ended', regime: 'ID' });
    expect(id.summaryClock?.status).toBe('running');
  });
});
