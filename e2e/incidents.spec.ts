import { choose, confirmDialog, expect, loginAs, logout, test, unique, type Page } from './fixtures';

/**
 * Incident reporting (HN-18, the national incident-reporting rules) on the demo's filed agreement
 * (郑州市大数据发展中心 with 河南数据集团, a critical information infrastructure operator: 1-hour clocks).
 * The operator files a minimal initial report of a leakage at 较大; the computed recipients (the agency,
 * 郑州's data authority, the provincial 网信 office) see it with the running clock and acknowledge; a
 * follow-up raises it to 重大, which adds the same-level 网信 department; the authority's closure review
 * closes it and opens a rectification order.
 */

/** The open antd dialog (not the dev overlay's). */
const modal = (page: Page) => page.locator('.ant-modal-container');
const recipientRow = (page: Page, kind: string) => page.getByTestId('recipients').getByRole('row').filter({ hasText: kind });

async function acknowledgeAs(page: Page, username: string, url: string) {
  await loginAs(page, username);
  await page.goto(url);
  // the running clock on the recipient's screen
  const alert = page.getByTestId('ack-alert');
  await expect(alert).toBeVisible();
  await expect(alert.getByTestId('hour-clock')).toHaveAttribute('data-status', /running|due_soon|overdue/);
  await page.getByRole('button', { name: '确认接收' }).click();
  await confirmDialog(page, '确认接收');
  await expect(page.getByTestId('ack-alert')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '确认接收' })).toHaveCount(0);
  await logout(page);
}

test('an operator reports a leakage; the recipients acknowledge; a regrade adds 网信; the authority closes it with a rectification order', async ({ page }) => {
  test.setTimeout(600_000);
  const system = unique('企业信用画像接口');

  // 1. the minimal initial report, in seconds
  await loginAs(page, 'operator');
  await page.goto('/incidents/new');
  const form = page.getByTestId('incident-form');
  await expect(form).toBeVisible();
  await choose(page, '运营协议', '企业登记数据', form);
  await form.getByLabel('涉及的信息系统或数据资源').fill(system);
  await choose(page, '事件类型', '数据泄露', form);
  await form.locator('label').filter({ hasText: /^较大$/ }).click();
  await form.getByLabel('已采取的措施').fill('已关闭对外查询接口并保全访问日志');
  await expect(page.getByTestId('recipients-preview')).toContainText('实施机构、本级公共数据主管部门、省网信办');
  await form.getByRole('button', { name: '提交初报' }).click();
  await confirmDialog(page, '提交初报');
  await expect(page.getByTestId('incident-title')).toHaveText(`${system}数据泄露`);
  const url = page.url();
  await expect(page.getByTestId('incident-severity')).toHaveText('较大');
  // recipients computed and mapped, never typed; each clock running (1 h: a CII operator)
  await expect(recipientRow(page, '实施机构')).toContainText('郑州市大数据发展中心');
  await expect(recipientRow(page, '本级公共数据主管部门')).toContainText('郑州市行政审批和政务信息管理局');
  await expect(recipientRow(page, '省网信办')).toContainText('河南省委网络安全和信息化委员会办公室');
  await expect(recipientRow(page, '实施机构')).toContainText('1 小时');
  await expect(page.getByTestId('clock-agency').getByTestId('hour-clock')).toHaveAttribute('data-status', /running|due_soon/);
  await logout(page);

  // 2. each recipient sees it with the running clock and acknowledges receipt
  await loginAs(page, 'agency');
  await page.goto('/incidents');
  await page.getByRole('searchbox', { name: '搜索' }).fill(system);
  await page.getByRole('searchbox', { name: '搜索' }).press('Enter');
  const listed = page.locator('.ant-table-row').filter({ hasText: system });
  await expect(listed).toBeVisible();
  await expect(listed.getByTestId('hour-clock')).toHaveAttribute('data-status', /running|due_soon/);
  await logout(page);
  await acknowledgeAs(page, 'agency', url);
  await acknowledgeAs(page, 'zhengzhou', url);
  await acknowledgeAs(page, 'wangxin', url);

  // 3. a follow-up raises it to 重大: HN-18 adds the same-level 网信 department, with its own clock
  await loginAs(page, 'operator');
  await page.goto(url);
  await expect(recipientRow(page, '实施机构')).toContainText('由 赵实施 确认');
  await page.getByRole('button', { name: '续报', exact: true }).click();
  const dialog = modal(page);
  await dialog.getByLabel('续报内容').fill('核实泄露数据涉及企业联系人信息,影响扩大');
  await dialog.locator('label').filter({ hasText: /^重大$/ }).click();
  await dialog.getByLabel('修改定级的理由').fill('泄露范围扩大,属重大数据安全事件');
  await expect(page.getByTestId('adds-preview')).toContainText('本级网信部门');
  await dialog.getByRole('button', { name: '提交续报' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('incident-severity')).toHaveText('重大');
  await expect(page.getByTestId('incident-status')).toHaveText('处置中');
  await expect(recipientRow(page, '本级网信部门')).toContainText('河南省委网络安全和信息化委员会办公室');
  await page.getByRole('tab', { name: '初报与续报' }).click();
  await expect(page.getByText('泄露范围扩大,属重大数据安全事件')).toBeVisible();

  // 4. handling ends; the closing summary goes to the authority
  await page.getByRole('button', { name: '结束处置' }).click();
  // the dialog is ready once its end time is filled in (now, by default)
  await expect(modal(page).getByLabel('处置结束时间')).toHaveValue(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await modal(page).getByRole('button', { name: '结束处置' }).click();
  await expect(modal(page)).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('incident-status')).toHaveText('处置结束');
  await expect(page.getByTestId('summary-clock')).toHaveAttribute('data-status', 'running');
  await page.getByRole('button', { name: '提交总结报告' }).click();
  const summary = modal(page);
  await summary.getByLabel('事件原因').fill('查询接口未启用调用方鉴权');
  await summary.getByLabel('处置情况').fill('关闭接口,修复鉴权,排查调用记录');
  await summary.getByLabel('危害和影响').fill('部分企业联系人信息被批量下载');
  await summary.getByLabel('责任追究').fill('对接口负责人通报批评');
  await summary.getByLabel('整改措施').fill('对外接口上线前安全测试');
  await summary.getByLabel('经验教训').fill('变更须经安全评审');
  await summary.getByRole('button', { name: '提交总结报告' }).click();
  await expect(summary).toBeHidden();
  await expect(page.getByTestId('incident-status')).toHaveText('总结待审核');
  await logout(page);

  // 5. 郑州's data authority closes it and, in the same step, orders the operator to rectify
  await loginAs(page, 'zhengzhou');
  await page.goto(url);
  await page.getByRole('button', { name: '审核结案' }).click();
  const review = modal(page);
  await review.getByText('同时向报告单位开具整改通知').click();
  await expect(review.getByLabel('发现的问题')).toHaveValue(/查询接口未启用调用方鉴权/);
  await review.getByRole('button', { name: '提交审核结论' }).click();
  await expect(review).toBeHidden();
  await expect(page.getByTestId('incident-status')).toHaveText('已结案');
  await expect(page.getByText(/已开具整改通知 豫数整〔\d{4}〕\d+号/)).toBeVisible();
  await page.getByRole('tab', { name: '时间线' }).click();
  await expect(page.getByTestId('timeline-event').filter({ hasText: '开具整改通知' })).toBeVisible();
  await expect(page.getByTestId('timeline-event').filter({ hasText: '确认接收' })).toHaveCount(3);
  // the order, in the rectification pages: source the incident, target the operator
  await page.getByRole('link', { name: '查看整改通知' }).click();
  await expect(page.getByTestId('order-title')).toHaveText(`安全事件整改:${system}数据泄露`);
});
