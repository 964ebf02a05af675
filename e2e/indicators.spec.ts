import { readFile } from 'node:fs/promises';
import { choose, confirmDialog, expect, loginAs, test, unique, type Page } from './fixtures';

/**
 * 评价指标体系 (HN-22): the province builds a small system in the draft editor — a wrong weight sum
 * is refused beside the node —, publishes it, edits a second version and sees the diff, exports it,
 * and starts a campaign on it.
 */
test.describe.configure({ timeout: 240_000 });

const editor = (page: Page) => page.getByTestId('draft-editor');

async function setName(page: Page, code: string, name: string) {
  await editor(page).getByLabel(`${code} 名称`, { exact: true }).fill(name);
}
async function setWeight(page: Page, code: string, weight: number) {
  const input = editor(page).getByLabel(`${code} 权重`, { exact: true });
  await input.fill(String(weight));
  await input.press('Tab');
}

test('the province builds a system, fixes a weight error, publishes v1 and v2 with the diff, exports it and starts a campaign on it', async ({ page }) => {
  const name = unique('E2E指标体系');
  await loginAs(page, 'province');
  await page.goto('/evaluation/indicators');
  await page.getByRole('button', { name: '新建指标体系' }).click();
  const create = page.getByRole('dialog');
  await create.getByRole('radio', { name: /一级开发主体/ }).check();
  // the name is required: the error stands beside the field
  await create.getByRole('button', { name: '创建' }).click();
  await expect(create.getByText('请填写指标体系名称')).toBeVisible();
  await create.getByLabel('指标体系名称').fill(name);
  await create.getByRole('button', { name: '创建' }).click();
  await expect(page).toHaveURL(/\/evaluation\/indicators\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByTestId('system-title')).toHaveText(name);
  await expect(page.getByTestId('version-status')).toHaveText('草稿');

  // two dimensions, three leaves (each new leaf starts with a four-level rubric)
  await editor(page).getByRole('button', { name: '添加维度' }).click();
  await setName(page, 'D1', '制度建设');
  await editor(page).getByRole('button', { name: '在 D1 下添加下级' }).click();
  await setName(page, 'D1.1', '安全管理制度健全');
  await editor(page).getByRole('button', { name: '在 D1.1 后添加同级' }).click();
  await setName(page, 'D1.2', '运营报告按时报送');
  await editor(page).getByRole('button', { name: '添加维度' }).click();
  await setName(page, 'D2', '整改落实');
  await editor(page).getByRole('button', { name: '在 D2 下添加下级' }).click();
  await setName(page, 'D2.1', '问题按期整改');
  await setWeight(page, 'D1', 60);
  await setWeight(page, 'D2', 40);
  await setWeight(page, 'D1.1', 50);
  await setWeight(page, 'D1.2', 40);
  await expect(editor(page).getByTestId('sum-root')).toContainText('100');
  await expect(editor(page).getByTestId('sum-D1')).toContainText('90 / 100');

  // the drawer: rubric guidance, evidence, article, veto line, pre-filled fact
  await editor(page).getByRole('button', { name: '编辑 D2.1' }).click();
  const drawer = page.getByTestId('node-drawer');
  await drawer.getByLabel('第 1 档评分说明').fill('全部问题按期整改并经核验');
  await drawer.getByLabel('应提供的证明材料').fill('整改报告和核验记录');
  await drawer.getByLabel('依据条款').fill('HN-22 ¶2');
  await drawer.getByLabel('一票否决线').fill('60');
  await choose(page, '预填事实', '整改按期完成', drawer);
  await drawer.getByRole('button', { name: 'Close' }).or(drawer.getByRole('button', { name: '关闭' })).first().click();
  await expect(drawer).toHaveCount(0);

  // saved with D1's children summing to 90: refused, the error beside D1.1 and D1.2
  await editor(page).getByRole('button', { name: '保存' }).click();
  await expect(editor(page).getByTestId('errors-D1.1-weight')).toContainText('权重之和应为 100,现为 90');
  await expect(editor(page).getByTestId('errors-D1.2-weight')).toContainText('现为 90');
  await setWeight(page, 'D1.2', 50);
  await expect(editor(page).getByTestId('sum-D1')).toHaveText(/合计 100$/);
  await editor(page).getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.ant-message').getByText('草稿已保存')).toBeVisible();
  await expect(editor(page).getByTestId('editor-errors')).toHaveCount(0);

  // publish v1
  await editor(page).getByRole('button', { name: '发布' }).click();
  const publish = page.getByRole('dialog');
  await expect(publish).toContainText('发布后不可修改,进行中的评价继续使用原版本');
  await publish.getByRole('button', { name: '发布' }).click();
  await expect(page.getByTestId('version-status')).toHaveText('已发布');
  const tree = page.getByTestId('indicator-tree');
  await expect(tree).toContainText('问题按期整改');
  await expect(tree.getByRole('row').filter({ hasText: 'D2.1' })).toContainText('整改按期完成');
  await expect(tree.getByRole('row').filter({ hasText: 'D2.1' }).getByRole('link', { name: 'HN-22 ¶2' })).toBeVisible();

  // v2: D1 70, D2 30
  await page.getByRole('button', { name: '新建草稿版本' }).click();
  await expect(page.getByTestId('version-status')).toHaveText('草稿');
  await setWeight(page, 'D1', 70);
  await setWeight(page, 'D2', 30);
  await editor(page).getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.ant-message').getByText('草稿已保存')).toBeVisible();
  await expect(editor(page).getByRole('button', { name: '发布' })).toBeEnabled();
  await editor(page).getByRole('button', { name: '发布' }).click();
  const publish2 = page.getByRole('dialog');
  await publish2.getByRole('button', { name: '发布' }).click();
  await expect(publish2.getByText('请填写本版本修订了什么')).toBeVisible();
  await publish2.getByLabel('修订说明').fill('提高制度建设维度权重');
  await publish2.getByRole('button', { name: '发布' }).click();
  await expect(page.getByTestId('version-status')).toHaveText('已发布');
  await expect(page.getByTestId('change-note')).toContainText('提高制度建设维度权重');

  await page.getByRole('tab', { name: '版本对比' }).click();
  const diff = page.getByTestId('version-diff');
  await expect(diff).toContainText('v1 → v2');
  await expect(diff.getByRole('row').filter({ hasText: 'D1' }).first()).toContainText('60%');
  await expect(diff.getByRole('row').filter({ hasText: 'D1' }).first()).toContainText('70%');
  await expect(diff.getByRole('row').filter({ hasText: 'D2' }).first()).toContainText('30%');

  // export the version as xlsx
  await page.getByRole('tab', { name: '指标' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 v2(xlsx)' }).or(page.getByRole('button', { name: '导出 v2(xlsx)' })).first().click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${name}-v2.xlsx`);

  // the exported file imports into a new draft: dry run without problems, then the import; the draft is discarded
  await page.getByRole('button', { name: '新建草稿版本' }).click();
  await expect(page.getByTestId('version-status')).toHaveText('草稿');
  await editor(page).getByRole('button', { name: '导入 xlsx' }).click();
  const importer = page.getByRole('dialog');
  await importer.locator('input[type=file]').setInputFiles({ name: 'v2.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await readFile(await file.path()) });
  await expect(importer.getByTestId('import-summary')).toContainText('预检通过:5 个指标(2 个维度,3 个检查项)');
  await importer.getByTestId('import-confirm').click();
  await expect(page.locator('.ant-message').getByText('已导入 5 个指标')).toBeVisible();
  await editor(page).getByRole('button', { name: '放弃草稿' }).click();
  await confirmDialog(page, '放弃草稿');
  await expect(page.getByTestId('version-status')).toHaveText('已发布');

  // the list shows it at v2 with three check items
  await page.goto('/evaluation/indicators');
  await page.getByLabel('搜索').fill(name);
  await page.getByLabel('搜索').press('Enter');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
  await expect(row).toContainText('v2');
  await expect(row.getByRole('cell').nth(4)).toHaveText('3');

  // a campaign on the new system (the campaign pages of e2e/campaign-helpers.ts)
  await page.goto('/evaluation/campaigns/new');
  const form = page.getByTestId('campaign-form');
  await expect(form).toBeVisible();
  await form.getByLabel('评价活动名称').fill(unique('E2E指标体系评价'));
  await choose(page, '指标体系版本', `${name} · v2`, form);
  await choose(page, '评价对象', '河南数据集团有限公司', form);
  await page.keyboard.press('Escape');
  await choose(page, '评审专家组', '周评价', form);
  await page.keyboard.press('Escape');
  await choose(page, '评审组长', '周评价', form);
  await form.getByRole('button', { name: '保存草稿' }).click();
  await expect(page).toHaveURL(/\/evaluation\/campaigns\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  await page.getByRole('button', { name: '启动评价' }).click();
  await confirmDialog(page, '启动评价');
  await expect(page.getByTestId('campaign-status')).toHaveText('自评中');
});
