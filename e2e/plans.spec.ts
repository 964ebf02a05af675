import { choose, expect, loginAs, logout, test, unique, type Page } from './fixtures';

/**
 * Implementation plan journey (HN-11, HN-12): 郑州 drafts a plan with the 11 items of HN-12, records
 * the 三重一大 decision with its minutes and the government approval, and files it to the province
 * and 河南省交通运输厅 (HN-11 ¶2); the province acknowledges (still 备案中); the department returns
 * it with a reason; the city sees 已退回 and the reason.
 */

async function confirmDialog(page: Page, ok: string) {
  const dialog = page.locator('.ant-modal-confirm');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: ok }).click();
  await expect(dialog).toHaveCount(0);
}

async function fillDate(page: Page, label: string, day: string) {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true });
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

test('a city files a plan to the province and the industry department; the province acknowledges, the department returns it with a reason', async ({ page }) => {
  const name = unique('郑州市交通出行数据授权运营实施方案');
  const reason = unique('产品清单缺少交通运输领域场景,请补充');

  await loginAs(page, 'zhengzhou');
  await page.goto('/filings/plans');
  await page.getByRole('link', { name: '新建实施方案' }).first().click();
  const form = page.getByTestId('plan-form');
  await choose(page, '备案的省级行业主管部门', '河南省交通运输厅', form);
  const fill = (label: string, value: string) => form.getByLabel(label, { exact: true }).fill(value);
  await fill('授权运营名称', name);
  await fill('必要性论证', '释放交通出行数据价值,服务城市治理');
  await fill('可行性论证', '目录已发布并登记,平台已具备承载能力');
  await form.getByRole('radio', { name: '分领域授权' }).check();
  await fill('模式说明', '按交通出行领域授权');
  await choose(page, '授权运营的数据资源目录', '企业登记基本信息', form);
  await fill('数据更新频率', '每日更新');
  await fill('数据质量情况', '完整率 98%');
  await fill('建设内容', '建设授权运营域');
  await fill('技术保障', '依托省一体化大数据平台');
  await fill('实施进度', '2026 年上线');
  await fill('评价标准', '按省年度评价指标');
  await fill('退出机制', '评价不合格的退出');
  await fill('资产管理', '按国有资产管理规定');
  await fill('产品和服务名称 1', '出行热力分析');
  await choose(page, '用途类别 1', '公共治理/公益事业', form);
  await fill('数据安全措施', '分类分级保护');
  await fill('网络安全措施', '等保三级');
  await fill('个人信息保护措施', '去标识化');
  await fill('应急处置措施', '应急预案');
  await fill('经营成本和收入核算机制', '单独核算');
  await fill('收益分配机制', '按省办法分配');
  await fill('监督管理要求', '主管部门监督检查');
  await fill('考核评价要求', '年度评价');
  await fill('相关参与方权利义务', '见附件');
  await fill('应当明确的其他事项', '无');
  await form.getByRole('button', { name: '保存草稿' }).click();

  await expect(page.getByTestId('filing-name')).toHaveText(name);
  await expect(page.getByTestId('filing-status')).toContainText('草稿');
  const url = page.url();

  // HN-11 ¶1: the 三重一大 decision with its minutes, then the government approval
  await page.getByRole('button', { name: '登记“三重一大”决策' }).click();
  await fillDate(page, '决策日期', '2025-03-01');
  await page.getByRole('dialog').getByLabel('决策会议', { exact: true }).fill('郑州市人民政府第 40 次常务会议');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已登记决策记录')).toBeVisible();
  const minutes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(unique('minutes'))]);
  await page.getByTestId('attachments').locator('input[type=file]').setInputFiles({ name: '常务会议纪要.pdf', mimeType: 'application/pdf', buffer: minutes });
  await expect(page.getByTestId('attachments').getByRole('link', { name: '常务会议纪要.pdf' })).toBeVisible();
  await page.getByRole('button', { name: '登记政府审议通过' }).click();
  await fillDate(page, '审议通过日期', '2025-03-15');
  await page.getByRole('dialog').getByLabel('批准文号', { exact: true }).fill('郑政文〔2025〕66号');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已登记审议通过记录')).toBeVisible();

  await page.getByRole('button', { name: '报送备案' }).click();
  await confirmDialog(page, '报送备案');
  await expect(page.getByTestId('filing-status')).toContainText('备案中');
  await expect(page.getByTestId('receipts')).toContainText('河南省交通运输厅');
  await logout(page);

  // The province finds it under 待我备案 and acknowledges: the plan is still 备案中.
  await loginAs(page, 'province');
  await page.goto('/filings/plans');
  await page.getByTestId('view-switch').getByText('待我备案').click();
  await page.getByRole('link', { name }).click();
  await expect(page).toHaveURL(url);
  await page.getByRole('button', { name: '备案', exact: true }).click();
  await confirmDialog(page, '备案');
  await expect(page.getByTestId('receipts').locator('tr', { hasText: '河南省行政审批和政务信息管理局' })).toContainText('已备案');
  await expect(page.getByTestId('filing-status')).toContainText('备案中');
  await logout(page);

  // The industry department returns it with a reason.
  await loginAs(page, 'jiaotong');
  await page.goto(url);
  await page.getByRole('button', { name: '退回', exact: true }).click();
  await page.getByRole('dialog').getByLabel('退回理由(报备单位将看到)').fill(reason);
  await page.getByRole('dialog').getByRole('button', { name: '退回' }).click();
  await expect(page.getByTestId('filing-status')).toContainText('已退回');
  await logout(page);

  // The city sees 已退回 and the reason.
  await loginAs(page, 'zhengzhou');
  await page.goto(url);
  await expect(page.getByTestId('filing-status')).toContainText('已退回');
  await expect(page.getByTestId('return-reason')).toContainText(reason);
  await expect(page.getByTestId('return-reason')).toContainText('河南省交通运输厅');
  await expect(page.getByRole('button', { name: '报送备案' })).toBeVisible();
});

test('an agency records an operating agreement: a term of 3 years and 1 day is refused with HN-14(2), exactly 3 years is saved and filed', async ({ page }) => {
  const name = unique('郑州市企业信用数据授权运营协议');
  await loginAs(page, 'agency');
  await page.goto('/filings/agreements');
  await page.getByRole('link', { name: '新建运营协议' }).first().click();
  const form = page.getByTestId('agreement-form');
  const fill = (label: string, value: string) => form.getByLabel(label, { exact: true }).fill(value);
  // Tab, not Enter: Enter in the picker would also submit the form, racing the explicit 保存草稿 click
  const date = async (label: string, day: string) => {
    const input = form.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(day);
    await input.press('Tab');
    await expect(input).toHaveValue(day);
  };
  await fill('协议名称', name);
  await choose(page, '一级开发主体', '河南数据集团有限公司', form);
  await choose(page, '备案的省级行业主管部门', '河南省交通运输厅', form);
  await choose(page, '授权运营的数据资源', '企业登记基本信息', form);
  await date('签订日期', '2025-12-20');
  await date('运营期限起', '2026-01-01');
  await date('运营期限止(含当日)', '2029-01-01');
  await fill('产品和服务名称 1', '企业信用画像接口');
  for (const label of ['技术标准', '安全审核要求', '业务规范性审核要求', '技术支撑平台', '软硬件设备权属', '公共数据产品和服务权属', '授权运营情况信息披露要求',
    '经营成本和收入核算要求', '收益分配机制', '数据安全、网络安全、个人信息保护要求', '风险监测措施', '应急处置措施', '运营成效评价', '续约或退出机制',
    '违约责任', '争议解决方式', '协议变更、终止条件']) {
    await fill(label, `按协议附件约定的${label}`);
  }
  await fill('需要明确的其他事项', '无');
  await form.getByRole('button', { name: '保存草稿' }).click();
  // HN-14(2): beside the end date, the article and the way out (a justified exception)
  await expect(form.getByText(/运营期限原则上最长不超过3年\(HN-14\(2\)\)/)).toBeVisible();
  await date('运营期限止(含当日)', '2028-12-31');
  await form.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByTestId('filing-name')).toHaveText(name);
  await expect(page.getByTestId('filing-status')).toContainText('草稿');

  await page.getByRole('button', { name: '登记“三重一大”决策' }).click();
  await fillDate(page, '决策日期', '2025-12-01');
  await page.getByRole('dialog').getByLabel('决策会议', { exact: true }).fill('中心主任办公会');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已登记决策记录')).toBeVisible();
  const minutes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(unique('minutes'))]);
  await page.getByTestId('attachments').locator('input[type=file]').setInputFiles({ name: '主任办公会纪要.pdf', mimeType: 'application/pdf', buffer: minutes });
  await expect(page.getByTestId('attachments').getByRole('link', { name: '主任办公会纪要.pdf' })).toBeVisible();
  await page.getByRole('button', { name: '报送备案' }).click();
  await confirmDialog(page, '报送备案');
  await expect(page.getByTestId('filing-status')).toContainText('备案中');
  await expect(page.getByTestId('receipts')).toContainText('河南省行政审批和政务信息管理局');
});
