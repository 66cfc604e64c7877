import { expect, type Locator, type Page } from '@playwright/test';

/** `/agrements`: accreditations, their validity and the quick filters. */
export class AccreditationsPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly quickFilters: Locator;
  readonly status: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Agréments' });
    this.table = page.getByRole('table', { name: 'Agréments' });
    this.quickFilters = page.getByRole('listbox', { name: 'Filtres rapides de validité' });
    this.status = page.getByRole('status').filter({ hasText: /agrément/ });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/agrements${query}`);
    await expect(this.heading).toBeVisible();
  }

  quickFilter(label: 'Expire bientôt' | 'Expiré'): Locator {
    return this.quickFilters.getByRole('option', { name: label });
  }

  /** Data rows (the header row left out). */
  get rows(): Locator {
    return this.table.locator('tbody').getByRole('row');
  }

  row(holder: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name: holder, exact: true }) });
  }
}
