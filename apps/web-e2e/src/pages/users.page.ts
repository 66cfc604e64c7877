import { expect, type Locator, type Page } from '@playwright/test';

export interface NewAccount {
  displayName: string;
  email: string;
  role: string;
  departementCode: string;
  password: string;
}

export class UsersPage {
  readonly table: Locator;
  readonly search: Locator;
  readonly createButton: Locator;
  readonly dialog: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Comptes utilisateurs' });
    this.search = page.getByRole('searchbox', { name: 'Rechercher' });
    this.createButton = page.getByRole('button', { name: 'Créer un compte' });
    this.dialog = page.getByRole('dialog', { name: 'Créer un compte' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/utilisateurs');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Utilisateurs' })).toBeVisible();
  }

  row(email: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name: email, exact: true }) });
  }

  async create(account: NewAccount): Promise<void> {
    await this.createButton.click();
    // The dialog moves the focus to its first field once open: wait for it before typing.
    await expect(this.dialog.getByLabel('Nom affiché')).toBeFocused();
    await this.dialog.getByLabel('Nom affiché').fill(account.displayName);
    await this.dialog.getByLabel('Adresse e-mail').fill(account.email);
    await this.dialog.getByRole('combobox', { name: 'Rôle' }).click();
    await this.page.getByRole('option', { name: account.role, exact: true }).click();
    await this.dialog.getByLabel('Code du département').fill(account.departementCode);
    await this.dialog.getByLabel('Mot de passe initial', { exact: true }).fill(account.password);
    await this.dialog.getByRole('button', { name: 'Créer le compte' }).click();
  }
}
