import { expect, type Locator, type Page } from '@playwright/test';

/** `/visites`: the calendar (or list) of visits, and the plan dialog. */
export class VisitsPage {
  readonly heading: Locator;
  readonly planButton: Locator;
  readonly calendar: Locator;
  readonly overdue: Locator;
  readonly planDialog: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Visites de terrain' });
    this.planButton = page.getByRole('button', { name: 'Planifier une visite', exact: true });
    this.calendar = page.getByRole('grid', { name: /^Calendrier des visites/ });
    this.overdue = page.getByRole('complementary', { name: 'Terrains non visités depuis plus de 12 mois' });
    this.planDialog = page.getByRole('dialog', { name: 'Planifier une visite' });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/visites${query}`);
    await expect(this.heading).toBeVisible();
  }

  /** Plans a visit through the dialog: the site searched by `search`, on `date` (jj/mm/aaaa). */
  async plan(search: string, siteName: string, date: string, time: string): Promise<void> {
    await this.planButton.click();
    const dialog = this.planDialog;
    await dialog.getByRole('combobox', { name: 'Terrain' }).fill(search);
    await this.page.getByRole('option', { name: new RegExp(`^${siteName},`) }).click();
    await expect(dialog.getByText(`Terrain choisi : ${siteName}`)).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Date' }).fill(date);
    await dialog.getByLabel('Heure').fill(time);
    await dialog.getByRole('combobox', { name: 'Objet de la visite' }).click();
    await this.page.getByRole('option', { name: 'Suivi', exact: true }).click();
    await dialog.getByRole('button', { name: 'Planifier la visite' }).click();
    await expect(dialog).toBeHidden();
  }

  visitLink(siteName: string): Locator {
    return this.calendar.getByRole('link', { name: new RegExp(siteName) });
  }
}

/** `/visites/:id` and `/visites/:id/compte-rendu`. */
export class VisitDetailPage {
  readonly recordLink: Locator;
  readonly pdfLink: Locator;
  readonly issues: Locator;
  readonly form: Locator;

  constructor(private readonly page: Page) {
    this.recordLink = page.getByRole('link', { name: 'Rédiger le compte rendu' });
    this.pdfLink = page.getByRole('link', { name: 'Télécharger le compte rendu (PDF)' });
    this.issues = page.getByRole('list', { name: 'Difficultés d’accès relevées' });
    this.form = page.getByRole('form', { name: 'Compte rendu de visite' });
  }

  async answer(itemLabel: string, answer: string): Promise<void> {
    await this.form.getByRole('radiogroup', { name: itemLabel }).getByRole('radio', { name: answer }).check();
  }

  async addIssue(n: number, category: string, severity: string, description: string): Promise<void> {
    await this.form.getByRole('button', { name: 'Ajouter une difficulté constatée' }).click();
    const block = this.form.getByRole('group', { name: `Difficulté constatée ${n}` });
    await block.getByRole('combobox', { name: 'Catégorie' }).click();
    await this.page.getByRole('option', { name: category, exact: true }).click();
    await block.getByRole('combobox', { name: 'Gravité' }).click();
    await this.page.getByRole('option', { name: severity }).click();
    await block.getByRole('textbox', { name: 'Description' }).fill(description);
  }

  async addAction(n: number, title: string, owner: string, dueOn: string): Promise<void> {
    await this.form.getByRole('button', { name: 'Ajouter une action de suivi' }).click();
    const block = this.form.getByRole('group', { name: `Action de suivi ${n}` });
    await block.getByRole('textbox', { name: 'Intitulé' }).fill(title);
    await block.getByRole('textbox', { name: 'Responsable (libellé)' }).fill(owner);
    await block.getByRole('textbox', { name: 'Échéance' }).fill(dueOn);
  }
}
