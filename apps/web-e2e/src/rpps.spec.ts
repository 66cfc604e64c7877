import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { storageStateFor } from './support/accounts';
import { capture } from './support/screenshots';

// A small extract of the national directory in its real format (56 columns, « | », trailing « | »):
// five general practitioners of Seine-et-Marne, and others the directory keeps out of the list.
const EXTRACT = join(__dirname, '..', 'fixtures', 'rpps', 'PS_LibreAcces_Personne_activite_e2e.txt');

test.describe.configure({ mode: 'serial' });

test.describe('Annuaire RPPS, administrateur', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('charge l’extraction de l’annuaire et la retrouve dans l’historique', async ({ page }) => {
    await page.goto('/donnees-de-reference');
    await expect(page.getByRole('heading', { level: 1, name: 'Données de référence' })).toBeVisible();
    await page.locator('app-rpps-load-card input[type="file"]').setInputFiles(EXTRACT);
    await page.getByRole('button', { name: 'Charger l’annuaire' }).click();
    await expect(page.getByText(/Annuaire chargé : \d+ lieux d’exercice retenus\./)).toBeVisible();

    await page.reload();
    const loads = page.getByRole('table', { name: 'Chargements de l’annuaire RPPS' });
    await expect(
      loads.getByRole('row').filter({ hasText: 'PS_LibreAcces_Personne_activite_e2e.txt' }).first(),
    ).toContainText('Chargé');
    await capture(page, 'reference-data-1366');
  });
});

test.describe('Médecins généralistes non MSU, CDOM', () => {
  test.use({ storageState: storageStateFor('cdom') });

  test('ouvre la liste, filtre par commune et fait d’une ligne un signalement', async ({ page }) => {
    await page.goto('/generalistes-non-msu');
    await expect(page.getByRole('heading', { level: 1, name: 'Médecins généralistes non MSU' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Médecins généralistes non MSU' });
    await expect(table.getByRole('row').filter({ hasText: 'MARTIN' })).toBeVisible();
    // A cardiologist and a nurse of the directory are not general practitioners; Paris is not served.
    await expect(table.getByRole('row').filter({ hasText: /BERNARD|ROUX|NGUYEN/ })).toHaveCount(0);
    await capture(page, 'general-practitioners-1366');

    const commune = page.getByRole('combobox', { name: 'Commune', exact: true });
    await commune.fill('provins');
    await page.getByRole('option', { name: /^Provins,/ }).click();
    await expect(page).toHaveURL(/commune=77379/);
    const row = table.getByRole('row').filter({ hasText: 'DUBOIS' });
    await expect(row).toHaveCount(1);
    await expect(table.getByRole('row').filter({ hasText: 'MARTIN' })).toHaveCount(0);

    await row.getByRole('button', { name: /^Actions pour .*DUBOIS/ }).click();
    await page.getByRole('menuitem', { name: 'Signaler au CDOM' }).click();
    const dialog = page.getByRole('dialog', { name: 'Signaler au CDOM' });
    await expect(dialog.getByRole('textbox', { name: 'Motif du signalement' })).toHaveValue(/annuaire RPPS/);
    await dialog
      .getByRole('textbox', { name: 'Motif du signalement' })
      .fill('Installé à Provins depuis 2019, encadre déjà des externes.');
    await dialog.getByRole('button', { name: 'Créer le signalement' }).click();
    await expect(dialog).toBeHidden();
    await expect(row.getByRole('link', { name: 'Signalement en cours' })).toBeVisible();

    // Saved: after a reload the row still points to its referral, which carries the reason.
    await page.reload();
    const saved = page
      .getByRole('table', { name: 'Médecins généralistes non MSU' })
      .getByRole('row')
      .filter({ hasText: 'DUBOIS' });
    await saved.getByRole('link', { name: 'Signalement en cours' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Dubois/i })).toBeVisible();
    await expect(page.getByText('Installé à Provins depuis 2019, encadre déjà des externes.')).toBeVisible();
  });

  test('refuse un motif trop court, au champ, sans créer de signalement', async ({ page }) => {
    await page.goto('/generalistes-non-msu');
    const table = page.getByRole('table', { name: 'Médecins généralistes non MSU' });
    const row = table.getByRole('row').filter({ hasText: 'MARTIN' });
    await row.getByRole('button', { name: /^Actions pour .*MARTIN/ }).click();
    await page.getByRole('menuitem', { name: 'Signaler au CDOM' }).click();
    const dialog = page.getByRole('dialog', { name: 'Signaler au CDOM' });
    const reason = dialog.getByRole('textbox', { name: 'Motif du signalement' });
    await reason.fill('À voir.');
    await dialog.getByRole('button', { name: 'Créer le signalement' }).click();
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('mat-form-field:has(mat-label:text-is("Motif du signalement"))')).toContainText(
      'Écrivez le motif (10 caractères au moins).',
    );
    await expect(reason).toHaveAttribute('aria-invalid', 'true');

    await page.reload();
    await expect(table.getByRole('row').filter({ hasText: 'MARTIN' })).toBeVisible();
    await expect(
      table.getByRole('row').filter({ hasText: 'MARTIN' }).getByRole('link', { name: 'Signalement en cours' }),
    ).toHaveCount(0);
  });

  test('montre ce que rapporterait la maîtrise de stage et propose le PDF', async ({ page }) => {
    await page.goto('/generalistes-non-msu?commune=77288');
    const row = page
      .getByRole('table', { name: 'Médecins généralistes non MSU' })
      .getByRole('row')
      .filter({ hasText: 'MARTIN' });
    await row.getByRole('button', { name: /^Actions pour .*MARTIN/ }).click();
    await page.getByRole('menuitem', { name: 'Ce que rapporterait la maîtrise de stage' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: 'Ce que rapporterait la maîtrise de stage' })).toBeVisible();
    await expect(dialog.getByRole('row', { name: /Un interne/ })).toContainText('€');
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('link', { name: 'Télécharger le PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  });

  test('tient sur un téléphone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/generalistes-non-msu');
    await expect(page.getByRole('heading', { level: 1, name: 'Médecins généralistes non MSU' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await capture(page, 'general-practitioners-390');
  });
});
