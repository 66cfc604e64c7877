import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { AccessIssueDetail } from '@maillage/shared/domain';
import { provideFrenchDates } from '@maillage/web/ui';
import type { IssueCloseData } from './issue-close-dialog';
import { IssueCloseDialog } from './issue-close-dialog';

function buildIssue(overrides: Partial<AccessIssueDetail> = {}): AccessIssueDetail {
  return {
    id: 'i-1',
    version: 3,
    departementCode: '77',
    site: { id: 's-1', name: 'MSP des Deux Rivières', communeName: 'Nemours' },
    category: 'housing',
    severity: 3,
    description: 'Aucun logement disponible à moins de 20 km.',
    source: 'visit',
    status: 'in_progress',
    raisedOn: '2026-01-10',
    closedOn: null,
    resolution: null,
    visitId: null,
    reportedById: null,
    archivedAt: null,
    updatedAt: '2026-02-01T10:00:00.000Z',
    createdAt: '2026-01-10T10:00:00.000Z',
    measures: [],
    ...overrides,
  };
}

describe('IssueCloseDialog', () => {
  let fixture: ComponentFixture<IssueCloseDialog>;
  let http: HttpTestingController;
  let close: jest.Mock;
  let root: HTMLElement;

  function render(data: IssueCloseData): void {
    close = jest.fn();
    TestBed.configureTestingModule({
      imports: [IssueCloseDialog],
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
    fixture = TestBed.createComponent(IssueCloseDialog);
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

  it('resolves with the French date as an ISO date, the resolution, the version and the chosen measures', async () => {
    render({
      issue: buildIssue({
        measures: [{ id: 'm-1', name: 'Maison des internes de Nemours', type: 'intern_house', status: 'active' }],
      }),
      action: 'resolve',
    });
    // Measures search runs on opening (empty query: the first measures by name).
    http
      .expectOne((r) => r.url === '/api/support-measures')
      .flush({
        items: [],
        total: 0,
        page: 1,
        pageSize: 10,
        totals: { count: 0, budgetPlanned: 0, budgetCommitted: 0 },
      });
    expect(root.textContent).toContain('Maison des internes de Nemours');
    type('Date de résolution', '15/03/2026');
    type('Résolution', ' Deux studios réservés aux internes. ');
    submit();

    const request = http.expectOne('/api/access-issues/i-1/resolve');
    expect(request.request.body).toEqual({
      version: 3,
      closedOn: '2026-03-15',
      resolution: 'Deux studios réservés aux internes.',
      measureIds: ['m-1'],
    });
    request.flush({ ...buildIssue(), status: 'resolved' });
    await fixture.whenStable();
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ status: 'resolved' }));
  });

  it('requires a resolution before any call', () => {
    render({ issue: buildIssue(), action: 'resolve' });
    http
      .expectOne((r) => r.url === '/api/support-measures')
      .flush({
        items: [],
        total: 0,
        page: 1,
        pageSize: 10,
        totals: { count: 0, budgetPlanned: 0, budgetCommitted: 0 },
      });
    submit();
    fixture.detectChanges();
    http.expectNone('/api/access-issues/i-1/resolve');
    expect(root.textContent).toContain('Décrivez la résolution.');
  });

  it('closes without follow-up with no measures, shows a 400 and closes with « conflict » on a 409', async () => {
    render({ issue: buildIssue(), action: 'wont-fix' });
    expect(root.querySelector('h2')?.textContent).toContain('Classer sans suite');
    type('Motif', 'Le terrain ferme en juin.');
    submit();
    const refused = http.expectOne('/api/access-issues/i-1/wont-fix');
    expect(refused.request.body).toEqual({
      version: 3,
      closedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      resolution: 'Le terrain ferme en juin.',
    });
    refused.flush(
      { statusCode: 400, message: 'closedOn : la clôture ne peut pas précéder le signalement.' },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('la clôture ne peut pas précéder');

    submit();
    http
      .expectOne('/api/access-issues/i-1/wont-fix')
      .flush({ statusCode: 409, code: 'VERSION_CONFLICT', message: 'x' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(close).toHaveBeenCalledWith('conflict');
  });
});
