import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { CreateReportDialog } from './create-report-dialog';
import { REPORTS_URL } from './reports-api';
import { buildReport } from './testing';

describe('CreateReportDialog', () => {
  let fixture: ComponentFixture<CreateReportDialog>;
  let http: HttpTestingController;
  let close: jest.Mock;
  let root: HTMLElement;

  beforeEach(() => {
    close = jest.fn();
    TestBed.configureTestingModule({
      imports: [CreateReportDialog],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        { provide: MAT_DIALOG_DATA, useValue: { year: 2026 } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CreateReportDialog);
    root = fixture.nativeElement;
    fixture.detectChanges();
  });
  afterEach(() => http.verify());

  const submit = () => (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
  const settle = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
  };

  it('creates the draft of the year proposed and closes with it', async () => {
    submit();
    const req = http.expectOne(REPORTS_URL);
    expect(req.request.body).toEqual({ year: 2026 });
    const created = buildReport({ year: 2026 });
    req.flush(created);
    await settle();
    expect(close).toHaveBeenCalledWith(created);
  });

  it('shows why the API refused (a report already exists)', async () => {
    submit();
    http
      .expectOne(REPORTS_URL)
      .flush(
        { statusCode: 409, code: 'DUPLICATE', message: 'Un rapport annuel 2026 existe déjà pour ce département.' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(close).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('existe déjà');
  });
});
