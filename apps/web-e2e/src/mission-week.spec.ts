import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { LoginPage } from './pages/login.page';
import { SitesPage } from './pages/sites.page';
import { VisitDetailPage } from './pages/visits.page';
import { type RoleKey, storageStateFor } from './support/accounts';
import { capture } from './support/screenshots';

// The mission officer's week on the demo data, through the screens only: find a site by
// commune, plan, record then correct a visit, renew an expiring accreditation, create an MSU,
// link it to a site and take it to « MSU actif », semester demands, a referral's follow-up, an
// offer snapshot, a report approved. Then the CDOM reads the approved report and the committee
// is told why the professionals' page is closed to it.

const stamp = Date.now().toString(36);

/** `jj/mm/aaaa`, `days` from today in Paris. */
function frenchDate(days = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);
}

async function pageAs(browser: Browser, role: RoleKey): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  return context.newPage();
}

/** Serious and critical axe-core violations inside `selector`, as « rule: target » lines. */
async function axeProblems(page: Page, selector: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include(selector).analyze();
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** Chooses `option` in the Material select labelled `label` inside `scope`. */
async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

/** The site a week starts from: created in Faÿ-lès-Nemours, then found by its commune. */
async function createSite(page: Page): Promise<{ id: string; name: string }> {
  const name = `MSP de la Semaine ${stamp}`;
  const response = await page.request.post('/api/sites', {
    data: {
      name,
      kind: 'msp',
      status: 'active',
      addressLine1: '1 place de l’Église',
      postalCode: '77167',
      communeCode: '77178',
      capacities: [{ stageType: 'N1', places: 2 }],
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; name: string };
}

test.describe('La semaine de la chargée de mission', () => {
  test.use({ storageState: storageStateFor('mission_officer') });

  test('terrain, visite corrigée, agrément renouvelé, MSU rattaché et actif, semestre, signalement, état de l’offre, bilan', async ({
    page,
    browser,
  }) => {
    test.setTimeout(300_000);
    const site = await createSite(page);

    // 1. Find the site by its commune.
    const sites = new SitesPage(page);
    await sites.goto();
    await sites.filterByCommune('Faÿ', 'Faÿ-lès-Nemours');
    await sites.open(site.name);

    // 2. Plan a visit from the site's page, record it, then correct it.
    await page.getByRole('button', { name: 'Planifier une visite' }).click();
    const plan = page.getByRole('dialog', { name: 'Planifier une visite' });
    await expect(plan.getByText(`Terrain choisi : ${site.name}`)).toBeVisible();
    // The dialog focuses its first field once open: typing before that would land in « Terrain ».
    await expect(plan.getByRole('combobox', { name: 'Terrain' })).toBeFocused();
    await plan.getByRole('textbox', { name: 'Date' }).fill(frenchDate(-1));
    await plan.getByRole('button', { name: 'Planifier la visite' }).click();
    await expect(plan).toBeHidden();
    await page.getByRole('list', { name: 'Visites du terrain' }).getByRole('link').first().click();
    const visit = new VisitDetailPage(page);
    await visit.recordLink.click();
    await visit.answer('Bureau de consultation disponible pour l’étudiant', 'Satisfaisant');
    await visit.form.getByRole('textbox', { name: 'Constats de la visite' }).fill('Bureau dédié, équipe accueillante.');
    await visit.form.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Visite du / })).toBeVisible();
    const visitUrl = page.url();

    await page.getByRole('link', { name: 'Corriger le compte rendu' }).click();
    const correction = page.getByRole('form', { name: 'Correction du compte rendu' });
    await expect(correction.getByRole('textbox', { name: 'Constats de la visite' })).toHaveValue(
      'Bureau dédié, équipe accueillante.',
    );
    // Without a reason, the message sits at the field.
    await correction.getByRole('button', { name: 'Enregistrer la correction' }).click();
    const reason = correction.getByRole('textbox', { name: 'Motif de la correction' });
    await expect(
      correction.locator('mat-error').filter({ hasText: 'Dites pourquoi le compte rendu est corrigé.' }),
    ).toBeVisible();
    const corrected = `Bureau dédié, équipe accueillante ; parking à prévoir (${stamp}).`;
    await correction.getByRole('textbox', { name: 'Constats de la visite' }).fill(corrected);
    await reason.fill('Constat du parking oublié.');
    await capture(page, 'visite-correction');
    await correction.getByRole('button', { name: 'Enregistrer la correction' }).click();
    await expect(page).toHaveURL(visitUrl);
    await page.reload();
    await expect(page.getByText(corrected, { exact: true })).toBeVisible();
    await expect(page.getByText('Correction du compte rendu').first()).toBeVisible();

    // 3. Renew an expiring accreditation from the list.
    await page.goto('/agrements?validite=expiring_soon');
    const table = page.getByRole('table', { name: 'Agréments' });
    const row = table.locator('tbody').getByRole('row').first();
    const holder = (await row.getByRole('link').first().innerText()).trim();
    await row.getByRole('button', { name: /^Actions pour l’agrément de / }).click();
    await page.getByRole('menuitem', { name: 'Renouveler l’agrément' }).click();
    const renew = page.getByRole('dialog', { name: 'Renouveler l’agrément' });
    await expect(renew.getByText(/Le renouvellement commence le/)).toBeVisible();
    await renew.getByRole('textbox', { name: 'Référence de la décision' }).fill(`ARS-${stamp}`);
    await capture(page, 'agrement-renouvellement');
    await renew.getByRole('button', { name: 'Renouveler l’agrément' }).click();
    await expect(renew).toBeHidden();
    // Renewed, it leaves « Expire bientôt »: the list says « Renouvelé ».
    await page.goto('/agrements?validite=renewed');
    const renewed = table.locator('tbody').getByRole('row').filter({ hasText: holder }).first();
    await expect(renewed).toContainText('Renouvelé');
    await renewed.getByRole('link', { name: holder, exact: true }).click();
    const card = page.locator('app-accreditations-card');
    await expect(card.getByText(/Renouvelé par l’agrément du /).first()).toBeVisible();
    await page.reload();
    await expect(card.getByText(/Renouvelle l’agrément du /).first()).toBeVisible();

    // 4. Create an MSU, link it to the site, take it to « MSU actif » with its accreditation.
    const lastName = `Semaine-${stamp}`;
    await page.goto('/professionnels');
    await page.getByRole('button', { name: 'Ajouter un professionnel' }).click();
    const create = page.getByRole('dialog', { name: 'Ajouter un professionnel' });
    await create.getByRole('textbox', { name: 'Prénom' }).fill('Agathe');
    await create.getByRole('textbox', { name: 'Nom', exact: true }).fill(lastName);
    await create.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(lastName) })).toBeVisible();

    await page.getByRole('button', { name: 'Rattacher à un terrain' }).click();
    const link = page.getByRole('dialog', { name: 'Rattacher à un terrain' });
    await link.getByRole('button', { name: 'Rattacher' }).click();
    await expect(
      link.locator('mat-error').filter({ hasText: 'Choisissez dans la liste des suggestions.' }),
    ).toBeVisible();
    await link.getByRole('combobox', { name: 'Terrain', exact: true }).fill('Semaine');
    await page.getByRole('option', { name: new RegExp(`^${site.name}`) }).click();
    await choose(page, link, 'Rôle au sein du terrain', 'Associé·e');
    await link.getByRole('textbox', { name: 'Date de début' }).fill('01/09/2025');
    await link.getByRole('button', { name: 'Rattacher' }).click();
    await expect(link).toBeHidden();
    await page.reload();
    const places = page.getByRole('list', { name: 'Terrains d’exercice' });
    await expect(places).toContainText(site.name);
    await expect(places).toContainText('Associé·e, depuis le 01/09/2025');

    await page.getByRole('button', { name: 'Changer d’étape' }).click();
    await page.getByRole('menuitem', { name: 'MSU actif' }).click();
    const move = page.getByRole('dialog', { name: 'Changer d’étape' });
    await move.getByRole('button', { name: 'Déplacer' }).click();
    await expect(move).toBeHidden();
    // The pipeline says « MSU actif » without an accreditation: the page says so.
    await expect(page.getByText(/Étape « MSU actif » mais aucun agrément n’est enregistré/)).toBeVisible();

    await card.getByRole('button', { name: 'Demander un agrément' }).click();
    const request = page.getByRole('dialog', { name: 'Demander un agrément' });
    await choose(page, request, 'Types de stage', 'Niveau 1 (stage praticien)');
    await request.getByRole('button', { name: 'Enregistrer la demande' }).click();
    await expect(request).toBeHidden();
    await expect(page.getByText(/l’agrément est encore en demande/)).toBeVisible();
    await card
      .getByRole('button', { name: /^Actions pour l’agrément / })
      .first()
      .click();
    await page.getByRole('menuitem', { name: 'Accorder l’agrément' }).click();
    const grant = page.getByRole('dialog', { name: 'Accorder l’agrément' });
    await grant.getByRole('button', { name: 'Accorder l’agrément' }).click();
    await expect(grant).toBeHidden();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(lastName) })).toBeVisible();
    await expect(page.locator('ui-record-head').getByText('MSU actif')).toBeVisible();
    await expect(card.getByText(/^Accordé · /).first()).toBeVisible();
    await expect(page.getByText(/Étape « MSU actif » mais/)).toHaveCount(0);
    await capture(page, 'msu-actif-rattache');

    // The site's page lists the link too.
    await page.goto(`/terrains/${site.id}`);
    await expect(page.getByRole('list', { name: 'Professionnels rattachés' })).toContainText(`Dr Agathe ${lastName}`);

    // 5. Semester demands.
    await page.goto('/semestres');
    const edit = page.getByRole('button', { name: /^Saisir les demandes, / }).first();
    const label = ((await edit.getAttribute('aria-label')) ?? '').replace('Saisir les demandes, ', '');
    await edit.click();
    const demands = page.getByRole('dialog', { name: `Demandes — ${label}` });
    const firstRow = demands.getByRole('row').nth(1);
    const stageType = (await firstRow.getByRole('rowheader').innerText()).trim();
    const requested = String(40 + Math.floor(Math.random() * 40));
    await firstRow.getByRole('spinbutton', { name: /Demandées/ }).fill(requested);
    await demands.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(demands).toBeHidden();
    await page.reload();
    const semester = page.getByRole('table', { name: `Places par type de stage, ${label}` });
    const semesterRow = semester
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: stageType, exact: true }) });
    await expect(semesterRow.getByRole('cell').nth(1)).toHaveText(requested);

    // 6. Follow up a CDOM referral.
    await page.goto('/signalements?statut=open');
    await page
      .getByRole('table', { name: 'Signalements' })
      .locator('tbody tr')
      .first()
      .getByRole('link')
      .first()
      .click();
    const note = `Appel de la semaine ${stamp} : rendez-vous pris.`;
    await page.getByRole('textbox', { name: 'Nouveau suivi' }).fill(note);
    await page.getByRole('button', { name: 'Ajouter le suivi' }).click();
    await page.reload();
    await expect(page.getByRole('list', { name: 'Suivis, du plus récent au plus ancien' })).toContainText(note);

    // 7. Take an offer snapshot.
    await page.goto('/etat-offre');
    await page.getByRole('button', { name: /Arrêter l’état de l’offre/ }).click();
    const snapshot = page.getByRole('dialog', { name: 'Arrêter l’état de l’offre' });
    await snapshot.getByLabel('Intitulé').fill(`Relevé de la semaine ${stamp}`);
    await snapshot.getByRole('button', { name: 'Arrêter les chiffres du jour' }).click();
    await expect(page).toHaveURL(/\/etat-offre\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Relevé de la semaine ${stamp}`);

    // 8. Approve a report (a past year's, so that the demo's latest approved report stays the same).
    await page.goto('/bilans');
    await page.getByRole('button', { name: 'Nouveau bilan' }).click();
    const newReport = page.getByRole('dialog', { name: 'Nouveau bilan annuel' });
    await newReport.getByLabel('Année').fill('2023');
    await newReport.getByRole('button', { name: 'Créer le brouillon' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('2023');
    await page.getByRole('button', { name: 'Rédiger les sections' }).click();
    await page.getByLabel('Introduction').fill('Signature du partenariat avec le CDOM en avril.');
    await page.getByRole('button', { name: 'Enregistrer les sections' }).click();
    await page.getByRole('button', { name: 'Présenter au comité' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Présenter au comité' }).click();
    await page.getByRole('button', { name: 'Approuver' }).click();
    await confirmApproval(page);
    await expect(page.getByText(/Chiffres figés à l’approbation/)).toBeVisible();
    const reportUrl = page.url();

    // 9. The CDOM reads the approved report; the committee may not open the professionals' page.
    const cdom = await pageAs(browser, 'cdom');
    await cdom.goto(reportUrl);
    await expect(cdom.getByRole('heading', { level: 1 })).toContainText('2023');
    await expect(cdom.getByText(/Chiffres figés à l’approbation/)).toBeVisible();
    await capture(cdom, 'bilan-approuve-cdom');
    await cdom.context().close();

    const committee = await pageAs(browser, 'committee');
    await committee.goto('/professionnels');
    await expect(committee.getByRole('heading', { name: 'Accès refusé' })).toBeVisible();
    await expect(committee).toHaveURL(/\/professionnels$/);
    await capture(committee, 'acces-refuse-comite');
    await committee.context().close();
  });

  test('le parcours MSU et le calendrier des visites s’utilisent au clavier, sans violation axe grave', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto('/professionnels?vue=parcours');
    await expect(
      page.locator('app-msu-kanban section[data-stage="identified"] [role="listitem"]').first(),
    ).toBeVisible();
    expect(await axeProblems(page, '.board')).toEqual([]);

    await page.goto('/visites');
    const calendar = page.getByRole('grid', { name: /^Calendrier des visites/ });
    await expect(calendar).toBeVisible();
    expect(await axeProblems(page, 'app-visit-calendar')).toEqual([]);
    // The arrows walk the days: the focused day moves one day right.
    const focused = calendar.locator('[tabindex="0"]');
    await focused.focus();
    const before = (await focused.getAttribute('data-iso')) ?? '';
    await page.keyboard.press('ArrowRight');
    await expect(calendar.locator(':focus')).not.toHaveAttribute('data-iso', before);
    await expect(calendar.locator(':focus')).toHaveAttribute('data-iso', /^\d{4}-\d{2}-\d{2}$/);
  });
});

test.describe('Changer mon mot de passe', () => {
  test('exige le mot de passe actuel, dit l’erreur au champ, puis le nouveau mot de passe ouvre la session', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    // A fresh account: changing a password ends the account's other sessions (the demo ones are shared).
    const admin = await pageAs(browser, 'admin');
    const email = `semaine.${stamp}@test.maillage.fr`;
    const first = 'Premier mot de passe 2026';
    const created = await admin.request.post('/api/users', {
      data: { email, displayName: 'Agent de la semaine', role: 'departement', departementCode: '77', password: first },
    });
    expect(created.status()).toBe(201);
    await admin.context().close();

    const context = await browser.newContext();
    const page = await context.newPage();
    const login = new LoginPage(page);
    await login.goto();
    await login.login(email, first);
    await page.getByRole('button', { name: /^Compte de Agent de la semaine/ }).click();
    await page.getByRole('menuitem', { name: 'Changer mon mot de passe' }).click();
    const dialog = page.getByRole('dialog', { name: 'Changer mon mot de passe' });
    // The dialog moves the focus to its first field once open: wait for it before typing.
    await expect(dialog.getByLabel('Mot de passe actuel', { exact: true })).toBeFocused();
    await dialog.getByLabel('Mot de passe actuel', { exact: true }).fill('Pas le bon mot de passe');
    await dialog.getByLabel('Nouveau mot de passe', { exact: true }).fill('Un tout nouveau mot de passe');
    await dialog.getByLabel('Confirmer le nouveau mot de passe').fill('Un tout nouveau mot de passe');
    await dialog.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect(dialog.locator('mat-error')).toContainText('le mot de passe actuel est incorrect');
    await expect(dialog.getByLabel('Mot de passe actuel', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await capture(page, 'changer-mot-de-passe');

    await dialog.getByLabel('Mot de passe actuel', { exact: true }).fill(first);
    await dialog.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Mot de passe changé : vos autres sessions sont fermées.')).toBeVisible();

    // The new password is the one that opens a session now.
    await page.getByRole('button', { name: /^Compte de Agent de la semaine/ }).click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await login.goto();
    await login.login(email, first);
    await expect(login.error).toBeVisible();
    await login.login(email, 'Un tout nouveau mot de passe');
    await expect(page.getByRole('button', { name: /^Compte de Agent de la semaine/ })).toBeVisible();
    await context.close();
  });
});

/**
 * Approving asks the date, then may ask an explicit confirmation (empty sections, a year not
 * over): confirm whatever is asked, checking its boxes, until the dialogs are gone.
 */
async function confirmApproval(page: Page): Promise<void> {
  // An incomplete report or a year not over asks an explicit confirmation, in the dialog or after it.
  for (const box of await page.getByRole('dialog').getByRole('checkbox').all()) await box.check();
  await page.getByRole('dialog').getByRole('button', { name: 'Approuver et figer les chiffres' }).click();
  const done = page.getByText(/Chiffres figés à l’approbation/);
  const asked = page
    .getByRole('dialog')
    .filter({ hasNot: page.getByRole('button', { name: 'Approuver et figer les chiffres' }) });
  for (let i = 0; i < 3; i++) {
    await expect(done.or(asked)).toBeVisible();
    if (await done.isVisible()) return;
    for (const box of await asked.getByRole('checkbox').all()) await box.check();
    await asked.getByRole('button').last().click();
  }
}
