import ExcelJS from 'exceljs';
import { fileResponse, XLSX_TYPE } from '@/server/domain/export';
import { guardRoute } from '@/server/trpc/route-guard';

export const dynamic = 'force-dynamic';

/**
 * GET /api/security/calendar/template?year=2027 → the xlsx the secadmin fills in from the State
 * Council's notice and uploads on the calendar page (columns 日期, 类型 休/班, 名称).
 */
export async function GET(req: Request) {
  const guard = await guardRoute(req, 'security.calendar.read');
  if (guard.response) return guard.response;
  const y = Number(new URL(req.url).searchParams.get('year'));
  const year = Number.isInteger(y) && y >= 2004 && y <= 2100 ? y : new Date().getFullYear() + 1;

  const wb = new ExcelJS.Workbook();
  wb.creator = '河南省公共数据授权运营监管平台';
  const ws = wb.addWorksheet('日历');
  ws.columns = [
    { header: '日期', key: 'date', width: 14, style: { numFmt: '@' } },
    { header: '类型', key: 'type', width: 8 },
    { header: '名称', key: 'name', width: 20 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.addRow({ date: `${year}-01-01`, type: '休', name: '元旦' });
  for (let r = 2; r <= 400; r++) {
    ws.getCell(`B${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"休,班"'], showErrorMessage: true, errorTitle: '类型', error: '请填写 休 或 班' };
  }

  const help = wb.addWorksheet('说明');
  help.getColumn(1).width = 90;
  [
    `${year} 年法定节假日和调休上班日(依据国务院办公厅关于 ${year} 年部分节假日安排的通知)`,
    '',
    '每行一天,从第 2 行开始填写,第 1 行表头请勿修改:',
    '  日期:YYYY-MM-DD,例如 2027-01-01;只能填写本年度的日期,同一日期只能出现一次。',
    '  类型:休 = 放假(法定节假日及其连休的周末);班 = 调休上班(需要上班的周六、周日)。',
    '  名称:节日名称,例如 元旦、春节、国庆节;可不填。',
    '未列出的日期按周一至周五上班、周六周日休息计算。',
    '载入会整体替换该年度已载入的日历,载入前会先显示预检结果,确认后才写入。',
  ].forEach((line) => help.addRow([line]));

  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return fileResponse(body, `工作日历模板-${year}.xlsx`, XLSX_TYPE);
}
