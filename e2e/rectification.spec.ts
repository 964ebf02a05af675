import { choose, confirmDialog, expect, loginAs, test, unique, type Page } from './fixtures';
import { carryToClosure, shanghaiDay } from './rectification-helpers';

/**
 * Rectification (HN-20, HN-22 ¶2): an order from issue to closing, and the escalation of an overdue
 * one (suspension of operation and 约谈) with its resumption. Both run again on the same database.
 */
test('an agency issues an order; the operator plans, reports progress with evidence and asks for verification; the agency closes it', async ({ page }) => {
  test.setTimeout(240_000); // four people, eight steps
  const title = unique('数据脱敏规则整改');
  await loginAs(page, 'agency');
  await page.goto('/rectification');
  await page.getByRole('link', { name: '签发整改通知' }).first().click();
  await expect(page).toHaveURL(/\/rectification\/new$/);
  const form = page.locator('form');
  await choose(page, '整改对象', '河南数据集团有限公司', form);
  await form.getByLabel('整改事项').fill(title);
  await form.getByLabel('第 1 条问题', { exact: true }).fill('部分场景的脱敏规则未按数据分级更新');
  await form.getByRole('button', { name: '添加问题' }).click();
  await form.getByLabel('第 2 条问题', { exact: true }).fill('沙箱导出审批记录不完整');
  await form.getByLabel('整改期限', { exact: true }).fill('20');
  await form.getByRole('button', { name: '签发', exact: true }).click();
  await confirmDialog(page, '签发');
  await expect(page).toHaveURL(/\/rectification\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('order-title')).toHaveText(title);
  await expect(page.getByTestId('order-status')).toHaveText('待提交整改方案');
  await expect(page.getByTestId('order-findings')).toContainText('沙箱导出审批记录不完整');
  await expect(page.getByTestId('due-panel')).toContainText('还剩');
  const url = page.url();

  await carryToClosure(page, url, 'agency');
});

test('the province sees 洛阳城市数据运营 suspended by the overdue check, with 暂停运营 on the directory; it records the 约谈 and resumes operation', async ({ page }) => {
  test.setTimeout(180_000);
  const LY = '洛阳城市数据运营有限公司';
  await loginAs(page, 'province');
  await page.goto('/rectification/suspensions');
  const rows = page.locator('.ant-table-row');
  // the seeded order went past due on 2026-10-30: the overdue check (on its schedule, or on this
  // page's first read) suspended the operator without anyone deciding it — recorded in the history
  const overdueRow = rows.filter({ hasText: LY }).filter({ hasText: '逾期未整改到位' }).first();
  await expect(overdueRow).toBeVisible();
  await expect(overdueRow).toContainText('系统定时检查');
  await expect(overdueRow).toContainText('HN-22 ¶2');

  // a run against the same server after an earlier resumption: suspend it again with a major-risk order
  const resumeButton = page.getByRole('button', { name: '恢复运营' });
  if ((await rows.filter({ hasText: LY }).filter({ has: resumeButton }).count()) === 0) await majorRiskOrder(page, LY);

  // shown as 暂停运营 in the directory
  await page.goto('/directory');
  await page.getByLabel('搜索').fill('洛阳城市');
  await page.getByLabel('搜索').press('Enter');
  await expect(page.locator('.ant-table-row').filter({ hasText: LY }).getByTestId('suspension-tag')).toHaveText('暂停运营');

  // the 约谈 of the principal (a run after an earlier one that recorded it: a new case opens a new one)
  await page.goto('/rectification/suspensions?tab=interviews');
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  const toHold = () => page.locator('.ant-table-row').filter({ hasText: LY }).filter({ has: page.getByRole('button', { name: '记录约谈' }) });
  if ((await toHold().count()) === 0) {
    await resumeActive(page, LY);
    await majorRiskOrder(page, LY);
    await page.goto('/rectification/suspensions?tab=interviews');
  }
  await toHold().first().getByRole('button', { name: '记录约谈' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('约谈日期').fill(shanghaiDay());
  await dialog.getByLabel('约谈日期').press('Tab');
  const minutes = unique('约谈主要负责人,要求立即完成访问控制整改');
  await dialog.getByLabel('参加人员').fill('张省管;洛阳城市数据运营有限公司 总经理');
  await dialog.getByLabel('约谈纪要').fill(minutes);
  await dialog.getByRole('button', { name: '记录约谈' }).click();
  await expect(page.getByText('约谈已记录')).toBeVisible();
  await expect(page.locator('.ant-table-row').filter({ hasText: minutes }).getByTestId('interview-status')).toHaveText('已约谈');

  // resumption: an explicit decision with a reason, confirmed
  const reason = await resumeActive(page, LY);
  await expect(page.locator('.ant-table-row').filter({ hasText: reason }).getByTestId('suspension-resumed')).toContainText('已恢复');
});

/** Issue a major-risk order to the operator (HN-22 ¶2: it is suspended at once and a 约谈 opens). */
async function majorRiskOrder(page: Page, org: string) {
  await page.goto('/rectification/new');
  const form = page.locator('form');
  await choose(page, '整改对象', org, form);
  await form.getByLabel('整改事项').fill(unique('重大安全风险整改'));
  await form.getByLabel('第 1 条问题', { exact: true }).fill('数据调用日志被批量删除');
  await form.getByRole('checkbox', { name: '发现重大安全风险' }).check();
  await form.getByRole('button', { name: '签发', exact: true }).click();
  await confirmDialog(page, '签发');
  await expect(page).toHaveURL(/\/rectification\/[0-9a-f-]{36}$/);
}

/** Resume the operator's active suspension from the list, with a reason and the confirmation; returns the reason. */
async function resumeActive(page: Page, org: string) {
  await page.goto('/rectification/suspensions');
  const active = page.locator('.ant-table-row').filter({ hasText: org }).filter({ has: page.getByRole('button', { name: '恢复运营' }) }).first();
  await active.getByRole('button', { name: '恢复运营' }).click();
  const reason = unique('整改已验收,恢复运营');
  await page.getByRole('dialog').getByLabel('恢复理由(如整改验收情况)').fill(reason);
  await page.getByRole('dialog').getByRole('button', { name: '恢复运营' }).click();
  await confirmDialog(page, '恢复运营');
  await expect(page.getByText(`已恢复 ${org} 的授权运营`)).toBeVisible();
  return reason;
}
