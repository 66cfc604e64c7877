import { type APIRequestContext, expect, test } from '@playwright/test';
import { HomeTodo, SemestersPage, TasksPage } from './pages/tasks.page';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, storageStateFor } from './support/accounts';
import { capture } from './support/screenshots';

// The tasks are created through the API as the mission officer: the test depends on no demo task.

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

test.describe('Tâches et semestres, chargée de mission', () => {
  test.use({ storageState: storageStateFor('mission_officer') });

  test('voit la liste à faire de l’accueil changer : une tâche en retard apparaît, puis disparaît une fois faite', async ({
    page,
    request,
  }) => {
    const home = new HomeTodo(page);
    await home.goto();
    await expect(home.counts).toContainText(/en retard · \d+ cette semaine/);

    const title = `Relancer la mairie e2e ${Date.now().toString(36)}`;
    const created = await request.post('/api/tasks', {
      headers: await missionOfficer(request),
      data: { title, dueOn: isoDate(-1), priority: 'normal' },
    });
    expect(created.status()).toBe(201);

    await page.reload();
    const overdue = home.bucket('En retard');
    await expect(overdue).toBeVisible();
    await capture(page, 'accueil-a-faire');
    // Each section shows its first items: the others on demand.
    const more = overdue.getByRole('button', { name: /^Afficher les \d+ autres/ });
    if (await more.isVisible()) await more.click();
    await expect(overdue.getByRole('listitem').filter({ hasText: title })).toContainText('En retard, échéance le');

    await home.doneButton(title).click();
    await expect(home.item(title)).toHaveCount(0);
    await expect(page.getByText(`« ${title} » est faite.`)).toBeVisible();

    // The tasks page keeps it, as done.
    const tasks = new TasksPage(page);
    await tasks.goto();
    await expect(tasks.runReminders).toBeVisible();
    await page.getByRole('combobox', { name: 'Statut' }).click();
    await page.getByRole('option', { name: 'Faite', exact: true }).click();
    await expect(tasks.row(title)).toContainText('Faite');
  });

  test('la page Tâches lance les rappels et affiche les compteurs', async ({ page }) => {
    const tasks = new TasksPage(page);
    await tasks.goto();
    await expect(tasks.table.locator('tbody').getByRole('row').first()).toBeVisible();
    await tasks.runReminders.click();
    await expect(page.getByRole('status').filter({ hasText: /rappel/i })).toBeVisible();
    // Open tasks grouped by kind; a group shows its tasks only, and the choice survives a reload.
    const kinds = page.getByRole('region', { name: 'Tâches ouvertes par type' });
    for (const kind of ['Tâches saisies par l’équipe', 'Terrains à visiter', 'Suites de visite à relancer']) {
      await expect(kinds.getByRole('button', { name: new RegExp(kind) })).toBeVisible();
    }
    const visitsKind = kinds.getByRole('button', { name: /Terrains à visiter/ });
    await visitsKind.click();
    await expect(visitsKind).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/origine=site_not_visited/);
    await page.reload();
    await expect(kinds.getByRole('button', { name: /Terrains à visiter/ })).toHaveAttribute('aria-pressed', 'true');
    const rows = tasks.table.locator('tbody').getByRole('row');
    await expect(rows.first()).toContainText('Visiter le terrain');
    await expect(rows.filter({ hasNotText: 'Terrain non visité depuis longtemps' })).toHaveCount(0);
    await capture(page, 'taches');
  });

  test('la page Semestres montre le graphique et le tableau des places', async ({ page }) => {
    const semesters = new SemestersPage(page);
    await semesters.goto();
    await expect(semesters.tables).toHaveCount(4);
    await expect(semesters.charts.first()).toBeVisible();
    await expect(semesters.charts).toHaveCount(4);
    const first = semesters.tables.first();
    await expect(first.getByRole('columnheader', { name: 'Offertes' })).toBeVisible();
    await expect(first.getByRole('columnheader', { name: 'Écart' })).toBeVisible();
    await expect(first.getByRole('rowheader', { name: 'Total' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Docteurs juniors de médecine générale' })).toBeVisible();
    await capture(page, 'semestres');
  });
});
