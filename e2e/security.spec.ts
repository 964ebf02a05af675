import { expect, loginAs, test } from './fixtures';

test('the secadmin loads next year\'s holiday table from 我的待办, after a dry run that catches a bad row', async ({ page }) => {
  await loginAs(page, 'secadmin');
  const task = page.getByRole('link', { name: '载入 2027 年法定节假日和调休工作日' });
  await expect(task).toBeVisible();
  await expect(page.getByTestId('due-tag')).toBeVisible();
  await task.click();
  await expect(page).toHaveURL(/\/security\/calendar/);

  await page.getByRole('button', { name: '载入年度日历' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('年度').fill('2027');
  await dialog.getByRole('tab', { name: '粘贴文本' }).click();
  await dialog.getByLabel('日历文本').fill('2027-01-01 休 元旦\n2027-02-06 班 春节\n2026-12-31 休 跨年');
  await dialog.getByRole('button', { name: '预检' }).click();
  await expect(dialog.getByText('不属于 2027 年')).toBeVisible();
  await expect(dialog.getByRole('button', { name: /确认载入/ })).toBeDisabled();

  await dialog.getByLabel('日历文本').fill('2027-01-01 休 元旦\n2027-02-06 班 春节\n2027-02-11 休 春节');
  await dialog.getByRole('button', { name: '预检' }).click();
  await expect(dialog.getByText('预检通过:2027 年共 3 天,其中放假 2 天,调休上班 1 天。确认后才会写入。')).toBeVisible();
  await dialog.getByRole('button', { name: '确认载入 2027 年(3 天)' }).click();
  await expect(page.getByText('2027 年日历已载入,共 3 天')).toBeVisible();

  // the task is done: it leaves 我的待办
  await page.getByRole('menu').first().getByText('我的待办', { exact: true }).click();
  await expect(page.getByText('暂无待办事项')).toBeVisible();
});
