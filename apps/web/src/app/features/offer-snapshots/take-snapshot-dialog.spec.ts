import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialogRef } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { OFFER_SNAPSHOTS_URL } from './offer-snapshots-api';
import { TakeSnapshotDialog } from './take-snapshot-dialog';

describe('TakeSnapshotDialog', () => {
  let fixture: ComponentFixture<TakeSnapshotDialog>;
  let http: HttpTestingController;
  let close: jest.Mock;
  let root: HTMLElement;

  beforeEach(() => {
    close = jest.fn();
    TestBed.configureTestingModule({
      imports: [TakeSnapshotDialog],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TakeSnapshotDialog);
    root = fixture.nativeElement;
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const title = () => root.querySelector('input') as HTMLInputElement;
  const note = () => root.querySelector('textarea') as HTMLTextAreaElement;
  const submit = () => (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();

  it('explains that today’s figures get frozen, with a dated default title', () => {
    expect(root.textContent).toContain('figés');
    expect(root.textContent).toContain('ne changera plus');
    expect(title().value).toMatch(/^État de l’offre au \d{2}\/\d{2}\/\d{4}$/);
  });

  it('takes the snapshot and closes with it', async () => {
    title().value = '  Relevé pour le comité  ';
    title().dispatchEvent(new Event('input'));
    note().value = 'Avant le comité stratégique';
    note().dispatchEvent(new Event('input'));
    submit();
    const req = http.expectOne(OFFER_SNAPSHOTS_URL);
    expect(req.request.body).toEqual({ title: 'Relevé pour le comité', note: 'Avant le comité stratégique' });
    req.flush({ id: 's9' });
    await fixture.whenStable();
    expect(close).toHaveBeenCalledWith({ id: 's9' });
  });

  it('shows the API’s message and stays open when refused', async () => {
    submit();
    http
      .expectOne(OFFER_SNAPSHOTS_URL)
      .flush({ statusCode: 403, message: 'Interdit' }, { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Votre rôle ne permet pas cette action.');
    expect(close).not.toHaveBeenCalled();
  });

  it('asks for a title', () => {
    title().value = ' ';
    title().dispatchEvent(new Event('input'));
    submit();
    http.expectNone(OFFER_SNAPSHOTS_URL);
  });
});
