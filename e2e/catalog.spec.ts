import ExcelJS from 'exceljs';
import { choose, expect, loginAs, logout, test, unique, type Page } from './fixtures';

/**
 * Catalog and registration journeys (HN-9, HN-10): review with a rejection and a resubmission,
 * the version diff after an edit, the spreadsheet import's dry run, and the HN-10 refusal.
 */

async function confirmDialog(page: Page, ok: string) {
  const dialog = page.locator('.ant-modal-confirm');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: ok }).click();
  await expect(dialog).toHaveCount(0);
}

test('an agency submits a resource, the city returns it with a reason, the agency fixes and resubmits, the city publishes, and an edit shows in the diff', async ({ page }) => {
  const code = unique('410100-E2E-');
  const name = unique('网约车运营信息');
  await loginAs(page, 'agency');
  await page.goto('/catalog');
  await page.getByRole('link', { name: '新建资源' }).first().click();
  const form = page.getByTestId('resource-form');
  await form.getByLabel('资源代码').fill(code);
  await form.getByLabel('资源名称').fill(name);
  await choose(page, '数据提供单位', '郑州市公安局', form);
  await form.getByLabel('共享条件').fill('仅限交通运输监管使用');
  await form.getByLabel('数据项名称 1').fill('车辆识别代号');
  await form.getByLabel('标准字段编码 1').fill('VIN_E2E');
  await form.getByRole('button', { name: '添加数据项' }).click();
  await form.getByLabel('数据项名称 2').fill('驾驶员身份证号');
  await choose(page, '分级 2', '重要', form);
  await form.getByLabel('敏感 2').check();
  // the resource takes the highest grade of its items (GB/T 43697-2024)
  await expect(page.getByTestId('computed-grade')).toHaveText('重要');
  await form.getByRole('button', { name: '保存草稿' }).click();

  await expect(page.getByTestId('resource-name')).toHaveText(name);
  await expect(page.getByTestId('resource-status')).toContainText('草稿');
  await page.getByRole('button', { name: '提交审核' }).click();
  await confirmDialog(page, '提交审核');
  await expect(page.getByTestId('resource-status')).toContainText('待审核');
  const url = page.url();
  await logout(page);

  // The municipal authority finds it in 我的待办 and returns it with a reason.
  await loginAs(page, 'zhengzhou');
  await page.getByRole('link', { name: new RegExp(name) }).first().click();
  await expect(page).toHaveURL(url);
  await page.getByRole('button', { name: '退回修改' }).click();
  await page.getByRole('dialog').getByLabel('退回理由(提交单位将看到)').fill('请补充数据项的字段说明');
  await page.getByRole('dialog').getByRole('button', { name: '退回修改' }).click();
  await expect(page.getByTestId('resource-status')).toContainText('草稿');
  await logout(page);

  // The agency sees the reason, fixes the resource and submits it again.
  await loginAs(page, 'agency');
  await page.goto(url);
  await expect(page.getByTestId('reject-reason')).toContainText('请补充数据项的字段说明');
  await page.getByRole('tab', { name: '修改' }).click();
  await form.getByPlaceholder('说明').first().fill('车辆的 17 位识别代号');
  await form.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await page.getByRole('button', { name: '提交审核' }).click();
  await confirmDialog(page, '提交审核');
  await expect(page.getByTestId('resource-status')).toContainText('待审核');
  await logout(page);

  await loginAs(page, 'zhengzhou');
  await page.goto(url);
  await page.getByRole('button', { name: '审核通过并发布' }).click();
  await confirmDialog(page, '审核通过并发布');
  await expect(page.getByTestId('resource-status')).toContainText('已发布');
  // no registration yet: not to be operated (HN-10)
  await expect(page.getByTestId('not-operable').first()).toBeVisible();
  await logout(page);

  // The agency edits the published resource; the diff against the published version shows it.
  await loginAs(page, 'agency');
  await page.goto(url);
  await page.getByRole('tab', { name: '修改' }).click();
  await form.getByLabel('资源摘要').fill('全市网约车平台的车辆与驾驶员信息');
  await form.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(page.getByTestId('resource-status')).toContainText('在用 v2');
  await page.getByRole('tab', { name: '版本历史' }).click();
  const fields = page.getByTestId('diff-fields');
  await expect(fields).toContainText('摘要');
  await expect(fields).toContainText('全市网约车平台的车辆与驾驶员信息');
});

/** A workbook with 3 good resources and 2 bad ones (unknown provider; a missing grade). */
async function workbook(prefix: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const res = wb.addWorksheet('资源目录');
  res.addRow(['资源代码*', '资源名称*', '数据提供单位*', '摘要', '资源格式*', '更新周期*', '共享类型*', '共享条件/不予共享依据', '开放类型*']);
  const good = [1, 2, 3].map((i) => `${prefix}-G${i}`);
  good.forEach((c, i) => res.addRow([c, `导入测试资源${i + 1}`, '郑州市市场监督管理局', '', '数据库表', '每月', '无条件共享', '', '不予开放']));
  res.addRow([`${prefix}-B1`, '导入测试坏行一', '不存在的委办局', '', '数据库表', '每月', '无条件共享', '', '不予开放']);
  res.addRow([`${prefix}-B2`, '导入测试坏行二', '郑州市市场监督管理局', '', '数据库表', '每月', '无条件共享', '', '不予开放']);
  const items = wb.addWorksheet('数据项');
  items.addRow(['资源代码*', '数据项名称*', '字段编码', '数据类型*', '说明', '是否敏感', '数据分级*', '一数一源处理', '第二来源理由']);
  good.forEach((c, i) => items.addRow([c, `导入测试项${prefix}${i}`, '', '字符型', '', '否', '一般', '', '']));
  items.addRow([`${prefix}-B1`, `导入测试项${prefix}B1`, '', '字符型', '', '否', '一般', '', '']);
  items.addRow([`${prefix}-B2`, `导入测试项${prefix}B2`, '', '字符型', '', '否', '', '', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('an xlsx import with 3 good and 2 bad rows shows the 2 errors in the dry run and writes nothing until confirmed', async ({ page }) => {
  const prefix = unique('IMP');
  await loginAs(page, 'agency');
  await page.goto('/catalog');
  await page.getByRole('button', { name: '导入' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type=file]').setInputFiles({ name: '目录.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await workbook(prefix) });
  await expect(page.getByTestId('import-summary')).toContainText('将新建 3 个');
  const problems = page.getByTestId('import-problems');
  await expect(problems.locator('tbody tr')).toHaveCount(2);
  await expect(problems).toContainText('未知的数据提供单位「不存在的委办局」');
  await expect(problems).toContainText('数据分级');

  // nothing written yet
  await dialog.getByRole('button', { name: '取消' }).click();
  await page.getByLabel('搜索').fill(prefix.toLowerCase());
  await page.getByLabel('搜索').press('Enter');
  await expect(page.getByText('没有符合筛选条件的数据资源')).toBeVisible();

  await page.getByRole('button', { name: '导入' }).click();
  await dialog.locator('input[type=file]').setInputFiles({ name: '目录.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await workbook(prefix) });
  await expect(page.getByTestId('import-summary')).toContainText('将新建 3 个');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByText('已导入 3 个资源')).toBeVisible();
  await expect(page.locator('tbody tr', { hasText: `${prefix}-G` })).toHaveCount(3);
  await expect(page.locator('tbody tr', { hasText: `${prefix}-B` })).toHaveCount(0);
});

test('a registration for an unpublished resource is refused with HN-10 in the message', async ({ page }) => {
  await loginAs(page, 'agency');
  await page.goto('/catalog/registrations');
  await page.getByRole('button', { name: '申请登记' }).first().click();
  const dialog = page.getByRole('dialog');
  // 不动产登记信息 is a draft in the demo catalog
  await choose(page, '数据资源', '不动产登记信息');
  await dialog.getByLabel('资产权属单位').fill('郑州市大数据发展中心');
  await dialog.getByLabel('账面价值(元)').fill('0');
  await dialog.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByTestId('registration-refusal')).toContainText('HN-10');
  await expect(page.getByTestId('registration-refusal')).toContainText('不予受理');
});

test('the province exports a filtered catalog: the file holds exactly the filtered rows', async ({ page }) => {
  await loginAs(page, 'province');
  await page.goto('/catalog');
  await page.getByLabel('搜索').fill('企业登记');
  await page.getByLabel('搜索').press('Enter');
  await expect(page.locator('tbody tr', { hasText: '410300-SC-0001' })).toBeVisible();
  // 410300-SC-0001 is on the unfiltered first page too: wait until the search result has replaced it
  await expect(page.locator('tbody tr.ant-table-row').filter({ hasNotText: '企业登记' })).toHaveCount(0);
  const rows = await page.locator('tbody tr.ant-table-row').count();
  await page.getByRole('button', { name: '导出' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /Excel/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^数据资源目录-\d{8}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c)) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  expect(ws.getRow(1).getCell(1).value).toBe('资源代码');
  expect(ws.rowCount - 1).toBe(rows);
  const codes = Array.from({ length: ws.rowCount - 1 }, (_, i) => String(ws.getRow(i + 2).getCell(1).value));
  expect(codes).toContain('410300-SC-0001');
  expect(codes).not.toContain('410100-GA-0001');
});

test('an agency applies for a change registration with an evidence file; the city sees the file and registers it into its notice period', async ({ page }) => {
  await loginAs(page, 'agency');
  await page.goto('/catalog/registrations');
  await page.getByRole('button', { name: '申请登记' }).first().click();
  const dialog = page.getByRole('dialog');
  await choose(page, '数据资源', '企业登记基本信息');
  await dialog.getByRole('radio', { name: '变更登记' }).check();
  await dialog.getByLabel('资产权属单位').fill('郑州市大数据发展中心');
  await dialog.getByLabel('账面价值(元)').fill('1200');
  await dialog.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByText('已提交登记申请')).toBeVisible();
  const row = page.locator('tbody tr', { hasText: '变更登记' }).filter({ hasText: '待审核' }).first();
  await row.getByRole('link', { name: '待审核' }).click();
  await expect(page).toHaveURL(/\/catalog\/registrations\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('registration-phase')).toHaveText('待审核');
  const url = page.url();
  const evidence = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(unique('asset-report'))]);
  await page.getByTestId('attachments').locator('input[type=file]').setInputFiles({ name: '资产评估报告.pdf', mimeType: 'application/pdf', buffer: evidence });
  await expect(page.getByTestId('attachments').getByRole('link', { name: '资产评估报告.pdf' })).toBeVisible();
  await expect(page.getByTestId('attachments')).toContainText('SM3');
  await logout(page);

  await loginAs(page, 'zhengzhou');
  await page.goto(url);
  await expect(page.getByTestId('attachments').getByRole('link', { name: '资产评估报告.pdf' })).toBeVisible();
  await expect(page.getByRole('button', { name: '上传附件' })).toHaveCount(0);
  await page.getByRole('button', { name: '准予登记' }).click();
  await confirmDialog(page, '准予登记');
  await expect(page.getByTestId('registration-phase')).toHaveText('公示中');
  await expect(page.getByRole('heading', { name: /^豫数登\d{10}$/ })).toBeVisible();
});

test('the attachment upload refuses a cross-site request and a download outside the caller\'s scope', async ({ page }) => {
  await loginAs(page, 'agency');
  const res = await page.request.post('/api/attachments', {
    headers: { Origin: 'https://evil.example' },
    multipart: { entityType: 'catalog_registration', entityId: '00000000-0000-4000-8000-000000000000', file: { name: 'a.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') } },
  });
  expect(res.status()).toBe(403);
  const own = await page.request.post('/api/attachments', {
    multipart: { entityType: 'catalog_registration', entityId: '00000000-0000-4000-8000-000000000000', file: { name: 'a.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') } },
  });
  expect(own.status()).toBe(404);
  expect((await page.request.get('/api/attachments/00000000-0000-4000-8000-000000000000')).status()).toBe(404);
});
