import { expect, type Locator, type Page } from '@playwright/test';

export class TerritoryPage {
  readonly search: Locator;
  readonly table: Locator;
  readonly status: Locator;

  constructor(private readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: 'Rechercher une commune' });
    this.table = page.getByRole('table', { name: 'Communes' });
    // The paginator has its own status region: take the one that counts communes.
    this.status = page.getByRole('status').filter({ hasText: /commune/ });
  }

  async goto(): Promise<void> {
    await this.page.goto('/territoire');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Territoire' })).toBeVisible();
  }

  /** The table row of the commune with this INSEE code. */
  row(code: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name: code, exact: true }) });
  }
}
