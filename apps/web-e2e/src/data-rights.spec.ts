import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, storageStateFor } from './support/accounts';
import { capture } from './support/screenshots';

async function bearer(request: APIRequestContext): Promise<Record<string, string>> {
  const login = await request.post('/api/auth/login', {
    data: { email: DEMO_ACCOUNTS.mission_officer.email, password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  return { Authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
}

async function confirm(page: Page, button: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: button }).click();
  await expect(dialog).toBeHidden();
}

/** Today in Paris, as the API reads dates (`2026-12-07`). */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

test.describe('Données personnelles et position, chargée de mission', () => {
  test.use({ storageState: storageStateFor('mission_officer') });

  test('exporte les données d’un professionnel en JSON et PDF, puis les efface', async ({ page, request }) => {
    const lastName = `Efface${Date.now().toString(36)}`;
    const created = await request.post('/api/professionals', {
      headers: await bearer(request),
      data: { civility: 'DR', firstName: 'Inès', lastName, profession: 'Médecin', specialty: 'Médecine générale' },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await page.goto(`/professionnels/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(lastName) })).toBeVisible();
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Exporter (JSON)' }).click(),
    ]);
    const data = JSON.parse(readFileSync((await json.path()) as string, 'utf8')) as {
      professional: { lastName: string; firstName: string };
    };
    expect(data.professional).toMatchObject({ lastName, firstName: 'Inès' });
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Exporter (PDF)' }).click(),
    ]);
    expect(
      readFileSync((await pdf.path()) as string)
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('%PDF');

    await page.getByRole('button', { name: 'Effacer ses données' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('C’est définitif');
    await expect(dialog).toContainText('Personne effacée');
    await confirm(page, 'Effacer définitivement');
    await expect(page.getByText('Données personnelles effacées.')).toBeVisible();

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: /Personne effacée/ })).toBeVisible();
    await expect(page.getByText(lastName)).toHaveCount(0);
  });

  test('géolocalise l’adresse d’un terrain, ou dit que sa position reste approximative', async ({ page, request }) => {
    const created = await request.post('/api/sites', {
      headers: await bearer(request),
      data: {
        name: `Cabinet BAN ${Date.now().toString(36)}`,
        kind: 'cabinet_groupe',
        status: 'active',
        addressLine1: '2 rue de la Mairie',
        postalCode: '77167',
        communeCode: '77178',
      },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await page.goto(`/terrains/${id}`);
    await expect(page.getByText('Position approximative : le centre de la commune.')).toBeVisible();
    await page.getByRole('button', { name: 'Géolocaliser l’adresse' }).click();
    // No address service in the tests (BAN_URL unset): the site stays at its commune's anchor, and says so.
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: /approximative|introuvable|adresse/i })
        .first(),
    ).toBeVisible();
    await expect(page.getByText('Position approximative : le centre de la commune.')).toBeVisible();
  });
});

test.describe('Zonage et contours, administrateur', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('charge un fichier de zonage (aperçu puis enregistrement) et le retrouve sur le territoire', async ({
    page,
  }) => {
    const csv = `Code commune;Zonage;Début de validité\r\n77002;ZAC;${today()}\r\n77002;ZZZ;${today()}\r\n`;
    await page.goto('/donnees-de-reference');
    const card = page.locator('app-zonage-import-card');
    await card.locator('input[type="file"]').setInputFiles({
      name: 'zonage-errone.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await card.getByRole('button', { name: 'Voir l’aperçu' }).click();
    await expect(card.getByRole('alert')).toContainText('Ligne 3');
    await expect(card.getByRole('button', { name: 'Enregistrer le zonage' })).toHaveCount(0);

    const good = csv.split('\r\n').slice(0, 2).join('\r\n') + '\r\n';
    await card.locator('input[type="file"]').setInputFiles({
      name: 'zonage.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(good, 'utf8'),
    });
    await card.getByRole('button', { name: 'Voir l’aperçu' }).click();
    await expect(card.getByRole('table', { name: 'Aperçu du zonage' })).toContainText('Amillis');
    await capture(page, 'reference-data-zonage-1366');
    await card.getByRole('button', { name: 'Enregistrer le zonage' }).click();
    await expect(card.getByText(/1 périodes enregistrées/)).toBeVisible();

    await page.goto('/territoire?q=Amillis');
    const row = page.getByRole('table', { name: 'Communes' }).getByRole('row').filter({ hasText: 'Amillis' });
    await expect(row).toContainText('ZAC');
  });

  test('charge les contours d’un GeoJSON et les recharge depuis la source configurée', async ({ page }) => {
    await page.goto('/donnees-de-reference');
    const card = page.locator('app-contours-card');
    await card
      .locator('input[type="file"]')
      .setInputFiles(join(__dirname, '..', 'fixtures', 'communes-77-mini.geojson'));
    await card.getByRole('button', { name: 'Charger ce fichier' }).click();
    await expect(card.getByRole('status')).toContainText(/\d+ communes chargées/);
    await card.getByRole('button', { name: 'Recharger depuis la source configurée' }).click();
    await expect(card.getByRole('status')).toContainText(/\d+ communes chargées depuis/);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Données de référence' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await capture(page, 'reference-data-390');
  });
});
