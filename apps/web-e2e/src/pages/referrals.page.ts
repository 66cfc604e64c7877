import { expect, type Locator, type Page } from '@playwright/test';

export interface NewCandidate {
  firstName: string;
  lastName: string;
  specialty: string;
  /** Typed in the commune picker; the first option starting with `communeOption` is chosen. */
  communeSearch: string;
  communeOption: RegExp;
  reason: string;
  priority: 'Basse' | 'Normale' | 'Haute';
}

/** `/signalements`. */
export class ReferralsPage {
  readonly table: Locator;
  readonly referButton: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Signalements' });
    this.referButton = page.getByRole('link', { name: 'Signaler un candidat MSU' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/signalements');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Signalements CDOM' })).toBeVisible();
  }

  /** The data rows, in the order shown. */
  rows(): Locator {
    return this.table.locator('tbody tr');
  }

  row(name: string): Locator {
    return this.rows().filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }
}

/** `/signalements/nouveau`. */
export class ReferralFormPage {
  readonly form: Locator;

  constructor(private readonly page: Page) {
    this.form = page.locator('form.referral-form');
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Signaler un candidat MSU' })).toBeVisible();
  }

  async fillNewPerson(candidate: NewCandidate): Promise<void> {
    await this.page.getByRole('radio', { name: 'Une personne qui n’est pas encore dans le registre' }).check();
    await this.page.getByLabel('Prénom').fill(candidate.firstName);
    await this.page.getByLabel('Nom', { exact: true }).fill(candidate.lastName);
    await this.page.getByRole('combobox', { name: 'Spécialité' }).fill(candidate.specialty);
    await this.page.keyboard.press('Escape');
    await this.page.getByRole('combobox', { name: 'Commune d’exercice (facultatif)' }).fill(candidate.communeSearch);
    await this.page.getByRole('option', { name: candidate.communeOption }).first().click();
    await this.page.getByLabel('Motif du signalement').fill(candidate.reason);
    await this.page.getByRole('radio', { name: candidate.priority, exact: true }).check();
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Envoyer le signalement' }).click();
  }
}

/** `/signalements/:id`. */
export class ReferralDetailPage {
  readonly closeDialog: Locator;

  constructor(private readonly page: Page) {
    this.closeDialog = page.getByRole('dialog', { name: 'Clore le signalement' });
  }

  async expectLoaded(name: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  async close(outcome: 'Converti' | 'A décliné' | 'Non éligible', note: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Clore…' }).click();
    await expect(this.closeDialog).toBeVisible();
    await this.closeDialog.getByRole('radio', { name: outcome }).check();
    await this.closeDialog.getByLabel('Note de clôture').fill(note);
    await this.closeDialog.getByRole('button', { name: /^Clore/ }).click();
    await expect(this.closeDialog).toBeHidden();
  }
}
