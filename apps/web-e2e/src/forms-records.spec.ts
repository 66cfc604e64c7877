import { expect, type Locator, type Page, test } from '@playwright/test';
import { storageStateFor } from './support/accounts';

// Forms of the registry and the field work (listed in src/forms/registry.ts): valid data is saved
// and still on screen after a reload; invalid data keeps the form and says why at the field.

/** `jj/mm/aaaa`, `days` from today. */
function frenchDate(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return date.toLocaleDateString('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric' });
}

const stamp = () => Date.now().toString(36);

/** The Material form field labelled `label` inside `scope`: where its error is shown. */
function field(scope: Page | Locator, label: string): Locator {
  return scope.locator(`mat-form-field:has(mat-label:text-is("${label}"))`);
}

test.describe('Formulaires du registre et du suivi, chargée de mission', () => {
  test.use({ storageState: storageStateFor('mission_officer') });

  test('Tâche : crée une tâche, toujours là après rechargement', async ({ page }) => {
    await page.goto('/taches');
    await page.getByRole('button', { name: 'Nouvelle tâche' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle tâche' });
    const title = `Rappeler la mairie de Provins ${stamp()}`;
    await dialog.getByRole('textbox', { name: 'Titre' }).fill(title);
    await dialog.getByRole('textbox', { name: 'Échéance' }).fill(frenchDate(12));
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole('searchbox', { name: 'Rechercher une tâche' }).fill(title);
    await expect(page).toHaveURL(/[?&]q=/);
    await page.reload();
    const row = page.getByRole('table', { name: 'Tâches' }).getByRole('row').filter({ hasText: title });
    await expect(row).toHaveCount(1);
  });

  test('Tâche : refuse un intitulé vide, au champ', async ({ page }) => {
    await page.goto('/taches');
    await page.getByRole('button', { name: 'Nouvelle tâche' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle tâche' });
    await dialog.getByRole('textbox', { name: 'Titre' }).fill('x');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(dialog).toBeVisible();
    await expect(field(dialog, 'Titre')).toContainText('Saisissez un titre (2 caractères au moins).');
    await expect(dialog.getByRole('textbox', { name: 'Titre' })).toHaveAttribute('aria-invalid', 'true');
  });

  test('Mesure : crée une mesure, toujours là après rechargement', async ({ page }) => {
    await page.goto('/mesures/nouvelle');
    const name = `Aide au logement des internes ${stamp()}`;
    await page.getByRole('combobox', { name: 'Type de mesure' }).click();
    await page.getByRole('option').first().click();
    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill(name);
    await page.getByRole('spinbutton', { name: 'Budget prévu' }).fill('12000');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page).toHaveURL(/\/mesures\/[0-9a-f-]{36}$/);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByRole('main')).toContainText(/12\s000/);
  });

  test('Mesure : refuse un nom vide, au champ', async ({ page }) => {
    await page.goto('/mesures/nouvelle');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page).toHaveURL(/\/mesures\/nouvelle$/);
    await expect(field(page, 'Nom')).toContainText('Donnez un nom à la mesure.');
    // An empty required field is announced by aria-required and its error (aria-describedby).
    await expect(page.getByRole('textbox', { name: 'Nom', exact: true })).toHaveAccessibleDescription(
      /Donnez un nom à la mesure\./,
    );
  });

  test('Professionnel : crée une fiche, toujours là après rechargement', async ({ page }) => {
    await page.goto('/professionnels');
    await page.getByRole('button', { name: 'Ajouter un professionnel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajouter un professionnel' });
    const lastName = `Perrault-${stamp()}`;
    await dialog.getByRole('textbox', { name: 'Prénom' }).fill('Agnès');
    await dialog.getByRole('textbox', { name: 'Nom', exact: true }).fill(lastName);
    await dialog.getByRole('textbox', { name: 'Profession' }).fill('Médecin');
    await dialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await expect(page).toHaveURL(/\/professionnels\/[0-9a-f-]{36}$/);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(lastName);
  });

  test('Professionnel : refuse un RPPS invalide, au champ', async ({ page }) => {
    await page.goto('/professionnels');
    await page.getByRole('button', { name: 'Ajouter un professionnel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajouter un professionnel' });
    await dialog.getByRole('textbox', { name: 'Prénom' }).fill('Agnès');
    await dialog.getByRole('textbox', { name: 'Nom', exact: true }).fill('Perrault');
    await dialog.getByRole('textbox', { name: 'Numéro RPPS' }).fill('123');
    await dialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await expect(dialog).toBeVisible();
    await expect(field(dialog, 'Numéro RPPS')).toContainText('Le numéro RPPS compte 11 chiffres.');
  });

  test('Difficulté : refuse une description vide, au champ', async ({ page }) => {
    await page.goto('/difficultes-acces/nouvelle');
    await page.getByRole('textbox', { name: 'Description' }).fill('Court');
    await page.getByRole('button', { name: /^(Enregistrer|Proposer)$/ }).click();
    await expect(page).toHaveURL(/\/difficultes-acces\/nouvelle$/);
    await expect(field(page, 'Description')).toContainText('Décrivez la difficulté (10 caractères au moins).');
    await expect(field(page, 'Terrain')).toContainText('Choisissez un terrain dans la liste.');
  });

  test('Capacités d’accueil : refuse une capacité négative, au champ', async ({ page }) => {
    await page.goto('/terrains?statut=active');
    await page.getByRole('table', { name: 'Terrains' }).locator('tbody tr').first().getByRole('link').first().click();
    await expect(page).toHaveURL(/\/terrains\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Modifier les capacités' }).click();
    const dialog = page.getByRole('dialog', { name: 'Capacités d’accueil' });
    const first = dialog.getByRole('spinbutton').first();
    await first.fill('-2');
    await dialog.getByRole('button', { name: 'Enregistrer les capacités' }).click();
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('mat-form-field').first()).toContainText('De 0 à 50 places (nombre entier).');
    await expect(first).toHaveAttribute('aria-invalid', 'true');
  });
});

test.describe('Signaler un candidat MSU, CDOM', () => {
  test.use({ storageState: storageStateFor('cdom') });

  test('Signalement : refuse un formulaire vide, au champ', async ({ page }) => {
    await page.goto('/signalements/nouveau');
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await expect(page).toHaveURL(/\/signalements\/nouveau$/);
    await expect(field(page, 'Prénom')).toContainText('Saisissez le prénom.');
    await expect(field(page, 'Motif du signalement')).toContainText(
      'Expliquez pourquoi ce professionnel pourrait devenir MSU.',
    );
  });
});
