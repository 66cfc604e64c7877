import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { CandidateReferralView } from '@maillage/shared/domain';
import { ReferralCloseDialog } from './referral-close-dialog';

function buildReferral(overrides: Partial<CandidateReferralView> = {}): CandidateReferralView {
  return {
    id: 'r-1',
    version: 2,
    departementCode: '77',
    professionalId: null,
    civility: 'DR',
    firstName: 'Inès',
    lastName: 'Moreau',
    rpps: null,
    specialty: 'Médecine générale',
    communeCode: '77288',
    reason: 'Accueille déjà des externes et souhaite encadrer des internes.',
    priority: 'high',
    status: 'assigned',
    referredBy: { id: 'u-cdom', displayName: 'Hélène Garnier' },
    assignedTo: { id: 'u-mo', displayName: 'Camille Martin' },
    lastFollowUpAt: null,
    closedAt: null,
    outcomeNote: null,
    archivedAt: null,
    createdAt: '2026-11-02T09:00:00Z',
    updatedAt: '2026-11-03T09:00:00Z',
    ...overrides,
  };
}

describe('ReferralCloseDialog', () => {
  let fixture: ComponentFixture<ReferralCloseDialog>;
  let http: HttpTestingController;
  let close: jest.Mock;
  let root: HTMLElement;

  beforeEach(() => {
    close = jest.fn();
    TestBed.configureTestingModule({
      imports: [ReferralCloseDialog],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        { provide: MAT_DIALOG_DATA, useValue: buildReferral() },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReferralCloseDialog);
    root = fixture.nativeElement;
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const tick = () => new Promise((resolve) => setTimeout(resolve));

  async function render(): Promise<void> {
    await tick();
    fixture.detectChanges();
  }

  function choose(label: string): void {
    const radio = [...root.querySelectorAll('mat-radio-button')].find((r) => r.textContent?.trim() === label);
    (radio?.querySelector('input') as HTMLInputElement).click();
    fixture.detectChanges();
  }

  function writeNote(text: string): void {
    const textarea = root.querySelector('textarea') as HTMLTextAreaElement;
    textarea.value = text;
    textarea.dispatchEvent(new Event('input'));
    fixture.detectChanges();
  }

  const submitButton = () => root.querySelector('button[type="submit"]') as HTMLButtonElement;

  async function submit(): Promise<void> {
    submitButton().click();
    await render();
  }

  it('asks for an outcome and a note before sending anything', async () => {
    await submit();
    http.expectNone(() => true);
    expect(close).not.toHaveBeenCalled();
    expect(root.textContent).toContain('Choisissez l’issue du signalement.');
    expect(root.textContent).toContain('Écrivez une note de clôture');
  });

  it('explains each outcome, and what "converted" does to the pipeline', async () => {
    expect(root.textContent).toContain('Le professionnel entre dans le parcours MSU, à l’étape « Contacté »');
    choose('Converti');
    expect(submitButton().textContent?.trim()).toBe('Clore et faire entrer dans le parcours');
    choose('Non éligible');
    expect(submitButton().textContent?.trim()).toBe('Clore');
  });

  it('closes as converted with the version read and the trimmed note', async () => {
    choose('Converti');
    writeNote('  Rencontrée le 3 novembre : commence la formation MSU en janvier.  ');
    await submit();

    const request = http.expectOne('/api/candidate-referrals/r-1/close');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      version: 2,
      outcome: 'converted',
      note: 'Rencontrée le 3 novembre : commence la formation MSU en janvier.',
    });
    const closed = buildReferral({ version: 3, status: 'converted', professionalId: 'p-9' });
    request.flush(closed);
    await render();
    expect(close).toHaveBeenCalledWith({ kind: 'closed', referral: closed });
  });

  it('on a 409, closes and hands the API’s reason to the page (which reloads)', async () => {
    choose('A décliné');
    writeNote('Ne souhaite pas accueillir d’étudiants pour l’instant.');
    await submit();
    http
      .expectOne('/api/candidate-referrals/r-1/close')
      .flush(
        { statusCode: 409, message: 'Ce signalement est déjà clos.', code: 'INVALID_STATE' },
        { status: 409, statusText: 'Conflict' },
      );
    await render();
    expect(close).toHaveBeenCalledWith({ kind: 'refused', message: 'Ce signalement est déjà clos.' });
  });

  it('on a 400, stays open and shows what the API refused', async () => {
    choose('Non éligible');
    writeNote('Hors département.');
    await submit();
    http
      .expectOne('/api/candidate-referrals/r-1/close')
      .flush(
        { statusCode: 400, message: ['note : 2000 caractères au plus.'] },
        { status: 400, statusText: 'Bad Request' },
      );
    await render();
    expect(close).not.toHaveBeenCalled();
    // The API names the field by its property (`note :`); the screen names it by its label, at the field too.
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Note de clôture : 2000 caractères au plus.');
    expect(root.querySelector('mat-error')?.textContent).toContain('Note de clôture : 2000 caractères au plus.');
  });
});
