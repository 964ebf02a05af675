import { z } from 'zod';
import type { Db } from '@/db/client';
import type { AuditActor } from '@/server/domain/audit';
import { shanghaiDate } from '@/server/domain/deadlines';
import { parseExportQuery, sendExport, shanghaiText, ZExportFormat, type ExportColumn } from '@/server/domain/export';
import type { ScopeSubject } from '@/server/domain/scope';
import { selectAgreements, selectPlans } from './query';
import { ZAgreementFilter, ZPlanFilter } from './schema';

/**
 * Exports of the plan and agreement lists: the list's own filters from the query string, in the
 * caller's scope, every matching row up to FILINGS_EXPORT_MAX, as xlsx or csv; audited.
 */
export const FILINGS_EXPORT_MAX = 20_000;

const PLAN_STATUS: Record<string, string> = { draft: '草稿', filing: '备案中', returned: '已退回', filed: '已备案', effective: '已生效(省级,无需备案)' };
const AGREEMENT_STATUS: Record<string, string> = { draft: '草稿', filing: '备案中', returned: '已退回', filed: '已备案', ended: '已终止' };
const EXCEPTION: Record<string, string> = { none: '', pending: '待省级审批', approved: '已批准', refused: '未批准' };
const EXIT: Record<string, string> = { renew: '续约', exit: '退出' };
const flags = { awaiting: z.stringbool().optional(), mine: z.stringbool().optional() };

export async function exportPlans(db: Db, actor: AuditActor, user: ScopeSubject, params: URLSearchParams): Promise<Response> {
  const q = parseExportQuery(ZPlanFilter.extend(flags).extend(ZExportFormat.shape), params);
  if ('response' in q) return q.response;
  const { format, ...filter } = q.data;
  const page = await selectPlans(db, user, filter, { limit: FILINGS_EXPORT_MAX });
  type Row = (typeof page.items)[number];
  const columns: ExportColumn<Row>[] = [
    { header: '授权运营名称', width: 36, value: (r) => r.name },
    { header: '编制单位', width: 28, value: (r) => r.ownerName },
    { header: '行政区划', width: 12, value: (r) => r.regionName },
    { header: '备案的行业主管部门(HN-11 ¶2)', width: 24, value: (r) => r.industryName },
    { header: '状态', width: 18, value: (r) => PLAN_STATUS[r.status] ?? r.status },
    { header: '当前版本', width: 10, value: (r) => (r.lastVersionNo ? `第 ${r.lastVersionNo} 版` : null) },
    { header: '在用版本', width: 10, value: (r) => (r.filedVersionNo ? `第 ${r.filedVersionNo} 版` : null) },
    { header: '备案回执(已备案/总数)', width: 14, value: (r) => r.receipts },
    { header: '更新时间', width: 20, value: (r) => shanghaiText(r.updatedAt) },
  ];
  return sendExport(db, actor, { action: 'implementation_plan.export', sheet: '实施方案', filename: '实施方案', format, filter }, columns, page);
}

export async function exportAgreements(db: Db, actor: AuditActor, user: ScopeSubject, params: URLSearchParams): Promise<Response> {
  const q = parseExportQuery(ZAgreementFilter.extend({ ...flags, expiring: z.stringbool().optional(), exceptionPending: z.stringbool().optional() }).extend(ZExportFormat.shape), params);
  if ('response' in q) return q.response;
  const { format, ...filter } = q.data;
  const page = await selectAgreements(db, user, filter, { limit: FILINGS_EXPORT_MAX }, shanghaiDate(new Date()));
  type Row = (typeof page.items)[number];
  const columns: ExportColumn<Row>[] = [
    { header: '协议名称', width: 36, value: (r) => r.name },
    { header: '实施机构', width: 26, value: (r) => r.agencyName },
    { header: '一级开发主体', width: 26, value: (r) => r.operatorName },
    { header: '备案的行业主管部门(HN-13 ¶2)', width: 24, value: (r) => r.industryName },
    { header: '行政区划', width: 12, value: (r) => r.regionName },
    { header: '状态', width: 10, value: (r) => AGREEMENT_STATUS[r.status] ?? r.status },
    { header: '运营期限起', width: 12, value: (r) => r.startsOn },
    { header: '运营期限止(HN-14(2))', width: 14, value: (r) => r.endsOn },
    { header: '剩余天数', width: 10, value: (r) => (r.expiry !== null || r.status === 'filed' ? r.daysLeft : null) },
    { header: '期限例外', width: 12, value: (r) => EXCEPTION[r.exceptionStatus] ?? r.exceptionStatus },
    { header: '续约或退出(HN-14(9))', width: 12, value: (r) => (r.exitPath ? EXIT[r.exitPath] : null) },
    { header: '备案回执(已备案/总数)', width: 14, value: (r) => r.receipts },
    { header: '更新时间', width: 20, value: (r) => shanghaiText(r.updatedAt) },
  ];
  return sendExport(db, actor, { action: 'operating_agreement.export', sheet: '运营协议', filename: '运营协议', format, filter }, columns, page);
}
