import { expect, type Locator, type Page } from '@playwright/test';

export class ShellPage {
  readonly navigation: Locator;
  readonly navigationLinks: Locator;
  readonly userMenu: Locator;
  readonly main: Locator;

  constructor(private readonly page: Page) {
    this.navigation = page.getByRole('navigation', { name: 'Navigation principale' });
    this.navigationLinks = this.navigation.getByRole('link');
    this.userMenu = page.getByRole('button', { name: /^Compte de / });
    this.main = page.getByRole('main');
  }

  async expectSignedIn(roleLabel: string): Promise<void> {
    await expect(this.navigation).toBeVisible();
    await expect(this.userMenu).toContainText(roleLabel);
  }

  /** The navigation holds exactly these links, in this order (accessible names, icons excluded). */
  async expectNavigation(labels: readonly string[]): Promise<void> {
    await expect(this.navigationLinks).toHaveCount(labels.length);
    for (const [index, label] of labels.entries()) {
      await expect(this.navigationLinks.nth(index)).toHaveAccessibleName(label);
    }
  }

  async open(label: string): Promise<void> {
    await this.navigation.getByRole('link', { name: label, exact: true }).click();
    await expect(this.navigation.getByRole('link', { name: label, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
  }

  async logout(): Promise<void> {
    await this.userMenu.click();
    await this.page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await expect(this.page).toHaveURL(/\/connexion/);
  }
}
