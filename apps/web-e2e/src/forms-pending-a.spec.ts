import { expect, type Page, test } from '@playwright/test';
import { storageStateFor } from './support/accounts';
import { create, field, frenchDate, isoDate, stamp } from './support/form-helpers';

// Forms of the registry that had no browser test yet (listed in src/forms/registry.ts): valid data
// is saved and still on screen after a reload; invalid data keeps the form, says why at the field
// (the client's rules, then one the API refuses: its 400 lands at the field with the field's label),
// and saves nothing. Each test creates the records it needs through the API.

async function createSite(page: Page, label: string): Promise<{ id: string; name: string }> {
  return create(page, '/api/sites', {
    name: `${label} ${stamp()}`,
    kind: 'cabinet_groupe',
    status: 'active',
    addressLine1: '2 rue de la Mairie',
    postalCode: '77167',
    communeCode: '77178',
    capacities: [{ stageType: 'N1', places: 1 }],
  });
}

test.describe('Formulaires restants (A), chargée de mission', () => {
  test.use({ storageState: storageStateFor('mission_officer') });

  test('Session de formation : ajoutée, toujours là après rechargement', async ({ page }) => {
    const lastName = `Formation-${stamp()}`;
    const { id } = await create(page, '/api/professionals', { firstName: 'Odile', lastName, civility: 'DR' });
    await page.goto(`/professionnels/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(lastName) })).toBeVisible();
    await page.getByRole('button', { name: 'Ajouter une session', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajouter une session de formation' });
    const title = `Séminaire des MSU de Melun ${stamp()}`;
    await dialog.getByRole('textbox', { name: 'Intitulé' }).fill(title);
    await dialog.getByRole('textbox', { name: 'Date' }).fill(frenchDate(-3));
    await dialog.getByRole('spinbutton', { name: 'Durée (heures)' }).fill('3.5');
    await dialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await expect(dialog).toBeHidden();

    await page.reload();
    const session = page.locator('ul.sessions li').filter({ hasText: title });
    await expect(session).toContainText(frenchDate(-3));
    await expect(session).toContainText('(3,5 h)');
  });

  test('Session de formation : refuse une durée hors limites, une date future et un intitulé blanc, au champ', async ({
    page,
  }) => {
    const lastName = `Formation-${stamp()}`;
    const { id } = await create(page, '/api/professionals', { firstName: 'Odile', lastName, civility: 'DR' });
    await page.goto(`/professionnels/${id}`);
    await page.getByRole('button', { name: 'Ajouter une session', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajouter une session de formation' });
    const hours = dialog.getByRole('spinbutton', { name: 'Durée (heures)' });
    await dialog.getByRole('textbox', { name: 'Intitulé' }).fill('Séminaire');
    await dialog.getByRole('textbox', { name: 'Date' }).fill(frenchDate(5));
    await hours.fill('150');
    await dialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await expect(field(dialog, 'Durée (heures)')).toContainText(
      'Une durée de 0,5 à 100 heures (une décimale au plus).',
    );
    await expect(field(dialog, 'Date')).toContainText('Date requise, pas dans le futur.');
    await expect(hours).toHaveAttribute('aria-invalid', 'true');

    // Spaces only pass the browser's rules; the API refuses the title, at its field.
    await dialog.getByRole('textbox', { name: 'Intitulé' }).fill('   ');
    await dialog.getByRole('textbox', { name: 'Date' }).fill(frenchDate(-1));
    await hours.fill('2');
    await dialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await expect(field(dialog, 'Intitulé')).toContainText('Intitulé : 2 caractères au moins.');
    await expect(dialog).not.toContainText('title');

    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(lastName) })).toBeVisible();
    await expect(page.locator('ul.sessions li')).toHaveCount(0);
  });

  test('Agrément : refuse une fin avant le début et un retrait avant le début, au champ', async ({ page }) => {
    const requested = await createSite(page, 'Cabinet e2e accord refusé');
    const granted = await createSite(page, 'Cabinet e2e retrait refusé');
    const base = { cycle: '3', type: 'principal', stageTypes: ['N1'], maxStudents: 2, authority: 'ARS Île-de-France' };
    await create(page, '/api/accreditations', { ...base, siteId: requested.id });
    await create(page, '/api/accreditations', {
      ...base,
      siteId: granted.id,
      status: 'granted',
      startDate: isoDate(-100),
      endDate: isoDate(1000),
    });
    const table = page.getByRole('table', { name: 'Agréments' });
    const menu = (name: string) => page.getByRole('button', { name: `Actions pour l’agrément de ${name}` });

    await page.goto(`/agrements?terrain=${requested.id}`);
    await expect(table.getByRole('row').filter({ hasText: requested.name })).toContainText('Demandé');
    await menu(requested.name).click();
    await page.getByRole('menuitem', { name: 'Accorder l’agrément' }).click();
    const grant = page.getByRole('dialog', { name: 'Accorder l’agrément' });
    // The dialog moves focus to its first field once opened: typing before that would land there.
    await expect(grant.getByRole('textbox', { name: 'Date de début' })).toBeFocused();
    await grant.getByRole('textbox', { name: 'Date de début' }).fill(frenchDate());
    await grant.getByRole('textbox', { name: 'Date de fin' }).fill(frenchDate(-10));
    await grant.getByRole('button', { name: 'Accorder l’agrément' }).click();
    await expect(field(grant, 'Date de fin')).toContainText('La date de fin doit suivre la date de début.');
    await expect(grant.getByRole('textbox', { name: 'Date de fin' })).toHaveAttribute('aria-invalid', 'true');
    // The same day as the start: refused too, at the field.
    await grant.getByRole('textbox', { name: 'Date de fin' }).fill(frenchDate());
    await grant.getByRole('button', { name: 'Accorder l’agrément' }).click();
    await expect(field(grant, 'Date de fin')).toContainText('La date de fin doit suivre la date de début.');

    // A year out of the API's range (0100, a typo): its 400 names the field by its label.
    await grant.getByRole('textbox', { name: 'Date de fin' }).fill('');
    await grant.getByRole('textbox', { name: 'Date de début' }).fill('01/01/0100');
    await grant.getByRole('button', { name: 'Accorder l’agrément' }).click();
    await expect(field(grant, 'Date de début')).toContainText(
      'Date de début : année hors de la plage admise (1900 à 2199).',
    );
    await grant.getByRole('button', { name: 'Annuler' }).click();
    await page.reload();
    await expect(table.getByRole('row').filter({ hasText: requested.name })).toContainText('Demandé');

    await page.goto(`/agrements?terrain=${granted.id}`);
    await menu(granted.name).click();
    await page.getByRole('menuitem', { name: 'Retirer l’agrément' }).click();
    const withdraw = page.getByRole('dialog', { name: 'Retirer l’agrément' });
    await expect(withdraw.getByRole('textbox', { name: 'Date du retrait' })).toBeFocused();
    await withdraw.getByRole('textbox', { name: 'Date du retrait' }).fill(frenchDate(-200));
    await withdraw.getByRole('button', { name: 'Retirer l’agrément' }).click();
    await expect(field(withdraw, 'Date du retrait')).toContainText(
      'Saisissez une date valide, pas avant le début de l’agrément.',
    );
    await withdraw.getByRole('button', { name: 'Annuler' }).click();
    await page.reload();
    await expect(table.getByRole('row').filter({ hasText: granted.name })).toContainText('Accordé');
  });

  test('Clore un signalement : l’issue et la note, toujours là après rechargement', async ({ page }) => {
    const lastName = `Clos-${stamp()}`;
    const { id } = await create(page, '/api/candidate-referrals', {
      firstName: 'Hugo',
      lastName,
      reason: 'Généraliste installé depuis dix ans, intéressé par l’accueil d’internes.',
    });
    await page.goto(`/signalements/${id}`);
    await page.getByRole('button', { name: 'Clore…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Clore le signalement' });
    const note = `Ne souhaite pas accueillir d’internes avant 2028 (${stamp()}).`;
    await dialog.getByRole('radio', { name: 'A décliné' }).check();
    await dialog.getByRole('textbox', { name: 'Note de clôture' }).fill(note);
    await dialog.getByRole('button', { name: 'Clore', exact: true }).click();
    await expect(dialog).toBeHidden();

    await page.reload();
    const outcome = page.locator('mat-card', { has: page.getByRole('heading', { name: 'Suite donnée' }) });
    await expect(outcome).toContainText('A décliné');
    await expect(outcome).toContainText(note);
    await expect(page.getByRole('button', { name: 'Clore…' })).toHaveCount(0);
  });

  test('Clore un signalement : refuse une clôture sans issue ni note, puis une note blanche, au champ', async ({
    page,
  }) => {
    const { id } = await create(page, '/api/candidate-referrals', {
      firstName: 'Hugo',
      lastName: `Ouvert-${stamp()}`,
      reason: 'Généraliste installé depuis dix ans, intéressé par l’accueil d’internes.',
    });
    await page.goto(`/signalements/${id}`);
    await page.getByRole('button', { name: 'Clore…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Clore le signalement' });
    await dialog.getByRole('button', { name: 'Clore', exact: true }).click();
    await expect(dialog).toBeVisible();
    await expect(field(dialog, 'Note de clôture')).toContainText(
      'Écrivez une note de clôture (2 caractères au moins).',
    );
    // The outcome is a radio group (no form field): its message follows it.
    await expect(dialog.locator('mat-radio-group + p.field-error')).toHaveText('Choisissez l’issue du signalement.');

    // Spaces only: the API refuses the note, and its message sits at the field with its label.
    await dialog.getByRole('radio', { name: 'Non éligible' }).check();
    await dialog.getByRole('textbox', { name: 'Note de clôture' }).fill('   ');
    await dialog.getByRole('button', { name: 'Clore', exact: true }).click();
    await expect(field(dialog, 'Note de clôture')).toContainText('Note de clôture : 2 caractères au moins.');
    await expect(dialog.getByRole('textbox', { name: 'Note de clôture' })).toHaveAttribute('aria-invalid', 'true');
    await dialog.getByRole('button', { name: 'Annuler' }).click();

    await page.reload();
    await expect(page.getByText('En cours : pas encore de décision.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Clore…' })).toBeVisible();
  });

  test('Intention d’installation : refuse des initiales et un horizon manquants, puis une spécialité blanche, au champ', async ({
    page,
  }) => {
    const faculty = `Faculté refusée ${stamp()}`;
    await page.goto('/intentions-installation');
    await page.getByRole('button', { name: 'Signaler une intention' }).click();
    const dialog = page.getByRole('dialog', { name: 'Signaler une intention d’installation' });
    await dialog.getByRole('textbox', { name: 'Faculté' }).fill(faculty);
    await dialog.getByRole('button', { name: 'Signaler', exact: true }).click();
    await expect(field(dialog, 'Initiales')).toContainText('Saisissez les initiales.');
    await expect(field(dialog, 'Horizon')).toContainText('Choisissez l’horizon d’installation.');

    // Spaces around one letter pass the browser's rules; the API refuses it, at the field. (Typed
    // first: the next field takes the focus and closes its suggestions; no Escape, which would
    // close the dialog when no suggestion is open.)
    await dialog.getByRole('combobox', { name: 'Spécialité' }).fill('  x ');
    await dialog.getByRole('textbox', { name: 'Initiales' }).fill('M.-C. D.');
    await dialog.getByRole('combobox', { name: 'Horizon' }).click();
    await page.getByRole('option', { name: '6 à 12 mois' }).click();
    await expect(page.getByRole('option', { name: '6 à 12 mois' })).toBeHidden();
    await dialog.getByRole('button', { name: 'Signaler', exact: true }).click();
    await expect(field(dialog, 'Spécialité')).toContainText('Spécialité : 2 caractères au moins.');
    await expect(dialog).not.toContainText('specialty');
    await dialog.getByRole('button', { name: 'Annuler' }).click();

    await page.reload();
    await expect(page.getByRole('table', { name: 'Intentions d’installation' })).toBeVisible();
    await expect(page.getByText(faculty)).toHaveCount(0);
  });

  test('Planifier une visite : refuse un terrain non choisi, une date manquante et un participant d’une lettre, au champ', async ({
    page,
  }) => {
    const site = await createSite(page, 'Cabinet e2e visite refusée');
    await page.goto('/visites');
    await page.getByRole('button', { name: 'Planifier une visite', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Planifier une visite' });
    await dialog.getByRole('combobox', { name: 'Terrain' }).fill('zz');
    await dialog.getByRole('button', { name: 'Planifier la visite' }).click();
    await expect(field(dialog, 'Terrain')).toContainText('Choisissez un terrain dans la liste des suggestions.');
    await expect(field(dialog, 'Date')).toContainText('Saisissez une date au format jj/mm/aaaa.');

    await dialog.getByRole('combobox', { name: 'Terrain' }).fill(site.name);
    await page.getByRole('option', { name: new RegExp(`^${site.name},`) }).click();
    await expect(dialog.getByText(`Terrain choisi : ${site.name}`)).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Date' }).fill(frenchDate(7));
    await dialog.getByRole('textbox', { name: 'Autres participants' }).fill('X');
    await dialog.getByRole('button', { name: 'Planifier la visite' }).click();
    await expect(field(dialog, 'Autres participants')).toContainText('Autres participants : 2 caractères au moins.');
    await expect(dialog).not.toContainText('participants.');
    await dialog.getByRole('button', { name: 'Annuler' }).click();

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Visites de terrain' })).toBeVisible();
    const visits = await page.request.get(`/api/site-visits?site=${site.id}`);
    expect(((await visits.json()) as { total: number }).total).toBe(0);
  });

  test('Compte rendu de visite : refuse des constats vides et une action sans responsable, au champ', async ({
    page,
  }) => {
    const site = await createSite(page, 'Cabinet e2e compte rendu refusé');
    const visit = await create(page, '/api/site-visits', {
      siteId: site.id,
      purpose: 'follow_up',
      plannedOn: isoDate(-1),
      participants: [{ kind: 'other', name: 'Mme Durand, mairie de Faÿ' }],
    });
    await page.goto(`/visites/${visit.id}/compte-rendu`);
    const form = page.getByRole('form', { name: 'Compte rendu de visite' });
    await expect(form.getByRole('textbox', { name: 'Date de la visite' })).toHaveValue(frenchDate(-1));
    await form.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();
    await expect(field(form, 'Constats de la visite')).toContainText('Décrivez ce qui a été observé.');

    await form.getByRole('textbox', { name: 'Constats de la visite' }).fill('Bureau dédié, pas de logement proche.');
    await form.getByRole('button', { name: 'Ajouter une action de suivi' }).click();
    const action = form.getByRole('group', { name: 'Action de suivi 1' });
    await action.getByRole('textbox', { name: 'Intitulé' }).fill('Contacter la mairie pour un logement');
    await action.getByRole('textbox', { name: 'Échéance' }).fill(frenchDate(30));
    await form.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();
    // The API's `actions.0.ownerLabel` lands at the action's field, named as on screen.
    await expect(field(action, 'Responsable (libellé)')).toContainText(
      'Responsable de l’action 1 : 2 caractères au moins.',
    );
    await expect(page.getByRole('main')).not.toContainText('actions.0');
    await expect(page).toHaveURL(/\/compte-rendu$/);

    await page.goto(`/visites/${visit.id}`);
    await expect(page.getByRole('link', { name: 'Rédiger le compte rendu' })).toBeVisible();
  });

  test('Clore une difficulté : refuse une date avant le signalement et une résolution trop courte, au champ', async ({
    page,
  }) => {
    const site = await createSite(page, 'Cabinet e2e clôture refusée');
    const issue = await create(page, '/api/access-issues', {
      siteId: site.id,
      category: 'housing',
      severity: 3,
      source: 'visit',
      description: 'Aucun logement meublé disponible à moins de 20 km pour un semestre.',
      raisedOn: isoDate(-20),
    });
    await page.goto(`/difficultes-acces/${issue.id}`);
    await page.getByRole('button', { name: 'Résoudre', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Résoudre la difficulté' });
    const date = dialog.getByRole('textbox', { name: 'Date de résolution' });
    await date.fill(frenchDate(-30));
    await dialog.getByRole('button', { name: 'Résoudre', exact: true }).click();
    await expect(field(dialog, 'Date de résolution')).toContainText(
      'Saisissez une date valide, pas avant le signalement.',
    );
    await expect(field(dialog, 'Résolution')).toContainText('Décrivez la résolution.');

    // Two letters pass the browser's rules; the API asks for three, at the field.
    await date.fill(frenchDate());
    await dialog.getByRole('textbox', { name: 'Résolution', exact: true }).fill('Ok');
    await dialog.getByRole('button', { name: 'Résoudre', exact: true }).click();
    await expect(field(dialog, 'Résolution')).toContainText('Résolution : 3 caractères au moins.');
    await dialog.getByRole('button', { name: 'Annuler' }).click();

    await page.reload();
    await expect(page.getByRole('button', { name: 'Résoudre', exact: true })).toBeVisible();
    await expect(page.locator('header.page-header')).toContainText('Ouverte');
  });
});
