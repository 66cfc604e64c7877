import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/login.page';
import { ShellPage } from './pages/shell.page';
import { storageStateFor } from './support/accounts';
import { capture } from './support/screenshots';

test.describe('connexion', () => {
  test('un mauvais mot de passe affiche l’erreur et reste sur la page', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.login('cdom@demo.maillage.fr', 'pas-le-bon-mot-de-passe');
    await expect(login.error).toContainText('Adresse e-mail ou mot de passe incorrect.');
    await expect(page).toHaveURL(/\/connexion/);
    await expect(login.password).toHaveValue('');
  });

  test('les champs vides sont signalés sans appel au serveur', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    let calls = 0;
    page.on('request', (request) => {
      if (request.url().includes('/api/auth/login')) calls += 1;
    });
    await login.submit.click();
    await expect(page.getByText('Saisissez votre adresse e-mail.')).toBeVisible();
    await expect(page.getByText('Saisissez votre mot de passe.')).toBeVisible();
    expect(calls).toBe(0);
  });

  test('le mode démo présente les cinq comptes', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await expect(login.demoAccounts.getByRole('button')).toHaveCount(5);
    await capture(page, 'connexion');
    await login.demoAccounts.getByRole('button', { name: /admin@demo\.maillage\.fr/ }).click();
    await expect(login.email).toHaveValue('admin@demo.maillage.fr');
  });

  test('le lien d’évitement mène au contenu', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Aller au contenu' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });
});

test.describe('retour après connexion', () => {
  test('le visiteur revient à la page demandée une fois connecté', async ({ page }) => {
    await page.goto('/territoire');
    await expect(page).toHaveURL(/\/connexion\?retour=%2Fterritoire$/);
    await new LoginPage(page).login('cdom@demo.maillage.fr', 'demo-maillage-77');
    await expect(page).toHaveURL(/\/territoire$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Territoire' })).toBeVisible();
  });
});

test.describe('session expirée', () => {
  test.use({ storageState: storageStateFor('departement') });

  test('un 401 de l’API renvoie à la connexion avec la page en cours', async ({ page, context }) => {
    await page.goto('/');
    const shell = new ShellPage(page);
    await shell.expectSignedIn('Département');
    await context.clearCookies();
    await shell.navigation.getByRole('link', { name: 'Territoire' }).click();
    await expect(page).toHaveURL(/\/connexion\?retour=%2Fterritoire$/);
    await expect(new LoginPage(page).heading).toBeVisible();
  });
});
