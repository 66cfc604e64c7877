import { expect, type Locator, type Page } from '@playwright/test';

/** The mission officer's home page: its "À faire" list. */
export class HomeTodo {
  readonly section: Locator;
  readonly counts: Locator;

  constructor(private readonly page: Page) {
    this.section = page.getByRole('region', { name: 'À faire' });
    this.counts = this.section.getByRole('status');
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.section).toBeVisible();
  }

  /** A section of the list: "En retard", "Cette semaine", "Plus tard"… */
  bucket(label: string): Locator {
    return this.section.getByRole('region', { name: new RegExp(`^${label}`) });
  }

  item(title: string): Locator {
    return this.section.getByRole('listitem').filter({ hasText: title });
  }

  doneButton(title: string): Locator {
    return this.section.getByRole('button', { name: `Fait : ${title}` });
  }
}

/** `/taches`. */
export class TasksPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly runReminders: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Tâches' });
    this.table = page.getByRole('table', { name: 'Tâches' });
    this.runReminders = page.getByRole('button', { name: 'Lancer les rappels maintenant' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/taches');
    await expect(this.heading).toBeVisible();
  }

  row(title: string): Locator {
    return this.table.getByRole('row').filter({ hasText: title });
  }
}

/** `/semestres`. */
export class SemestersPage {
  readonly heading: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Semestres' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/semestres');
    await expect(this.heading).toBeVisible();
  }

  get charts(): Locator {
    return this.page.locator('[echarts] canvas');
  }

  get tables(): Locator {
    return this.page.getByRole('table', { name: /^Places par type de stage/ });
  }
}
