import { z } from 'zod';
import type { Db } from '@/db/client';
import roleLabels from '@/messages/zh-CN/roles.json';
import type { AuditActor } from '@/server/domain/audit';
import { parseExportQuery as parseQuery, sendExport as send, shanghaiText as at, ZExportFormat, type ExportColumn } from '@/server/domain/export';
import type { OrgType, Role } from '@/server/domain/roles';
import { selectOrgs, selectUsers } from './query';
import { ZOrgFilter, ZUserFilter } from './schema';

/**
 * Exports of the organization and user lists (DESIGN §3): the list's own filters, read from the
 * query string, every matching row (up to EXPORT_MAX), as xlsx or csv. An export is a disclosure of
 * account data, so it is audited like a write. The route handlers only check the session.
 */
export const EXPORT_MAX = 20_000;

export const ZOrgExportQuery = ZOrgFilter.extend({ active: z.stringbool().optional() }).extend(ZExportFormat.shape);
export const ZUserExportQuery = ZUserFilter.extend(ZExportFormat.shape);

const orgTypeLabel = (t: string) => roleLabels.orgTypes[t as OrgType] ?? t;
const roleLabel = (r: string) => (roleLabels as unknown as Record<Role, string>)[r as Role] ?? r;
const statusLabel = (s: string) => roleLabels.userStatus[s as keyof typeof roleLabels.userStatus] ?? s;
const yesNo = (b: boolean) => (b ? '是' : '否');
export async function exportOrgs(db: Db, actor: AuditActor, params: URLSearchParams): Promise<Response> {
  const q = parseQuery(ZOrgExportQuery, params);
  if ('response' in q) return q.response;
  const { format, ...filter } = q.data;
  const page = await selectOrgs(db, filter, { limit: EXPORT_MAX });
  type Row = (typeof page.items)[number];
  const columns: ExportColumn<Row>[] = [
    { header: '机构名称', width: 36, value: (r) => r.name },
    { header: '统一社会信用代码', width: 22, value: (r) => r.creditCode },
    { header: '机构类型', width: 20, value: (r) => orgTypeLabel(r.type) },
    { header: '行政区划代码', width: 14, value: (r) => r.regionCode },
    { header: '所属行政区划', width: 24, value: (r) => r.regionName },
    { header: '行业', width: 12, value: (r) => r.industry },
    { header: '关键信息基础设施运营者', width: 12, value: (r) => yesNo(r.cii) },
    { header: '状态', width: 8, value: (r) => (r.active ? '启用' : '停用') },
    { header: '用户数', width: 8, value: (r) => r.userCount },
    { header: '创建时间', width: 20, value: (r) => at(r.createdAt) },
  ];
  return send(db, actor, { action: 'org.export', sheet: '机构', filename: '机构列表', format, filter }, columns, page);
}

export async function exportUsers(db: Db, actor: AuditActor, params: URLSearchParams): Promise<Response> {
  const q = parseQuery(ZUserExportQuery, params);
  if ('response' in q) return q.response;
  const { format, ...filter } = q.data;
  const page = await selectUsers(db, filter, { limit: EXPORT_MAX });
  const now = Date.now();
  type Row = (typeof page.items)[number];
  const columns: ExportColumn<Row>[] = [
    { header: '账号', width: 18, value: (r) => r.username },
    { header: '姓名', width: 14, value: (r) => r.displayName },
    { header: '所属机构', width: 36, value: (r) => r.orgName },
    { header: '角色', width: 30, value: (r) => r.roles.map(roleLabel).join('、') },
    { header: '状态', width: 16, value: (r) => statusLabel(r.status) },
    { header: '锁定至', width: 20, value: (r) => (r.lockedUntil && r.lockedUntil.getTime() > now ? at(r.lockedUntil) : null) },
    { header: '最近登录', width: 20, value: (r) => at(r.lastLoginAt) },
    { header: '密码修改时间', width: 20, value: (r) => at(r.passwordChangedAt) },
    { header: '创建时间', width: 20, value: (r) => at(r.createdAt) },
  ];
  return send(db, actor, { action: 'user.export', sheet: '用户', filename: '用户列表', format, filter }, columns, page);
}
