import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { BulkResult, Colleague } from '@maillage/shared/domain';
import { provideFrenchDates } from '@maillage/web/ui';
import { BulkActionDialog, type BulkActionDialogData } from './bulk-action-dialog';

const COLLEAGUES: Colleague[] = [
  { id: 'u-cdom', displayName: 'Dr Alain Petit', role: 'cdom', departementCode: '77' },
  { id: 'u-mo', displayName: 'Camille Martin', role: 'mission_officer', departementCode: '77' },
];

const RESULT: BulkResult = { action: 'archive', selected: 2, done: [{ id: 's-1', label: 'MSP' }], refused: [] };

describe('BulkActionDialog', () => {
  let fixture: ComponentFixture<BulkActionDialog>;
  let http: HttpTestingController;
  let close: jest.Mock;
  let root: HTMLElement;

  async function render(data: Partial<BulkActionDialogData> = {}): Promise<void> {
    close = jest.fn();
    TestBed.configureTestingModule({
      imports: [BulkActionDialog],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideFrenchDates(),
        {
          provide: MAT_DIALOG_DATA,
          useValue: {
            resource: 'sites',
            action: 'archive',
            label: 'Archiver',
            target: { ids: ['s-1', 's-2'] },
            selectionText: '2 terrains',
            ...data,
          },
        },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(BulkActionDialog);
    root = fixture.nativeElement;
    fixture.detectChanges();
    const action = data.action ?? 'archive';
    if (action === 'assign' || action === 'assign_task') {
      http.expectOne((r) => r.url === '/api/users/colleagues').flush(COLLEAGUES);
    } else {
      http.expectNone((r) => r.url === '/api/users/colleagues');
    }
    await fixture.whenStable();
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  const submit = async () => {
    (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    await fixture.whenStable();
  };

  function type(label: string, value: string): void {
    const field = [...root.querySelectorAll('mat-form-field')].find((f) =>
      f.querySelector('mat-label')?.textContent?.includes(label),
    );
    const input = field?.querySelector('input') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    fixture.detectChanges();
  }

  /** Picks `option` in the select `label`; resolves with the options it offered. */
  async function choose(label: string, option: string): Promise<(string | undefined)[]> {
    const field = [...root.querySelectorAll('mat-form-field')].find((f) =>
      f.querySelector('mat-label')?.textContent?.includes(label),
    );
    (field?.querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    fixture.detectChanges();
    await fixture.whenStable();
    const options = [...document.querySelectorAll('mat-option')] as HTMLElement[];
    const offered = options.map((o) => o.textContent?.trim());
    options.find((o) => o.textContent?.includes(option))?.click();
    fixture.detectChanges();
    return offered;
  }

  it('archives after one confirmation: one request with the selection, closed with the result', async () => {
    await render();
    expect(root.querySelector('h2')?.textContent).toContain('Archiver');
    expect(root.textContent).toContain('La sélection (2 terrains) est archivée');
    expect(root.querySelector('button[type="submit"]')?.textContent).toContain('Archiver (2 terrains)');
    await submit();
    const request = http.expectOne('/api/sites/bulk');
    expect(request.request.body).toEqual({ ids: ['s-1', 's-2'], action: 'archive' });
    request.flush(RESULT);
    await fixture.whenStable();
    expect(close).toHaveBeenCalledWith(RESULT);
  });

  it('creates a task for each, with its title, due date, priority and owner', async () => {
    await render({ action: 'assign_task', label: 'Créer une tâche pour chacun', target: { filters: { q: 'mare' } } });
    type('Intitulé', '  Relancer {nom} ');
    type('Échéance', '15/01/2027');
    await choose('Responsable', 'Camille Martin');
    await submit();
    const request = http.expectOne('/api/sites/bulk');
    expect(request.request.body).toEqual({
      filters: { q: 'mare' },
      action: 'assign_task',
      task: { title: 'Relancer {nom}', priority: 'normal', dueOn: '2027-01-15', ownerId: 'u-mo' },
    });
    request.flush({ ...RESULT, action: 'assign_task' });
    await fixture.whenStable();
    expect(close).toHaveBeenCalled();
  });

  it('refuses a task without a title at the field, before any request', async () => {
    await render({ action: 'assign_task', label: 'Créer une tâche pour chacun' });
    await submit();
    expect(root.textContent).toContain('Saisissez un intitulé (2 caractères au moins).');
    http.expectNone('/api/sites/bulk');
    expect(close).not.toHaveBeenCalled();
  });

  it('gives tasks to a colleague or back to the team', async () => {
    await render({ resource: 'tasks', action: 'assign', label: 'Attribuer', selectionText: '3 tâches' });
    await choose('Attribuer à', 'L’équipe');
    await submit();
    const request = http.expectOne('/api/tasks/bulk');
    expect(request.request.body).toEqual({ ids: ['s-1', 's-2'], action: 'assign', owner: { ownerId: null } });
    request.flush({ ...RESULT, action: 'assign' });
  });

  it('offers referrals to those who handle them only, and asks for one', async () => {
    await render({ resource: 'candidate-referrals', action: 'assign', label: 'Attribuer' });
    await submit();
    expect(root.textContent).toContain('Choisissez la personne.');
    http.expectNone('/api/candidate-referrals/bulk');
    expect(await choose('Attribuer à', 'Camille Martin')).toEqual(['Camille Martin (Chargé·e de mission)']);
    await submit();
    const request = http.expectOne('/api/candidate-referrals/bulk');
    expect(request.request.body.owner).toEqual({ ownerId: 'u-mo' });
    request.flush({ ...RESULT, action: 'assign' });
  });

  it('shows the API’s refusal of the whole request in the dialog, which stays open', async () => {
    await render({ resource: 'tasks', action: 'complete', label: 'Terminer', selectionText: '2 tâches' });
    await submit();
    http
      .expectOne('/api/tasks/bulk')
      .flush(
        { message: ['filters : plus de 1000 enregistrements correspondent ; affinez les filtres.'] },
        { status: 400, statusText: 'Bad Request' },
      );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(root.textContent).toContain('plus de 1000 enregistrements correspondent');
    expect(close).not.toHaveBeenCalled();
  });
});
