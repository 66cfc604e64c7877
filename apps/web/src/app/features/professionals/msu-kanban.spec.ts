import type { CdkDragDrop } from '@angular/cdk/drag-drop';
import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import localeFr from '@angular/common/locales/fr';
import { LOCALE_ID } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import {
  MSU_STAGES,
  type MsuPipeline,
  type MsuStage,
  type ProfessionalDetail,
  type ProfessionalSummary,
} from '@maillage/shared/domain';
import { provideFrenchDates } from '@maillage/web/ui';
import { toIsoDate as isoDate } from '@maillage/web/util';
import { MsuKanban } from './msu-kanban';
import { NO_FILTERS } from './professional-filters';
import { PIPELINE_URL } from './professionals-api';

registerLocaleData(localeFr);

function buildProfessional(overrides: Partial<ProfessionalSummary> = {}): ProfessionalSummary {
  return {
    id: 'p-1',
    version: 3,
    departementCode: '77',
    civility: 'DR',
    firstName: 'Claire',
    lastName: 'Martin',
    rpps: '10003382731',
    profession: 'Médecin',
    specialty: 'Médecine générale',
    practiceMode: 'liberal',
    msuStage: 'contacted',
    msuStageSince: '2026-09-01',
    isSupervisor: false,
    sites: [{ id: 's-1', name: 'MSP des Deux Rivières', communeCode: '77288', communeName: 'Melun' }],
    archivedAt: null,
    updatedAt: '2026-09-01T08:00:00Z',
    ...overrides,
  };
}

function buildPipeline(cards: ProfessionalSummary[]): MsuPipeline {
  return {
    limit: 50,
    columns: MSU_STAGES.map((stage) => {
      const items = cards.filter((c) => c.msuStage === stage);
      return { stage, total: items.length, items };
    }),
  };
}

describe('MsuKanban', () => {
  let fixture: ComponentFixture<MsuKanban>;
  let http: HttpTestingController;
  let root: HTMLElement;

  async function setUp(canEdit: boolean, cards: ProfessionalSummary[]): Promise<void> {
    TestBed.configureTestingModule({
      imports: [MsuKanban],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideRouter([]),
        provideFrenchDates(),
        { provide: LOCALE_ID, useValue: 'fr' },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MsuKanban);
    fixture.componentRef.setInput('filters', NO_FILTERS);
    fixture.componentRef.setInput('canEdit', canEdit);
    root = fixture.nativeElement;
    fixture.detectChanges();
    await answerPipeline(cards);
  }

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((el) => (el.innerHTML = ''));
  });

  const pipelineRequest = (): TestRequest => http.expectOne((r) => r.url === PIPELINE_URL);

  async function answerPipeline(cards: ProfessionalSummary[]): Promise<void> {
    pipelineRequest().flush(buildPipeline(cards));
    await settle();
  }

  /**
   * Lets promise chains (the dialog closing, a resource answering) run, then renders. Not
   * `whenStable()`: the board's reload after a move keeps the app busy until it is answered.
   */
  async function settle(): Promise<void> {
    for (let i = 0; i < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve));
      fixture.detectChanges();
    }
  }

  const column = (stage: MsuStage) => root.querySelector(`[data-stage="${stage}"]`) as HTMLElement;
  const dialog = () => document.querySelector('mat-dialog-container') as HTMLElement | null;
  /** The alert's words (its icon is decorative). */
  const alertText = () => root.querySelector('[role="alert"] span')?.textContent?.replace(/\s+/g, ' ').trim();

  /** What CDK hands to `cdkDropListDropped` when a card is let go over another column. */
  function drop(card: ProfessionalSummary, to: MsuStage): void {
    const event = {
      item: { data: card },
      container: { data: to },
      previousContainer: { data: card.msuStage },
    } as unknown as CdkDragDrop<MsuStage, MsuStage, ProfessionalSummary>;
    (fixture.componentInstance as unknown as { onDrop(e: typeof event): void }).onDrop(event);
    fixture.detectChanges();
  }

  async function confirmDialog(note?: string): Promise<void> {
    await settle();
    const container = dialog();
    expect(container).not.toBeNull();
    if (note) {
      const textarea = container?.querySelector('textarea') as HTMLTextAreaElement;
      textarea.value = note;
      textarea.dispatchEvent(new Event('input'));
    }
    (container?.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await settle();
  }

  it('shows a column per stage with its count, exits folded at the end', async () => {
    await setUp(true, [
      buildProfessional(),
      buildProfessional({ id: 'p-2', msuStage: 'declined', lastName: 'Durand' }),
    ]);
    const titles = [...root.querySelectorAll('.column-title')].map((h) => h.textContent?.replace(/\s+/g, ' ').trim());
    expect(titles[0]).toBe('Identifié, 0 professionnel');
    expect(titles[1]).toBe('Contacté, 1 professionnel');
    expect(titles.at(-2)).toBe('A décliné, 1 professionnel');
    expect(column('contacted').textContent).toContain('Dr Claire Martin');
    expect(column('contacted').textContent).toContain('Melun');
    // The exit is folded: its count shows, its cards do not, until asked.
    expect(column('declined').textContent).not.toContain('Durand');
    (column('declined').querySelector('.fold-button') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(column('declined').textContent).toContain('Durand');
  });

  it('moves a dropped card: asks the date and note, sends the version read and the target stage', async () => {
    const card = buildProfessional();
    await setUp(true, [card]);

    drop(card, 'interested');
    await confirmDialog('Rencontre au cabinet, très motivée.');

    const move = http.expectOne('/api/professionals/p-1/stage');
    expect(move.request.method).toBe('POST');
    expect(move.request.body).toEqual({
      version: 3,
      toStage: 'interested',
      date: isoDate(new Date()),
      note: 'Rencontre au cabinet, très motivée.',
    });
    const moved: ProfessionalDetail = {
      ...card,
      version: 4,
      msuStage: 'interested',
      msuStageSince: isoDate(new Date()),
    } as ProfessionalDetail;
    move.flush(moved);
    await settle();

    // The card is in its new column right away; the board then reloads from the server.
    expect(column('interested').textContent).toContain('Dr Claire Martin');
    expect(column('contacted').textContent).not.toContain('Dr Claire Martin');
    expect(column('interested').querySelector('.count')?.textContent).toContain('1');
    await answerPipeline([moved]);
    expect(column('interested').textContent).toContain('Dr Claire Martin');
  });

  it('refuses a move the pipeline forbids, without asking the API, and says why', async () => {
    const card = buildProfessional({ msuStage: 'declined' });
    await setUp(true, [card]);

    drop(card, 'interested');
    await settle();

    expect(dialog()).toBeNull();
    http.expectNone((r) => r.url.endsWith('/stage'));
    expect(alertText()).toBe(
      'Passage impossible de l’étape « A décliné » à « Intéressé » : depuis une sortie du parcours, seul un retour à « Identifié » ou « Contacté » est possible.',
    );
  });

  it('moves a card from the keyboard with its "Déplacer…" menu', async () => {
    const card = buildProfessional();
    await setUp(true, [card]);

    const button = column('contacted').querySelector('.move-button') as HTMLButtonElement;
    expect(button.getAttribute('aria-label')).toBe('Déplacer Dr Claire Martin vers une autre étape');
    button.click();
    await settle();
    const items = [...document.querySelectorAll('[role="menuitem"]')] as HTMLButtonElement[];
    expect(items.map((i) => i.textContent?.trim())).toContain('Intéressé');
    expect(items.map((i) => i.textContent?.trim())).not.toContain('Contacté');
    items.find((i) => i.textContent?.trim() === 'Intéressé')?.click();
    await confirmDialog();

    const move = http.expectOne('/api/professionals/p-1/stage');
    expect(move.request.body).toMatchObject({ version: 3, toStage: 'interested', note: null });
    move.flush({ ...card, version: 4, msuStage: 'interested' });
    await settle();
    await answerPipeline([{ ...card, version: 4, msuStage: 'interested' }]);
  });

  it('greys out in the menu the stages an exit cannot reach', async () => {
    const card = buildProfessional({ msuStage: 'retired' });
    await setUp(true, [card]);
    (column('retired').querySelector('.fold-button') as HTMLButtonElement).click();
    fixture.detectChanges();
    (column('retired').querySelector('.move-button') as HTMLButtonElement).click();
    await settle();
    const items = [...document.querySelectorAll('[role="menuitem"]')] as HTMLButtonElement[];
    const state = Object.fromEntries(items.map((i) => [i.textContent?.replace(/\(.*\)/, '').trim(), i.disabled]));
    expect(state['Contacté']).toBe(false);
    expect(state['Agréé']).toBe(true);
  });

  it('on a 409, leaves the card where it was, says why and reloads', async () => {
    const card = buildProfessional();
    await setUp(true, [card]);

    drop(card, 'interested');
    await confirmDialog();
    http
      .expectOne('/api/professionals/p-1/stage')
      .flush(
        { statusCode: 409, message: 'Ce professionnel a été modifié entre-temps.', code: 'VERSION_CONFLICT' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();

    expect(alertText()).toBe('Ce professionnel a été modifié entre-temps.');
    expect(column('contacted').textContent).toContain('Dr Claire Martin');
    await answerPipeline([{ ...card, version: 5 }]);
  });

  it('is read-only for the other roles: no move button, drops ignored', async () => {
    const card = buildProfessional();
    await setUp(false, [card]);

    expect(root.querySelector('.move-button')).toBeNull();
    expect(root.textContent).toContain('Consultation seule');
    drop(card, 'interested');
    await settle();
    expect(dialog()).toBeNull();
  });
});
