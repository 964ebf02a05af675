import AxeBuilder from '@axe-core/playwright';
import { expect, loginAs, test } from './fixtures';

/** No serious or critical WCAG 2 A/AA violations on the pages every user meets. */
async function seriousViolations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
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
