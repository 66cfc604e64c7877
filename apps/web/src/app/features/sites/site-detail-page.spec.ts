import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeFr from '@angular/common/locales/fr';
import { LOCALE_ID } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { SiteRecord } from '@maillage/shared/domain';
import { of } from 'rxjs';
import { provideSignedIn } from '../../core/auth/testing';
import { SiteDetailPage } from './site-detail-page';
import { SITE_CONFLICT_MESSAGE, SITES_URL } from './sites-api';

registerLocaleData(localeFr);

const ID = '5b0f3c1e-8d7a-4c1e-9f59-0c6f1d2a3b4c';

function buildRecord(overrides: Partial<SiteRecord> = {}): SiteRecord {
  return {
    id: ID,
    version: 4,
    departementCode: '77',
    name: 'MSP des Deux Rivières',
    kind: 'msp',
    status: 'active',
    communeCode: '77288',
    communeName: 'Melun',
    epciName: 'CA Melun Val de Seine',
    zonage: 'ZAC',
    capacities: [{ stageType: 'N1', places: 2 }],
    supervisorCount: 1,
    openAccessIssues: 0,
    updatedAt: '2026-10-14T09:00:00.000Z',
    address: { line1: '3 rue Pasteur', line2: null, postalCode: '77000' },
    latitude: null,
    longitude: null,
    siret: '73282932000074',
    hosting: { housingOnSite: false, housingNearby: true, publicTransport: true, parking: false, distanceToChuKm: 45 },
    notes: null,
    archivedAt: null,
    createdAt: '2024-02-01T09:00:00.000Z',
    professionals: [
      { id: 'p-1', name: 'Dr Claire Martin', msuStage: 'active' },
      { id: 'p-2', name: 'Dr Paul Roux', msuStage: 'contacted' },
    ],
    accreditations: [],
    ...overrides,
  };
}

describe('SiteDetailPage', () => {
  let fixture: ComponentFixture<SiteDetailPage>;
  let http: HttpTestingController;
  let root: HTMLElement;

  async function render(role: 'mission_officer' | 'departement', record = buildRecord()): Promise<void> {
    TestBed.configureTestingModule({
      imports: [SiteDetailPage],
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
    fixture = TestBed.createComponent(SiteDetailPage);
    fixture.componentRef.setInput('id', ID);
    root = fixture.nativeElement;
    fixture.detectChanges();
    await answerSite(record);
  }

  /** The page, then its history (which only loads once the site is on screen). */
  async function answerSite(record: SiteRecord): Promise<void> {
    http.expectOne(`${SITES_URL}/${ID}`).flush(record);
    // Not whenStable(): the history request, started by this render, keeps the app busy.
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    http.expectOne((r) => r.url === '/api/audit-events').flush({ items: [], total: 0, page: 1, pageSize: 20 });
    // The open access issues card.
    for (const r of http.match((req) => req.url === '/api/access-issues'))
      r.flush({ items: [], total: 0, page: 1, pageSize: 5 });
    // The professionals' links and the accreditations cards.
    for (const r of http.match((req) => req.url === '/api/professional-site-links')) r.flush({ items: [] });
    for (const r of http.match((req) => req.url === '/api/accreditations'))
      r.flush({ items: [], total: 0, page: 1, pageSize: 50 });
    // The site's visits card.
    for (const r of http.match((req) => req.url === '/api/site-visits'))
      r.flush({ items: [], total: 0, page: 1, pageSize: 5 });
    // The documents card.
    for (const r of http.match((req) => req.url.endsWith('/documents'))) r.flush([]);
    await fixture.whenStable();
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  const text = () => root.textContent?.replace(/\s+/g, ' ') ?? '';
  const buttons = () => [...root.querySelectorAll('a, button')].map((b) => b.textContent?.replace(/\s+/g, ' ').trim());

  it('shows the whole site on one screen, the MSUs linked to their page', async () => {
    await render('mission_officer');
    expect(root.querySelector('h1')?.textContent).toContain('MSP des Deux Rivières');
    expect(text()).toContain('732 829 320 00074');
    expect(text()).toContain('Logement à proximité : oui');
    expect(text()).toContain('Distance au CHU : 45 km');
    expect(text()).toContain('2 professionnels, dont 1 MSU');
    expect(root.querySelector('a[href="/professionnels/p-1"]')?.textContent).toContain('Dr Claire Martin');
    expect(text()).toContain('Aucune visite enregistrée pour ce terrain.');
    expect(buttons()).toContain('event Planifier une visite');
    expect(text()).toContain('Aucune modification enregistrée.');
    expect(buttons()).toEqual(
      expect.arrayContaining(['edit Modifier', 'archive Archiver', 'tune Modifier les capacités']),
    );
  });

  it('offers no edit to a reader', async () => {
    await render('departement');
    expect(text()).toContain('MSP des Deux Rivières');
    expect(buttons().filter((b) => /Modifier|Archiver/.test(b ?? ''))).toEqual([]);
  });

  it('on a 409 when archiving, says the site changed and reloads it on demand', async () => {
    await render('mission_officer');
    jest.spyOn(TestBed.inject(MatDialog), 'open').mockReturnValue({ afterClosed: () => of(true) } as never);
    (root.querySelector('button.mat-mdc-outlined-button') as HTMLButtonElement).click();
    const archive = http.expectOne(`${SITES_URL}/${ID}`);
    expect(archive.request.method).toBe('DELETE');
    expect(archive.request.body).toEqual({ version: 4 });
    archive.flush(
      { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Modifié entre-temps.' },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    fixture.detectChanges();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(SITE_CONFLICT_MESSAGE);

    const reload = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('Recharger la fiche'));
    reload?.click();
    fixture.detectChanges();
    await answerSite(buildRecord({ version: 5 }));
    expect(text()).not.toContain(SITE_CONFLICT_MESSAGE);
  });
});
