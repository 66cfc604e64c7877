import { expect, type Page, test } from '@playwright/test';
import { storageStateFor } from './support/accounts';
import { create, field, frenchDate, isoDate, stamp } from './support/form-helpers';

// The committee forms of the registry (src/forms/registry.ts): a meeting created then modified,
// still on screen after a reload; a meeting and an action refused, each message at its field.

async function createMeeting(page: Page): Promise<{ id: string; title: string }> {
  return create(page, '/api/committee-meetings', {
    kind: 'follow_up',
    heldOn: isoDate(10),
    title: `Comité de suivi e2e ${stamp()}`,
  });
}

test.describe('Comités, chargée de mission', () => {
  test.use({ storageState: storageStateFor('mission_officer') });

  test('Réunion : créée puis modifiée, toujours là après rechargement', async ({ page }) => {
    const title = `Comité stratégique de printemps ${stamp()}`;
    await page.goto('/comites/nouvelle');
    await page.getByRole('combobox', { name: 'Comité' }).click();
    await page.getByRole('option', { name: 'Comité stratégique', exact: true }).click();
    await page.getByRole('textbox', { name: 'Date', exact: true }).fill(frenchDate(20));
    await page.getByRole('textbox', { name: 'Intitulé' }).fill(title);
    await page.getByRole('textbox', { name: 'Lieu' }).fill('Hôtel du Département, Melun');
    await page.getByRole('button', { name: 'Ajouter un participant' }).click();
    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Mme Claire Durand');
    await page.getByRole('button', { name: 'Ajouter une décision' }).click();
    await page.getByRole('textbox', { name: 'Décision 1' }).fill('Ouvrir deux terrains de stage à Provins.');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page).toHaveURL(/\/comites\/[0-9a-f-]{36}$/);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('main')).toContainText('Hôtel du Département, Melun');
    await expect(page.getByRole('main')).toContainText('Mme Claire Durand');
    await expect(page.locator('ol.decisions')).toContainText('Ouvrir deux terrains de stage à Provins.');
    const meetingUrl = page.url();

    await page.getByRole('link', { name: 'Modifier' }).click();
    await expect(page).toHaveURL(/\/modifier$/);
    const titleBox = page.getByRole('textbox', { name: 'Intitulé' });
    await expect(titleBox).toHaveValue(title);
    const renamed = `${title} (reporté)`;
    await titleBox.fill(renamed);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page).toHaveURL(meetingUrl);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(renamed);
    await expect(page.getByRole('main')).toContainText('Mme Claire Durand');
  });

  test('Réunion : refuse un formulaire vide puis une décision d’une lettre, au champ', async ({ page }) => {
    const title = `Comité refusé ${stamp()}`;
    await page.goto('/comites/nouvelle');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(field(page, 'Comité')).toContainText('Choisissez le comité.');
    await expect(field(page, 'Date')).toContainText('Saisissez la date (jj/mm/aaaa).');
    await expect(field(page, 'Intitulé')).toContainText('Donnez un intitulé (2 caractères au moins).');
    // An empty required field is announced by aria-required and its error (aria-describedby).
    await expect(page.getByRole('textbox', { name: 'Intitulé' })).toHaveAccessibleDescription(
      /Donnez un intitulé \(2 caractères au moins\)\./,
    );

    // One letter between spaces passes the browser's rules; the API refuses it at the decision.
    await page.getByRole('combobox', { name: 'Comité' }).click();
    await page.getByRole('option', { name: 'Comité de suivi', exact: true }).click();
    await page.getByRole('textbox', { name: 'Date', exact: true }).fill(frenchDate(20));
    await page.getByRole('textbox', { name: 'Intitulé' }).fill(title);
    await page.getByRole('button', { name: 'Ajouter une décision' }).click();
    await page.getByRole('textbox', { name: 'Décision 1' }).fill(' y ');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(field(page, 'Décision 1')).toContainText('Décision 1 : 2 caractères au moins.');
    await expect(page.getByRole('main')).not.toContainText('decisions.0');
    await expect(page).toHaveURL(/\/comites\/nouvelle$/);

    await page.goto('/comites');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: new RegExp(title) })).toHaveCount(0);
  });

  test('Action de réunion : refuse une action vide puis une échéance illisible, au champ', async ({ page }) => {
    const meeting = await createMeeting(page);
    const title = `Relancer la faculté ${stamp()}`;
    await page.goto(`/comites/${meeting.id}`);
    await page.getByRole('button', { name: 'Ajouter une action' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajouter une action' });
    await expect(dialog.getByRole('textbox', { name: 'Action' })).toBeFocused();
    await dialog.getByRole('textbox', { name: 'Action' }).fill('  ');
    await dialog.getByRole('radio', { name: 'Une autre personne ou structure' }).check();
    await dialog.getByRole('button', { name: 'Ajouter l’action' }).click();
    await expect(field(dialog, 'Action')).toContainText('Décrivez l’action (2 caractères au moins).');
    await expect(field(dialog, 'Responsable')).toContainText('Saisissez le responsable (2 caractères au moins).');
    await expect(field(dialog, 'Échéance')).toContainText('Saisissez une échéance (jj/mm/aaaa).');

    // A year out of the API's range (0100, a typo): its 400 (`items.0.dueOn`) lands at the field, by its label.
    await dialog.getByRole('textbox', { name: 'Action' }).fill(title);
    await dialog.getByRole('textbox', { name: 'Responsable' }).fill('Faculté de médecine');
    await dialog.getByRole('textbox', { name: 'Échéance' }).fill('01/01/0100');
    await dialog.getByRole('button', { name: 'Ajouter l’action' }).click();
    await expect(field(dialog, 'Échéance')).toContainText('Échéance : année hors de la plage admise (1900 à 2199).');
    await expect(dialog).not.toContainText('items.0');
    await dialog.getByRole('button', { name: 'Annuler' }).click();

    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(meeting.title);
    await expect(page.getByRole('main')).not.toContainText(title);
  });
});
