import type { Db } from '@/db/client';
import type { AuditActor } from '@/server/domain/audit';
import { parseExportQuery, sendExport, shanghaiText, ZExportFormat, type ExportColumn } from '@/server/domain/export';
import type { IncidentStatus, IncidentType, Severity } from '@/server/domain/incidents';
import type { ScopeSubject } from '@/server/domain/scope';
import { selectIncidents } from './query';
import { ZIncidentFilter } from './schema';
import { SEVERITY_LABEL, STATUS_LABEL, TYPE_LABEL } from './terms';

/** Export of the incident list: the list's filters from the query string, in the caller's scope; audited. */
export const INCIDENTS_EXPORT_MAX = 20_000;

const CLOCK: Record<string, string> = { running: '计时中', due_soon: '即将到期', overdue: '已超时', paused: '已暂停', done: '已确认' };

export async function exportIncidents(db: Db, actor: AuditActor, user: ScopeSubject, params: URLSearchParams): Promise<Response> {
  const q = parseExportQuery(ZIncidentFilter.extend(ZExportFormat.shape), params);
  if ('response' in q) return q.response;
  const { format, ...filter } = q.data;
  const page = await selectIncidents(db, user, filter, { limit: INCIDENTS_EXPORT_MAX }, new Date());
  type Row = (typeof page.items)[number];
  const columns: ExportColumn<Row>[] = [
    { header: '事件名称', width: 36, value: (r) => r.title },
    { header: '涉及系统', width: 24, value: (r) => r.systemName },
    { header: '报告单位', width: 24, value: (r) => r.reporterName },
    { header: '依据', width: 10, value: (r) => (r.regime === 'ID' ? 'ID-12 ¶3' : 'HN-18') },
    { header: '类型', width: 16, value: (r) => TYPE_LABEL[r.type as IncidentType] ?? r.type },
    { header: '定级', width: 8, value: (r) => SEVERITY_LABEL[r.severity as Severity] ?? r.severity },
    { header: '状态', width: 14, value: (r) => STATUS_LABEL[r.status as IncidentStatus] ?? r.status },
    { header: '地区', width: 10, value: (r) => r.regionName },
    { header: '发现时间', width: 20, value: (r) => shanghaiText(r.discoveredAt) },
    { header: '接收单位(已确认/共)', width: 12, value: (r) => `${r.ackCount}/${r.recipientCount}` },
    { header: '最早待确认时限', width: 20, value: (r) => shanghaiText(r.pendingDueAt) },
    { header: '计时', width: 10, value: (r) => (r.clock ? CLOCK[r.clock.status] : '已确认') },
    { header: '迟报', width: 6, value: (r) => r.lateCount },
    { header: '关基运营者', width: 8, value: (r) => (r.cii ? '是' : '否') },
    { header: '总结报告期限', width: 20, value: (r) => shanghaiText(r.summaryDueAt) },
    { header: '总结报告逾期', width: 8, value: (r) => (r.summaryLate || r.summaryClock?.status === 'overdue' ? '是' : '否') },
  ];
  return sendExport(db, actor, { action: 'incident.export', sheet: '安全事件报告', filename: '安全事件报告', format, filter }, columns, page);
}
