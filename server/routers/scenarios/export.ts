import { z } from 'zod';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/server/auth/session';
import type { AuditActor } from '@/server/domain/audit';
import { parseExportQuery, sendExport, shanghaiText, ZExportFormat, type ExportColumn } from '@/server/domain/export';
import { today } from './access';
import { selectDisclosures, selectProducts, selectScenarios, selectSelections } from './query';
import { ZDisclosureFilter, ZProductFilter, ZScenarioFilter, ZSelectionFilter } from './schema';
import { LABELS, periodText } from './terms';

/**
 * Exports of the HN-15 / HN-17 lists: the list's own filters from the query string, in the caller's
 * scope, every matching row up to EXPORT_MAX, as xlsx or csv; audited.
 */
const EXPORT_MAX = 20_000;
const label = (labels: Record<string, string>, v: string | null | undefined) => (v ? labels[v] ?? v : null);
const bool = { waiting: z.stringbool().optional() };

/** Parse the list's filters from the query string (400 naming the field), read every row, send the file (audited). */
async function listExport<S extends z.ZodObject, R>(
  db: Db, actor: AuditActor, params: URLSearchParams, filterSchema: S,
  rows: (filter: z.infer<S>) => Promise<{ items: R[]; nextCursor: unknown }>,
  what: { action: string; name: string },
  columns: ExportColumn<R>[],
): Promise<Response> {
  const q = parseExportQuery(filterSchema.extend(ZExportFormat.shape), params);
  if ('response' in q) return q.response;
  const { format, ...filter } = q.data as z.infer<S> & { format: 'xlsx' | 'csv' };
  const page = await rows(filter as z.infer<S>);
  return sendExport(db, actor, { action: what.action, sheet: what.name, filename: what.name, format, filter }, columns, page);
}

export function exportScenarios(db: Db, actor: AuditActor, user: SessionUser, params: URLSearchParams): Promise<Response> {
  return listExport(db, actor, params, ZScenarioFilter.extend(bool), (f) => selectScenarios(db, user, f, { limit: EXPORT_MAX }), { action: 'scenario_application.export', name: '应用场景申请' }, [
    { header: '场景名称', width: 30, value: (r) => r.name },
    { header: '状态', width: 16, value: (r) => label(LABELS.scenarioStatus, r.status) },
    { header: '合规审核(HN-15 ¶2)', width: 18, value: (r) => (r.latestRound ? `第 ${r.latestRound.round} 轮 ${label(LABELS.reviewStatus, r.latestRound.status)}` : null) },
    { header: '产品登记', width: 20, value: (r) => r.latestProduct?.registrationNo ?? label(LABELS.productStatus, r.latestProduct?.status) },
    { header: '产品和服务形式', width: 14, value: (r) => label(LABELS.productForm, r.productForm) },
    { header: '用途类别(HN-12(6))', width: 20, value: (r) => label(LABELS.useCategory, r.useCategory) },
    { header: '所需数据(项)', width: 10, value: (r) => r.resourceCount },
    { header: '一级开发主体', width: 26, value: (r) => r.operatorName },
    { header: '实施机构', width: 26, value: (r) => r.agencyName },
    { header: '运营协议', width: 36, value: (r) => r.agreementName },
    { header: '办理期限', width: 20, value: (r) => shanghaiText(r.due?.dueAt) },
    { header: '更新时间', width: 20, value: (r) => shanghaiText(r.updatedAt) },
  ]);
}

export function exportProducts(db: Db, actor: AuditActor, user: SessionUser, params: URLSearchParams): Promise<Response> {
  return listExport(db, actor, params, ZProductFilter.extend(bool), (f) => selectProducts(db, user, f, { limit: EXPORT_MAX }, today()), { action: 'data_product.export', name: '产品和服务' }, [
    { header: '登记编号', width: 20, value: (r) => r.registrationNo },
    { header: '产品和服务名称', width: 30, value: (r) => r.name },
    { header: '状态', width: 10, value: (r) => label(LABELS.productPhase, r.phase) },
    { header: '产品和服务形式', width: 14, value: (r) => label(LABELS.productForm, r.productForm) },
    { header: '用途类别', width: 20, value: (r) => label(LABELS.useCategory, r.useCategory) },
    { header: '定价方式(HN-15 ¶2、HN-21 ¶3)', width: 16, value: (r) => label(LABELS.pricingBasis, r.pricingBasis) },
    { header: '价格说明', width: 30, value: (r) => r.priceNote },
    { header: '一级开发主体', width: 26, value: (r) => r.operatorName },
    { header: '实施机构', width: 26, value: (r) => r.agencyName },
    { header: '应用场景', width: 30, value: (r) => r.scenarioName },
    { header: '公示期', width: 24, value: (r) => (r.noticeStartsOn ? `${r.noticeStartsOn} 至 ${r.noticeEndsOn}` : null) },
    { header: '生效日期', width: 12, value: (r) => r.effectiveOn },
    { header: '申请时间', width: 20, value: (r) => shanghaiText(r.createdAt) },
  ]);
}

export function exportSelections(db: Db, actor: AuditActor, user: SessionUser, params: URLSearchParams): Promise<Response> {
  return listExport(db, actor, params, ZSelectionFilter.extend(bool), (f) => selectSelections(db, user, f, { limit: EXPORT_MAX }), { action: 'developer_selection.export', name: '二级开发主体' }, [
    { header: '二级开发主体', width: 26, value: (r) => r.developerName },
    { header: '产品和服务', width: 30, value: (r) => r.productName },
    { header: '登记编号', width: 20, value: (r) => r.registrationNo },
    { header: '状态', width: 14, value: (r) => label(LABELS.selectionStatus, r.status) },
    { header: '一级开发主体', width: 26, value: (r) => r.operatorName },
    { header: '实施机构', width: 26, value: (r) => r.agencyName },
    { header: '应用协议期限', width: 24, value: (r) => (r.agreement ? `${r.agreement.startsOn} 至 ${r.agreement.endsOn}` : null) },
    { header: '办理期限', width: 20, value: (r) => shanghaiText(r.due?.dueAt) },
    { header: '更新时间', width: 20, value: (r) => shanghaiText(r.updatedAt) },
  ]);
}

export function exportDisclosures(db: Db, actor: AuditActor, user: SessionUser, params: URLSearchParams): Promise<Response> {
  return listExport(db, actor, params, ZDisclosureFilter, (f) => selectDisclosures(db, user, f, { limit: EXPORT_MAX }), { action: 'usage_disclosure.export', name: '使用情况披露' }, [
    { header: '披露期间', width: 16, value: (r) => periodText(r.period) },
    { header: '标题', width: 36, value: (r) => r.title },
    { header: '一级开发主体', width: 26, value: (r) => r.operatorName },
    { header: '状态', width: 10, value: (r) => (r.status === 'published' ? '已发布' : '草稿') },
    { header: '发布时间', width: 20, value: (r) => shanghaiText(r.publishedAt) },
    { header: '内容', width: 60, value: (r) => r.body },
  ]);
}
