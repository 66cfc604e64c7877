import { expect, type Locator, type Page } from '@playwright/test';

/** `/terrains`: the list of training sites and its filters. */
export class SitesPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly search: Locator;
  readonly commune: Locator;
  readonly status: Locator;
  readonly createButton: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Terrains de stage' });
    this.table = page.getByRole('table', { name: 'Terrains de stage' });
    this.search = page.getByRole('searchbox', { name: 'Rechercher un terrain' });
    this.commune = page.getByRole('combobox', { name: 'Commune', exact: true });
    this.status = page.getByRole('status').filter({ hasText: /terrain/ });
    this.createButton = page.getByRole('link', { name: 'Nouveau terrain' });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/terrains${query}`);
    await expect(this.heading).toBeVisible();
  }

  /** Types in the commune picker and chooses the suggestion whose name starts with `name`. */
  async filterByCommune(text: string, name: string): Promise<void> {
    await this.commune.fill(text);
    await this.page.getByRole('option', { name: new RegExp(`^${name},`) }).click();
    await expect(this.commune).toHaveValue(name);
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async open(name: string): Promise<void> {
    await this.row(name).getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }
}

/** `/terrains/:id`: one site, its capacities and its history. */
export class SiteDetailPage {
  readonly editButton: Locator;
  readonly editCapacitiesButton: Locator;
  readonly capacities: Locator;
  readonly capacitiesDialog: Locator;
  readonly history: Locator;

  constructor(private readonly page: Page) {
    this.editButton = page.getByRole('link', { name: 'Modifier', exact: true });
    this.editCapacitiesButton = page.getByRole('button', { name: 'Modifier les capacités' });
    this.capacities = page.getByRole('table', { name: 'Capacités d’accueil par type de stage' });
    this.capacitiesDialog = page.getByRole('dialog', { name: 'Capacités d’accueil' });
    this.history = page.getByRole('list', { name: 'Historique des modifications' });
  }

  async goto(id: string, name: string): Promise<void> {
    await this.page.goto(`/terrains/${id}`);
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  /** The places shown for a stage type (its full French label). */
  places(stageLabel: string): Locator {
    return this.capacities.getByRole('row', { name: stageLabel }).getByRole('cell');
  }

  async setPlaces(stageLabel: string, places: number): Promise<void> {
    await this.editCapacitiesButton.click();
    const field = this.capacitiesDialog.getByLabel(stageLabel);
    await expect(field).toBeVisible();
    await field.fill(String(places));
    await this.capacitiesDialog.getByRole('button', { name: 'Enregistrer les capacités' }).click();
    await expect(this.capacitiesDialog).toBeHidden();
  }
}
