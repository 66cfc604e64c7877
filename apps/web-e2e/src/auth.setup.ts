import { expect, test as setup } from '@playwright/test';
import { LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ROLE_KEYS, storageStateFor } from './support/accounts';

// Each demo account signs in once through the login form; the other specs reuse the session.
for (const role of ROLE_KEYS) {
  const account = DEMO_ACCOUNTS[role];
  setup(`${account.email} se connecte`, async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.login(account.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/$/);
    await new ShellPage(page).expectSignedIn(account.roleLabel);
    // The session lives in an HttpOnly cookie: nothing readable by page scripts.
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).toBe('{}');
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
