import { expect, type Locator, type Page, test } from '@playwright/test';
import { storageStateFor } from './support/accounts';

// Forms of the registry (src/forms/registry.ts) refused with invalid data: the message sits at
// the field, the dialog stays open, and after a reload nothing was saved.

const stamp = () => Date.now().toString(36);

/** The Material form field labelled `label` inside `scope`: where its error is shown. */
function field(scope: Page | Locator, label: string): Locator {
  return scope.locator(`mat-form-field:has(mat-label:text-is("${label}"))`);
}

/** A professional created through the API (the screens under test start from its page). */
async function createProfessional(page: Page, lastName: string): Promise<string> {
  const response = await page.request.post('/api/professionals', {
    data: { firstName: 'Inès', lastName, profession: 'Médecin', specialty: 'Médecine générale' },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test.describe('Formulaires refusés au champ, chargée de mission', () => {
  test.use({ storageState: storageStateFor('mission_officer') });

  test('État de l’offre : refuse un intitulé vide, au champ, sans relevé', async ({ page }) => {
    await page.goto('/etat-offre');
    const rows = page.getByRole('table', { name: 'Relevés de l’état de l’offre' }).locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    const before = await rows.count();
    await page.getByRole('button', { name: /Arrêter l’état de l’offre/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Arrêter l’état de l’offre' });
    await dialog.getByRole('textbox', { name: 'Intitulé' }).fill(' ');
    await dialog.getByRole('button', { name: 'Arrêter les chiffres du jour' }).click();
    await expect(dialog).toBeVisible();
    await expect(field(dialog, 'Intitulé')).toContainText('Saisissez un intitulé (2 caractères au moins).');
    await expect(dialog.getByRole('textbox', { name: 'Intitulé' })).toHaveAttribute('aria-invalid', 'true');

    await page.reload();
    await expect(rows).toHaveCount(before);
  });

  test('Bilan annuel : refuse une année hors des bornes, au champ', async ({ page }) => {
    await page.goto('/bilans');
    await page.getByRole('button', { name: 'Nouveau bilan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouveau bilan annuel' });
    await dialog.getByRole('spinbutton', { name: 'Année' }).fill('2019');
    await dialog.getByRole('button', { name: 'Créer le brouillon' }).click();
    await expect(dialog).toBeVisible();
    await expect(field(dialog, 'Année')).toContainText('Saisissez une année entre 2020 et 2100.');
    await expect(dialog.getByRole('spinbutton', { name: 'Année' })).toHaveAttribute('aria-invalid', 'true');

    await page.reload();
    await expect(page).toHaveURL(/\/bilans$/);
    await expect(page.getByRole('main')).not.toContainText('Bilan 2019');
  });

  test('Bilan annuel : refuse d’approuver un bilan aux sections vides sans la confirmation ; rien n’est approuvé', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await page.goto('/bilans');
    await page.getByRole('button', { name: 'Nouveau bilan' }).click();
    const create = page.getByRole('dialog', { name: 'Nouveau bilan annuel' });
    await create.getByRole('spinbutton', { name: 'Année' }).fill('2021');
    await create.getByRole('button', { name: 'Créer le brouillon' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('2021');
    await page.getByRole('button', { name: 'Rédiger les sections' }).click();
    await page.getByRole('textbox', { name: 'Introduction' }).fill('Une année de préparation.');
    await page.getByRole('button', { name: 'Enregistrer les sections' }).click();
    await expect(page.getByRole('article').filter({ hasText: 'Une année de préparation.' })).toBeVisible();
    await page.getByRole('button', { name: 'Présenter au comité' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Présenter au comité' }).click();

    await page.getByRole('button', { name: 'Approuver' }).click();
    const approve = page.getByRole('dialog', { name: 'Approuver le bilan 2021' });
    await expect(approve).toContainText('5 sections sur 6 sont vides');
    await approve.getByRole('button', { name: 'Approuver et figer les chiffres' }).click();
    await expect(approve).toBeVisible();
    const confirmation = approve.getByRole('checkbox', { name: /Je confirme vouloir approuver ce bilan/ });
    // The message sits right under the confirmation box it asks for.
    await expect(approve.locator('mat-checkbox + .field-error')).toHaveText(
      'Cochez la confirmation pour approuver un bilan incomplet.',
    );
    await expect(confirmation).not.toBeChecked();
    await page.keyboard.press('Escape');
    await expect(approve).toBeHidden();

    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('2021');
    await expect(page.getByRole('button', { name: 'Approuver' })).toBeVisible();
    await expect(page.getByText(/Chiffres provisoires/)).toBeVisible();
  });

  test('Agrément → Documents : refuse un fichier dont le contenu n’est pas du type annoncé, au bouton du fichier', async ({
    page,
  }) => {
    const fileName = `Décision ${stamp()}.pdf`;
    const open = async () => {
      await page
        .getByRole('table', { name: 'Agréments' })
        .getByRole('button', { name: /^Actions pour l’agrément de / })
        .first()
        .click();
      await page.getByRole('menuitem', { name: 'Documents' }).click();
      return page.getByRole('dialog');
    };
    await page.goto('/agrements');
    const dialog = await open();
    await dialog.locator('input[type=file]').setInputFiles({
      name: fileName,
      mimeType: 'application/pdf',
      buffer: Buffer.from('Ceci est un texte, pas un PDF.\n'),
    });
    const attach = dialog.getByRole('button', { name: 'Joindre un document' });
    await expect(attach).toHaveAccessibleDescription(/n’est pas un fichier PDF valide/);
    await expect(dialog.getByRole('alert').filter({ hasText: 'n’est pas un fichier PDF valide' })).toBeVisible();
    await expect(dialog).toBeVisible();

    await page.reload();
    const reopened = await open();
    await expect(reopened.getByRole('list', { name: 'Documents joints' })).toBeVisible();
    await expect(reopened.getByRole('link', { name: fileName })).toHaveCount(0);
  });

  test('Changer d’étape pour la sélection : refuse sans étape choisie, au champ', async ({ page }) => {
    await page.goto('/professionnels?etapes=identified');
    const table = page.getByRole('table', { name: 'Professionnels' });
    const boxes = table.getByRole('checkbox', { name: /^Sélectionner (?!toutes)/ });
    await boxes.nth(1).check();
    await boxes.nth(0).check();
    await expect(page.getByText('2 professionnels sélectionnés')).toBeVisible();
    await page.getByRole('button', { name: 'Changer d’étape' }).click();
    const dialog = page.getByRole('dialog', { name: 'Changer d’étape du parcours MSU' });
    await dialog.getByRole('button', { name: 'Déplacer 2 professionnels' }).click();
    await expect(dialog).toBeVisible();
    await expect(field(dialog, 'Nouvelle étape')).toContainText(
      'Choisissez l’étape où passent les professionnels sélectionnés.',
    );
    await expect(dialog.getByRole('combobox', { name: 'Nouvelle étape' })).toHaveAttribute('aria-invalid', 'true');

    await page.reload();
    await expect(page.getByRole('table', { name: 'Professionnels' }).locator('tbody tr').first()).toBeVisible();
    await expect(page).toHaveURL(/etapes=identified/);
  });

  test('Demander un agrément : refuse sans type de stage et au-delà de vingt étudiants, au champ', async ({ page }) => {
    const id = await createProfessional(page, `Demande-${stamp()}`);
    await page.goto(`/professionnels/${id}`);
    const card = page.locator('app-accreditations-card');
    await card.getByRole('button', { name: 'Demander un agrément' }).click();
    const dialog = page.getByRole('dialog', { name: 'Demander un agrément' });
    await dialog.getByRole('spinbutton', { name: 'Étudiants accueillis au plus' }).fill('25');
    await dialog.getByRole('button', { name: 'Enregistrer la demande' }).click();
    await expect(dialog).toBeVisible();
    await expect(field(dialog, 'Types de stage')).toContainText('Choisissez au moins un type de stage.');
    await expect(field(dialog, 'Étudiants accueillis au plus')).toContainText('Vingt étudiants au plus.');

    await page.reload();
    await expect(card.getByRole('list', { name: 'Agréments' })).toContainText('Aucun agrément enregistré.');
  });

  test('Rattacher à un terrain : refuse une fin avant le début (400 de l’API), au champ', async ({ page }) => {
    const id = await createProfessional(page, `Rattache-${stamp()}`);
    const sites = await page.request.get('/api/sites?status=active&pageSize=1&sort=name:asc');
    const site = ((await sites.json()) as { items: { id: string; name: string }[] }).items[0];
    const linked = await page.request.post('/api/professional-site-links', {
      data: { professionalId: id, siteId: site.id, role: 'partner', startDate: '2025-09-01' },
    });
    expect(linked.status()).toBe(201);

    await page.goto(`/professionnels/${id}`);
    const places = page.getByRole('list', { name: 'Terrains d’exercice' });
    await places.getByRole('button', { name: /^Actions pour le rattachement / }).click();
    await page.getByRole('menuitem', { name: 'Terminer le rattachement' }).click();
    const dialog = page.getByRole('dialog', { name: 'Terminer le rattachement' });
    await dialog.getByRole('textbox', { name: 'Date de fin' }).fill('31/08/2025');
    await dialog.getByRole('button', { name: 'Terminer' }).click();
    await expect(dialog).toBeVisible();
    await expect(field(dialog, 'Date de fin')).toContainText(
      'Date de fin : la fin ne peut pas précéder le début du rattachement (01/09/2025).',
    );
    await expect(dialog.getByRole('textbox', { name: 'Date de fin' })).toHaveAttribute('aria-invalid', 'true');

    await page.reload();
    await expect(places).toContainText(site.name);
    await expect(page.getByRole('list', { name: 'Rattachements terminés' })).toHaveCount(0);
  });

  test('Nouvel import : refuse un fichier qui n’est pas un tableur, puis un fichier vide, au champ du fichier', async ({
    page,
  }) => {
    await page.goto('/imports/nouveau');
    const chooser = page.locator('ui-file-field input[type=file]');
    const button = page.getByRole('button', { name: 'Choisir le fichier' });
    const send = page.getByRole('button', { name: 'Envoyer et voir l’aperçu' });

    await send.click();
    await expect(page.locator('ui-file-field')).toContainText('Choisissez le fichier à importer.');

    // A PNG image renamed .csv: the API reads the bytes.
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    await chooser.setInputFiles({ name: `terrains-${stamp()}.csv`, mimeType: 'text/csv', buffer: png });
    await send.click();
    await expect(button).toHaveAccessibleDescription(/Fichier : Ce fichier est .*, pas un tableur\./);
    await expect(page.locator('ui-file-field').getByRole('alert')).toContainText('pas un tableur');
    await expect(page).toHaveURL(/\/imports\/nouveau$/);

    await chooser.setInputFiles({ name: 'vide.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
    await expect(page.locator('ui-file-field').getByRole('alert')).toHaveCount(0);
    await send.click();
    await expect(page.locator('ui-file-field').getByRole('alert')).toContainText(/^Fichier : /);
    await expect(page).toHaveURL(/\/imports\/nouveau$/);

    await page.goto('/imports');
    await expect(page.getByRole('main')).not.toContainText('vide.csv');
  });
});
