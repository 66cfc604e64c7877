import { expect, test } from '@playwright/test';
import { TerritoryPage } from './pages/territory.page';
import { storageStateFor } from './support/accounts';
import { capture } from './support/screenshots';

test.use({ storageState: storageStateFor('mission_officer') });

test.describe('Territoire', () => {
  test('liste les communes avec leur population au format français', async ({ page }) => {
    const territory = new TerritoryPage(page);
    await territory.goto();
    await expect(territory.status).toContainText(/\d+ communes trouvées/);
    await expect(territory.table.getByRole('columnheader')).toHaveText([
      'Code INSEE',
      'Nom',
      'EPCI',
      'Population',
      'Zonage',
      'Contour',
    ]);
    await capture(page, 'territoire');
  });

  test('« melun » trouve Melun', async ({ page }) => {
    const territory = new TerritoryPage(page);
    await territory.goto();
    await territory.search.fill('melun');
    const melun = territory.row('77288');
    await expect(melun).toBeVisible();
    await expect(melun.getByRole('cell').nth(1)).toContainText('Melun');
    // 45 995 inhabitants (INSEE 2026), grouped with a narrow no-break space.
    await expect(melun.getByRole('cell').nth(3)).toHaveText(/^\s*\d{1,3}(?:[\u202f\u00a0 ]\d{3})+\s*$/);
  });

  test('la recherche ignore les accents : « emerainville » trouve Émerainville', async ({ page }) => {
    const territory = new TerritoryPage(page);
    await territory.goto();
    await territory.search.fill('emerainville');
    const row = territory.row('77169');
    await expect(row).toBeVisible();
    await expect(row.getByRole('cell').nth(1)).toContainText('Émerainville');
    await expect(territory.status).toHaveText('1 commune trouvée.');
  });

  test('« cesson » trouve Cesson, une recherche vide de sens ne trouve rien', async ({ page }) => {
    const territory = new TerritoryPage(page);
    await territory.goto();
    await territory.search.fill('cesson');
    await expect(territory.row('77067')).toBeVisible();
    await territory.search.fill('zzzz-aucune-commune');
    await expect(territory.status).toHaveText('Aucune commune trouvée.');
    await expect(territory.table.getByText('Aucune commune ne correspond à cette recherche.')).toBeVisible();
  });
});
