import { choose, confirmDialog, expect, loginAs, logout, test, unique } from './fixtures';

/**
 * Periodic reports (HN-22 ¶3) and data-quality requests (HN-16) on the demo's filed agreement
 * (郑州市大数据发展中心 with 河南数据集团, resource 410100-SC-0001). The report journey files the
 * earliest period still open, so it runs again on the same database until every ended period is filed.
 */

test('an operator files a quarterly report with the secondary developers\' use, it is locked, and the agency sees it', async ({ page }) => {
  await loginAs(page, 'operator');
  await page.goto('/filings/reports');
  const todo = page.getByTestId('report-todo');
  await expect(todo).toBeVisible();
  // the earliest quarter of the demo agreement still to be reported
  const row = todo.getByRole('row').filter({ hasText: '季度' }).filter({ hasText: '企业登记数据' }).first();
  await row.getByRole('button', { name: /填报|继续填写/ }).click();

  const form = page.getByTestId('report-form');
  await expect(form).toBeVisible();
  const title = (await page.getByTestId('report-title').textContent())!;
  const period = title.replace('运营报告', '');
  const summary = unique('本季度企业信用画像接口运行平稳');
  await form.getByLabel('运营情况概述').fill(`${summary},完成数据更新 90 批次。`);
  await form.getByLabel('提供的产品和服务').fill('企业信用画像接口;企业经营状况分析报告');
  await form.getByLabel('调用次数', { exact: true }).fill('152000');
  await form.getByLabel('使用单位/用户数').fill('168');
  await form.getByLabel('收入', { exact: true }).fill('121600');
  await form.getByLabel('成本', { exact: true }).fill('76000');
  await form.getByLabel('安全事件数').fill('0');
  await form.getByLabel('安全管理措施和风险事件情况').fill('原始数据未出域,开展季度安全检查 1 次');
  await form.getByLabel('存在问题和下一步工作').fill('扩大园区用户覆盖面');
  // HN-22 ¶3: the secondary developers' re-development use is required
  await form.getByRole('radio', { name: '有,逐项填写' }).check();
  await form.getByLabel('二级开发主体 1').fill('郑州智数科技有限公司');
  await form.getByLabel('使用的产品或服务 1').fill('企业信用画像接口');
  await form.getByLabel('再开发利用情况 1').fill('嵌入供应链金融风控模型');
  await form.getByLabel('调用次数 1').fill('30400');
  await form.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByText('草稿已保存')).toBeVisible();

  await form.getByRole('button', { name: '提交报送' }).click();
  await confirmDialog(page, '提交报送');
  await expect(page.getByTestId('report-status')).toContainText('已锁定');
  await expect(page.getByTestId('report-form')).toHaveCount(0);
  await expect(page.getByTestId('report-view')).toContainText(summary);
  await expect(page.getByTestId('report-view')).toContainText('郑州智数科技有限公司');
  await expect(page.getByTestId('report-receipts')).toContainText('郑州市行政审批和政务信息管理局');
  const url = page.url();
  await logout(page);

  // The implementing agency finds it in its list (and in 我的待办) and marks it read.
  await loginAs(page, 'agency');
  await expect(page.getByRole('link', { name: new RegExp(`审阅运营报告:${period}`) }).first()).toBeVisible();
  await page.goto('/filings/reports');
  await page.getByRole('combobox', { name: '运营协议' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '企业登记数据' }).first().click();
  const listed = page.getByRole('row').filter({ has: page.getByRole('link', { name: period, exact: true }) });
  await expect(listed).toBeVisible();
  await expect(listed.getByTestId('report-state')).toHaveText(/已报送|迟报/);
  await listed.getByRole('link', { name: period, exact: true }).click();
  await expect(page).toHaveURL(url);
  await expect(page.getByTestId('report-view')).toContainText(summary);
  await page.getByRole('button', { name: '标记已阅' }).click();
  await confirmDialog(page, '标记已阅');
  await expect(page.getByTestId('report-receipts')).toContainText('已阅');
});

test('an operator raises a data-quality request; the provider answers it from 我的待办 within the 7-working-day clock', async ({ page }) => {
  const problem = unique('部分企业名称含有乱码字符');
  await loginAs(page, 'operator');
  await page.goto('/filings/quality');
  await page.getByRole('button', { name: '提出校核需求' }).first().click();
  const dialog = page.getByRole('dialog');
  await choose(page, '数据资源', '410100-SC-0001');
  await choose(page, '有问题的数据项', '企业名称');
  await dialog.getByLabel('问题描述').fill(problem);
  await dialog.getByRole('button', { name: '提交校核需求' }).click();
  await confirmDialog(page, '提交校核需求');
  await expect(page).toHaveURL(/\/filings\/quality\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('quality-status')).toHaveText('待答复');
  await expect(page.getByTestId('clock-panel')).toContainText('答复计时中');
  const path = new URL(page.url()).pathname;
  await logout(page);

  await loginAs(page, 'provider');
  const task = page.getByRole('row').filter({ has: page.locator(`a[href="${path}"]`) }).first();
  await expect(task).toContainText('答复数据校核需求:企业登记基本信息');
  await expect(task.getByTestId('due-tag')).toHaveAttribute('data-status', /running|due_soon/);
  await task.locator(`a[href="${path}"]`).first().click();
  await expect(page.getByTestId('quality-clock')).toContainText(/剩余 \d 个工作日|今日截止/);
  await expect(page.getByTestId('quality-message').first()).toContainText(problem);
  await page.getByRole('button', { name: '答复校核结果' }).click();
  await page.getByRole('dialog').getByLabel('校核结果和处理情况').fill('经核查为历史数据迁移时的编码问题,已批量修正并重新推送');
  await page.getByRole('dialog').getByRole('button', { name: '答复校核结果' }).click();
  await expect(page.getByTestId('quality-status')).toHaveText('已答复');
  await expect(page.getByTestId('quality-answer')).toContainText('已批量修正');
  await expect(page.getByTestId('late-tag')).toHaveCount(0);
});
