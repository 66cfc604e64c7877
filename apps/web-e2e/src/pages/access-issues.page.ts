import { expect, type Locator, type Page } from '@playwright/test';

/** `/difficultes-acces`: the board by category and status, and the filtered list. */
export class AccessIssuesPage {
  readonly heading: Locator;
  readonly board: Locator;
  readonly table: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Difficultés d’accès' });
    this.board = page.getByRole('table', { name: 'Difficultés par catégorie et par statut' });
    this.table = page.getByRole('table', { name: 'Difficultés d’accès' });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/difficultes-acces${query}`);
    await expect(this.heading).toBeVisible();
  }

  row(text: string): Locator {
    return this.table.getByRole('row').filter({ hasText: text });
  }
}

/** `/difficultes-acces/:id`: one issue, its actions, its measures. */
export class AccessIssueDetailPage {
  readonly resolveButton: Locator;
  readonly startButton: Locator;
  readonly header: Locator;
  readonly measures: Locator;
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.resolveButton = page.getByRole('button', { name: 'Résoudre', exact: true });
    this.startButton = page.getByRole('button', { name: 'Prendre en charge' });
    this.header = page.locator('header.page-header');
    this.measures = page.getByRole('list', { name: 'Mesures liées' });
    this.dialog = page.getByRole('dialog', { name: 'Résoudre la difficulté' });
  }

  /** Resolves through the dialog, choosing one measure by (part of) its name. */
  async resolve(resolution: string, measureName: string): Promise<void> {
    await this.resolveButton.click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByRole('textbox', { name: 'Résolution', exact: true }).fill(resolution);
    await this.dialog.getByPlaceholder('Rechercher une mesure par son nom').fill(measureName);
    await this.page.getByRole('option', { name: new RegExp(measureName) }).click();
    await expect(this.dialog.getByRole('grid', { name: 'Mesures choisies' })).toContainText(measureName);
    await this.dialog.getByRole('button', { name: 'Résoudre', exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }
}

/** `/difficultes-acces/nouvelle`: report (mission officer) or propose (CDOM) an issue. */
export class AccessIssueFormPage {
  constructor(private readonly page: Page) {}

  async choose(label: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option }).click();
  }
}
