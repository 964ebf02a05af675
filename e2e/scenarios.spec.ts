import type { Locator } from '@playwright/test';
import { choose, expect, loginAs, logout, test, unique, type Page } from './fixtures';

/**
 * 一场景一审核 (HN-15) end to end: an operator's scenario approved by the agency and then the city;
 * a compliance review with one failed checkpoint rejected with reason and basis (HN-15 ¶2), then
 * passed in the next round; the product registered by the city and listed on the public page
 * (HN-17 ¶2) without login.
 */
const CHECKS = ['数据来源', '敏感数据脱敏', '原始数据不出域', '访问控制', '关联主体授权配置'];

/** A step behind a confirmation: the button, then the confirmation's OK. */
async function confirmStep(page: Page, button: Locator, ok: string) {
  const dialog = page.locator('.ant-modal-confirm');
  await clickUntil(button, dialog);
  await dialog.getByRole('button', { name: ok }).click();
  await expect(dialog).toHaveCount(0);
}

/** Click until `shows` appears: a page fresh from a dev server may still be hydrating when the button is first clicked. */
async function clickUntil(button: Locator, shows: Locator) {
  await expect(async () => {
    if (!(await shows.isVisible())) await button.click();
    await expect(shows).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
}

/** The reviewer records the five checkpoints; `failed` (with its remark) fails, the others pass. */
async function recordCheckpoints(page: Page, round: number, failed?: { name: string; remark: string }) {
  const card = page.getByTestId(`round-${round}`);
  const form = page.getByTestId(`round-${round}-record`);
  await clickUntil(card.getByRole('button', { name: '记录检查结果' }), form);
  for (const name of CHECKS) {
    const group = form.getByRole('radiogroup', { name: `${name} 检查结果` });
    await group.getByText(failed?.name === name ? '不通过' : '通过', { exact: true }).click();
  }
  if (failed) await form.getByLabel(`${failed.name} 情况说明`).fill(failed.remark);
  await form.getByRole('button', { name: '保存检查结果' }).click();
  await expect(page.getByText('已保存检查结果')).toBeVisible();
  await expect(page.getByTestId(`round-${round}-checkpoints`)).toBeVisible();
}

test('an operator\'s scenario goes through both reviews and a compliance review with one failed checkpoint, rejected with reason and basis, then approved; the registered product is public', async ({ page, browser }) => {
  const name = unique('企业信用画像场景');
  const product = unique('企业信用画像评分接口');
  const reason = '法定代表人姓名以明文参与加工';
  // seven sign-ins and the first compile of each page on a dev server
  test.setTimeout(300_000);
  const basis = '《河南省公共数据资源授权运营实施办法(试行)》第十五条第二款';

  // 1. The operator applies under the demo agreement.
  await loginAs(page, 'operator');
  await page.goto('/filings/scenarios');
  await page.getByRole('link', { name: '新建场景申请' }).first().click();
  const form = page.getByTestId('scenario-form');
  await choose(page, '运营协议', '郑州市公共数据资源授权运营协议(企业登记数据)', form);
  await form.getByLabel('场景名称').fill(name);
  await form.getByLabel('场景描述').fill('面向银行提供企业信用画像评分,用于小微企业贷前风险核查');
  await form.getByLabel('数据使用目的').fill('支持普惠金融信贷风险评估');
  await choose(page, '产品和服务形式', '数据接口', form);
  await form.getByRole('radio', { name: '产业发展、行业发展' }).check();
  await form.getByRole('checkbox', { name: '企业登记基本信息' }).check();
  await form.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByTestId('scenario-name')).toHaveText(name);
  await expect(page.getByTestId('scenario-status')).toHaveText('草稿');
  await confirmStep(page, page.getByRole('button', { name: '提交审核' }), '提交审核');
  await expect(page.getByTestId('scenario-status')).toHaveText('实施机构审核中');
  const url = page.url();
  await logout(page);

  // 2. The agency finds it in 我的待办 and approves; then the city.
  await loginAs(page, 'agency');
  await page.getByRole('link', { name: new RegExp(name) }).first().click();
  await expect(page).toHaveURL(url);
  await confirmStep(page, page.getByRole('button', { name: '审核通过' }), '审核通过');
  await expect(page.getByTestId('scenario-status')).toHaveText('主管部门审核中');
  await logout(page);
  await loginAs(page, 'zhengzhou');
  await page.getByRole('link', { name: new RegExp(name) }).first().click();
  await confirmStep(page, page.getByRole('button', { name: '审核通过' }), '审核通过');
  await expect(page.getByTestId('scenario-status')).toHaveText('审核通过');
  await logout(page);

  // 3. The operator requests the compliance review before release.
  await loginAs(page, 'operator');
  await page.goto(url);
  const dialog = page.getByRole('dialog');
  await clickUntil(page.getByRole('button', { name: '提交合规审核申请' }), dialog);
  await dialog.getByLabel('产品和服务名称').fill(product);
  await dialog.getByLabel('产品和服务说明').fill('按统一社会信用代码返回企业信用画像评分,不返回明细');
  await dialog.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByTestId('round-1-status')).toHaveText('审核中');
  await logout(page);

  // 4. The agency records the checkpoints with one failed; a rejection without a basis is refused.
  await loginAs(page, 'agency');
  await page.goto(url);
  await recordCheckpoints(page, 1, { name: '敏感数据脱敏', remark: '未见脱敏规则说明' });
  await expect(page.getByTestId('round-1-checkpoints')).toContainText('未见脱敏规则说明');
  await clickUntil(page.getByTestId('round-1').getByRole('button', { name: '审核不通过' }), dialog);
  await dialog.getByLabel('不通过的理由').fill(reason);
  await dialog.getByRole('button', { name: '确认不通过' }).click();
  await expect(dialog.getByText('请填写不通过的依据(法律、法规或标准及条款)')).toBeVisible();
  await expect(page.getByTestId('round-1-status')).toHaveText('审核中');
  await dialog.getByLabel('依据(法律、法规或标准及条款)').fill(basis);
  await dialog.getByRole('button', { name: '确认不通过' }).click();
  await expect(page.getByTestId('round-1-status')).toHaveText('不通过');
  await logout(page);

  // 5. The operator sees the reason and the basis, and submits the next round.
  await loginAs(page, 'operator');
  await page.goto(url);
  const rejection = page.getByTestId('round-1-rejection');
  await expect(rejection).toContainText(reason);
  await expect(rejection).toContainText(basis);
  await clickUntil(page.getByRole('button', { name: '提交下一轮合规审核' }), dialog);
  await expect(dialog.getByLabel('产品和服务名称')).toHaveValue(product);
  await dialog.getByLabel('产品和服务说明').fill('按统一社会信用代码返回评分;法定代表人姓名按 GB/T 37964-2019 去标识化后参与加工');
  await dialog.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByTestId('round-2-status')).toHaveText('审核中');
  await logout(page);

  // 6. The agency passes all five and approves.
  await loginAs(page, 'agency');
  await page.goto(url);
  await recordCheckpoints(page, 2);
  await confirmStep(page, page.getByTestId('round-2').getByRole('button', { name: '审核通过' }), '审核通过');
  await expect(page.getByTestId('round-2-status')).toHaveText('通过');
  await logout(page);

  // 7. The operator registers the product; the city registers it.
  await loginAs(page, 'operator');
  await page.goto(url);
  await clickUntil(page.getByTestId('round-2').getByRole('button', { name: '登记产品和服务' }), dialog);
  await dialog.getByRole('radio', { name: /公益无偿使用/ }).check();
  await dialog.getByRole('button', { name: '提交登记申请' }).click();
  await expect(page).toHaveURL(/\/filings\/products\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('registration-phase')).toHaveText('待审核');
  const productUrl = page.url();
  await logout(page);
  await loginAs(page, 'zhengzhou');
  await page.goto(productUrl);
  await confirmStep(page, page.getByRole('button', { name: '准予登记' }), '准予登记');
  await expect(page.getByTestId('registration-phase')).toHaveText('公示中');
  const heading = page.getByRole('heading', { name: /^豫数登\d{10}$/ });
  await expect(heading).toBeVisible();
  const registrationNo = (await heading.textContent())!;

  // 8. The public page lists it, without login.
  const anonymous = await browser.newContext({ locale: 'zh-CN' });
  const open = await anonymous.newPage();
  await open.goto('/open');
  await expect(open).toHaveURL(/\/open$/);
  await expect(open.getByRole('heading', { level: 1 })).toHaveText('公共数据一级开发产品和服务清单及使用情况披露');
  await expect(open.getByTestId('open-basis')).toContainText('第十七条第二款');
  const row = open.locator('tr', { hasText: product });
  await expect(row).toContainText(registrationNo);
  await expect(row).toContainText('公益无偿使用');
  await expect(open.getByText(name)).toHaveCount(0);
  await anonymous.close();
});

test('the operator selects a secondary developer the agency approves, records the application agreement, and publishes a usage disclosure that appears on the public page', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const title = unique('公共数据资源使用情况披露');
  // 1. The selection, for one of the operator's registered products (HN-17 ¶1).
  await loginAs(page, 'operator');
  await page.goto('/filings/developers');
  const dialog = page.getByRole('dialog');
  await clickUntil(page.getByRole('button', { name: '记录选择' }).first(), dialog);
  const productSelect = dialog.getByLabel('产品和服务', { exact: true });
  await productSelect.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await choose(page, '二级开发主体', '郑州智数科技有限公司');
  await dialog.getByLabel('准入条件和选择方式').fill('具备数据安全管理能力,公开征集择优');
  await dialog.getByLabel('资质能力').fill('通过 DCMM 稳健级评估');
  await dialog.getByLabel('需求合理性').fill('贷前核查需要企业信用评分');
  await dialog.getByLabel('场景合规性').fill('用途与登记的产品一致');
  await dialog.getByLabel('安全风险性').fill('仅接收评分结果,风险可控');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page).toHaveURL(/\/filings\/developers\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('selection-status')).toHaveText('草稿');
  await confirmStep(page, page.getByRole('button', { name: '提交实施机构审核' }), '提交实施机构审核');
  await expect(page.getByTestId('selection-status')).toHaveText('待实施机构审核');
  const url = page.url();
  await logout(page);

  await loginAs(page, 'agency');
  await page.goto(url);
  await confirmStep(page, page.getByRole('button', { name: '审核通过' }), '审核通过');
  await expect(page.getByTestId('selection-status')).toHaveText('审核通过');
  await logout(page);

  // 2. The application agreement (目的、范围、方式、期限、收益分配、安全保密).
  await loginAs(page, 'operator');
  await page.goto(url);
  await clickUntil(page.getByRole('button', { name: '登记应用协议' }), dialog);
  for (const [label, day] of [['签订日期', '2026-01-10'], ['起始日期', '2026-01-10'], ['截止日期', '2026-12-31']]) {
    await dialog.getByLabel(label).fill(day);
    await dialog.getByLabel(label).press('Enter');
  }
  for (const [label, text] of [['数据使用目的', '贷前企业信用核查'], ['使用范围', '郑州市小微企业'], ['使用方式', '接口调用,结果不落地'], ['收益分配', '按调用量结算'], ['安全保密要求', '签署保密承诺书']]) {
    await dialog.getByLabel(label).fill(text);
  }
  await dialog.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByTestId('selection-status')).toHaveText('已签订应用协议');

  // 3. A usage disclosure, published (HN-17 ¶2).
  await page.goto('/filings/disclosures');
  await clickUntil(page.getByRole('button', { name: '新建披露' }).first(), dialog);
  await choose(page, '年份', '2021');
  await choose(page, '期间', '第二季度');
  await dialog.getByLabel('标题').fill(title);
  await dialog.getByLabel('披露内容').fill('本期使用企业登记基本信息 1 类公共数据资源,服务金融机构 3 家,累计调用 2,000 次,未发生数据安全事件。');
  await dialog.getByRole('button', { name: '保存草稿' }).click();
  await expect(page).toHaveURL(/\/filings\/disclosures\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('disclosure-status')).toHaveText('草稿');
  await confirmStep(page, page.getByRole('button', { name: '发布' }), '发布');
  await expect(page.getByTestId('disclosure-status')).toHaveText('已发布');

  const anonymous = await browser.newContext({ locale: 'zh-CN' });
  const open = await anonymous.newPage();
  await open.goto('/open');
  await expect(open.getByText(title)).toBeVisible();
  await expect(open.getByText('2021年第二季度').first()).toBeVisible();
  await anonymous.close();
});
