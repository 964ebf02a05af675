import { expect, test as base, type Locator, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../db/seed/demo';

export { DEMO_ACCOUNTS, DEMO_PASSWORD };

/** Log in through the form, as a person would, and wait for the console. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('账号').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('user-name')).toBeVisible();
}

export async function logout(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** A string unique to this test run, for names that must not collide. */
export function unique(prefix: string) {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/**
 * Pick an option of an antd Select found by its label (in a dialog unless `scope` says otherwise),
 * as a person would: open it, type to filter where it is searchable, take the option. Retried as a
 * whole, because the dropdown ignores clicks while its opening animation runs.
 */
export async function choose(page: Page, label: string, option: string, scope: Locator = page.getByRole('dialog')) {
  const input = scope.getByLabel(label, { exact: true });
  const box = input.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first();
  await expect(async () => {
    if (!(await box.textContent())?.includes(option)) {
      if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await input.click();
      if (await input.isEditable()) {
        await input.fill(option);
        await expect(item).toBeVisible({ timeout: 2000 });
        await input.press('Enter');
      } else {
        await item.click({ timeout: 2000 });
      }
    }
    await expect(box).toContainText(option, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
}

/** Answer a confirmation (antd `modal.confirm`) with its OK button, and wait for it to close. */
export async function confirmDialog(page: Page, ok: string) {
  const dialog = page.locator('.ant-modal-confirm');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: ok }).click();
  await expect(dialog).toHaveCount(0);
}

export const test = base;
export type { Page };
export { expect };
