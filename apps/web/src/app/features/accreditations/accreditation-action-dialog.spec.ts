import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { AccreditationSummary } from '@maillage/shared/domain';
import { provideFrenchDates } from '@maillage/web/ui';
import { AccreditationActionDialog, type AccreditationActionData } from './accreditation-action-dialog';

function buildAccreditation(overrides: Partial<AccreditationSummary> = {}): AccreditationSummary {
  return {
    id: 'a-1',
    version: 2,
    departementCode: '77',
    holder: { kind: 'professional', id: 'p-1', name: 'Dr Claire Martin' },
    cycle: '3',
    type: 'principal',
    stageTypes: ['N1'],
    phases: [],
    maxStudents: 2,
    authority: 'ARS Île-de-France',
    startDate: null,
    endDate: null,
    status: 'under_review',
    validity: 'pending',
    renewsId: null,
    renewedById: null,
    ...overrides,
  };
}

describe('AccreditationActionDialog', () => {
  let fixture: ComponentFixture<AccreditationActionDialog>;
  let http: HttpTestingController;
  let close: jest.Mock;
  let root: HTMLElement;

  function render(data: AccreditationActionData): void {
    close = jest.fn();
    TestBed.configureTestingModule({
      imports: [AccreditationActionDialog],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideFrenchDates(),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AccreditationActionDialog);
    root = fixture.nativeElement;
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  function type(label: string, value: string): void {
    const field = [...root.querySelectorAll('mat-form-field')].find((f) =>
      f.querySelector('mat-label')?.textContent?.includes(label),
    );
    const input = field?.querySelector('input, textarea') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    fixture.detectChanges();
  }

  const submit = () => (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();

  it('grants with French dates sent as ISO dates, the version read and the note', async () => {
    render({ accreditation: buildAccreditation(), action: 'grant' });
    expect(root.querySelector('h2')?.textContent).toContain('Accorder l’agrément');
    type('Date de début', '02/11/2026');
    expect(root.textContent).toContain('Laissée vide : le 01/11/2031');
    type('Date de fin', '01/11/2027');
    type('Référence', 'ARS-2026-118');
    type('Note', ' Avis favorable de la commission. ');
    submit();

    const request = http.expectOne('/api/accreditations/a-1/grant');
    expect(request.request.body).toEqual({
      version: 2,
      startDate: '2026-11-02',
      endDate: '2027-11-01',
      reference: 'ARS-2026-118',
      note: 'Avis favorable de la commission.',
    });
    request.flush({ ...buildAccreditation(), status: 'granted' });
    await fixture.whenStable();
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ status: 'granted' }));
  });

  it('refuses an end date before the start, before any call', () => {
    render({ accreditation: buildAccreditation(), action: 'grant' });
    type('Date de début', '02/11/2026');
    type('Date de fin', '01/11/2026');
    submit();
    fixture.detectChanges();
    http.expectNone('/api/accreditations/a-1/grant');
    expect(root.textContent).toContain('La date de fin doit suivre la date de début.');
  });

  it('says at the end date field that the end must follow the start, for the same day too', () => {
    render({ accreditation: buildAccreditation(), action: 'grant' });
    const endField = () =>
      [...root.querySelectorAll('mat-form-field')].find((f) =>
        f.querySelector('mat-label')?.textContent?.includes('Date de fin'),
      ) as HTMLElement;
    type('Date de début', '02/11/2026');
    type('Date de fin', '01/11/2026');
    submit();
    fixture.detectChanges();
    expect(endField().querySelector('mat-error')?.textContent).toBe('La date de fin doit suivre la date de début.');
    type('Date de fin', '02/11/2026');
    submit();
    fixture.detectChanges();
    http.expectNone('/api/accreditations/a-1/grant');
    expect(endField().querySelector('mat-error')?.textContent).toBe('La date de fin doit suivre la date de début.');
    // An earlier start makes the same end date valid.
    type('Date de début', '01/11/2026');
    fixture.detectChanges();
    expect(endField().querySelector('mat-error')).toBeNull();
  });

  it('shows the API’s 400 message, and closes with « conflict » on a stale version', async () => {
    render({ accreditation: buildAccreditation({ status: 'granted', startDate: '2024-01-10' }), action: 'withdraw' });
    type('Date du retrait', '15/03/2026');
    submit();
    const refused = http.expectOne('/api/accreditations/a-1/withdraw');
    expect(refused.request.body).toEqual({ version: 2, date: '2026-03-15' });
    refused.flush(
      { statusCode: 400, message: 'date : le retrait ne peut pas précéder le début de l’agrément.' },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('le retrait ne peut pas précéder');

    submit();
    http
      .expectOne('/api/accreditations/a-1/withdraw')
      .flush({ statusCode: 409, code: 'VERSION_CONFLICT', message: 'x' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(close).toHaveBeenCalledWith('conflict');
  });
});
