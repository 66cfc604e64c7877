import { expect, type Locator, type Page } from '@playwright/test';

/** `/tableau-de-bord`: key figures and charts, each chart with a "Tableau" view. */
export class DashboardPage {
  constructor(private readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Tableau de bord' });
  }

  /** The card of a chart, found by its title. */
  chart(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  async showTable(title: string): Promise<Locator> {
    const card = this.chart(title);
    await card.getByRole('radio', { name: 'Tableau' }).click();
    const table = card.getByRole('table');
    await expect(table).toBeVisible();
    return table;
  }
}

/** `/carte`: communes shaded by an indicator, sites as markers, the same figures as tables. */
export class MapPage {
  constructor(private readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Carte des communes' });
  }

  get legend(): Locator {
    return this.page.getByRole('list', { name: 'Classes de l’indicateur' });
  }

  get communes(): Locator {
    return this.page.getByRole('table', { name: 'Communes et indicateurs' });
  }

  get sites(): Locator {
    return this.page.getByRole('table', { name: 'Terrains de stage de la carte' });
  }

  indicator(name: string): Locator {
    return this.page.getByRole('radiogroup', { name: 'Indicateur' }).getByRole('radio', { name, exact: true });
  }
}

/** `/bilans` and a report's page. */
export class ReportsPage {
  constructor(private readonly page: Page) {}

  get latest(): Locator {
    return this.page.getByRole('region', { name: 'Dernier bilan approuvé' });
  }

  get pdfLink(): Locator {
    return this.page.getByRole('link', { name: 'Télécharger le PDF' });
  }
}
