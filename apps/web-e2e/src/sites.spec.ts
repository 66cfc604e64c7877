import { type APIRequestContext, expect, test } from '@playwright/test';
import { AccreditationsPage } from './pages/accreditations.page';
import { SiteDetailPage, SitesPage } from './pages/sites.page';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, storageStateFor } from './support/accounts';
import { capture } from './support/screenshots';

// Each test creates the records it needs through the API as the mission officer, so that it
// depends neither on the demo data nor on the other tests.

const COMMUNE = { code: '77178', name: 'Faÿ-lès-Nemours', typed: 'fay-les' };
const N1 = 'Niveau 1 (stage praticien)';

interface CreatedSite {
  id: string;
  name: string;
  version: number;
}

async function missionOfficer(request: APIRequestContext): Promise<Record<string, string>> {
  const login = await request.post('/api/auth/login', {
    data: { email: DEMO_ACCOUNTS.mission_officer.email, password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return { Authorization: `Bearer ${accessToken}` };
}

async function createSite(request: APIRequestContext, label: string): Promise<CreatedSite> {
  const headers = await missionOfficer(request);
  const name = `${label} ${Date.now().toString(36)}`;
  const response = await request.post('/api/sites', {
    headers,
    data: {
      name,
      kind: 'cabinet_groupe',
      status: 'active',
      addressLine1: '2 rue de la Mairie',
      postalCode: '77167',
      communeCode: COMMUNE.code,
      parking: true,
      distanceToChuKm: 78.5,
      capacities: [{ stageType: 'N1', places: 1 }],
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as CreatedSite;
}

/** ISO date `days` from today (negative: in the past), in the browser's time zone (Paris). */
function isoDate(days: number, years = 0): string {
  const date = new Date();
  date.setFullYear(date.getFullYear() + years);
  date.setDate(date.getDate() + days);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(date);
}

async function createAccreditation(
  request: APIRequestContext,
  site: CreatedSite,
  fields: Record<string, unknown>,
): Promise<void> {
  const response = await request.post('/api/accreditations', {
    headers: await missionOfficer(request),
    data: {
      siteId: site.id,
      cycle: '3',
      type: 'principal',
      stageTypes: ['N1'],
      maxStudents: 2,
      authority: 'ARS Île-de-France — Directeur général',
      ...fields,
    },
  });
  expect(response.status()).toBe(201);
}

test.describe('Terrains de stage, chargée de mission', () => {
  test.use({ storageState: storageStateFor('mission_officer') });

  test('trouve un terrain par sa commune, modifie sa capacité et la retrouve dans l’historique', async ({
    page,
    request,
  }) => {
    const site = await createSite(request, 'Cabinet e2e capacité');
    const sites = new SitesPage(page);
    await sites.goto();
    await expect(sites.createButton).toBeVisible();
    await expect(sites.status).toContainText(/terrains? trouvés?/);

    await sites.filterByCommune(COMMUNE.typed, COMMUNE.name);
    await expect(page).toHaveURL(new RegExp(`[?&]commune=${COMMUNE.code}`));
    const row = sites.row(site.name);
    await expect(row).toContainText(COMMUNE.name);
    await expect(row).toContainText('N1 ×1');
    await expect(row).toContainText('Actif');
    await capture(page, 'terrains');

    await sites.open(site.name);
    const detail = new SiteDetailPage(page);
    await expect(detail.places(N1)).toHaveText('1');
    await expect(detail.editButton).toBeVisible();
    await expect(detail.history.getByRole('listitem').first()).toContainText('Création');

    await detail.setPlaces(N1, 2);
    await expect(detail.places(N1)).toHaveText('2');
    const latest = detail.history.locator(':scope > li').first();
    await expect(latest).toContainText('Modification');
    await expect(latest).toContainText(DEMO_ACCOUNTS.mission_officer.email);
    await expect(latest.getByRole('listitem')).toHaveText(/Capacités d’accueil : avant : N1 ×1 → après : N1 ×2/);
    await capture(page, 'terrain-fiche');

    // The back button returns to the filtered list (filters live in the URL).
    await page.goBack();
    await expect(sites.commune).toHaveValue(COMMUNE.name);
    await expect(sites.row(site.name)).toContainText('N1 ×2');
  });

  test('le formulaire de modification reprend le terrain et refuse un SIRET invalide avant tout envoi', async ({
    page,
    request,
  }) => {
    const site = await createSite(request, 'Cabinet e2e formulaire');
    const detail = new SiteDetailPage(page);
    await detail.goto(site.id, site.name);
    await detail.editButton.click();
    await expect(page.getByRole('heading', { level: 1, name: `Modifier ${site.name}` })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Commune' })).toHaveValue(COMMUNE.name);
    await expect(page.getByLabel(N1)).toHaveValue('1');

    await page.getByLabel('SIRET').fill('123 456 789 00000');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Ce SIRET n’est pas valide (clé de contrôle) : vérifiez la saisie.')).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'Le formulaire contient des erreurs' })).toBeFocused();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction(() => document.getAnimations().length === 0);
    await capture(page, 'terrain-formulaire');
  });

  test('crée un terrain par le formulaire, puis le renomme', async ({ page }) => {
    const name = `MSP e2e création ${Date.now().toString(36)}`;
    const sites = new SitesPage(page);
    await sites.goto();
    await sites.createButton.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nouveau terrain' })).toBeVisible();

    await page.getByLabel('Nom du terrain').fill(name);
    // Keyboard: the empty select's floating label covers its centre.
    await page.getByRole('combobox', { name: 'Type de structure' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Maison de santé pluriprofessionnelle (MSP)' }).click();
    await page.getByLabel('Adresse', { exact: true }).fill('12 place de l’Église');
    const commune = page.getByRole('combobox', { name: 'Commune' });
    await commune.fill(COMMUNE.typed);
    await page.getByRole('option', { name: new RegExp(`^${COMMUNE.name},`) }).click();
    // The only postal code of the commune is proposed.
    await expect(page.getByLabel('Code postal')).toHaveValue('77167');
    await page.getByRole('checkbox', { name: 'Logement sur place' }).check();
    await page.getByLabel('SASPAS (niveau 2)').fill('1');
    await page.getByRole('button', { name: 'Créer le terrain' }).click();

    const detail = new SiteDetailPage(page);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(detail.places('SASPAS (niveau 2)')).toHaveText('1');
    await expect(page.getByText('Logement sur place : oui')).toBeVisible();

    await detail.editButton.click();
    await expect(page.getByLabel('Nom du terrain')).toHaveValue(name);
    await page.getByLabel('Nom du terrain').fill(`${name} (Nord)`);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${name} (Nord)` })).toBeVisible();
    const latest = detail.history.locator(':scope > li').first();
    await expect(latest).toContainText('Modification');
    await expect(latest.getByRole('listitem')).toHaveText([`Nom : avant : ${name} → après : ${name} (Nord)`]);
  });
});

test.describe('Archivage d’un terrain', () => {
  test.use({ storageState: storageStateFor('mission_officer') });

  test('archive un terrain après confirmation, puis le restaure', async ({ page, request }) => {
    const site = await createSite(request, 'Cabinet e2e archivage');
    const detail = new SiteDetailPage(page);
    await detail.goto(site.id, site.name);

    await page.getByRole('button', { name: 'Archiver' }).click();
    const confirm = page.getByRole('dialog', { name: 'Archiver le terrain' });
    await expect(confirm).toContainText('pourra être restauré');
    await confirm.getByRole('button', { name: 'Archiver' }).click();
    await expect(page.getByText(/^Terrain archivé le \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
    await expect(detail.editButton).toHaveCount(0);
    await expect(detail.history.locator(':scope > li').first()).toContainText('Archivage');

    await page.getByRole('button', { name: 'Restaurer' }).click();
    await page.getByRole('dialog', { name: 'Restaurer le terrain' }).getByRole('button', { name: 'Restaurer' }).click();
    await expect(detail.editButton).toBeVisible();
    await expect(detail.history.locator(':scope > li').first()).toContainText('Restauration');
  });
});

test.describe('Terrains de stage, CDOM', () => {
  test.use({ storageState: storageStateFor('cdom') });

  test('voit la fiche d’un terrain mais aucun bouton de modification', async ({ page, request }) => {
    const site = await createSite(request, 'Cabinet e2e lecture');
    const detail = new SiteDetailPage(page);
    await detail.goto(site.id, site.name);
    await expect(detail.places(N1)).toHaveText('1');
    await expect(page.getByText('Stationnement : oui')).toBeVisible();
    // The CDOM does not read the history of records (no `audit.read` in the permission map).
    await expect(detail.history).toHaveCount(0);
    await expect(detail.editButton).toHaveCount(0);
    await expect(detail.editCapacitiesButton).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Archiver' })).toHaveCount(0);

    const sites = new SitesPage(page);
    await sites.goto();
    await expect(sites.table).toBeVisible();
    await expect(sites.createButton).toHaveCount(0);
  });
});

test.describe('Agréments', () => {
  test.use({ storageState: storageStateFor('mission_officer') });

  test('le filtre « Expire bientôt » montre les agréments qui arrivent à échéance', async ({ page, request }) => {
    const site = await createSite(request, 'Cabinet e2e échéance');
    await createAccreditation(request, site, {
      status: 'granted',
      startDate: isoDate(10, -5),
      endDate: isoDate(10),
    });

    const accreditations = new AccreditationsPage(page);
    await accreditations.goto();
    await accreditations.quickFilter('Expire bientôt').click();
    await expect(page).toHaveURL(/[?&]validite=expiring_soon/);
    await expect(accreditations.quickFilter('Expire bientôt')).toHaveAttribute('aria-selected', 'true');
    // Waits for the filtered page: the previous rows stay on screen while it loads.
    await expect(accreditations.rows.filter({ hasNotText: 'Expire bientôt' })).toHaveCount(0);
    await expect(accreditations.row(site.name)).toContainText('Expire bientôt');
    await expect(accreditations.status).toContainText(/\d+ agréments? trouvés?/);
    await capture(page, 'agrements');

    await accreditations.quickFilter('Expiré').click();
    await expect(page).toHaveURL(/[?&]validite=expired/);
    await expect(accreditations.row(site.name)).toHaveCount(0);
  });

  test('renouvelle un agrément qui expire bientôt : la liste dit « Renouvelé » et il quitte « Expire bientôt »', async ({
    page,
    request,
  }) => {
    const site = await createSite(request, 'Cabinet e2e renouvellement');
    await createAccreditation(request, site, { status: 'granted', startDate: isoDate(20, -5), endDate: isoDate(20) });

    const accreditations = new AccreditationsPage(page);
    await accreditations.goto(`?terrain=${site.id}`);
    const row = accreditations.row(site.name);
    await expect(row).toContainText('Expire bientôt');
    await row.getByRole('button', { name: `Actions pour l’agrément de ${site.name}` }).click();
    await page.getByRole('menuitem', { name: 'Renouveler l’agrément' }).click();
    const renew = page.getByRole('dialog', { name: 'Renouveler l’agrément' });
    await renew.getByRole('textbox', { name: 'Référence de la décision' }).fill('ARS-e2e-renouvellement');
    await renew.getByRole('button', { name: 'Renouveler l’agrément' }).click();
    await expect(renew).toBeHidden();

    // The renewed one says so, with the day its renewal takes over; the renewal is valid.
    await page.reload();
    const renewed = accreditations.rows.filter({ hasText: 'Renouvelé' });
    await expect(renewed).toHaveCount(1);
    await expect(renewed).toContainText(/renouvellement dès le \d{2}\/\d{2}\/\d{4}/);
    await expect(accreditations.rows.filter({ hasText: 'Valide' })).toHaveCount(1);
    await expect(accreditations.rows.filter({ hasText: 'Expire bientôt' })).toHaveCount(0);

    await accreditations.goto(`?terrain=${site.id}&validite=expiring_soon`);
    await expect(accreditations.status).toContainText(/Aucun agrément|0 agrément/);
    await expect(accreditations.rows.filter({ hasText: site.name })).toHaveCount(0);
  });

  test('accorde une demande d’agrément depuis la liste', async ({ page, request }) => {
    const site = await createSite(request, 'Cabinet e2e demande');
    await createAccreditation(request, site, {});

    const accreditations = new AccreditationsPage(page);
    await accreditations.goto(`?terrain=${site.id}`);
    const row = accreditations.row(site.name);
    await expect(row).toContainText('Demandé');
    await row.getByRole('button', { name: `Actions pour l’agrément de ${site.name}` }).click();
    await page.getByRole('menuitem', { name: 'Accorder l’agrément' }).click();

    const dialog = page.getByRole('dialog', { name: 'Accorder l’agrément' });
    await expect(dialog.getByLabel('Date de début')).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
    await page.waitForFunction(() => document.getAnimations().length === 0);
    await capture(page, 'agrement-accorder');
    await dialog.getByRole('button', { name: 'Accorder l’agrément' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Agrément accordé.')).toBeVisible();
    await expect(row).toContainText('Accordé');
    await expect(row).toContainText('Valide');

    // The accreditation's history tells the story, in French.
    await row.getByRole('button', { name: `Actions pour l’agrément de ${site.name}` }).click();
    await page.getByRole('menuitem', { name: 'Historique' }).click();
    const history = page.getByRole('dialog', { name: 'Historique de l’agrément' });
    const latest = history.getByRole('list', { name: 'Historique des modifications' }).locator(':scope > li').first();
    await expect(latest).toContainText('Agrément accordé');
    await expect(latest).toContainText('Statut : avant : Demandé → après : Accordé');
  });
});
