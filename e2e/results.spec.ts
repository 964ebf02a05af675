import { declare, setUpCampaign } from './campaign-helpers';
import { choose, confirmDialog, expect, loginAs, logout, test, unique, type Page } from './fixtures';
import { carryToClosure } from './rectification-helpers';

/**
 * Results of a campaign (HN-22): two evaluators score one operator blind, one leaf diverges; the
 * panel lead resolves it with a reason; the province confirms and publishes; a finding becomes a
 * rectification order in one step; the operator sees only its own result, without evaluator names.
 */
test.describe.configure({ timeout: 400_000 });
/** First visits compile the page on the dev server. */
const slow = { timeout: 90_000 };

/** Declare no conflict on the target and score every leaf from the keyboard (the first with `first`), then submit. */
async function scoreAll(page: Page, url: string, target: string, first: number, rest: number) {
  await page.goto(url);
  await declare(page, target, null);
  await page.getByTestId('evaluator-home').getByRole('row').filter({ hasText: target }).getByRole('button', { name: '评分' }).click();
  await expect(page.getByTestId('scoring-target')).toHaveText(target, slow);
  const total = await page.getByTestId('leaf-item').count();
  const score = page.locator('#score-input');
  for (let i = 0; i < total; i++) {
    await expect(score).toBeFocused();
    await page.keyboard.type(String(i === 0 ? first : rest));
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('scoring-progress')).toHaveText(`已评 ${total} / ${total} 项`);
  await page.getByTestId('submit-target').click();
  await confirmDialog(page, '提交本对象评分');
  await expect(page.getByTestId('target-submitted')).toBeVisible();
}

test('divergence resolved by the lead, results confirmed and published, the operator sees only its own result, and a finding becomes an order the operator plans, updates and gets verified', async ({ page }) => {
  const name = unique('E2E评价结果');
  const target = '河南数据集团有限公司';
  const url = await setUpCampaign(page, { name, targets: [target], panel: ['周评价', '吴评审'], lead: '周评价', openScoring: true });
  await logout(page);

  await loginAs(page, 'evaluator');
  await scoreAll(page, url, target, 95, 90);
  // scoring not closed: the lead has no results page yet
  await page.goto(`${url}/results`);
  await expect(page.getByText('评分结束(进入复核)后,评审组长方可查看')).toBeVisible(slow);
  await logout(page);
  await loginAs(page, 'evaluator2');
  await scoreAll(page, url, target, 40, 90);
  await logout(page);

  // the province closes scoring: the review shows the divergence, confirmation is blocked
  await loginAs(page, 'province');
  await page.goto(url);
  await page.getByRole('button', { name: '结束评分' }).click();
  await confirmDialog(page, '结束评分');
  await expect(page.getByTestId('campaign-status')).toHaveText('复核中');
  await page.getByRole('link', { name: '评价结果' }).click();
  await expect(page.getByTestId('confirm-blockers')).toContainText('尚有 1 项评分分歧', slow);
  await expect(page.getByRole('button', { name: '确认结果' })).toBeDisabled();
  await expect(page.getByTestId('ranking')).toContainText(target);
  await logout(page);

  // the lead resolves the divergent leaf with a reason; evaluators are named now that scoring is closed
  await loginAs(page, 'evaluator');
  await page.goto(`${url}/results`);
  const div = page.getByTestId('divergences');
  await expect(div).toContainText('吴评审');
  await expect(div).toContainText('待认定');
  await div.getByRole('button', { name: /^认定/ }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/认定分值/).fill('80');
  await dialog.getByLabel('认定理由').fill('经复核佐证材料,按中档认定');
  await dialog.getByRole('button', { name: '认定' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(div).toContainText('认定 80 分');
  await logout(page);

  // the province confirms and publishes, records a finding and turns it into an order
  await loginAs(page, 'province');
  await page.goto(`${url}/results`);
  await page.getByRole('button', { name: '确认结果' }).click();
  await confirmDialog(page, '确认结果');
  await expect(page.getByTestId('confirmed-banner')).toContainText('确认并冻结');
  await page.getByRole('tab', { name: '统计图表' }).click();
  await expect(page.getByTestId('chart-grades')).toBeVisible();
  await page.getByRole('tab', { name: '发现问题' }).click();
  await page.getByRole('button', { name: '记录问题' }).click();
  const add = page.getByRole('dialog');
  await choose(page, '评价对象', target, add);
  await add.getByLabel('发现的问题').fill('季度运营报告两次逾期报送');
  await add.getByRole('button', { name: '保存' }).click();
  await expect(add).toHaveCount(0);
  await page.getByRole('button', { name: `将 ${target} 的问题转为整改通知` }).click();
  const order = page.getByRole('dialog');
  await order.getByLabel('整改期限').fill('20');
  await order.getByRole('button', { name: '签发整改通知' }).click();
  await expect(order.getByTestId('order-created')).toBeVisible();
  await order.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(page.getByTestId('finding-order')).toBeVisible();
  const orderUrl = await page.getByTestId('finding-order').getAttribute('href');
  await expect(page.getByRole('button', { name: `将 ${target} 的问题转为整改通知` })).toHaveCount(0);
  await page.getByRole('button', { name: '发布结果' }).click();
  await confirmDialog(page, '发布结果');
  await expect(page.getByTestId('confirmed-banner')).toContainText('发布,各评价对象仅可查看本单位结果');
  await expect(page.getByTestId('results-status')).toHaveText('已发布');
  await logout(page);

  // the operator: its own result, comments without names, the printable report
  await loginAs(page, 'operator');
  await page.goto(url);
  await page.getByRole('link', { name: '评价结果' }).click();
  const mine = page.getByTestId('my-result');
  await expect(mine.getByTestId('report-target')).toHaveText(target, slow);
  await expect(mine.getByTestId('report-grade')).toBeVisible();
  await expect(mine).toContainText('季度运营报告两次逾期报送');
  await expect(mine).not.toContainText('周评价');
  await expect(mine).not.toContainText('吴评审');
  await expect(mine).not.toContainText('排名');
  await mine.getByRole('button', { name: '打印版报告' }).click();
  await expect(page.getByTestId('print')).toBeVisible(slow);

  // the finding's order: the operator plans, reports progress and asks for verification; the province closes it
  await carryToClosure(page, orderUrl!, 'province');
});
