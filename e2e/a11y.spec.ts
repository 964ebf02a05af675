import AxeBuilder from '@axe-core/playwright';
import { declare, setUpCampaign } from './campaign-helpers';
import { expect, loginAs, logout, test } from './fixtures';

/** No serious or critical WCAG 2 A/AA violations on the pages every user meets. */
async function seriousViolations(page: import('@playwright/test').Page) {
  // colours are measured once antd's fade-in motions have ended (a half-faded text fails contrast),
  // with the pointer off the page (a hovered table row is a passing state, not the page's colours)
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, { timeout: 10_000 }).catch(() => {});
  // a toast (antd message) is transient: it can be fading out while axe measures it
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).exclude('.ant-message').analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('login page is accessible', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByLabel('账号')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the console home is accessible', async ({ page }) => {
  await loginAs(page, 'secadmin');
  await expect(page.getByRole('heading', { name: '我的待办' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the catalog list, a resource page and the resource form are accessible', async ({ page }) => {
  await loginAs(page, 'agency');
  await page.goto('/catalog');
  await expect(page.getByRole('link', { name: '企业登记基本信息' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('link', { name: '企业登记基本信息' }).click();
  await expect(page.getByTestId('resource-name')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('tab', { name: '修改' }).click();
  await expect(page.getByTestId('resource-form')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the filing lists, an agreement page, a report page and the public product page are accessible', async ({ page }) => {
  await page.goto('/open');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await loginAs(page, 'agency');
  for (const path of ['/filings/plans', '/filings/agreements', '/filings/scenarios', '/filings/products', '/filings/quality', '/filings/reports']) {
    await page.goto(path);
    await expect(page.locator('.ant-table-row').first()).toBeVisible();
    expect(await seriousViolations(page), path).toEqual([]);
  }
  await page.goto('/filings/agreements');
  await page.getByRole('link', { name: '郑州市公共数据资源授权运营协议(企业登记数据)' }).click();
  await expect(page.getByTestId('filing-status')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto('/filings/reports');
  await page.locator('.ant-table-row a[href^="/filings/reports/"]').first().click();
  await expect(page).toHaveURL(/\/filings\/reports\/[0-9a-f-]{36}/);
  await expect(page.getByTestId('report-title')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the rectification lists, an order page and the order form are accessible', async ({ page }) => {
  await loginAs(page, 'province');
  for (const path of ['/rectification', '/rectification/suspensions', '/rectification/criticisms']) {
    await page.goto(path);
    await expect(page.locator('.ant-table-row').first()).toBeVisible();
    expect(await seriousViolations(page), path).toEqual([]);
  }
  await page.goto('/rectification');
  await page.locator('.ant-table-row a[href^="/rectification/"]').first().click();
  await expect(page.getByTestId('order-title')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto('/rectification/new');
  await expect(page.getByLabel('整改事项')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the incident list with its charts, an incident page and the report form are accessible', async ({ page }) => {
  await loginAs(page, 'operator');
  await page.goto('/incidents');
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  await expect(page.getByTestId('chart-by-month').locator('.recharts-surface').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.locator('.ant-table-row a[href^="/incidents/"]').first().click();
  await expect(page.getByTestId('incident-title')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto('/incidents/new');
  await expect(page.getByTestId('incident-form')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the campaign list, a campaign page, the set-up form, the self-assessment and the scoring screen are accessible', async ({ page }) => {
  test.setTimeout(300_000);
  await loginAs(page, 'operator');
  await page.goto('/evaluation/campaigns');
  await page.getByRole('link', { name: '2025年度一级开发主体授权运营评价' }).click();
  await expect(page.getByTestId('target-home')).toBeVisible();
  await page.goto(`${page.url()}/self`);
  await expect(page.getByTestId('leaf-nav')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await logout(page);
  const url = await setUpCampaign(page, { name: `可访问性评价${Date.now().toString(36)}`, targets: ['洛阳城市数据运营有限公司'], panel: ['郑评审'], lead: '郑评审', openScoring: true });
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto('/evaluation/campaigns');
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto('/evaluation/campaigns/new');
  await expect(page.getByTestId('campaign-form')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await logout(page);
  await loginAs(page, 'evaluator3');
  await page.goto(url);
  await declare(page, '洛阳城市数据运营有限公司', null);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('evaluator-home').getByRole('button', { name: '评分' }).click();
  await expect(page.getByTestId('scoring-target')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the indicator-system list, a published system and the draft editor are accessible', async ({ page }) => {
  test.setTimeout(180_000);
  await loginAs(page, 'province');
  await page.goto('/evaluation/indicators');
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('link', { name: '一级开发主体公共数据资源授权运营年度评价指标体系' }).click();
  await expect(page.getByTestId('indicator-tree')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto('/evaluation/indicators');
  await page.getByRole('button', { name: '新建指标体系' }).click();
  await page.getByRole('dialog').getByRole('radio', { name: /实施机构/ }).check();
  await page.getByRole('dialog').getByLabel('指标体系名称').fill(`可访问性指标体系${Date.now().toString(36)}`);
  await page.getByRole('dialog').getByRole('button', { name: '创建' }).click();
  await expect(page.getByTestId('draft-editor')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '添加维度' }).click();
  await page.getByRole('button', { name: '在 D1 下添加下级' }).click();
  expect(await seriousViolations(page)).toEqual([]);
});
