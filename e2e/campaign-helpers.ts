import { choose, confirmDialog, expect, loginAs, type Page } from './fixtures';

/**
 * Set-up of an evaluation campaign through the UI, as the province (HN-22): the seeded default
 * operator system, the given targets and panel; started, and scoring opened if asked. Returns the
 * campaign page's URL. Leaves the province logged in.
 */
export const OPERATOR_SYSTEM = '一级开发主体公共数据资源授权运营年度评价指标体系';

export async function setUpCampaign(page: Page, o: { name: string; targets: string[]; panel: string[]; lead: string; start?: boolean; openScoring?: boolean }) {
  await loginAs(page, 'province');
  await page.goto('/evaluation/campaigns/new');
  const form = page.getByTestId('campaign-form');
  await expect(form).toBeVisible();
  await form.getByLabel('评价活动名称').fill(o.name);
  await choose(page, '指标体系版本', OPERATOR_SYSTEM, form);
  for (const t of o.targets) await choose(page, '评价对象', t, form);
  await page.keyboard.press('Escape');
  for (const p of o.panel) await choose(page, '评审专家组', p, form);
  await page.keyboard.press('Escape');
  await choose(page, '评审组长', o.lead, form);
  await form.getByRole('button', { name: '保存草稿' }).click();
  await expect(page).toHaveURL(/\/evaluation\/campaigns\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('campaign-status')).toHaveText('草稿');
  const url = page.url();
  if (o.start !== false) {
    await page.getByRole('button', { name: '启动评价' }).click();
    await confirmDialog(page, '启动评价');
    await expect(page.getByTestId('campaign-status')).toHaveText('自评中');
  }
  if (o.openScoring) {
    await page.getByRole('button', { name: '开始评分' }).click();
    await confirmDialog(page, '开始评分');
    await expect(page.getByTestId('campaign-status')).toHaveText('评分中');
  }
  return url;
}

/** A panel member declares for one target on the campaign page (no conflict, or a conflict with a note). */
export async function declare(page: Page, target: string, conflict: string | null) {
  const row = page.getByTestId('evaluator-home').getByRole('row').filter({ hasText: target });
  await row.getByRole('button', { name: '声明利益冲突' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: conflict ? '有利益冲突(回避)' : '无利益冲突' }).check();
  if (conflict) await dialog.getByLabel('利益冲突情况说明').fill(conflict);
  await dialog.getByRole('button', { name: '提交声明' }).click();
  await expect(dialog).toHaveCount(0);
}
