import { expect, test } from '@playwright/test';
import { ShellPage } from './pages/shell.page';
import { DEMO_ACCOUNTS, ROLE_KEYS, storageStateFor } from './support/accounts';
import { capture } from './support/screenshots';

const ALL_ENTRIES = [...new Set(ROLE_KEYS.flatMap((role) => DEMO_ACCOUNTS[role].navigation))];

for (const role of ROLE_KEYS) {
  const account = DEMO_ACCOUNTS[role];

  test.describe(`${account.roleLabel}`, () => {
    test.use({ storageState: storageStateFor(role) });

    test('voit exactement sa navigation et sa page d’accueil', async ({ page }) => {
      await page.goto('/');
      const shell = new ShellPage(page);
      await shell.expectSignedIn(account.roleLabel);
      await expect(page).toHaveTitle('Accueil · Maillage');

      await shell.expectNavigation(account.navigation);
      for (const other of ALL_ENTRIES.filter((label) => !account.navigation.includes(label))) {
        await expect(shell.navigation.getByRole('link', { name: other, exact: true })).toHaveCount(0);
      }
      await expect(shell.navigation.getByRole('link', { name: 'Accueil' })).toHaveAttribute('aria-current', 'page');

      await expect(page.getByRole('heading', { level: 1 })).toContainText(/Bonjour|Bonsoir/);
      const areas = page.getByRole('region', { name: 'Vos espaces' }).getByRole('link');
      await expect(areas).toHaveCount(account.navigation.length - 1);

      await capture(page, `accueil-${role}`);
    });

    test('ouvre chaque rubrique sans lien cassé', async ({ page }) => {
      await page.goto('/');
      const shell = new ShellPage(page);
      for (const label of account.navigation.slice(1)) {
        await shell.open(label);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.getByRole('heading', { name: 'Page introuvable' })).toHaveCount(0);
        await expect(page).toHaveTitle(`${label} · Maillage`);
      }
    });
  });
}

test.describe('accès par rôle', () => {
  test.use({ storageState: storageStateFor('cdom') });

  test('le CDOM ne voit pas Utilisateurs et, par l’adresse, lit « Accès refusé » à cette adresse', async ({ page }) => {
    await page.goto('/utilisateurs');
    await expect(page.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('/utilisateurs');
    await expect(page.getByRole('main')).toContainText('CDOM (Ordre des médecins)');
    await expect(page).toHaveURL(/\/utilisateurs$/);
    await expect(page).toHaveTitle('Accès refusé · Maillage');
    const shell = new ShellPage(page);
    await expect(shell.navigation.getByRole('link', { name: 'Utilisateurs' })).toHaveCount(0);
    await capture(page, 'acces-refuse');

    await page
      .getByRole('main')
      .getByRole('link', { name: /accueil/i })
      .click();
    await expect(page).toHaveURL(/\/$/);
  });

  test('le CDOM ne crée pas de terrain : la page d’écriture lui est refusée', async ({ page }) => {
    await page.goto('/terrains/nouveau');
    await expect(page.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
    await expect(page).toHaveURL(/\/terrains\/nouveau$/);
  });
});

test.describe('visiteur', () => {
  test('est envoyé à la connexion avec la page demandée', async ({ page }) => {
    await page.goto('/territoire');
    await expect(page).toHaveURL(/\/connexion\?retour=%2Fterritoire$/);
    await expect(page).toHaveTitle('Connexion · Maillage');
  });
});

test.describe('sur un téléphone', () => {
  test.use({ storageState: storageStateFor('mission_officer'), viewport: { width: 390, height: 844 } });

  test('le menu s’ouvre par un bouton et se referme après le choix', async ({ page }) => {
    await page.goto('/');
    const shell = new ShellPage(page);
    const menuButton = page.getByRole('button', { name: 'Ouvrir ou fermer le menu' });
    await expect(shell.navigation).toBeHidden();
    await menuButton.click();
    await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    await expect(shell.navigation).toBeVisible();
    await capture(page, 'mobile-menu');
    await shell.navigation.getByRole('link', { name: 'Territoire' }).click();
    await expect(page).toHaveURL(/\/territoire$/);
    await expect(shell.navigation).toBeHidden();
    await capture(page, 'mobile-territoire');
  });
});
