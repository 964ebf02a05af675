import { choose, expect, loginAs, test, unique } from './fixtures';
import { withCheckChar } from '../server/domain/credit-code';

test('the sysadmin creates an organization (a bad credit code is refused beside the field) and a user who then logs in', async ({ page, browser }) => {
  const orgName = unique('许昌市数据运营测试公司');
  const username = unique('u');
  await loginAs(page, 'sysadmin');
  await page.goto('/admin/orgs');
  await page.getByRole('button', { name: '新建机构' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('机构名称').fill(orgName);
  const body = `91411000${Date.now().toString().slice(-9)}`;
  const good = withCheckChar(body);
  const bad = body + (good.endsWith('0') ? '1' : '0');
  await dialog.getByLabel('统一社会信用代码').fill(bad);
  await choose(page, '机构类型', '一级开发主体');
  await choose(page, '所属行政区划', '许昌市');
  await dialog.getByRole('button', { name: '保存' }).click();
  // the server's GB 32100 check, shown beside the field; nothing is written
  await expect(dialog.getByText('统一社会信用代码校验位错误(GB 32100-2015)')).toBeVisible();
  await dialog.getByLabel('统一社会信用代码').fill(good);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await page.getByPlaceholder('机构名称或统一社会信用代码').fill(orgName);
  await page.getByPlaceholder('机构名称或统一社会信用代码').press('Enter');
  await expect(page.getByRole('cell', { name: good })).toBeVisible();

  await page.goto('/admin/users');
  await page.getByRole('button', { name: '新建用户' }).first().click();
  await dialog.getByLabel('账号').fill(username);
  await dialog.getByLabel('姓名').fill('测试用户');
  await choose(page, '所属机构', orgName);
  // an operator organization allows one role, so it is already chosen
  await expect(dialog.locator('.ant-form-item').filter({ has: page.getByText('角色', { exact: true }) }).locator('.ant-select')).toContainText('一级开发主体');
  await dialog.getByLabel('初始密码').fill('short');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('密码至少 10 位')).toBeVisible();
  await dialog.getByLabel('初始密码').fill('Initial#Pass2026');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  // the new user logs in, is sent to change the initial password, and then reaches the console
  const ctx = await browser.newContext();
  const p2 = await ctx.newPage();
  await loginAs(p2, username, 'Initial#Pass2026');
  await expect(p2.getByText('您的密码由管理员设置')).toBeVisible();
  // until then no export or file either (the route handlers apply the same rule as the API)
  expect((await p2.request.get('/api/filings/products/export?format=csv')).status()).toBe(403);
  await p2.getByLabel('当前密码').fill('Initial#Pass2026');
  await p2.getByLabel('新密码', { exact: true }).fill('Initial#Pass2026');
  await p2.getByLabel('确认新密码').fill('Initial#Pass2026');
  await p2.getByRole('button', { name: '保存' }).click();
  await expect(p2.getByText('新密码不能与最近 5 次使用过的密码相同')).toBeVisible();
  await p2.getByLabel('新密码', { exact: true }).fill('My-Own#Secret42');
  await p2.getByLabel('确认新密码').fill('My-Own#Secret42');
  await p2.getByRole('button', { name: '保存' }).click();
  await expect(p2.getByText('密码已修改')).toBeVisible();
  await p2.goto('/');
  await expect(p2.getByRole('heading', { name: '我的待办' })).toBeVisible();
  await expect(p2.getByTestId('user-org')).toHaveText(orgName);
  await ctx.close();
});

test('disabling an account ends its open session at once', async ({ page, browser }) => {
  const ctx = await browser.newContext();
  const victim = await ctx.newPage();
  await loginAs(victim, 'jiaotong');
  await expect(victim.getByRole('heading', { name: '我的待办' })).toBeVisible();

  await loginAs(page, 'sysadmin');
  await page.goto('/admin/users');
  const row = page.getByRole('row', { name: /jiaotong/ });
  await row.getByRole('button', { name: '停用' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('停用原因').fill('调离岗位');
  await dialog.getByRole('button', { name: '确认停用' }).click();
  await expect(page.getByText('用户已停用,其会话已全部结束')).toBeVisible();

  await victim.reload();
  await expect(victim).toHaveURL(/\/login/);
  await victim.getByLabel('账号').fill('jiaotong');
  await victim.getByLabel('密码').fill('Henan#Demo2026');
  await victim.getByRole('button', { name: '登录' }).click();
  await expect(victim.getByTestId('login-error')).toHaveText('账号或密码错误');
  await ctx.close();

  // and back, so the demo account stays usable
  await page.getByRole('row', { name: /jiaotong/ }).getByRole('button', { name: '启用' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /启用|确定|OK/ }).last().click();
  await expect(page.getByRole('row', { name: /jiaotong/ }).getByText('正常')).toBeVisible();
});
