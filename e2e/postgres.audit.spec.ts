import pg from 'pg';
import { expect, loginAs, test } from './fixtures';

/**
 * Runs on the PostgreSQL server (project "postgres"): forging a row needs a database superuser to
 * switch off the append-only trigger behind the application's back, as an intruder would.
 */
function dbUrl() {
  const url = new URL(process.env.E2E_PG_URL!);
  url.pathname = `/${process.env.E2E_PG_DB}`;
  return url.toString();
}

test('the auditor verifies the chain, then finds a row altered behind the app\'s back', async ({ page }) => {
  await loginAs(page, 'auditor');
  await page.getByRole('menu').first().getByText('审计日志', { exact: true }).click();
  await expect(page).toHaveURL(/\/audit/);
  // the log shows this very login
  await expect(page.getByRole('cell', { name: 'login.success' }).first()).toBeVisible();

  await page.getByRole('button', { name: '校验日志链' }).click();
  await expect(page.getByTestId('chain-result')).toContainText('日志链完整');

  const client = new pg.Client({ connectionString: dbUrl() });
  await client.connect();
  const { rows } = await client.query<{ seq: string }>("select seq from audit_log where action = 'login.success' order by seq limit 1");
  const seq = Number(rows[0].seq);
  await client.query('alter table audit_log disable trigger audit_log_no_update');
  await client.query("update audit_log set ip = '10.66.66.66' where seq = $1", [seq]);
  await client.query('alter table audit_log enable trigger audit_log_no_update');
  // the trigger is back: the application's own database role cannot alter the log
  await expect(client.query('update audit_log set ip = null where seq = $1', [seq])).rejects.toThrow(/append-only/);
  await client.end();

  await page.getByRole('button', { name: '校验日志链' }).click();
  const result = page.getByTestId('chain-result');
  await expect(result).toContainText(String(seq));
  await expect(result).toContainText('篡改');
});
