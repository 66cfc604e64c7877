import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './support/accounts';
import { capture } from './support/screenshots';

// Bulk actions on the sites, agréments, tasks and referrals lists: select rows (or every row of
// the filters), one confirmation, the result names what was done and what was refused, and the
// list shows the change after a reload. Each test makes its own records through the API.

interface Officer {
  page: Page;
  headers: Record<string, string>;
}

/** The mission officer in a fresh context (cookie for the page, bearer token for the API calls). */
async function officerIn(browser: Browser, width = 1366): Promise<Officer> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const login = await page.request.post('/api/auth/login', {
    data: { email: DEMO_ACCOUNTS.mission_officer.email, password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return { page, headers: { Authorization: `Bearer ${accessToken}` } };
}

async function create<T = { id: string; version: number }>(
  officer: Officer,
  url: string,
  data: Record<string, unknown>,
  status = 201,
): Promise<T> {
  const response = await officer.page.request.post(url, { headers: officer.headers, data });
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

const stamp = () => Date.now().toString(36).toUpperCase();

function createSite(officer: Officer, name: string) {
  return create<{ id: string; name: string; version: number }>(officer, '/api/sites', {
    name,
    kind: 'cabinet_groupe',
    status: 'active',
    addressLine1: '2 rue de la Mairie',
    postalCode: '77167',
    communeCode: '77178',
    capacities: [{ stageType: 'N1', places: 1 }],
  });
}

/** The row checkbox of `name` in `table`. */
const rowBox = (table: Locator, name: string) => table.getByRole('checkbox', { name: `Sélectionner ${name}` });

/** axe-core finds no critical or serious violation on the page as it is (bar, dialog). */
async function expectAccessible(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(blocking, what).toEqual([]);
}

/** The result dialog of a bulk action, closed once its text is checked. */
async function expectResult(page: Page, texts: readonly (string | RegExp)[]): Promise<void> {
  const result = page.getByRole('dialog').filter({ hasText: 'résultat' });
  for (const text of texts) await expect(result).toContainText(text);
  await result.getByRole('button', { name: 'Fermer' }).click();
  await expect(result).toBeHidden();
}

test.describe('Actions groupées sur les listes', () => {
  test('archive deux terrains en une action, exporte la sélection ; après rechargement ils ont quitté la liste active', async ({
    browser,
  }) => {
    const officer = await officerIn(browser);
    const { page } = officer;
    const tag = stamp();
    const names = [`Cabinet groupé A ${tag}`, `Cabinet groupé B ${tag}`];
    for (const name of names) await createSite(officer, name);

    await page.goto(`/terrains?q=${tag}`);
    const table = page.getByRole('table', { name: 'Terrains de stage' });
    await expect(table.getByRole('link', { name: names[1] })).toBeVisible();
    // Keyboard: the row's checkbox takes the focus and Space ticks it.
    await rowBox(table, names[0]).focus();
    await page.keyboard.press('Space');
    await expect(rowBox(table, names[0])).toBeChecked();
    await rowBox(table, names[1]).check();
    await expect(page.getByText('2 terrains sélectionnés')).toBeVisible();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporter la sélection (CSV)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await file.path()) as string, 'utf8');
    for (const name of names) expect(csv).toContain(name);

    await page.getByRole('button', { name: 'Archiver', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Archiver' });
    await expect(confirm).toContainText('La sélection (2 terrains) est archivée');
    await expectAccessible(page, 'confirmation ouverte');
    await capture(page, 'actions-groupees-terrains');
    await confirm.getByRole('button', { name: 'Archiver (2 terrains)' }).click();
    await expectResult(page, ['2 faits sur 2 · 0 refusé.', names[0], names[1]]);

    await page.reload();
    await expect(page.getByText('Aucun terrain trouvé.')).toBeVisible();
    await page.goto(`/terrains?q=${tag}&archives=oui`);
    for (const name of names) await expect(table.getByRole('link', { name })).toBeVisible();
    await officer.page.context().close();
  });

  test('crée une tâche pour chacun de deux agréments (l’intitulé manquant est refusé au champ) ; les tâches sont dans la liste après rechargement', async ({
    browser,
  }) => {
    const officer = await officerIn(browser);
    const { page } = officer;
    const tag = stamp();
    const sites = [
      await createSite(officer, `MSP Agrément A ${tag}`),
      await createSite(officer, `MSP Agrément B ${tag}`),
    ];
    for (const site of sites) {
      await create(officer, '/api/accreditations', {
        siteId: site.id,
        cycle: '3',
        type: 'principal',
        stageTypes: ['N1'],
        maxStudents: 2,
        authority: 'ARS Île-de-France — Directeur général',
      });
    }

    await page.goto(`/agrements?q=${tag}`);
    const table = page.getByRole('table', { name: 'Agréments' });
    await expect(table.getByRole('link', { name: sites[1].name })).toBeVisible();
    await table.getByRole('checkbox', { name: 'Sélectionner toutes les lignes de la page' }).check();
    await expect(page.getByText('2 agréments sélectionnés')).toBeVisible();
    await page.getByRole('button', { name: 'Créer une tâche pour chacun' }).click();
    const dialog = page.getByRole('dialog', { name: 'Créer une tâche pour chacun' });
    const submit = dialog.getByRole('button', { name: 'Créer une tâche pour chacun (2 agréments)' });
    // No title: refused at the field, nothing sent.
    await submit.click();
    await expect(dialog.getByText('Saisissez un intitulé (2 caractères au moins).')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Intitulé de la tâche' }).fill(`Vérifier {nom} ${tag}`);
    await dialog.getByRole('combobox', { name: 'Priorité' }).click();
    await page.getByRole('option', { name: 'Haute' }).click();
    await submit.click();
    await expectResult(page, ['2 faits sur 2', `Agrément de ${sites[0].name}`]);

    await page.goto(`/taches?q=${tag}`);
    const tasks = page.getByRole('table', { name: 'Tâches' });
    for (const site of sites) {
      await expect(
        tasks.getByRole('row').filter({ hasText: `Vérifier Agrément de ${site.name} ${tag}` }),
      ).toContainText('Haute');
    }
    await officer.page.context().close();
  });

  test('termine toutes les tâches des filtres ; celle déjà faite est refusée et nommée, avec la raison', async ({
    browser,
  }) => {
    const officer = await officerIn(browser);
    const { page } = officer;
    const tag = stamp();
    const titles = [`Appeler la mairie ${tag}`, `Préparer le comité ${tag}`, `Relire la convention ${tag}`];
    const made = [];
    for (const title of titles) made.push(await create(officer, '/api/tasks', { title, priority: 'normal' }));
    await create(officer, `/api/tasks/${made[2].id}/complete`, { version: made[2].version }, 200);

    await page.goto(`/taches?q=${tag}&statut=tous`);
    const table = page.getByRole('table', { name: 'Tâches' });
    await expect(table.getByText(titles[2])).toBeVisible();
    await rowBox(table, `la tâche ${titles[0]}`).check();
    await page.getByRole('button', { name: 'Sélectionner les 3 résultats' }).click();
    await expect(page.getByText('3 tâches sélectionnées (tous les résultats des filtres)')).toBeVisible();
    await page.getByRole('button', { name: 'Terminer', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Terminer' });
    await confirm.getByRole('button', { name: 'Terminer (3 tâches)' }).click();
    const refused = page.getByRole('list', { name: 'Refusés' });
    await expect(refused).toContainText(`${titles[2]} : Cette tâche n’est plus ouverte : rouvrez-la d’abord.`);
    await expectAccessible(page, 'résultat ouvert');
    await capture(page, 'actions-groupees-refus');
    await expectResult(page, ['2 faits sur 3 · 1 refusé.']);

    await page.goto(`/taches?q=${tag}`);
    await expect(page.getByText('Aucune tâche trouvée.')).toBeVisible();
    await page.goto(`/taches?q=${tag}&statut=done`);
    await expect(page.getByText('3 tâches trouvées.')).toBeVisible();
    await officer.page.context().close();
  });

  test('attribue deux signalements à la chargée de mission ; « Suivi par » la nomme après rechargement', async ({
    browser,
  }) => {
    const officer = await officerIn(browser);
    const { page } = officer;
    const tag = stamp();
    const lastNames = [`Aubert${tag}`, `Barbier${tag}`];
    for (const lastName of lastNames) {
      await create(officer, '/api/candidate-referrals', {
        civility: 'DR',
        firstName: 'Hélène',
        lastName,
        specialty: 'Médecine générale',
        communeCode: '77186',
        reason: 'Installée depuis trois ans, souhaite encadrer des internes.',
        priority: 'normal',
      });
    }
    const me = (await (await page.request.get('/api/auth/me', { headers: officer.headers })).json()) as {
      displayName: string;
    };

    await page.goto(`/signalements?q=${tag}`);
    const table = page.getByRole('table', { name: 'Signalements' });
    await expect(table.getByRole('row')).toHaveCount(3);
    await table.getByRole('checkbox', { name: 'Sélectionner toutes les lignes de la page' }).check();
    await page.getByRole('button', { name: 'Attribuer', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Attribuer' });
    await dialog.getByRole('combobox', { name: 'Attribuer à' }).click();
    await page.getByRole('option', { name: new RegExp(`^${me.displayName} `) }).click();
    await dialog.getByRole('button', { name: 'Attribuer (2 signalements)' }).click();
    await expectResult(page, ['2 faits sur 2']);

    await page.reload();
    for (const lastName of lastNames) {
      await expect(table.getByRole('row').filter({ hasText: new RegExp(lastName, 'i') })).toContainText(me.displayName);
    }
    await officer.page.context().close();
  });

  test('à 390 px, la colonne de sélection et la barre d’actions tiennent sans défilement horizontal', async ({
    browser,
  }) => {
    // Four pages, each read by axe.
    test.setTimeout(120_000);
    const officer = await officerIn(browser, 390);
    const { page } = officer;
    for (const [url, table] of [
      ['/terrains', 'Terrains de stage'],
      ['/agrements', 'Agréments'],
      ['/taches?statut=tous', 'Tâches'],
      ['/signalements', 'Signalements'],
    ]) {
      await page.goto(url);
      const box = page
        .getByRole('table', { name: table })
        .getByRole('checkbox', { name: /^Sélectionner (?!toutes)/ })
        .first();
      await box.check();
      await expect(page.getByRole('region', { name: /^Action groupée sur les / })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
      await expectAccessible(page, `barre d’actions sur ${url}`);
    }
    await capture(page, 'actions-groupees-390');
    await officer.page.context().close();
  });
});
