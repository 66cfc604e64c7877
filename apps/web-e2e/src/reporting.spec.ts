import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { DashboardPage, MapPage, ReportsPage } from './pages/reporting.page';
import { ShellPage } from './pages/shell.page';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, storageStateFor } from './support/accounts';
import { capture } from './support/screenshots';

// The committee reads what the partnership is judged on: the dashboard, the map, the offer
// snapshots, the meetings and the annual reports — and changes nothing. The demo data holds an
// approved report for 2025, snapshots and meetings.

test.describe('Comité de suivi, lecture seule', () => {
  test.use({ storageState: storageStateFor('committee') });

  test('ouvre le tableau de bord et la carte, change d’indicateur, puis télécharge le PDF du dernier bilan approuvé', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const shell = new ShellPage(page);
    await page.goto('/');

    // Dashboard: key figures for this year, and a chart's numbers as a table.
    await shell.open('Tableau de bord');
    const dashboard = new DashboardPage(page);
    await expect(dashboard.heading).toBeVisible();
    await expect(page.getByText('Seine-et-Marne · du 1er janvier')).toBeVisible();
    await expect(page.getByText('Terrains de stage actifs')).toBeVisible();
    const funnel = await dashboard.showTable('Parcours des maîtres de stage');
    await expect(funnel.getByRole('row')).not.toHaveCount(0);
    await expect(funnel).toContainText('MSU actif');
    await capture(page, 'tableau-de-bord-comite');

    // Map: communes drawn from the contours fixture, then another indicator, kept in the address.
    await shell.open('Carte');
    const map = new MapPage(page);
    await expect(map.region).toBeVisible();
    await expect(map.region.locator('path').first()).toBeVisible();
    await expect(map.indicator('Médecins généralistes / 10 000 hab.')).toBeChecked();
    await map.indicator('MSU').click();
    await expect(page).toHaveURL(/indicateur=msu/);
    await expect(map.indicator('MSU')).toBeChecked();
    await expect(page.getByRole('heading', { level: 2, name: 'MSU' })).toBeVisible();
    await expect(map.legend.getByRole('listitem').first()).toBeVisible();
    await expect(map.communes.getByRole('row', { name: /^Melun , 77288/ })).toBeVisible();
    await capture(page, 'carte-comite-msu');
    await page.reload();
    await expect(map.indicator('MSU')).toBeChecked();

    // The latest approved report, read-only, and its PDF.
    await shell.open('Bilan annuel');
    const reports = new ReportsPage(page);
    await expect(reports.latest).toContainText('2025');
    await expect(page.getByRole('button', { name: 'Nouveau bilan' })).toHaveCount(0);
    await reports.latest.getByRole('link', { name: 'Lire le bilan 2025' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('2025');
    await expect(page.getByRole('main')).toContainText(/approuvé le \d+ \p{L}+ \d{4}/u);
    await expect(page.getByText(/Chiffres figés à l’approbation/)).toBeVisible();
    for (const action of ['Rédiger les sections', 'Présenter au comité', 'Approuver', 'Rouvrir le brouillon']) {
      await expect(page.getByRole('button', { name: action })).toHaveCount(0);
    }
    await capture(page, 'bilan-approuve-comite');

    const downloading = page.waitForEvent('download');
    await reports.pdfLink.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  test('ne trouve aucune action d’écriture dans l’état de l’offre et les comités', async ({ page, request }) => {
    await page.goto('/etat-offre');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: /Arrêter l’état de l’offre/ })).toHaveCount(0);

    await page.goto('/comites');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: /Nouvelle réunion/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Nouvelle réunion/ })).toHaveCount(0);
    await page
      .getByRole('link', { name: /Comité stratégique/ })
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Comité stratégique');
    for (const action of ['Modifier', 'Archiver', 'Ajouter une action']) {
      await expect(page.getByRole('button', { name: action })).toHaveCount(0);
      await expect(page.getByRole('link', { name: action })).toHaveCount(0);
    }

    // The API says the same to the committee's own session.
    const login = await request.post('/api/auth/login', {
      data: { email: DEMO_ACCOUNTS.committee.email, password: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const headers = { Authorization: `Bearer ${accessToken}` };
    expect((await request.post('/api/offer-snapshots', { headers, data: { title: 'Essai' } })).status()).toBe(403);
    expect((await request.post('/api/annual-reports', { headers, data: { year: 2030 } })).status()).toBe(403);
    expect((await request.post('/api/committee-meetings', { headers, data: {} })).status()).toBe(403);
  });
});

test.describe('Chargée de mission, comités et bilan', () => {
  test.use({ storageState: storageStateFor('mission_officer') });

  test('arrête l’état de l’offre et voit l’évolution depuis le relevé précédent', async ({ page }) => {
    await page.goto('/etat-offre');
    await page.getByRole('button', { name: /Arrêter l’état de l’offre/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Arrêter l’état de l’offre' });
    await dialog.getByLabel('Intitulé').fill('Relevé de contrôle e2e');
    await dialog.getByRole('button', { name: 'Arrêter les chiffres du jour' }).click();
    await expect(page).toHaveURL(/\/etat-offre\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Relevé de contrôle e2e');
    await expect(page.getByRole('heading', { name: 'Évolution depuis le relevé précédent' })).toBeVisible();
    await capture(page, 'etat-offre-releve');
  });

  test('ajoute une action à un comité : elle devient une tâche', async ({ page }) => {
    const title = `Relancer la mairie ${Date.now().toString(36)}`;
    await page.goto('/comites');
    await page
      .getByRole('link', { name: /Comité stratégique/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Ajouter une action' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajouter une action' });
    // The dialog moves the focus to its first field once open: wait for it before typing.
    await expect(dialog.getByLabel('Action')).toBeFocused();
    await dialog.getByLabel('Action').fill(title);
    await dialog.getByLabel('Échéance').fill(frenchDate(14));
    await dialog.getByRole('button', { name: 'Ajouter l’action' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('table', { name: 'Actions décidées' })).toContainText(title);

    await expect(page.getByRole('table', { name: 'Actions décidées' }).getByRole('row', { name: title })).toContainText(
      'À faire',
    );

    // The action is a task of the team's list, attached to the meeting.
    const meetingId = new URL(page.url()).pathname.split('/')[2];
    const tasks = await page.request.get(`/api/tasks?subjectType=committee_meeting&subjectId=${meetingId}`);
    expect(tasks.status()).toBe(200);
    const { items } = (await tasks.json()) as { items: { title: string; status: string; dueOn: string }[] };
    expect(items.find((t) => t.title === title)).toMatchObject({ status: 'open' });
  });

  test('rédige un bilan, le présente puis l’approuve : ses chiffres sont figés', async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto('/bilans');
    await page.getByRole('button', { name: 'Nouveau bilan' }).click();
    const create = page.getByRole('dialog', { name: 'Nouveau bilan annuel' });
    await create.getByLabel('Année').fill('2024');
    await create.getByRole('button', { name: 'Créer le brouillon' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('2024');
    await expect(page.getByText(/Chiffres provisoires/)).toBeVisible();

    await page.getByRole('button', { name: 'Rédiger les sections' }).click();
    await page.getByLabel('Introduction').fill('Première année du partenariat, avant Maillage.');
    await page.getByRole('button', { name: 'Enregistrer les sections' }).click();
    await expect(page.getByRole('article').filter({ hasText: 'Première année du partenariat' })).toBeVisible();

    await page.getByRole('button', { name: 'Présenter au comité' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Présenter au comité' }).click();
    await expect(page.getByRole('button', { name: 'Approuver' })).toBeVisible();
    await page.getByRole('button', { name: 'Approuver' }).click();
    // Five sections are empty: the dialog says so and approves only with the explicit confirmation.
    const approve = page.getByRole('dialog', { name: 'Approuver le bilan 2024' });
    await expect(approve).toContainText('5 sections sur 6 sont vides');
    await approve.getByRole('button', { name: 'Approuver et figer les chiffres' }).click();
    await expect(approve).toContainText('Cochez la confirmation pour approuver un bilan incomplet.');
    await capture(page, 'bilan-approbation-confirmation');
    await approve.getByRole('checkbox', { name: /Je confirme vouloir approuver ce bilan malgré ces manques/ }).check();
    await approve.getByRole('button', { name: 'Approuver et figer les chiffres' }).click();
    await expect(approve).toBeHidden();
    await page.reload();
    await expect(page.getByRole('main')).toContainText(/approuvé le \d+ \p{L}+ \d{4}/u);
    await expect(page.getByText(/Chiffres figés à l’approbation/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Rédiger les sections' })).toHaveCount(0);
    // The confirmation is in the report's history.
    await expect(page.getByRole('region', { name: 'Historique' })).toContainText(
      'Approbation confirmée malgré un bilan incomplet',
    );
    await capture(page, 'bilan-approuve-chargee');

    // The latest approved report stays the most recent year's.
    await page.goto('/bilans');
    await expect(page.getByRole('region', { name: 'Dernier bilan approuvé' })).toContainText('2025');
  });
});

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
