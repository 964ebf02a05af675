import { expect, loginAs, test } from './fixtures';

test('a municipal authority sees only its own city in the directory, and can search it', async ({ page }) => {
  await loginAs(page, 'zhengzhou');
  await page.getByRole('menu').first().getByText('机构名录', { exact: true }).click();
  await expect(page.getByText('您可查看本行政区划(郑州市)的机构。')).toBeVisible();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  // every row is in 郑州市; nothing of 洛阳 (another city) shows
  for (const region of await rows.locator('td:nth-child(4)').allTextContents()) expect(region).toBe('郑州市');
  await expect(page.getByText('洛阳市大数据中心')).toHaveCount(0);

  const search = page.getByRole('searchbox', { name: '搜索' }).or(page.getByLabel('搜索'));
  await search.fill('大数据');
  await search.press('Enter');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('郑州市大数据发展中心');
  await search.fill('洛阳');
  await search.press('Enter');
  await expect(page.getByText('您的查看范围内没有符合条件的机构')).toBeVisible();
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(rows.first()).toBeVisible();
});
