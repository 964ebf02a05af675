import { fileResponse, XLSX_TYPE } from '@/server/domain/export';
import { templateWorkbook } from '@/server/domain/import';
import { ITEM_COLUMNS, ITEM_SHEET, RESOURCE_COLUMNS, RESOURCE_SHEET, TEMPLATE_EXAMPLE, TEMPLATE_HELP } from '@/server/routers/catalog/import';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/** GET /api/catalog/template → the xlsx an agency fills in to import its catalog (HN-9). */
export async function GET(req: Request) {
  const g = await guardRoute(req, 'catalog.write');
  if (g.response) return g.response;
  const body = await templateWorkbook([
    { name: RESOURCE_SHEET, columns: RESOURCE_COLUMNS.map((h) => ({ header: h, width: h.length > 6 ? 24 : 16 })), example: TEMPLATE_EXAMPLE.resources },
    { name: ITEM_SHEET, columns: ITEM_COLUMNS.map((h) => ({ header: h, width: 18 })), example: TEMPLATE_EXAMPLE.items },
  ], TEMPLATE_HELP);
  return fileResponse(body, '数据资源目录导入模板.xlsx', XLSX_TYPE);
}
