import { expect, test } from '@playwright/test';
import { UsersPage } from './pages/users.page';
import { storageStateFor } from './support/accounts';
import { capture } from './support/screenshots';

// Three forms that used to reload the page and save nothing: each is submitted, the page is
// reloaded, and the saved value is read back from the server's answer.

test.describe('Semestres : saisir les demandes', () => {
  test.use({ storageState: storageStateFor('mission_officer') });

  test('enregistre les places demandées, toujours là après rechargement', async ({ page }) => {
    await page.goto('/semestres');
    const edit = page.getByRole('button', { name: /^Saisir les demandes, / }).first();
    const label = ((await edit.getAttribute('aria-label')) ?? '').replace('Saisir les demandes, ', '');
    await edit.click();
    const dialog = page.getByRole('dialog', { name: `Demandes — ${label}` });
    await expect(dialog).toBeVisible();
    const firstRow = dialog.getByRole('row').nth(1);
    const stageType = (await firstRow.getByRole('rowheader').innerText()).trim();
    const requested = String(30 + Math.floor(Math.random() * 60));
    await firstRow.getByRole('spinbutton', { name: /Demandées/ }).fill(requested);
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/\/semestres$/);

    await page.reload();
    const table = page.getByRole('table', { name: `Places par type de stage, ${label}` });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: stageType, exact: true }) });
    await expect(row.getByRole('cell').nth(1)).toHaveText(requested);
  });

  test('garde le dialogue ouvert et dit l’erreur au champ pour un nombre négatif', async ({ page }) => {
    await page.goto('/semestres');
    await page
      .getByRole('button', { name: /^Saisir les demandes, / })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: /^Demandes — / });
    const field = dialog
      .getByRole('row')
      .nth(1)
      .getByRole('spinbutton', { name: /Demandées/ });
    await field.fill('-3');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(dialog).toBeVisible();
    const error = dialog.getByRole('row').nth(1).locator('mat-error').first();
    await expect(error).toHaveText('Nombre entier, 0 ou plus.');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
  });
});

test.describe('Signalement : ajouter un suivi', () => {
  test.use({ storageState: storageStateFor('mission_officer') });

  test('ajoute le suivi, toujours là après rechargement', async ({ page }) => {
    await page.goto('/signalements?statut=open');
    const table = page.getByRole('table', { name: 'Signalements' });
    await table.locator('tbody tr').first().getByRole('link').first().click();
    await expect(page).toHaveURL(/\/signalements\/[0-9a-f-]{36}$/);
    const note = `Appel du ${new Date().toLocaleString('fr-FR')} : rappel prévu la semaine prochaine (${Date.now()}).`;
    await page.getByRole('textbox', { name: 'Nouveau suivi' }).fill(note);
    await page.getByRole('button', { name: 'Ajouter le suivi' }).click();
    const followUps = page.getByRole('list', { name: 'Suivis, du plus récent au plus ancien' });
    await expect(followUps).toContainText(note);
    await expect(page.getByRole('textbox', { name: 'Nouveau suivi' })).toHaveValue('');

    await page.reload();
    await expect(followUps.getByRole('listitem').first()).toContainText(note);
  });

  test('refuse un suivi vide, au champ', async ({ page }) => {
    await page.goto('/signalements?statut=open');
    await page
      .getByRole('table', { name: 'Signalements' })
      .locator('tbody tr')
      .first()
      .getByRole('link')
      .first()
      .click();
    await expect(page).toHaveURL(/\/signalements\/[0-9a-f-]{36}$/);
    const box = page.getByRole('textbox', { name: 'Nouveau suivi' });
    await box.fill(' ');
    await page.getByRole('button', { name: 'Ajouter le suivi' }).click();
    // Spaces only: the API refuses it, and its message sits at the field with the field's label.
    await expect(page.locator('mat-form-field', { has: box })).toContainText('Nouveau suivi : 2 caractères au moins.');
    await expect(box).toHaveAttribute('aria-invalid', 'true');
  });
});

test.describe('Utilisateurs : changer le rôle', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('change le rôle d’un compte, toujours changé après rechargement', async ({ page }) => {
    const users = new UsersPage(page);
    const email = `role.${Date.now()}@demo.maillage.fr`;
    await users.goto();
    await users.create({
      displayName: 'Compte à changer de rôle',
      email,
      role: 'Département',
      departementCode: '77',
      password: 'un-mot-de-passe-solide-77',
    });
    await expect(users.dialog).toBeHidden();
    await users.search.fill(email);
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(page.getByRole('status').filter({ hasText: /^1 compte/ })).toBeVisible();
    await expect(users.row(email)).toContainText('Département');

    await users
      .row(email)
      .getByRole('button', { name: `Actions pour ${email}` })
      .click();
    await page.getByRole('menuitem', { name: 'Changer le rôle' }).click();
    const dialog = page.getByRole('dialog', { name: 'Changer le rôle' });
    await dialog.getByRole('combobox', { name: 'Nouveau rôle' }).click();
    await page.getByRole('option', { name: 'Membre de comité', exact: true }).click();
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(dialog).toBeHidden();
    // The page did not reload itself: the list still holds the search.
    await expect(users.search).toHaveValue(email);

    await page.reload();
    await expect(users.row(email)).toContainText('Membre de comité');
  });

  test('place le refus de l’API au champ concerné, avec son libellé', async ({ page }) => {
    const users = new UsersPage(page);
    await users.goto();
    await users.create({
      displayName: 'Département non servi',
      email: `non.servi.${Date.now()}@demo.maillage.fr`,
      role: 'Département',
      departementCode: '13',
      password: 'un-mot-de-passe-solide-77',
    });
    const message = 'Code du département : le département 13 n’est pas servi par cette installation.';
    await expect(users.dialog.locator('mat-form-field', { hasText: 'Code du département' })).toContainText(message);
    await expect(users.dialog.getByRole('alert')).toContainText(message);
    await expect(users.dialog).not.toContainText('departementCode');
    await capture(page, 'formulaire-erreur-au-champ');
  });
});
