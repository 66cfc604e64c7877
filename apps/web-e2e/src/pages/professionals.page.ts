import { expect, type Locator, type Page } from '@playwright/test';

/** `/professionnels`: the table and the kanban of the MSU pipeline. */
export class ProfessionalsPage {
  readonly table: Locator;
  readonly board: Locator;
  readonly moveDialog: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Professionnels' });
    this.board = page.locator('app-msu-kanban');
    this.moveDialog = page.getByRole('dialog', { name: 'Changer d’étape' });
  }

  async goto(view: 'tableau' | 'parcours', q?: string): Promise<void> {
    const params = new URLSearchParams();
    if (view === 'parcours') params.set('vue', 'parcours');
    if (q) params.set('q', q);
    const query = params.toString();
    await this.page.goto(`/professionnels${query ? `?${query}` : ''}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Professionnels & MSU' })).toBeVisible();
  }

  /** A kanban column, by the label of its stage ("Contacté"). */
  column(stage: string): Locator {
    return this.board.getByRole('region', { name: new RegExp(`^${stage}\\s*,`) });
  }

  card(stage: string, name: string): Locator {
    return this.column(stage).getByRole('listitem', { name });
  }

  moveButton(stage: string, name: string): Locator {
    return this.card(stage, name).getByRole('button', { name: `Déplacer ${name} vers une autre étape` });
  }

  /** Keyboard only: focus the card's "Déplacer…", open its menu, walk to the target, confirm. */
  async moveWithKeyboard(from: string, name: string, to: string, note: string): Promise<void> {
    await this.moveButton(from, name).focus();
    await this.page.keyboard.press('Enter');
    const target = this.page.getByRole('menuitem', { name: to, exact: true });
    await expect(this.page.getByRole('menu')).toBeVisible();
    for (let i = 0; i < 10 && !(await target.evaluate((el) => el === document.activeElement)); i++) {
      await this.page.keyboard.press('ArrowDown');
    }
    await expect(target).toBeFocused();
    await this.page.keyboard.press('Enter');
    await this.confirmMove(note, 'keyboard');
  }

  /** Mouse: press on the card, move in small steps over the target column, release. */
  async dragCard(from: string, name: string, to: string): Promise<void> {
    const card = this.card(from, name);
    const target = this.column(to);
    await card.scrollIntoViewIfNeeded();
    const start = await card.boundingBox();
    const end = await target.boundingBox();
    if (!start || !end) throw new Error('card or column not visible');
    await this.page.mouse.move(start.x + start.width / 2, start.y + 12);
    await this.page.mouse.down();
    await this.page.mouse.move(start.x + start.width / 2 + 10, start.y + 20, { steps: 5 });
    await this.page.mouse.move(end.x + end.width / 2, end.y + 80, { steps: 20 });
    await this.page.mouse.up();
  }

  async confirmMove(note: string, how: 'keyboard' | 'mouse' = 'mouse'): Promise<void> {
    await expect(this.moveDialog).toBeVisible();
    // The dialog moves the focus to its first field once open: wait for it before typing.
    await expect(this.moveDialog.getByLabel('Date du passage')).toBeFocused();
    await this.moveDialog.getByLabel('Note (facultative)').fill(note);
    const submit = this.moveDialog.getByRole('button', { name: 'Déplacer' });
    if (how === 'keyboard') {
      await submit.focus();
      await this.page.keyboard.press('Enter');
    } else {
      await submit.click();
    }
    await expect(this.moveDialog).toBeHidden();
  }
}

/** `/professionnels/:id`. */
export class ProfessionalDetailPage {
  readonly pipelineHistory: Locator;

  constructor(private readonly page: Page) {
    this.pipelineHistory = page.getByRole('list', { name: 'Historique du parcours MSU' });
  }

  async expectLoaded(name: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  /** The entry of the pipeline history that moved from one stage to the other ("A → B", read "A vers B"). */
  move(from: string, to: string): Locator {
    // The arrow icon's ligature sits between the two stages in the text: allow anything there.
    return this.pipelineHistory.getByRole('listitem').filter({ hasText: new RegExp(`${from}.*vers\\s*${to}`) });
  }
}
