import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeFr from '@angular/common/locales/fr';
import { LOCALE_ID } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import type { CommitteeMeetingDetail } from '@maillage/shared/domain';
import { provideFrenchDates } from '@maillage/web/ui';
import { OFFER_SNAPSHOTS_URL } from '../offer-snapshots/offer-snapshots-api';
import { COMMITTEES_URL, MEETING_CONFLICT_MESSAGE } from './committees-api';
import { MeetingFormPage, REPORTS_URL } from './meeting-form-page';

registerLocaleData(localeFr);

const ID = 'm-1';

function buildMeeting(): CommitteeMeetingDetail {
  return {
    id: ID,
    departementCode: '77',
    kind: 'follow_up',
    status: 'planned',
    heldOn: '2026-12-08',
    title: 'Comité de suivi de décembre',
    location: 'Visioconférence',
    snapshotId: null,
    annualReportId: null,
    attendeeCount: 1,
    archivedAt: null,
    version: 6,
    attendees: [{ name: 'Camille Martin', organisation: 'departement', title: null, present: true }],
    agenda: 'Point d’étape',
    minutes: null,
    decisions: [{ text: 'Relancer le CDOM.' }],
    snapshot: null,
    annualReport: null,
    actions: [],
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
  };
}

describe('MeetingFormPage', () => {
  let fixture: ComponentFixture<MeetingFormPage>;
  let http: HttpTestingController;
  let root: HTMLElement;
  let navigate: jest.SpyInstance;

  async function render(id?: string): Promise<void> {
    TestBed.configureTestingModule({
      imports: [MeetingFormPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideNoopAnimations(),
        provideFrenchDates(),
        { provide: LOCALE_ID, useValue: 'fr' },
        { provide: MatSnackBar, useValue: { open: jest.fn() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(MeetingFormPage);
    if (id) fixture.componentRef.setInput('id', id);
    root = fixture.nativeElement;
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve));
    http
      .expectOne((r) => r.url === OFFER_SNAPSHOTS_URL)
      .flush({
        items: [
          {
            id: 'snap-1',
            takenOn: '2026-11-22',
            title: 'État de l’offre de novembre',
          },
        ],
        total: 1,
        page: 1,
        pageSize: 200,
      });
    http.expectOne(REPORTS_URL).flush([{ id: 'rep-1', year: 2025, title: 'Bilan 2025' }]);
    if (id) http.expectOne(`${COMMITTEES_URL}/${id}`).flush(buildMeeting());
    await fixture.whenStable();
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  const input = (label: string) =>
    [...root.querySelectorAll('mat-form-field')]
      .find((f) => f.querySelector('mat-label')?.textContent?.trim() === label)
      ?.querySelector('input, textarea') as HTMLInputElement;
  const type = (el: HTMLInputElement, value: string) => {
    el.value = value;
    el.dispatchEvent(new Event('input'));
  };
  const button = (text: string) =>
    [...root.querySelectorAll('button')].find((b) => b.textContent?.includes(text)) as HTMLButtonElement;

  it('fills the form from the meeting and saves from the version read (If-Match)', async () => {
    await render(ID);
    expect(input('Intitulé').value).toBe('Comité de suivi de décembre');
    expect(input('Date').value).toBe('08/12/2026');
    expect(input('Nom').value).toBe('Camille Martin');
    expect(input('Décision 1').value).toBe('Relancer le CDOM.');

    button('Ajouter un participant').click();
    fixture.detectChanges();
    const names = root.querySelectorAll<HTMLInputElement>('.attendee .name input');
    expect(names).toHaveLength(2);
    type(names[1], 'Dr Philippe Garnier');
    button('Enregistrer').click();
    await fixture.whenStable();

    const req = http.expectOne(`${COMMITTEES_URL}/${ID}`);
    expect(req.request.method).toBe('PATCH');
    expect(req.request.headers.get('If-Match')).toBe('"6"');
    expect(req.request.body).toMatchObject({
      kind: 'follow_up',
      heldOn: '2026-12-08',
      title: 'Comité de suivi de décembre',
      location: 'Visioconférence',
      minutes: null,
      decisions: [{ text: 'Relancer le CDOM.' }],
      attendees: [
        { name: 'Camille Martin', organisation: 'departement', title: null, present: true },
        { name: 'Dr Philippe Garnier', organisation: 'departement', title: null, present: true },
      ],
    });
    req.flush({ ...buildMeeting(), version: 7 });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/comites', ID]);
  });

  it('tells in French that someone saved meanwhile (409)', async () => {
    await render(ID);
    button('Enregistrer').click();
    await fixture.whenStable();
    http
      .expectOne(`${COMMITTEES_URL}/${ID}`)
      .flush(
        { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Version périmée.' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(MEETING_CONFLICT_MESSAGE);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('refuses to create a meeting without its kind, date and title', async () => {
    await render();
    expect(root.querySelector('h1')?.textContent).toContain('Nouvelle réunion');
    button('Enregistrer').click();
    await fixture.whenStable();
    fixture.detectChanges();
    http.expectNone(COMMITTEES_URL);
    expect(root.textContent).toContain('Choisissez le comité.');
  });
});
