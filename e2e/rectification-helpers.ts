import { confirmDialog, expect, loginAs, logout, unique, type Page } from './fixtures';

/** Steps of a rectification order (HN-20, HN-22 ¶2) shared by the rectification and evaluation-results journeys. */
export const shanghaiDay = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

export async function openOrder(page: Page, url: string, user: string) {
  await logout(page);
  await loginAs(page, user);
  await page.goto(url);
  await expect(page.getByTestId('order-title')).toBeVisible();
}

/**
 * An issued order, waiting for its plan, taken to 已办结 as the people would: the operator (`operator`)
 * finds the task in 我的待办 and submits a plan, the issuer approves it, the operator reports progress
 * with a PDF and asks for verification, the issuer closes it; then the timeline lists every step.
 */
export async function carryToClosure(page: Page, url: string, issuer: string) {
  // the operator finds the task in 我的待办 and submits a plan
  await logout(page);
  await loginAs(page, 'operator');
  const path = new URL(url, 'http://localhost').pathname;
  await expect(page.getByRole('link', { name: /^提交整改方案:/ }).and(page.locator(`a[href="${path}"]`))).toBeVisible();
  await page.goto(url);
  await page.getByRole('button', { name: '提交整改方案' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('整改措施').fill('按数据分级更新全部场景脱敏规则,补全沙箱导出审批流程');
  await dialog.getByLabel('整改责任人').fill('钱运营');
  await dialog.getByLabel('计划完成日期').fill(shanghaiDay(10));
  await dialog.getByLabel('计划完成日期').press('Tab');
  await dialog.getByRole('button', { name: '提交整改方案' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('整改方案待审核');

  await openOrder(page, url, issuer);
  await page.getByRole('button', { name: '通过整改方案' }).click();
  await confirmDialog(page, '通过整改方案');
  await expect(page.getByTestId('order-status')).toHaveText('整改中');

  // progress with a PDF evidence file, then verification
  await openOrder(page, url, 'operator');
  await page.getByRole('button', { name: '报送整改进展' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('整改进展').fill('已完成全部 12 个场景的脱敏规则更新');
  await dialog.getByLabel('完成比例').fill('80');
  const evidence = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(unique('desensitization-rules'))]);
  await dialog.locator('input[type=file]').setInputFiles({ name: '脱敏规则更新记录.pdf', mimeType: 'application/pdf', buffer: evidence });
  await expect(dialog.getByText('脱敏规则更新记录.pdf')).toBeVisible();
  await dialog.getByRole('button', { name: '报送整改进展' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const progress = page.getByTestId('order-entry').filter({ hasText: '已完成全部 12 个场景' });
  await expect(progress).toContainText('完成比例:80%');
  await expect(progress.getByRole('link', { name: '脱敏规则更新记录.pdf' })).toBeVisible();
  await page.getByRole('button', { name: '申请验收' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('整改完成情况').fill('两项问题均已整改完毕,审批流程已上线');
  await dialog.getByRole('button', { name: '申请验收' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('待验收');

  await openOrder(page, url, issuer);
  await page.getByRole('button', { name: '验收通过' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('验收意见(可选)').fill('经现场核查,整改到位');
  await dialog.getByRole('button', { name: '验收通过' }).click();
  await expect(page.getByTestId('order-status')).toHaveText('已办结');
  await expect(page.getByTestId('due-panel')).toHaveCount(0);

  await page.getByRole('tab', { name: '时间线' }).click();
  const events = page.getByTestId('timeline-event');
  for (const step of ['签发整改通知', '提交整改方案', '通过整改方案', '报送整改进展', '上传证明材料', '申请验收', '验收通过']) {
    await expect(events.filter({ hasText: step }).first()).toBeVisible();
  }
  await expect(page.getByRole('link', { name: '脱敏规则更新记录.pdf' }).first()).toBeVisible();
}
