import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';
import { UsersPage } from './pages/users.page';
import { DEMO_ACCOUNTS, storageStateFor } from './support/accounts';
import { capture } from './support/screenshots';

test.describe('Utilisateurs (administrateur)', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('liste les comptes de démonstration', async ({ page }) => {
    const users = new UsersPage(page);
    await users.goto();
    await expect(page).toHaveTitle('Utilisateurs · Maillage');
    await expect(users.row(DEMO_ACCOUNTS.cdom.email)).toContainText('CDOM (Ordre des médecins)');
    await capture(page, 'utilisateurs');
    await users.search.fill('comite');
    await expect(users.row(DEMO_ACCOUNTS.committee.email)).toBeVisible();
    await expect(users.row(DEMO_ACCOUNTS.cdom.email)).toHaveCount(0);
  });

  test('refuse un mot de passe trop court avant tout envoi', async ({ page }) => {
    const users = new UsersPage(page);
    await users.goto();
    await users.create({
      displayName: 'Mot de passe court',
      email: 'court@demo.maillage.fr',
      role: 'Département',
      departementCode: '77',
      password: 'court',
    });
    await expect(users.dialog.getByText('Le mot de passe doit compter au moins 12 caractères.')).toBeVisible();
    await capture(page, 'utilisateurs-creation');
  });

  test('crée un compte, qui peut ensuite se connecter', async ({ page, browser }) => {
    const users = new UsersPage(page);
    const email = `e2e.${Date.now()}@demo.maillage.fr`;
    const password = 'un-mot-de-passe-solide-77';
    await users.goto();
    await users.create({
      displayName: 'Nadia Test (e2e)',
      email,
      role: 'Département',
      departementCode: '77',
      password,
    });
    await expect(users.dialog).toBeHidden();
    await expect(page.getByText('Le compte de Nadia Test (e2e) a été créé.')).toBeVisible();
    await users.search.fill(email);
    await expect(users.row(email)).toContainText('Département');
    await expect(users.row(email)).toContainText('Actif');

    // The new account signs in (fresh browser context) and signs out.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const other = await context.newPage();
    const login = new LoginPage(other);
    await login.goto();
    await login.login(email, password);
    const shell = new ShellPage(other);
    await shell.expectSignedIn('Département');
    await shell.expectNavigation(DEMO_ACCOUNTS.departement.navigation);
    await shell.logout();
    await other.goto('/');
    await expect(other).toHaveURL(/\/connexion/);
    await context.close();
  });
});
