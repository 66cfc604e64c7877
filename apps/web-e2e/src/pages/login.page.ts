import { expect, type Locator, type Page } from '@playwright/test';

export class LoginPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly demoAccounts: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Connexion' });
    this.email = page.getByLabel('Adresse e-mail');
    this.password = page.getByLabel('Mot de passe', { exact: true });
    this.submit = page.getByRole('button', { name: 'Se connecter' });
    this.error = page.getByRole('alert');
    this.demoAccounts = page.getByRole('region', { name: 'Comptes de démonstration' });
  }

  async goto(retour?: string): Promise<void> {
    await this.page.goto(retour ? `/connexion?retour=${encodeURIComponent(retour)}` : '/connexion');
    await expect(this.heading).toBeVisible();
  }

  async login(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
