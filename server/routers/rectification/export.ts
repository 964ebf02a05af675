import { z } from 'zod';
import type { Db } from '@/db/client';
import type { AuditActor } from '@/server/domain/audit';
import { parseExportQuery, sendExport, shanghaiText, ZExportFormat, type ExportColumn } from '@/server/domain/export';
import { SOURCE_INFO, STATUS_LABEL, type OrderSource, type OrderStatus } from '@/server/domain/rectification';
import type { ScopeSubject } from '@/server/domain/scope';
import { selectCriticisms } from './criticisms';
import { selectOrders } from './orders';
import { ZCriticismFilter, ZOrderFilter, ZSuspensionFilter } from './schema';
import { selectSuspensions } from './suspensions';

/** Exports of the three lists: the list's filters from the query string, in the caller's scope; audited. */
export const RECTIFICATION_EXPORT_MAX = 20_000;

const DUE: Record<string, string> = { running: '未到期', due_soon: '即将到期', overdue: '已逾期', done: '已结束' };
const KIND: Record<string, string> = { calendar_days: '日', working_days: '个工作日' };
const CAUSE: Record<string, string> = { overdue: '逾期未整改到位', major_risk: '重大安全风险', decision: '主管部门决定' };

export async function exportOrders(db: Db, actor: AuditActor, user: ScopeSubject, params: URLSearchParams): Promise<Response> {
  const q = parseExportQuery(ZOrderFilter.extend(ZExportFormat.shape), params);
  if ('response' in q) return q.response;
  const { format, ...filter } = q.data;
  const now = new Date();
  const page = await selectOrders(db, user, filter, { limit: RECTIFICATION_EXPORT_MAX }, now);
  type Row = (typeof page.items)[number];
  const columns: ExportColumn<Row>[] = [
    { header: '整改通知编号', width: 20, value: (r) => r.no },
    { header: '整改事项', width: 30, value: (r) => r.title },
    { header: '来源', width: 14, value: (r) => SOURCE_INFO[r.source as OrderSource]?.label ?? r.source },
    { header: '依据', width: 10, value: (r) => r.article },
    { header: '签发单位', width: 24, value: (r) => r.issuerName },
    { header: '整改对象', width: 24, value: (r) => r.targetName },
    { header: '暂停运营(HN-22 ¶2)', width: 10, value: (r) => (r.suspension ? '是' : '否') },
    { header: '地区代码', width: 10, value: (r) => r.regionCode },
    { header: '发现问题', width: 40, value: (r) => (r.findings as { text: string }[]).map((f, i) => `${i + 1}. ${f.text}`).join('\n') },
    { header: '整改期限', width: 12, value: (r) => `${r.deadlineAmount}${KIND[r.deadlineKind] ?? ''}` },
    { header: '签发时间', width: 20, value: (r) => shanghaiText(r.issuedAt) },
    { header: '截止时间', width: 20, value: (r) => shanghaiText(r.dueAt) },
    { header: '期限状态', width: 10, value: (r) => DUE[r.due.level] },
    { header: '逾期天数', width: 8, value: (r) => r.due.overdueDays },
    { header: '状态', width: 14, value: (r) => STATUS_LABEL[r.status as OrderStatus] ?? r.status },
    { header: '重大安全风险', width: 8, value: (r) => (r.majorRisk ? '是' : '否') },
    { header: '办结时间', width: 20, value: (r) => shanghaiText(r.closedAt) },
  ];
  return sendExport(db, actor, { action: 'rectification_order.export', sheet: '整改通知', filename: '整改通知', format, filter }, columns, page);
}

export async function exportSuspensions(db: Db, actor: AuditActor, user: ScopeSubject, params: URLSearchParams): Promise<Response> {
  const q = parseExportQuery(ZSuspensionFilter.extend({ active: z.stringbool().optional() }).extend(ZExportFormat.shape), params);
  if ('response' in q) return q.response;
  const { format, ...filter } = q.data;
  const page = await selectSuspensions(db, user, filter, { limit: RECTIFICATION_EXPORT_MAX }, new Date());
  type Row = (typeof page.items)[number];
  const columns: ExportColumn<Row>[] = [
    { header: '一级开发主体', width: 26, value: (r) => r.orgName },
    { header: '暂停原因', width: 14, value: (r) => CAUSE[r.cause] ?? r.cause },
    { header: '依据', width: 10, value: (r) => r.basis },
    { header: '说明', width: 40, value: (r) => r.reason },
    { header: '整改通知', width: 20, value: (r) => r.orderNo },
    { header: '作出单位', width: 24, value: (r) => r.issuerName },
    { header: '暂停时间', width: 20, value: (r) => shanghaiText(r.startedAt) },
    { header: '恢复时间', width: 20, value: (r) => shanghaiText(r.resumedAt) },
    { header: '恢复决定人', width: 12, value: (r) => r.resumedByName },
    { header: '恢复理由', width: 30, value: (r) => r.resumeReason },
  ];
  return sendExport(db, actor, { action: 'operation_suspension.export', sheet: '暂停运营', filename: '暂停授权运营记录', format, filter }, columns, page);
}

export async function exportCriticisms(db: Db, actor: AuditActor, user: ScopeSubject, params: URLSearchParams): Promise<Response> {
  const q = parseExportQuery(ZCriticismFilter.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() }).extend(ZExportFormat.shape), params);
  if ('response' in q) return q.response;
  const { format, ...filter } = q.data;
  const page = await selectCriticisms(db, user, filter, { limit: RECTIFICATION_EXPORT_MAX });
  type Row = (typeof page.items)[number];
  const columns: ExportColumn<Row>[] = [
    { header: '被通报单位', width: 26, value: (r) => r.orgName },
    { header: '违规事实', width: 40, value: (r) => r.violation },
    { header: '本级政府同意文号(HN-24)', width: 22, value: (r) => r.approvalRef },
    { header: '政府同意日期', width: 12, value: (r) => r.approvedOn },
    { header: '通报日期', width: 12, value: (r) => r.publishedOn },
    { header: '通报单位', width: 24, value: (r) => r.issuerName },
    { header: '责令整改通知', width: 20, value: (r) => r.orderNo },
  ];
  return sendExport(db, actor, { action: 'criticism.export', sheet: '通报批评', filename: '通报批评', format, filter }, columns, page);
}
