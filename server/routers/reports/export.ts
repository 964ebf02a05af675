import { z } from 'zod';
import type { Db } from '@/db/client';
import type { AuditActor } from '@/server/domain/audit';
import { parseExportQuery, sendExport, shanghaiText, ZExportFormat, type ExportColumn } from '@/server/domain/export';
import type { ScopeSubject } from '@/server/domain/scope';
import { periodLabel } from './periods';
import { selectQuality } from './quality';
import { reportPolicy } from './report';
import { selectPeriods } from './report-query';
import { ZQualityFilter, ZReportFilter } from './schema';

/** Exports of the two lists: the list's filters from the query string, in the caller's scope; audited. */
export const REPORTS_EXPORT_MAX = 20_000;

const QUALITY_STATUS: Record<string, string> = { open: '待答复', clarifying: '待补充说明', answered: '已答复', closed: '已关闭', withdrawn: '已撤回' };
const SUBJECT: Record<string, string> = { item: '数据项', description: '资源描述', sample: '样例数据' };
const CLOCK: Record<string, string> = { running: '计时中', due_soon: '即将到期', overdue: '已超期', paused: '已暂停', done: '已结束' };
const STATE: Record<string, string> = { submitted: '已报送', late: '迟报', missing: '缺报', pending: '待报送', draft: '草稿' };

export async function exportQuality(db: Db, actor: AuditActor, user: ScopeSubject, params: URLSearchParams): Promise<Response> {
  const q = parseExportQuery(ZQualityFilter.extend({ overdue: z.stringbool().optional(), late: z.stringbool().optional() }).extend(ZExportFormat.shape), params);
  if ('response' in q) return q.response;
  const { format, ...filter } = q.data;
  const page = await selectQuality(db, user, filter, { limit: REPORTS_EXPORT_MAX }, new Date());
  type Row = (typeof page.items)[number];
  const columns: ExportColumn<Row>[] = [
    { header: '资源代码', width: 20, value: (r) => r.resourceCode },
    { header: '资源名称', width: 24, value: (r) => r.resourceName },
    { header: '问题类型', width: 10, value: (r) => SUBJECT[r.subject] ?? r.subject },
    { header: '数据项', width: 16, value: (r) => r.itemName },
    { header: '问题描述', width: 40, value: (r) => r.description },
    { header: '提出单位', width: 24, value: (r) => r.operatorName },
    { header: '数据提供单位', width: 24, value: (r) => r.providerName },
    { header: '状态', width: 10, value: (r) => QUALITY_STATUS[r.status] ?? r.status },
    { header: '答复期限(HN-16)', width: 20, value: (r) => shanghaiText(r.dueAt) },
    { header: '计时', width: 10, value: (r) => (r.clock ? CLOCK[r.clock.status] : null) },
    { header: '超期答复', width: 8, value: (r) => (r.late ? '是' : '否') },
    { header: '提出时间', width: 20, value: (r) => shanghaiText(r.createdAt) },
    { header: '答复时间', width: 20, value: (r) => shanghaiText(r.answeredAt) },
  ];
  return sendExport(db, actor, { action: 'quality_request.export', sheet: '数据校核需求', filename: '数据校核需求', format, filter }, columns, page);
}

export async function exportReports(db: Db, actor: AuditActor, user: ScopeSubject, params: URLSearchParams): Promise<Response> {
  const q = parseExportQuery(ZReportFilter.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() }).extend(ZExportFormat.shape), params);
  if ('response' in q) return q.response;
  const { format, ...filter } = q.data;
  const { quarterlyDueDays } = await reportPolicy(db);
  const page = await selectPeriods(db, user, filter, { limit: REPORTS_EXPORT_MAX }, new Date(), quarterlyDueDays);
  type Row = (typeof page.items)[number];
  const columns: ExportColumn<Row>[] = [
    { header: '运营协议', width: 36, value: (r) => r.agreementName },
    { header: '一级开发主体', width: 24, value: (r) => r.operatorName },
    { header: '实施机构', width: 24, value: (r) => r.agencyName },
    { header: '报告类型', width: 10, value: (r) => (r.kind === 'annual' ? '年度总结' : '季度报告') },
    { header: '报告期', width: 16, value: (r) => periodLabel(r) },
    { header: '报送期限(HN-22 ¶3)', width: 14, value: (r) => r.dueOn },
    { header: '报送情况', width: 10, value: (r) => STATE[r.state] ?? r.state },
    { header: '报送时间', width: 20, value: (r) => shanghaiText(r.submittedAt) },
    { header: '版本', width: 6, value: (r) => (r.lastVersionNo ? `v${r.lastVersionNo}` : null) },
  ];
  return sendExport(db, actor, { action: 'periodic_report.export', sheet: '运营报告', filename: '运营报告报送情况', format, filter }, columns, page);
}
