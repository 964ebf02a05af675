import { z } from 'zod';
import type { Db } from '@/db/client';
import roleLabels from '@/messages/zh-CN/roles.json';
import { appendAudit, type AuditActor } from '@/server/domain/audit';
import { fileResponse, toCsv, toXlsx, XLSX_TYPE, type ExportColumn } from '@/server/domain/export';
import type { OrgType, Role } from '@/server/domain/roles';
import { selectOrgs, selectUsers } from './query';
import { ZOrgFilter, ZUserFilter } from './schema';

/**
 * Exports of the organization and user lists (DESIGN §3): the list's own filters, read from the
 * query string, every matching row (up to EXPORT_MAX), as xlsx or csv. An export is a disclosure of
 * account data, so it is audited like a write. The route handlers only check the session.
 */
export const EXPORT_MAX = 20_000;

const ZFormat = z.object({ format: z.enum(['xlsx', 'csv'], { message: '导出格式应为 xlsx 或 csv' }).default('xlsx') });
export const ZOrgExportQuery = ZOrgFilter.extend({ active: z.stringbool().optional() }).extend(ZFormat.shape);
export const ZUserExportQuery = ZUserFilter.extend(ZFormat.shape);

const orgTypeLabel = (t: string) => roleLabels.orgTypes[t as OrgType] ?? t;
const roleLabel = (r: string) => (roleLabels as unknown as Record<Role, string>)[r as Role] ?? r;
const statusLabel = (s: string) => roleLabels.userStatus[s as keyof typeof roleLabels.userStatus] ?? s;
const yesNo = (b: boolean) => (b ? '是' : '否');
/** Times as Asia/Shanghai wall-clock text (DESIGN §3), not UTC instants a spreadsheet would shift. */
const SHANGHAI = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const at = (d: Date | null | undefined) => (d ? SHANGHAI.format(d) : null);

/** Query string → filter; empty parameters are absent. A bad one is a 400 naming the field. */
function parseQuery<S extends z.ZodType>(schema: S, params: URLSearchParams): { data: z.infer<S> } | { response: Response } {
  const raw = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { data: parsed.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[issue.path.join('.') || '_'] ??= []).push(issue.message);
  return { response: Response.json({ error: 'BAD_REQUEST', fieldErrors }, { status: 400 }) };
}

async function send<T>(
  db: Db, actor: AuditActor,
  what: { action: string; sheet: string; filename: string; format: 'xlsx' | 'csv'; filter: Record<string, unknown> },
  columns: ExportColumn<T>[], page: { items: T[]; nextCursor: unknown },
): Promise<Response> {
  await db.transaction((tx) =>
    appendAudit(tx, actor, { action: what.action, after: { format: what.format, filter: what.filter, rows: page.items.length, truncated: page.nextCursor !== null } }),
  );
  const stamp = at(new Date())!.slice(0, 10).replaceAll('-', '');
  const name = `${what.filename}-${stamp}.${what.format}`;
  return what.format === 'csv'
    ? fileResponse(toCsv(columns, page.items), name, 'text/csv; charset=utf-8')
    : fileResponse(await toXlsx(what.sheet, columns, page.items), name, XLSX_TYPE);
}

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
