import { test as base, type Browser, expect, type Page } from '@playwright/test';
import { IntentsPage } from './pages/intents.page';
import { ProfessionalDetailPage, ProfessionalsPage } from './pages/professionals.page';
import { ReferralDetailPage, ReferralFormPage, ReferralsPage } from './pages/referrals.page';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type RoleKey } from './support/accounts';
import { capture } from './support/screenshots';

/** A name no demo record has, so that the tests find their own records whatever the demo data. */
function uniqueLastName(prefix: string): string {
  return `${prefix}${Date.now().toString(36).toUpperCase()}`;
}

/** An RPPS number (11 digits, Luhn check digit) that the demo data does not use. */
function uniqueRpps(): string {
  const payload = `19${String(Date.now()).slice(-8)}`;
  const digits = (check: number) => `${payload}${check}`;
  const luhn = (value: string) =>
    [...value].reverse().reduce((sum, c, i) => {
      const d = Number(c) * (i % 2 === 1 ? 2 : 1);
      return sum + (d > 9 ? d - 9 : d);
    }, 0) %
      10 ===
    0;
  return digits([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((check) => luhn(digits(check))) ?? 0);
}

/**
 * Signs the page's context in through the API. These tests do not reuse the setup project's saved
 * sessions: another Playwright run on the same machine (another port, another database) rewrites
 * those files, and its cookies are then unknown to this run's server.
 */
async function signIn(page: Page, role: RoleKey): Promise<void> {
  const response = await page.request.post('/api/auth/login', {
    data: { email: DEMO_ACCOUNTS[role].email, password: DEMO_PASSWORD },
  });
  expect(response.status()).toBe(200);
}

async function pageAs(browser: Browser, role: RoleKey): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, role);
  return page;
}

/** `page` is signed in as `role` (default: the mission officer). */
const test = base.extend<{ role: RoleKey }>({
  role: ['mission_officer', { option: true }],
  page: async ({ page, role }, use) => {
    await signIn(page, role);
    await use(page);
  },
});

test.describe('Signalement CDOM → parcours MSU', () => {
  test('le CDOM signale un candidat ; la chargée de mission le convertit et le fait avancer au clavier', async ({
    browser,
  }) => {
    const lastName = uniqueLastName('Lefèvre-');
    const name = `Dr Inès ${lastName}`;

    // 1. The CDOM flags a new person through the form.
    const cdom = await pageAs(browser, 'cdom');
    const cdomList = new ReferralsPage(cdom);
    await cdomList.goto();
    await cdomList.referButton.click();
    const form = new ReferralFormPage(cdom);
    await form.expectLoaded();
    await form.fillNewPerson({
      firstName: 'Inès',
      lastName,
      specialty: 'Médecine générale',
      communeSearch: 'melun',
      communeOption: /^Melun,/,
      reason: 'Installée depuis quatre ans en MSP, accueille déjà des externes et souhaite encadrer des internes.',
      priority: 'Haute',
    });
    await capture(cdom, 'signalement-formulaire-cdom');
    await form.submit();
    await expect(cdom).toHaveURL(/\/signalements$/);
    await expect(cdom.getByText('Signalement envoyé')).toBeVisible();
    await expect(cdomList.row(name)).toContainText('Nouveau');

    // 2. The mission officer sees it first, marked "Nouveau", and converts it.
    const officer = await pageAs(browser, 'mission_officer');
    const list = new ReferralsPage(officer);
    await list.goto();
    await expect(list.rows().first()).toContainText(name);
    await expect(list.rows().first()).toContainText('Nouveau');
    await expect(list.rows().first()).toContainText('Haute');
    // Commune names arrive one by one (the INSEE code shows meanwhile): wait for them before the capture.
    await expect(list.table.getByRole('cell', { name: /^\d{5}$/ })).toHaveCount(0);
    await capture(officer, 'signalements-charge-mission');
    await list.row(name).getByRole('link', { name }).click();
    const referral = new ReferralDetailPage(officer);
    await referral.expectLoaded(name);
    await referral.close('Converti', 'Rencontrée en novembre : intéressée, commence la formation MSU en janvier.');
    await expect(officer.getByText('Converti (entré dans le parcours MSU)').first()).toBeVisible();
    await capture(officer, 'signalement-fiche');

    // The CDOM reads the outcome of its referral.
    await cdomList.goto();
    await expect(cdomList.row(name)).toContainText('Converti');
    await expect(cdomList.row(name)).toContainText('commence la formation MSU en janvier');
    await expect(cdomList.table.getByRole('cell', { name: /^\d{5}$/ })).toHaveCount(0);
    await capture(cdom, 'signalements-cdom');

    // 3. The professional is now in the pipeline, at "Contacté"; the officer moves the card from the keyboard.
    await officer.getByRole('link', { name: 'Voir le professionnel dans le parcours MSU' }).click();
    await expect(officer).toHaveURL(/\/professionnels\/[0-9a-f-]{36}$/);
    const detail = new ProfessionalDetailPage(officer);
    await detail.expectLoaded(name);
    const professionalUrl = officer.url();

    const professionals = new ProfessionalsPage(officer);
    await professionals.goto('parcours', lastName);
    await expect(professionals.card('Contacté', name)).toBeVisible();
    await professionals.moveWithKeyboard('Contacté', name, 'Intéressé', 'Premier rendez-vous : souhaite devenir MSU.');
    await expect(professionals.card('Intéressé', name)).toBeVisible();
    await expect(professionals.card('Contacté', name)).toHaveCount(0);
    // The focus follows the card into its new column.
    await expect(professionals.moveButton('Intéressé', name)).toBeFocused();

    // 4. The move is in the professional's pipeline history.
    await officer.goto(professionalUrl);
    await detail.expectLoaded(name);
    await expect(detail.move('Contacté', 'Intéressé')).toContainText('Premier rendez-vous : souhaite devenir MSU.');

    await cdom.context().close();
    await officer.context().close();
  });
});

test.describe('Professionnels & MSU (chargée de mission)', () => {
  test.use({ role: 'mission_officer' });

  test('glisse une carte à la souris vers la colonne suivante', async ({ page }) => {
    const lastName = uniqueLastName('Garnier-');
    const name = `Dr Paul ${lastName}`;
    const created = await page.request.post('/api/professionals', {
      data: {
        civility: 'DR',
        firstName: 'Paul',
        lastName,
        specialty: 'Médecine générale',
        practiceMode: 'liberal',
        msuStage: 'interested',
        contactConsent: true,
        email: 'paul.e2e@example.org',
      },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const professionals = new ProfessionalsPage(page);
    await professionals.goto('parcours', lastName);
    await expect(professionals.card('Intéressé', name)).toBeVisible();
    await professionals.dragCard('Intéressé', name, 'En formation MSU');
    await professionals.confirmMove('Inscrit à la formation initiale de mars.');
    await expect(professionals.card('En formation MSU', name)).toBeVisible();
    await expect(page.getByText('étape « En formation MSU » enregistrée')).toBeVisible();

    const detail = new ProfessionalDetailPage(page);
    await page.goto(`/professionnels/${id}`);
    await detail.expectLoaded(name);
    await expect(detail.move('Intéressé', 'En formation MSU')).toContainText(
      'Inscrit à la formation initiale de mars.',
    );
  });

  test('refuse un passage interdit depuis une sortie du parcours', async ({ page }) => {
    const lastName = uniqueLastName('Roux-');
    const name = `Dr Anne ${lastName}`;
    const created = await page.request.post('/api/professionals', {
      data: { civility: 'DR', firstName: 'Anne', lastName, msuStage: 'declined' },
    });
    expect(created.status()).toBe(201);

    const professionals = new ProfessionalsPage(page);
    await professionals.goto('parcours', lastName);
    await professionals
      .column('A décliné')
      .getByRole('button', { name: /^Afficher les cartes/ })
      .click();
    await professionals.moveButton('A décliné', name).click();
    await expect(page.getByRole('menuitem', { name: /^Agréé/ })).toBeDisabled();
    await page.keyboard.press('Escape');
    await professionals.dragCard('A décliné', name, 'MSU actif');
    await expect(page.getByRole('alert')).toContainText('Passage impossible de l’étape « A décliné » à « MSU actif »');
    await expect(professionals.moveDialog).toBeHidden();
    await expect(professionals.card('A décliné', name)).toBeVisible();
  });

  test('montre le registre en tableau, le parcours et une fiche', async ({ page }) => {
    const lastName = uniqueLastName('Bernard-');
    const created = await page.request.post('/api/professionals', {
      data: {
        civility: 'DR',
        firstName: 'Claire',
        lastName,
        rpps: uniqueRpps(),
        specialty: 'Médecine générale',
        practiceMode: 'liberal',
        firstInstallationYear: 2015,
        contactConsent: true,
        email: 'claire.e2e@example.org',
        phone: '01 64 00 00 00',
        initialTrainingDate: '2024-03-14',
        initialTrainingCycle: '3',
        msuStage: 'in_training',
      },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const session = await page.request.post(`/api/professionals/${id}/training-sessions`, {
      data: { date: '2025-06-12', hours: 14, title: 'Séminaire régional des MSU' },
    });
    expect(session.status()).toBe(201);

    const professionals = new ProfessionalsPage(page);
    await professionals.goto('tableau');
    // First the selection column of bulk actions (its « select all » box), then the fields.
    await expect(professionals.table.getByRole('columnheader')).toHaveText([
      /.*/,
      'Nom',
      'RPPS',
      'Spécialité',
      'Exercice',
      'Terrains',
      'Étape MSU',
      'Depuis le',
    ]);
    await capture(page, 'professionnels-tableau');

    await page.getByRole('radio', { name: 'Parcours MSU' }).click();
    await expect(page).toHaveURL(/vue=parcours/);
    await expect(professionals.column('Identifié')).toBeVisible();
    await capture(page, 'professionnels-parcours');

    await page.goto(`/professionnels/${id}`);
    const detail = new ProfessionalDetailPage(page);
    await detail.expectLoaded(`Dr Claire ${lastName}`);
    await expect(page.getByText('14 h / 21 h')).toBeVisible();
    await capture(page, 'professionnel-fiche');
  });
});

test.describe('Intentions d’installation (CDOM)', () => {
  test.use({ role: 'cdom' });

  test('signale une intention sans consentement : seules les initiales sont gardées', async ({ page }) => {
    const faculty = `Faculté e2e ${Date.now()}`;
    const intents = new IntentsPage(page);
    await intents.goto();
    await intents.openCreate();
    await expect(intents.dialog.getByText('seules ses initiales sont enregistrées (RGPD)')).toBeVisible();
    await intents.dialog.getByLabel('Initiales').fill('M.-C. D.');
    await intents.dialog.getByLabel('Faculté').fill(faculty);
    await intents.dialog.getByRole('combobox', { name: 'Horizon' }).click();
    await page.getByRole('option', { name: '6 à 12 mois' }).click();
    await intents.addCommune('fontainebleau', /^Fontainebleau,/);
    await expect(intents.dialog.getByRole('row').or(intents.dialog.locator('mat-chip'))).toContainText([
      'Fontainebleau',
    ]);
    await capture(page, 'intentions-formulaire');
    await intents.dialog.getByRole('button', { name: 'Signaler', exact: true }).click();
    await expect(intents.dialog).toBeHidden();

    const row = intents.row(faculty);
    await expect(row).toContainText('M.-C. D.');
    await expect(row).toContainText('Initiales seulement');
    await expect(row).toContainText('Fontainebleau');
    await capture(page, 'intentions');
  });
});
