import { expect, type Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { storageStateFor } from './support/accounts';
import { capture } from './support/screenshots';

// A spreadsheet of sites as a French office exports it: Windows-1252, « ; », one header
// (« Structure d'accueil ») that the import does not recognise, and one row with errors.
const FIXTURE = join(__dirname, '..', 'fixtures', 'imports', 'terrains-windows-1252.csv');

/** The fixture with a tag of this run in the site names (ASCII: the bytes stay Windows-1252). */
function sitesFile(tag: string): Buffer {
  return Buffer.from(readFileSync(FIXTURE).toString('latin1').replaceAll('{tag}', tag), 'latin1');
}

async function confirm(page: Page, button: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: button }).click();
  await expect(dialog).toBeHidden();
}

test.describe('Import de terrains, chargée de mission', () => {
  test.use({ storageState: storageStateFor('mission_officer') });

  test('importe un CSV Windows-1252, corrige une colonne, voit les erreurs, applique puis annule', async ({ page }) => {
    const tag = `imp${Date.now().toString(36)}`;
    const fileName = `terrains-${tag}.csv`;
    expect(sitesFile(tag).includes(Buffer.from('Écluse', 'latin1'))).toBe(true);

    await page.goto('/imports');
    await expect(page.getByRole('heading', { level: 1, name: 'Imports de tableurs' })).toBeVisible();
    await page.getByRole('link', { name: 'Importer un fichier' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Importer un tableur' })).toBeVisible();
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: sitesFile(tag) });
    await expect(page.getByText(`${fileName} (1 ko)`)).toBeVisible();
    await page.getByRole('button', { name: 'Envoyer et voir l’aperçu' }).click();

    // The columns were read from the Windows-1252 headers; the name column was not recognised.
    await expect(page.getByRole('heading', { level: 1, name: fileName })).toBeVisible();
    await expect(page.getByText('CSV, Windows-1252, séparateur « ; »')).toBeVisible();
    await expect(
      page.getByRole('alert').filter({ hasText: 'Choisissez une colonne pour : Nom du terrain' }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Appliquer l’import' })).toHaveCount(0);
    await capture(page, 'imports-mapping-1366');

    await page.getByRole('combobox', { name: 'Nom du terrain *' }).click();
    await page.getByRole('option', { name: "Colonne 1 : « Structure d'accueil »" }).click();
    await page.getByRole('button', { name: 'Enregistrer les correspondances et recalculer l’aperçu' }).click();

    // The preview: two sites to create, one row rejected with its reasons in French.
    await expect(page.getByText('2 créations, 0 mise à jour, 0 inchangé, 1 rejet.')).toBeVisible();
    const rows = page.getByRole('table', { name: 'Lignes du fichier' });
    const rejected = rows.getByRole('row').filter({ hasText: 'Rejeté' });
    await expect(rejected).toHaveCount(1);
    await expect(rejected).toContainText('Code postal');
    await expect(rejected).toContainText('Logement sur place');
    await expect(rows.getByRole('row').filter({ hasText: 'Création' })).toHaveCount(2);

    // The mapping chosen is saved: a reload shows it.
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Nom du terrain *' })).toContainText('Structure d');
    await expect(page.getByText('2 créations, 0 mise à jour, 0 inchangé, 1 rejet.')).toBeVisible();
    await capture(page, 'imports-preview-1366');

    await page.getByRole('button', { name: 'Appliquer l’import' }).click();
    await confirm(page, 'Appliquer l’import');
    await expect(page.getByRole('heading', { level: 2, name: 'Résultat de l’import' })).toBeVisible();
    await expect(page.getByText('2 créés, 0 mis à jour, 0 inchangé, 1 rejeté.')).toBeVisible();
    await capture(page, 'imports-result-1366');

    // The new sites are in the list, accents intact.
    await page.goto(`/terrains?q=${tag}`);
    const sites = page.getByRole('table', { name: 'Terrains de stage' });
    await expect(sites.getByRole('link', { name: `Cabinet de l'Écluse ${tag}` })).toBeVisible();
    await expect(sites.getByRole('link', { name: `Maison de santé Étoile ${tag}` })).toBeVisible();

    // Undo from the history: the sites are gone.
    await page.goto('/imports');
    const history = page.getByRole('table', { name: 'Historique des imports' });
    const row = history.getByRole('row').filter({ hasText: fileName });
    await expect(row).toContainText('Importé');
    await row.getByRole('button', { name: `Annuler l’import ${fileName}` }).click();
    await confirm(page, 'Annuler l’import');
    await expect(row).toContainText('Annulé');
    await expect(row.getByRole('button', { name: /Annuler l’import/ })).toHaveCount(0);

    await page.goto(`/terrains?q=${tag}`);
    await expect(page.getByRole('status').filter({ hasText: 'Aucun terrain trouvé.' })).toBeVisible();
  });

  test('l’historique et l’assistant tiennent sur un téléphone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/imports', '/imports/nouveau']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await capture(page, `imports${path.replaceAll('/', '-')}-390`);
    }
  });
});
