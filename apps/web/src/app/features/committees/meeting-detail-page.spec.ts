import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeFr from '@angular/common/locales/fr';
import { LOCALE_ID } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { CommitteeMeetingDetail, Role } from '@maillage/shared/domain';
import { provideSignedIn } from '../../core/auth/testing';
import { COMMITTEES_URL } from './committees-api';
import { MeetingDetailPage } from './meeting-detail-page';

registerLocaleData(localeFr);

const ID = 'e7cff366-e7df-4c68-939b-d75ffd45fe77';

function buildMeeting(overrides: Partial<CommitteeMeetingDetail> = {}): CommitteeMeetingDetail {
  return {
    id: ID,
    departementCode: '77',
    kind: 'strategic',
    status: 'held',
    heldOn: '2026-10-14',
    title: 'Comité stratégique de l’automne',
    location: 'Hôtel du Département, Melun',
    snapshotId: 'snap-1',
    annualReportId: 'rep-1',
    attendeeCount: 3,
    archivedAt: null,
    version: 3,
    attendees: [
      { name: 'Dr Philippe Garnier', organisation: 'cdom', title: 'Président', present: true },
      { name: 'Camille Martin', organisation: 'departement', present: true },
      { name: 'Sophie Bernard', organisation: 'departement', present: false },
    ],
    agenda: '1. État de l’offre',
    minutes: 'Le comité constate une offre en progression.',
    decisions: [{ text: 'Relancer les médecins signalés par le CDOM.' }],
    snapshot: { id: 'snap-1', title: 'État de l’offre au 01/10/2026', takenOn: '2026-10-01' },
    annualReport: { id: 'rep-1', title: 'Bilan d’activité 2025', year: 2025, status: 'presented' },
    actions: [
      {
        id: 't1',
        title: 'Relancer les médecins',
        ownerId: 'u1',
        ownerName: 'Camille Martin',
        ownerLabel: null,
        dueOn: '2027-01-31',
        status: 'open',
      },
      {
        id: 't2',
        title: 'Chiffrer une aide au logement',
        ownerId: null,
        ownerName: null,
        ownerLabel: 'Direction de l’habitat',
        dueOn: '2026-10-30',
        status: 'done',
      },
    ],
    createdAt: '2026-10-01T09:00:00.000Z',
    updatedAt: '2026-10-15T09:00:00.000Z',
    ...overrides,
  };
}

describe('MeetingDetailPage', () => {
  let fixture: ComponentFixture<MeetingDetailPage>;
  let http: HttpTestingController;
  let root: HTMLElement;

  async function render(role: Role, meeting = buildMeeting()): Promise<void> {
    TestBed.configureTestingModule({
      imports: [MeetingDetailPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideNoopAnimations(),
        { provide: LOCALE_ID, useValue: 'fr' },
        provideSignedIn(role),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MeetingDetailPage);
    fixture.componentRef.setInput('id', ID);
    root = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne(`${COMMITTEES_URL}/${ID}`).flush(meeting);
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    http.expectOne((r) => r.url === '/api/audit-events').flush({ items: [], total: 0, page: 1, pageSize: 20 });
    // The documents card asks for the meeting's documents.
    for (const r of http.match((req) => req.url.endsWith('/documents'))) r.flush([]);
    await fixture.whenStable();
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  const text = () => root.textContent?.replace(/\s+/g, ' ') ?? '';
  const actions = () =>
    [...root.querySelectorAll('a, button')].map((b) => b.textContent?.replace(/\s+/g, ' ').trim() ?? '');

  it('shows the meeting: attendees by organisation, decisions, actions with their task, documents', async () => {
    await render('mission_officer');
    expect(root.querySelector('h1')?.textContent).toContain('Comité stratégique de l’automne');
    expect(text()).toContain('Comité stratégique');
    expect(text()).toContain('mercredi 14 octobre 2026');
    const orgs = [...root.querySelectorAll('.org')].map((h) => h.textContent?.trim());
    expect(orgs).toEqual(['Département', 'CDOM']);
    expect(text()).toContain('3 participants, dont 2 présents');
    expect(text()).toContain('excusé·e');
    expect(text()).toContain('Relancer les médecins signalés par le CDOM.');
    const actionRows = [...root.querySelectorAll('table.actions tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(actionRows).toEqual([
      ['Relancer les médecins', 'Camille Martin', '31/01/2027', 'À faire'],
      ['Chiffrer une aide au logement', 'Direction de l’habitat', '30/10/2026', 'Faite'],
    ]);
    expect(root.querySelector('a[href="/etat-offre/snap-1"]')?.textContent).toContain('État de l’offre au 01/10/2026');
    expect(root.querySelector('a[href="/bilans/rep-1"]')?.textContent).toContain('Bilan d’activité 2025');
    expect(actions()).toEqual(
      expect.arrayContaining(['edit Modifier', 'archive Archiver', 'add_task Ajouter une action']),
    );
  });

  it.each<Role>(['committee', 'departement'])('shows no edit action to the %s role', async (role) => {
    await render(role);
    expect(text()).toContain('Relancer les médecins');
    expect(actions().filter((a) => /Modifier|Archiver|Ajouter/.test(a))).toEqual([]);
  });
});
