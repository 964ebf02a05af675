import ExcelJS from 'exceljs';
import type { Db } from '@/db/client';
import { appendAudit, type AuditActor } from '@/server/domain/audit';
import { DomainError } from '@/server/domain/errors';
import { GRADE_LABELS } from '@/server/domain/evaluation';
import { fileResponse, sendExport, shanghaiText, XLSX_TYPE, type ExportColumn } from '@/server/domain/export';
import type { CampaignSubject } from './campaign-access';
import { overview, targetReport } from './results';

/**
 * xlsx of a campaign's results (HN-22): the ranking table (owner and province) and one target's
 * report (the manager any target; the target its own, once published). Same scoping and rules as
 * the procedures (results.ts); audited.
 */
const STATUS = (e: unknown) => {
  if (e instanceof DomainError) {
    const status = e.kind === 'not_found' ? 404 : e.kind === 'precondition' ? 412 : e.kind === 'forbidden' ? 403 : 400;
    return Response.json({ error: e.kind.toUpperCase(), message: e.message }, { status });
  }
  throw e;
};
const UUID = /^[0-9a-f-]{36}$/i;
const stamp = () => shanghaiText(new Date())!.slice(0, 10).replaceAll('-', '');
const fixed = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 100) / 100);

export async function exportResultTable(db: Db, actor: AuditActor, user: CampaignSubject, campaignId: string, format: 'xlsx' | 'csv' = 'xlsx'): Promise<Response> {
  if (!UUID.test(campaignId)) return Response.json({ error: 'BAD_REQUEST' }, { status: 400 });
  let o: Awaited<ReturnType<typeof overview>>;
  try {
    o = await overview(db, user, campaignId);
  } catch (e) {
    return STATUS(e);
  }
  type Row = (typeof o.targets)[number];
  const rows = [...o.targets].sort((a, b) => (a.result?.rank ?? 1e9) - (b.result?.rank ?? 1e9) || a.orgName.localeCompare(b.orgName, 'zh-CN'));
  const columns: ExportColumn<Row>[] = [
    { header: '排名', width: 8, value: (r) => r.result?.rank ?? null },
    { header: '评价对象', width: 32, value: (r) => r.orgName },
    { header: '地区', width: 10, value: (r) => r.regionName },
    { header: '总分', width: 10, value: (r) => fixed(r.result?.total) },
    { header: '等次', width: 10, value: (r) => (r.result ? GRADE_LABELS[r.result.grade] : null) },
    { header: '一票否决', width: 10, value: (r) => (r.result ? (r.result.vetoed ? '是' : '否') : null) },
    ...o.dimensions.map((d): ExportColumn<Row> => ({ header: `${d.name}(${d.weight}%)`, width: 16, value: (r) => fixed(r.result?.dimensionScores[d.code]) })),
    { header: '已提交评分专家', width: 14, value: (r) => `${r.evaluators.submitted}/${r.evaluators.clear}` },
    { header: '评分分歧(未认定)', width: 16, value: (r) => `${r.divergent}(${r.unresolved})` },
    { header: '发现问题', width: 10, value: (r) => r.findings },
    { header: '结果状态', width: 10, value: (r) => (r.result?.frozen ? '已确认' : '未确认') },
  ];
  return sendExport(db, actor, {
    action: 'campaign.results_export', sheet: '评价结果', filename: `${o.campaign.name}-评价结果`, format,
    filter: { campaignId, confirmed: !!o.campaign.confirmedAt },
  }, columns, { items: rows, nextCursor: null });
}

export async function exportTargetReport(db: Db, actor: AuditActor, user: CampaignSubject, campaignId: string, targetId: string): Promise<Response> {
  if (!UUID.test(targetId) || !UUID.test(campaignId)) return Response.json({ error: 'BAD_REQUEST' }, { status: 400 });
  let r: Awaited<ReturnType<typeof targetReport>>;
  try {
    r = await targetReport(db, user, targetId);
  } catch (e) {
    return STATUS(e);
  }
  if (r.campaign.id !== campaignId) return Response.json({ error: 'NOT_FOUND' }, { status: 404 });
  const wb = new ExcelJS.Workbook();
  wb.creator = '河南省公共数据授权运营监管平台';
  wb.created = new Date();
  const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  const sheet = (name: string, header: [string, number][]) => {
    const ws = wb.addWorksheet(name);
    ws.columns = header.map(([h, width], i) => ({ header: h, key: String(i), width }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    return ws;
  };
  const res = r.result;
  const summary = sheet('评价结果', [['项目', 18], ['内容', 60]]);
  for (const [k, v] of [
    ['评价活动', r.campaign.name], ['年度', r.campaign.year], ['依据', r.campaign.article], ['评价对象', r.target.orgName], ['地区', r.target.regionName],
    ['总分', fixed(res?.total)], ['等次', res ? GRADE_LABELS[res.grade] : '—'], ['一票否决', res ? (res.vetoed ? `是(${res.vetoItems.join('、')})` : '否') : '—'],
    ...(res?.rank ? [['排名', `${res.rank} / ${res.targetCount}`]] : []),
    ['结果状态', res?.frozen ? '已确认' : '未确认'], ['发布时间', shanghaiText(r.campaign.publishedAt) ?? '未发布'],
  ] as [string, string | number | null][]) summary.addRow([k, typeof v === 'string' ? safe(v) : v]);
  const dims = sheet('维度得分', [['编码', 10], ['维度', 30], ['权重(%)', 10], ['得分(0–100)', 14]]);
  for (const d of r.dimensions) dims.addRow([d.code, safe(d.name), d.weight, d.score]);
  const leaves = sheet('指标得分', [['编码', 14], ['指标', 36], ['满分', 8], ['得分', 8], ['组长认定', 10], ['依据条款', 12], ['一票否决线', 12]]);
  for (const l of r.leaves) leaves.addRow([l.code, safe(l.name), l.maxScore, l.score, l.resolved ? '是' : '', l.article, l.vetoBelow]);
  const findings = sheet('发现问题', [['指标', 14], ['问题', 60], ['重大风险', 10], ['整改通知', 24]]);
  for (const f of r.findings) findings.addRow([f.nodeCode, safe(f.body), f.majorRisk ? '是' : '', f.orderNo ?? '']);
  const comments = sheet('评审意见', [['指标', 14], ['意见(不含专家姓名)', 80]]);
  for (const c of r.comments) comments.addRow([c.nodeCode, safe(c.comment)]);
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  await db.transaction((tx) => appendAudit(tx, actor, {
    action: 'campaign_target.report_export', entityType: 'campaign_target', entityId: targetId, after: { format: 'xlsx', viewer: r.viewer },
  }));
  return fileResponse(body, `${r.target.orgName}-${r.campaign.year}年度评价报告-${stamp()}.xlsx`, XLSX_TYPE);
}
