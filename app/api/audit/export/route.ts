import { cookies } from 'next/headers';
import { hit } from '@/server/auth/rate-limit';
import { appendAudit } from '@/server/domain/audit';
import { fileResponse, toXlsx, XLSX_TYPE, type ExportColumn } from '@/server/domain/export';
import { resolveLocale } from '@/server/i18n/messages';
import { selectAudit } from '@/server/routers/audit/query';
import { AUDIT_EXPORT_CAP, ZAuditFilter } from '@/server/routers/audit/schema';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/** Read in keyset pages of this size, up to AUDIT_EXPORT_CAP rows per file. */
const PAGE = 5_000;

type Row = Awaited<ReturnType<typeof selectAudit>>[number];

const HEADERS = {
  'zh-CN': ['序号', '时间(北京时间)', '操作人', '操作人ID', '机构', '操作', '对象类型', '对象ID', '变更前', '变更后', '原因', 'IP', 'SM3 哈希'],
  en: ['Seq', 'Time (Beijing)', 'Actor', 'Actor ID', 'Organization', 'Action', 'Entity type', 'Entity ID', 'Before', 'After', 'Reason', 'IP', 'SM3 hash'],
} as const;

/** Asia/Shanghai is UTC+8 all year, so a fixed offset is exact. */
function shanghaiTime(at: string): string {
  return new Date(Date.parse(at) + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/** GET /api/audit/export?actor=&orgId=&action=&entityType=&entityId=&seq=&from=&to= → xlsx (auditor only). */
export async function GET(req: Request) {
  const guard = await guardRoute(req, 'audit.export');
  if (guard.response) return guard.response;
  const { db, actor, user } = guard;
  const wait = await hit('writes', user.id);
  if (wait) return Response.json({ error: 'TOO_MANY_REQUESTS', message: `操作过于频繁,请 ${wait} 秒后再试` }, { status: 429 });

  const params = Object.fromEntries([...new URL(req.url).searchParams].filter(([, v]) => v.trim() !== ''));
  const parsed = ZAuditFilter.safeParse({ ...params, seq: params.seq ? Number(params.seq) : undefined });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const i of parsed.error.issues) (fieldErrors[i.path.join('.') || '_'] ??= []).push(i.message);
    return Response.json({ error: 'BAD_REQUEST', fieldErrors }, { status: 400 });
  }
  const filter = parsed.data;

  const rows: Row[] = [];
  let cursor: number | null = null;
  for (;;) {
    const page = await selectAudit(db, filter, cursor, Math.min(PAGE, AUDIT_EXPORT_CAP - rows.length));
    rows.push(...page);
    if (page.length === 0 || rows.length >= AUDIT_EXPORT_CAP || page.length < PAGE) break;
    cursor = page[page.length - 1].seq;
  }
  const truncated = rows.length >= AUDIT_EXPORT_CAP && (await selectAudit(db, filter, rows[rows.length - 1].seq, 1)).length > 0;

  const h = HEADERS[resolveLocale((await cookies()).get('locale')?.value)];
  const columns: ExportColumn<Row>[] = [
    { header: h[0], width: 10, value: (r) => r.seq },
    { header: h[1], width: 20, value: (r) => shanghaiTime(r.at) },
    { header: h[2], value: (r) => r.actorName },
    { header: h[3], width: 38, value: (r) => r.actorId },
    { header: h[4], width: 30, value: (r) => r.orgName },
    { header: h[5], width: 24, value: (r) => r.action },
    { header: h[6], value: (r) => r.entityType },
    { header: h[7], width: 38, value: (r) => r.entityId },
    { header: h[8], width: 40, value: (r) => json(r.before) },
    { header: h[9], width: 40, value: (r) => json(r.after) },
    { header: h[10], width: 24, value: (r) => r.reason },
    { header: h[11], width: 16, value: (r) => r.ip },
    { header: h[12], width: 66, value: (r) => r.hash },
  ];
  const body = await toXlsx('审计日志', columns, rows);

  // The export is itself an audited event (who took which part of the log).
  await db.transaction((tx) => appendAudit(tx, actor, {
    action: 'audit.export', entityType: 'audit_log',
    after: { filter, rows: rows.length, truncated, firstSeq: rows[0]?.seq ?? null, lastSeq: rows[rows.length - 1]?.seq ?? null },
  }));

  const stamp = shanghaiTime(new Date().toISOString()).replace(/[-: ]/g, '').slice(0, 12);
  const res = fileResponse(body, `审计日志-${stamp}${truncated ? `-最新${AUDIT_EXPORT_CAP}条` : ''}.xlsx`, XLSX_TYPE);
  res.headers.set('X-Export-Rows', String(rows.length));
  res.headers.set('X-Export-Truncated', truncated ? '1' : '0');
  return res;
}
