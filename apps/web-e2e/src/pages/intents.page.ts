import { expect, type Locator, type Page } from '@playwright/test';

/** `/intentions-installation`. */
export class IntentsPage {
  readonly table: Locator;
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Intentions d’installation' });
    this.dialog = page.getByRole('dialog', { name: 'Signaler une intention d’installation' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/intentions-installation');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Intentions d’installation' })).toBeVisible();
  }

  row(text: string): Locator {
    return this.table.locator('tbody tr').filter({ hasText: text });
  }

  async openCreate(): Promise<void> {
    await this.page.getByRole('button', { name: 'Signaler une intention' }).click();
    await expect(this.dialog).toBeVisible();
  }

  /** Adds a target commune through the picker of the dialog. */
  async addCommune(search: string, option: RegExp): Promise<void> {
    await this.dialog.getByRole('combobox', { name: 'Ajouter une commune visée' }).fill(search);
    await this.page.getByRole('option', { name: option }).first().click();
  }
}
