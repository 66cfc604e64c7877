import { type APIRequestContext, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { VisitDetailPage, VisitsPage } from './pages/visits.page';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, storageStateFor } from './support/accounts';
import { capture } from './support/screenshots';

// The site is created through the API as the mission officer; the visit is planned and recorded
// through the screens.

async function createSite(request: APIRequestContext, label: string): Promise<{ id: string; name: string }> {
  const login = await request.post('/api/auth/login', {
    data: { email: DEMO_ACCOUNTS.mission_officer.email, password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const name = `${label} ${Date.now().toString(36)}`;
  const response = await request.post('/api/sites', {
    headers: { Authorization: `Bearer ${accessToken}` },
    data: {
      name,
      kind: 'cabinet_groupe',
      status: 'active',
      addressLine1: '2 rue de la Mairie',
      postalCode: '77167',
      communeCode: '77178',
      parking: true,
      distanceToChuKm: 78.5,
      capacities: [{ stageType: 'N1', places: 1 }],
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; name: string };
}

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

test.describe('Visites de terrain, chargée de mission', () => {
  test.use({ storageState: storageStateFor('mission_officer') });

  test('planifie une visite, la consigne avec deux difficultés et télécharge le compte rendu PDF', async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    const site = await createSite(request, 'Cabinet des Tilleuls');
    const visits = new VisitsPage(page);
    const detail = new VisitDetailPage(page);

    // Plan through the calendar's dialog, for today.
    await visits.goto();
    await expect(visits.calendar).toBeVisible();
    await expect(visits.overdue).toBeVisible();
    await visits.plan('Tilleuls', site.name, frenchDate(), '09:30');
    const link = visits.visitLink(site.name);
    await expect(link).toContainText('Planifiée');
    await expect(link).toContainText('09:30');
    await page.getByRole('button', { name: 'Fermer' }).click();
    await expect(page.getByText(/^Visite planifiée/)).toBeHidden();
    await capture(page, 'visits-calendar');

    await link.click();
    await expect(page.getByRole('heading', { level: 1, name: /^Visite du / })).toBeVisible();
    await expect(page.getByRole('link', { name: site.name }).first()).toBeVisible();

    // Record it.
    await detail.recordLink.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Compte rendu de visite' })).toBeVisible();
    await expect(detail.form.getByRole('textbox', { name: 'Date de la visite' })).toHaveValue(frenchDate());
    await detail.answer('Bureau de consultation disponible pour l’étudiant', 'Satisfaisant');
    await detail.answer('Solution de logement identifiée', 'Absent');
    await detail.answer('Accessible en transports en commun', 'À améliorer');
    await detail.form
      .getByRole('textbox', { name: 'Constats de la visite' })
      .fill('Accueil de qualité, bureau dédié. Pas de logement proche et un seul bus le matin.');
    await detail.addIssue(1, 'Logement', 'Sérieuse', 'Aucun logement disponible à moins de 20 km du cabinet.');
    await detail.addIssue(2, 'Transports en commun', 'Gênante', 'Un seul bus le matin, aucun le soir.');
    await detail.addAction(1, 'Contacter la mairie pour un logement', 'Mairie de Faÿ-lès-Nemours', frenchDate(30));
    await capture(page, 'visits-record-form');
    await detail.form.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();

    // Done: the report, the two access issues it raised, the PDF.
    await expect(page.getByRole('heading', { level: 1, name: /^Visite du / })).toBeVisible();
    await expect(page.locator('ui-status-badge').first()).toHaveText(/Réalisée/);
    await expect(detail.issues.getByRole('link')).toHaveCount(2);
    await expect(detail.issues.getByRole('link', { name: /^Logement : Aucun logement disponible/ })).toBeVisible();
    await expect(detail.issues.getByRole('link', { name: /^Transports en commun : Un seul bus/ })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Actions de suivi' })).toContainText('Contacter la mairie');
    await expect(page.getByRole('table', { name: 'Grille des conditions d’accueil' })).toContainText('Absent');
    await capture(page, 'visits-done');

    const [download] = await Promise.all([page.waitForEvent('download'), detail.pdfLink.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 4).toString('latin1')).toBe('%PDF');
  });
});
