import { type APIRequestContext, expect, test } from '@playwright/test';
import { AccessIssueDetailPage, AccessIssueFormPage, AccessIssuesPage } from './pages/access-issues.page';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, storageStateFor } from './support/accounts';
import { capture } from './support/screenshots';

// Each test creates its site, issue and measure through the API as the mission officer.

const COMMUNE_CODE = '77178';

interface Created {
  id: string;
  name: string;
}

async function missionOfficer(request: APIRequestContext): Promise<Record<string, string>> {
  const login = await request.post('/api/auth/login', {
    data: { email: DEMO_ACCOUNTS.mission_officer.email, password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return { Authorization: `Bearer ${accessToken}` };
}

/** ISO date `days` from today (negative: in the past), in Paris. */
function isoDate(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(date);
}

async function createSite(request: APIRequestContext, label: string): Promise<Created> {
  const name = `${label} ${Date.now().toString(36)}`;
  const response = await request.post('/api/sites', {
    headers: await missionOfficer(request),
    data: {
      name,
      kind: 'cabinet_groupe',
      status: 'active',
      addressLine1: '2 rue de la Mairie',
      postalCode: '77167',
      communeCode: COMMUNE_CODE,
      distanceToChuKm: 78.5,
      capacities: [{ stageType: 'N1', places: 1 }],
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as Created;
}

async function createIssue(request: APIRequestContext, site: Created): Promise<Created> {
  const response = await request.post('/api/access-issues', {
    headers: await missionOfficer(request),
    data: {
      siteId: site.id,
      category: 'housing',
      severity: 3,
      source: 'visit',
      description: 'Aucun logement meublé disponible à moins de 20 km pour un semestre.',
      raisedOn: isoDate(-20),
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as Created;
}

async function createMeasure(request: APIRequestContext, site: Created): Promise<Created> {
  const response = await request.post('/api/support-measures', {
    headers: await missionOfficer(request),
    data: {
      type: 'housing_aid',
      name: `Studios internes e2e ${Date.now().toString(36)}`,
      description: 'Deux studios loués par le Département pour les internes.',
      budgetPlanned: 12000,
      budgetCommitted: 4500,
      startDate: isoDate(-30),
      status: 'active',
      indicators: [{ name: 'Studios disponibles', target: 2, value: 1, unit: 'studios' }],
      siteIds: [site.id],
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as Created;
}

test.describe('Difficultés d’accès, chargée de mission', () => {
  test.use({ storageState: storageStateFor('mission_officer') });

  test('clôt une difficulté avec une mesure', async ({ page, request }) => {
    const site = await createSite(request, 'Cabinet e2e difficulté');
    await createIssue(request, site);
    const measure = await createMeasure(request, site);

    const list = new AccessIssuesPage(page);
    await list.goto(`?terrain=${site.id}`);
    await expect(list.board).toBeVisible();
    const housing = list.board.getByRole('row').filter({ hasText: 'Logement' });
    await expect(housing.getByRole('link', { name: 'Logement, ouverte : 1' })).toBeVisible();
    await expect(list.row(site.name)).toContainText('Ouverte');
    await capture(page, 'difficultes-tableau');

    await list.row(site.name).getByRole('link').click();
    const detail = new AccessIssueDetailPage(page);
    await expect(page.getByRole('heading', { level: 1, name: `Logement — ${site.name}` })).toBeVisible();
    await detail.resolve('Deux studios réservés aux internes par le Département.', measure.name);

    await expect(detail.header).toContainText('Résolue');
    await expect(detail.resolveButton).toBeHidden();
    await expect(detail.measures.getByRole('link', { name: measure.name })).toBeVisible();
    await expect(page.locator('mat-card', { hasText: 'Résolution et mesures' })).toContainText(
      'Deux studios réservés aux internes par le Département.',
    );
    const latest = page.getByRole('list', { name: 'Historique des modifications' }).locator(':scope > li').first();
    await expect(latest).toContainText('Résolution');
    await expect(latest).toContainText(`Mesures : avant : aucun → après : ${measure.name}`);
    await capture(page, 'difficulte-resolue');

    // The measure lists the issue it solved.
    await detail.measures.getByRole('link', { name: measure.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: measure.name })).toBeVisible();
    await expect(page.getByRole('link', { name: `${site.name} — Logement` })).toBeVisible();

    // The board now counts it as resolved.
    await list.goto(`?terrain=${site.id}`);
    await expect(housing.getByRole('link', { name: 'Logement, résolue : 1' })).toBeVisible();
    await list.goto();
    await capture(page, 'difficultes-liste');
  });

  test('liste les mesures avec leurs budgets, et la fiche terrain montre les indemnités', async ({ page, request }) => {
    const site = await createSite(request, 'Cabinet e2e indemnités');
    const measure = await createMeasure(request, site);

    await page.goto('/mesures');
    await expect(page.getByRole('heading', { level: 1, name: 'Mesures' })).toBeVisible();
    const totals = page.getByRole('region', { name: 'Budgets des mesures affichées' });
    await expect(totals).toContainText('Budget prévu');
    await expect(totals).toContainText('€');
    await expect(page.getByRole('link', { name: measure.name })).toBeVisible();
    await capture(page, 'mesures');

    await page.goto(`/terrains/${site.id}`);
    await expect(page.getByRole('heading', { level: 1, name: site.name })).toBeVisible();
    const allowances = page.getByRole('list', { name: 'Indemnités de l’interne' });
    await expect(allowances).toContainText('Indemnité de transport : éligible');
    await expect(allowances).toContainText('À 78,5 km du CHU');
    await expect(allowances).toContainText('Indemnité d’hébergement');
    await capture(page, 'terrain-indemnites');
  });
});

test.describe('Difficultés d’accès, CDOM', () => {
  test.use({ storageState: storageStateFor('cdom') });

  test('propose une difficulté depuis la fiche terrain, sans pouvoir la résoudre', async ({ page, request }) => {
    const site = await createSite(request, 'Cabinet e2e CDOM');
    await page.goto(`/terrains/${site.id}`);
    await expect(page.getByRole('heading', { level: 1, name: site.name })).toBeVisible();
    await page.getByRole('link', { name: 'Signaler une difficulté' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Proposer une difficulté' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Terrain' })).toHaveValue(new RegExp(site.name));
    const form = new AccessIssueFormPage(page);
    await form.choose('Catégorie', 'Transports en commun');
    await form.choose('Gravité', '2 – Gênante');
    await expect(page.getByText('N’écrivez aucune information de santé')).toBeVisible();
    await page.getByLabel('Description').fill('Aucun bus le matin entre la gare et le cabinet.');
    await page.getByRole('button', { name: 'Proposer' }).click();

    await expect(page.getByRole('heading', { level: 1, name: `Transports en commun — ${site.name}` })).toBeVisible();
    await expect(page.locator('header.page-header')).toContainText('Ouverte');
    await expect(page.locator('mat-card', { hasText: 'Description' }).getByText('CDOM', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Résoudre' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Prendre en charge' })).toHaveCount(0);
  });
});
