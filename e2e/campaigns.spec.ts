import { declare, setUpCampaign } from './campaign-helpers';
import { confirmDialog, expect, loginAs, logout, test, unique } from './fixtures';

/**
 * 年度评价 campaigns (HN-22) on the seeded default operator system. Each journey sets up its own
 * campaign through the UI (unique names), so that journeys are independent and can run again.
 */
test.describe.configure({ timeout: 240_000 });

test('the province starts a campaign with the default operator system, two operators and a panel; the panel gets its declarations', async ({ page }) => {
  const name = unique('E2E年度评价');
  await setUpCampaign(page, { name, targets: ['河南数据集团有限公司', '郑州数据运营有限公司'], panel: ['周评价', '吴评审'], lead: '周评价' });
  const targets = page.getByTestId('manager-targets');
  await expect(targets.getByRole('row').filter({ hasText: '河南数据集团有限公司' })).toContainText('未提交');
  await expect(targets.getByRole('row').filter({ hasText: '郑州数据运营有限公司' })).toContainText('待声明 2');
  await expect(page.getByTestId('campaign-schedule').getByTestId('due-tag')).toBeVisible();
  // the list shows it with its counts; the edit of a started campaign is gone
  await page.goto('/evaluation/campaigns');
  await page.getByLabel('搜索').fill(name);
  await page.getByLabel('搜索').press('Enter');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
  await expect(row).toContainText('自评中');
  await expect(row).toContainText('组织评价');
  await logout(page);

  await loginAs(page, 'evaluator2');
  await page.getByRole('link', { name: `利益冲突声明:${name}` }).click();
  await expect(page.getByTestId('evaluator-home')).toContainText('河南数据集团有限公司');
  await expect(page.getByTestId('evaluator-home')).toContainText('待声明');
});

test('an operator self-assesses a leaf beside the recorded facts, adds evidence and submits', async ({ page }) => {
  const name = unique('E2E自评');
  await setUpCampaign(page, { name, targets: ['河南数据集团有限公司'], panel: ['周评价'], lead: '周评价' });
  await logout(page);

  await loginAs(page, 'operator');
  await page.getByRole('link', { name: `自评:${name}` }).click();
  await expect(page.getByTestId('leaf-nav')).toBeVisible();
  await page.getByTestId('leaf-nav').getByRole('button', { name: '按季度报送授权运营报告' }).click();
  await expect(page.getByTestId('leaf-title')).toHaveText('按季度报送授权运营报告');
  // HN-22 ¶3: the periodic reports the console recorded, pre-filled as evidence
  await expect(page.getByTestId('fact-list')).toContainText('按期报送的报告');
  await expect(page.getByTestId('fact-list')).toContainText('缺报');
  await page.getByLabel('自评分(0–100)').fill('85');
  await page.getByLabel('自评说明').fill('各季度报告均已通过平台报送');
  await page.getByLabel('自评说明').blur();
  await expect(page.getByTestId('save-status')).toContainText('已自动保存');
  await page.getByTestId('attachments').locator('input[type=file]').setInputFiles({ name: '季度报告回执.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(name)]) });
  await expect(page.getByTestId('attachments')).toContainText('季度报告回执.pdf');
  await expect(page.getByTestId('self-progress')).toContainText('已填写 1 /');
  await expect(page.getByTestId('leaf-nav').getByRole('button', { name: '按季度报送授权运营报告' })).toHaveAttribute('data-done', 'true');

  await page.getByRole('button', { name: '提交自评' }).click();
  await confirmDialog(page, '提交自评');
  await expect(page.getByTestId('self-submitted')).toBeVisible();
  await expect(page.getByLabel('自评分(0–100)')).toBeDisabled();
  await expect(page.getByTestId('attachments').getByRole('button', { name: '上传附件' })).toHaveCount(0);
});

test('the province opens scoring: the self-assessment closes and the panel gets its scoring task', async ({ page }) => {
  const name = unique('E2E开始评分');
  await setUpCampaign(page, { name, targets: ['郑州数据运营有限公司'], panel: ['周评价', '吴评审'], lead: '吴评审', openScoring: true });
  await expect(page.getByTestId('campaign-steps')).toBeVisible();
  await expect(page.getByRole('button', { name: '结束评分' })).toBeVisible();
  await logout(page);
  await loginAs(page, 'evaluator');
  await expect(page.getByRole('link', { name: `评分:${name}` })).toBeVisible();
});

test('an evaluator declares a conflict and the target disappears; another scores every leaf with the keyboard and submits', async ({ page }) => {
  const name = unique('E2E评分');
  const url = await setUpCampaign(page, { name, targets: ['河南数据集团有限公司', '郑州数据运营有限公司'], panel: ['周评价', '吴评审'], lead: '周评价', openScoring: true });
  await logout(page);

  // 周评价 declares a conflict on 郑州数据运营: it leaves its list for good
  await loginAs(page, 'evaluator');
  await page.goto(url);
  const home = page.getByTestId('evaluator-home');
  await expect(home).toContainText('郑州数据运营有限公司');
  await declare(page, '郑州数据运营有限公司', '本人近三年曾为该公司提供咨询服务');
  await expect(home).not.toContainText('郑州数据运营有限公司');
  await expect(home).toContainText('已回避 1 个评价对象');
  await logout(page);

  // 吴评审 declares no conflict on 河南数据集团 and scores it leaf by leaf from the keyboard
  await loginAs(page, 'evaluator2');
  await page.goto(url);
  await declare(page, '河南数据集团有限公司', null);
  await page.getByTestId('evaluator-home').getByRole('row').filter({ hasText: '河南数据集团有限公司' }).getByRole('button', { name: '评分' }).click();
  await expect(page.getByTestId('scoring-target')).toHaveText('河南数据集团有限公司');
  const total = await page.getByTestId('leaf-item').count();
  expect(total).toBeGreaterThan(5);
  const score = page.locator('#score-input');
  await expect(score).toBeFocused();
  const codes = await page.getByTestId('leaf-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')!));
  const current = page.locator('[data-testid=leaf-item][aria-current=true]');
  for (let i = 0; i < total; i++) {
    // Enter in the score moved on to the next leaf, not yet scored, with the cursor in its score
    await expect(current).toHaveAttribute('data-code', codes[i]);
    await expect(current).toHaveAttribute('data-done', 'false');
    await expect(score).toBeFocused();
    await page.keyboard.type(String(70 + (i % 3) * 10));
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('scoring-progress')).toHaveText(`已评 ${total} / ${total} 项`);
  await expect(page.getByTestId('save-status')).toContainText('已自动保存');
  // K / ↑ go back; the score of the previous leaf is there
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('k');
  await expect(score).toBeFocused();
  await expect(score).not.toHaveValue('');
  await page.getByTestId('submit-target').click();
  await confirmDialog(page, '提交本对象评分');
  await expect(page.getByTestId('target-submitted')).toBeVisible();
  await expect(score).toBeDisabled();
  // the other evaluator recused itself: nobody else's scores to show yet
  await expect(page.getByTestId('peer-scores')).toContainText('暂无其他专家');
});
