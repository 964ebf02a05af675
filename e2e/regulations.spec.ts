import { expect, loginAs, test } from './fixtures';

test('a citation opens the regulation reader at the cited item', async ({ page }) => {
  await loginAs(page, 'operator');
  await page.getByRole('menu').first().getByText('法规文本', { exact: true }).click();
  await expect(page.getByText('河南省公共数据资源授权运营实施办法(试行)').first()).toBeVisible();
  await page.goto('/regulations/henan#art-14-i2');
  const item = page.locator('#art-14-i2');
  await expect(item).toContainText('运营期限');
  await expect(item).toBeInViewport();
  await expect(page.locator('#art-14')).toContainText('第十四条');
  await page.goto('/regulations/identity#art-8-p2');
  await expect(page.locator('#art-8-p2')).toContainText('互联网平台');
  await page.getByTestId('regulation-search').fill('单独同意');
  await expect(page.getByTestId('search-status')).not.toBeEmpty();
  await expect(page.locator('#art-9')).toBeVisible();
});
