import { z } from 'zod';
import type { Db } from '@/db/client';
import type { AuditActor } from '@/server/domain/audit';
import { shanghaiDate } from '@/server/domain/deadlines';
import { parseExportQuery, sendExport, shanghaiText, ZExportFormat, type ExportColumn } from '@/server/domain/export';
import type { ScopeSubject } from '@/server/domain/scope';
import { LABELS } from './import';
import { selectConflicts, selectRegistrations, selectResources } from './query';
import { ZConflictFilter, ZRegistrationFilter, ZResourceFilter } from './schema';

/**
 * Exports of the catalog and registration lists: the list's own filters from the query string, in
 * the caller's scope, every matching row up to EXPORT_MAX, as xlsx or csv; audited.
 */
export const CATALOG_EXPORT_MAX = 20_000;

const label = <K extends string>(labels: Record<K, string>, v: string) => labels[v as K] ?? v;
const STATUS: Record<string, string> = { draft: '草稿', pending: '待审核', published: '已发布', disabled: '已停用' };
const PHASE: Record<string, string> = { submitted: '待审核', in_notice: '公示中', effective: '已生效', rejected: '不予登记', withdrawn: '已撤回' };
const KIND: Record<string, string> = { initial: '首次登记', change: '变更登记', correction: '更正登记', cancel: '注销登记' };

export async function exportResources(db: Db, actor: AuditActor, user: ScopeSubject, params: URLSearchParams): Promise<Response> {
  const q = parseExportQuery(ZResourceFilter.extend({ mine: z.stringbool().optional() }).extend(ZExportFormat.shape), params);
  if ('response' in q) return q.response;
  const { format, ...filter } = q.data;
  const page = await selectResources(db, user, filter, { limit: CATALOG_EXPORT_MAX }, shanghaiDate(new Date()));
  type Row = (typeof page.items)[number];
  const columns: ExportColumn<Row>[] = [
    { header: '资源代码', width: 22, value: (r) => r.code },
    { header: '资源名称', width: 30, value: (r) => r.name },
    { header: '目录编制单位', width: 28, value: (r) => r.ownerName },
    { header: '行政区划', width: 14, value: (r) => r.regionName },
    { header: '数据提供单位', width: 28, value: (r) => r.providerName },
    { header: '资源格式', width: 12, value: (r) => label(LABELS.format, r.format) },
    { header: '更新周期', width: 10, value: (r) => label(LABELS.updateCycle, r.updateCycle) },
    { header: '共享类型', width: 12, value: (r) => label(LABELS.shareType, r.shareType) },
    { header: '开放类型', width: 12, value: (r) => label(LABELS.openType, r.openType) },
    { header: '数据分级', width: 8, value: (r) => label(LABELS.grade, r.grade) },
    { header: '数据项数', width: 8, value: (r) => r.itemCount },
    { header: '状态', width: 10, value: (r) => STATUS[r.status] ?? r.status },
    { header: '在用版本', width: 8, value: (r) => (r.publishedVersionNo ? `v${r.publishedVersionNo}` : null) },
    { header: '可否投入运营(HN-10)', width: 30, value: (r) => (r.operability.operable ? `可以(${r.operability.registrationNo})` : r.operability.message) },
    { header: '更新时间', width: 20, value: (r) => shanghaiText(r.updatedAt) },
  ];
  return sendExport(db, actor, { action: 'catalog_resource.export', sheet: '数据资源目录', filename: '数据资源目录', format, filter }, columns, page);
}

export async function exportRegistrations(db: Db, actor: AuditActor, user: ScopeSubject, params: URLSearchParams): Promise<Response> {
  const q = parseExportQuery(ZRegistrationFilter.extend(ZExportFormat.shape), params);
  if ('response' in q) return q.response;
  const { format, ...filter } = q.data;
  const page = await selectRegistrations(db, user, filter, { limit: CATALOG_EXPORT_MAX }, shanghaiDate(new Date()));
  type Row = (typeof page.items)[number];
  const columns: ExportColumn<Row>[] = [
    { header: '登记编号', width: 20, value: (r) => r.registrationNo },
    { header: '资源代码', width: 22, value: (r) => r.resourceCode },
    { header: '资源名称', width: 30, value: (r) => r.resourceName },
    { header: '申请单位', width: 28, value: (r) => r.applicantName },
    { header: '行政区划', width: 14, value: (r) => r.regionName },
    { header: '登记类型', width: 10, value: (r) => KIND[r.kind] ?? r.kind },
    { header: '状态', width: 10, value: (r) => PHASE[r.phase] ?? r.phase },
    { header: '资产权属单位', width: 24, value: (r) => (r.notAsset ? '不形成资产' : r.assetOwner) },
    { header: '账面价值(元)', width: 14, value: (r) => (r.bookValue === null ? null : Number(r.bookValue)) },
    { header: '公示期', width: 24, value: (r) => (r.noticeStartsOn ? `${r.noticeStartsOn} 至 ${r.noticeEndsOn}` : null) },
    { header: '生效日期', width: 12, value: (r) => r.effectiveOn },
    { header: '申请时间', width: 20, value: (r) => shanghaiText(r.createdAt) },
  ];
  return sendExport(db, actor, { action: 'catalog_registration.export', sheet: '资源登记', filename: '资源登记', format, filter }, columns, page);
}

export async function exportConflicts(db: Db, actor: AuditActor, params: URLSearchParams): Promise<Response> {
  const q = parseExportQuery(ZConflictFilter.extend({ unresolved: z.stringbool().optional() }).extend(ZExportFormat.shape), params);
  if ('response' in q) return q.response;
  const { format, ...filter } = q.data;
  const page = await selectConflicts(db, filter, { limit: CATALOG_EXPORT_MAX });
  type Row = (typeof page.items)[number];
  const columns: ExportColumn<Row>[] = [
    { header: '数据项', width: 24, value: (r) => r.itemName },
    { header: '字段编码', width: 16, value: (r) => r.fieldCode },
    { header: '资源代码', width: 22, value: (r) => r.resourceCode },
    { header: '资源名称', width: 28, value: (r) => r.resourceName },
    { header: '提供单位', width: 26, value: (r) => r.providerName },
    { header: '重复的数据项', width: 24, value: (r) => r.otherItemName },
    { header: '其资源', width: 30, value: (r) => `${r.otherResourceCode} ${r.otherResourceName}` },
    { header: '其提供单位', width: 26, value: (r) => r.otherProviderName },
    { header: '处理(HN-9 一数一源)', width: 16, value: (r) => (r.resolution === 'link' ? '关联权威来源' : r.resolution === 'second' ? '第二来源' : '未处理') },
    { header: '第二来源理由', width: 36, value: (r) => r.justification },
  ];
  return sendExport(db, actor, { action: 'catalog_conflict.export', sheet: '一数一源冲突', filename: '一数一源冲突', format, filter }, columns, page);
}
