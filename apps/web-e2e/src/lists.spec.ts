import { expect, type Page, test } from '@playwright/test';
import { type RoleKey, storageStateFor } from './support/accounts';
import { capture } from './support/screenshots';

interface ListPage {
  name: string;
  url: string;
  role: RoleKey;
  heading: string;
  /** The list folds its filters behind « Filtres » on a phone. */
  filters: boolean;
  /** Its first item, when it is not a table row. */
  row?: string;
}

const LIST_PAGES: readonly ListPage[] = [
  { name: 'terrains', url: '/terrains', role: 'mission_officer', heading: 'Terrains de stage', filters: true },
  {
    name: 'professionnels',
    url: '/professionnels',
    role: 'mission_officer',
    heading: 'Professionnels & MSU',
    filters: true,
  },
  { name: 'agrements', url: '/agrements', role: 'mission_officer', heading: 'Agréments', filters: true },
  { name: 'signalements', url: '/signalements', role: 'mission_officer', heading: 'Signalements CDOM', filters: true },
  {
    name: 'intentions',
    url: '/intentions-installation',
    role: 'mission_officer',
    heading: 'Intentions d’installation',
    filters: true,
  },
  { name: 'visites', url: '/visites?vue=liste', role: 'mission_officer', heading: 'Visites de terrain', filters: true },
  {
    name: 'difficultes',
    url: '/difficultes-acces',
    role: 'mission_officer',
    heading: 'Difficultés d’accès',
    filters: true,
  },
  { name: 'mesures', url: '/mesures', role: 'mission_officer', heading: 'Mesures', filters: true },
  { name: 'taches', url: '/taches', role: 'mission_officer', heading: 'Tâches', filters: true },
  {
    name: 'etat-offre',
    url: '/etat-offre',
    role: 'mission_officer',
    heading: 'État de l’offre de stage',
    filters: false,
  },
  { name: 'comites', url: '/comites', role: 'mission_officer', heading: 'Comités', filters: true },
  {
    name: 'bilans',
    url: '/bilans',
    role: 'mission_officer',
    heading: 'Bilans annuels',
    filters: false,
    row: 'section.latest',
  },
  { name: 'territoire', url: '/territoire', role: 'mission_officer', heading: 'Territoire', filters: true },
  { name: 'utilisateurs', url: '/utilisateurs', role: 'admin', heading: 'Utilisateurs', filters: true },
];

/** The first row of the page's list (the empty row says so when there is nothing to list). */
function firstRow(page: Page, list: ListPage) {
  return page
    .getByRole('main')
    .locator(list.row ?? 'table tbody tr')
    .first();
}

async function open(page: Page, list: ListPage): Promise<void> {
  await page.goto(list.url);
  await expect(page.getByRole('heading', { level: 1, name: list.heading })).toBeVisible();
  await expect(page.getByRole('main').locator('mat-progress-bar')).toHaveCount(0);
}

for (const list of LIST_PAGES) {
  test.describe(`${list.heading} (liste)`, () => {
    test.use({ storageState: storageStateFor(list.role) });

    test('sur un téléphone (390 × 844) : pas plus large que l’écran, première ligne visible', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await open(page, list);
      const toggle = page.getByRole('button', { name: /^Filtres/ });
      if (list.filters) {
        // Folded by default: the filters do not push the list below the fold.
        await expect(toggle).toHaveAttribute('aria-expanded', 'false');
        await expect(page.getByRole('region', { name: /filtres|recherche/i })).toBeHidden();
      } else {
        await expect(toggle).toHaveCount(0);
      }
      const row = firstRow(page, list);
      await expect(row).toBeVisible();
      const box = await row.boundingBox();
      expect(box, 'la première ligne est à l’écran sans défiler').not.toBeNull();
      expect((box?.y ?? 0) + 24).toBeLessThanOrEqual(844);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, 'la page ne défile pas de côté').toBeLessThanOrEqual(390);
      await capture(page, `liste-${list.name}-390`);

      if (list.filters) {
        await toggle.click();
        await expect(toggle).toHaveAttribute('aria-expanded', 'true');
        await expect(page.getByRole('region', { name: /filtres|recherche/i })).toBeVisible();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await capture(page, `liste-${list.name}-390-filtres`);
      }
    });

    test('sur un ordinateur (1366) : filtres ouverts, liste visible', async ({ page }) => {
      await page.setViewportSize({ width: 1366, height: 900 });
      await open(page, list);
      await expect(page.getByRole('button', { name: /^Filtres/ })).toHaveCount(0);
      if (list.filters) await expect(page.getByRole('region', { name: /filtres|recherche/i })).toBeVisible();
      await expect(firstRow(page, list)).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
      await capture(page, `liste-${list.name}-1366`);
    });
  });
}

test.describe('filtres repliés', () => {
  test.use({ storageState: storageStateFor('mission_officer'), viewport: { width: 390, height: 844 } });

  test('le bouton « Filtres » compte les filtres actifs', async ({ page }) => {
    await page.goto('/terrains?statut=active&zonage=ZIP');
    await expect(page.getByRole('button', { name: 'Filtres (2 actifs)' })).toBeVisible();
  });
});
