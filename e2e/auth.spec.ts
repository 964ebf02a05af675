import { DEMO_ACCOUNTS, expect, loginAs, logout, test } from './fixtures';

/** What each role finds in the sidebar (三权分立: admin roles see no business page and vice versa). */
const SIDEBAR: Record<string, { sees: string[]; hidden: string[] }> = {
  sysadmin: { sees: ['机构管理', '用户管理', '行政区划'], hidden: ['安全策略', '审计日志', '机构名录'] },
  secadmin: { sees: ['安全策略', '工作日历'], hidden: ['机构管理', '审计日志', '机构名录'] },
  auditor: { sees: ['审计日志'], hidden: ['机构管理', '安全策略', '机构名录'] },
};
const BUSINESS = { sees: ['我的待办', '机构名录', '法规文本'], hidden: ['机构管理', '用户管理', '安全策略', '审计日志'] };

test.describe('login', () => {
  for (const account of DEMO_ACCOUNTS) {
    test(`${account.role} logs in and sees only what the role may open`, async ({ page }) => {
      await loginAs(page, account.username);
      await expect(page.getByTestId('user-name')).toHaveText(account.displayName);
      await expect(page.getByTestId('user-org')).toHaveText(account.org);
      const nav = page.getByRole('navigation').or(page.getByRole('menu').first());
      const expected = SIDEBAR[account.role] ?? BUSINESS;
      for (const item of expected.sees) await expect(page.getByRole('menu').first().getByText(item, { exact: true })).toBeVisible();
      for (const item of expected.hidden) await expect(nav.getByText(item, { exact: true })).toHaveCount(0);
      await expect(page.getByRole('heading', { name: '我的待办' })).toBeVisible();
    });
  }

  test('a wrong password does not say which field was wrong', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
    await page.getByLabel('账号').fill('province');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('login-error')).toHaveText('账号或密码错误');
    await page.getByLabel('账号').fill('no-such-user');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('login-error')).toHaveText('账号或密码错误');
  });

  test('five failures lock the account for 15 minutes, even against the right password', async ({ page }) => {
    await page.goto('/login');
    for (let i = 1; i <= 4; i++) {
      await page.getByLabel('账号').fill('developer');
      await page.getByLabel('密码').fill(`wrong-${i}`);
      await page.getByRole('button', { name: '登录' }).click();
      await expect(page.getByTestId('login-error')).toHaveText('账号或密码错误');
    }
    await page.getByLabel('密码').fill('wrong-5');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('login-error')).toContainText('账号已锁定,请于');
    await page.getByLabel('密码').fill('Henan#Demo2026');
    await page.getByRole('button', { name: '登录' }).click();
    const alert = page.getByTestId('login-error');
    await expect(alert).toContainText('账号已锁定');
    const until = /(\d{4}-\d{2}-\d{2} \d{2}:\d{2})/.exec((await alert.textContent()) ?? '')?.[1];
    expect(until).toBeTruthy();
    const minutes = (new Date(`${until}:00+08:00`).getTime() - Date.now()) / 60000;
    expect(minutes).toBeGreaterThan(13);
    expect(minutes).toBeLessThanOrEqual(15);
  });

  test('logout ends the session', async ({ page }) => {
    await loginAs(page, 'province');
    await logout(page);
    await expect(page.getByText('已安全退出')).toBeVisible();
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
  });

  test('the language switch offers English', async ({ page }) => {
    await loginAs(page, 'province');
    await page.getByLabel('语言').click();
    await page.getByText('English', { exact: true }).click();
    await expect(page.getByRole('heading', { name: 'My tasks' })).toBeVisible();
    await page.getByLabel('Language').click();
    await page.getByText('简体中文', { exact: true }).click();
    await expect(page.getByRole('heading', { name: '我的待办' })).toBeVisible();
  });
});

test('health answers with the database kind', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok', db: 'pglite' });
  const headers = res.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBeTruthy();
});
