import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeFr from '@angular/common/locales/fr';
import { LOCALE_ID } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import type { OfferSnapshotSummary, SnapshotComparison } from '@maillage/shared/domain';
import { OFFER_SNAPSHOTS_URL } from './offer-snapshots-api';
import { SnapshotComparePage } from './snapshot-compare-page';

registerLocaleData(localeFr);

function summary(id: string, takenOn: string, title: string): OfferSnapshotSummary {
  return {
    id,
    departementCode: '77',
    takenOn,
    title,
    note: null,
    takenByName: 'Camille Martin',
    keyFigures: {
      sitesActive: 98,
      sitesLive: 120,
      msusAccredited: 26,
      msusActive: 62,
      placesOfferedCurrent: 141,
      placesRequestedCurrent: 152,
      gapCurrent: -11,
      placesOfferedNext: 133,
      placesRequestedNext: 157,
      gapNext: -24,
      watchedSites: 30,
      watchedOpenIssues: 41,
    },
    archivedAt: null,
    createdAt: `${takenOn}T09:00:00.000Z`,
    version: 1,
  };
}

const A = summary('a-1', '2026-06-01', 'Relevé de juin');
const B = summary('b-2', '2026-11-22', 'Relevé de novembre');

const COMPARISON: SnapshotComparison = {
  a: A,
  b: B,
  rows: [
    { key: 'keyFigures.sitesActive', label: 'Terrains actifs', a: 98, b: 1100, difference: 1002 },
    { key: 'keyFigures.watchedSites', label: 'Terrains sous surveillance', a: 30, b: 33, difference: 3 },
    { key: 'sites.byKind.msp', label: 'Terrains — MSP', a: 45, b: 45, difference: 0 },
    { key: 'semesters.2026-S.N1.offered', label: 'Été 2026 — N1 — places offertes', a: 80, b: null, difference: null },
  ],
};

describe('SnapshotComparePage', () => {
  let fixture: ComponentFixture<SnapshotComparePage>;
  let http: HttpTestingController;
  let root: HTMLElement;
  let navigate: jest.SpyInstance;

  async function render(a: string | undefined, b: string | undefined): Promise<void> {
    TestBed.configureTestingModule({
      imports: [SnapshotComparePage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideNoopAnimations(),
        { provide: LOCALE_ID, useValue: 'fr' },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(SnapshotComparePage);
    if (a) fixture.componentRef.setInput('a', a);
    if (b) fixture.componentRef.setInput('b', b);
    root = fixture.nativeElement;
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne((r) => r.url === OFFER_SNAPSHOTS_URL).flush({ items: [B, A], total: 2, page: 1, pageSize: 200 });
  }

  afterEach(() => http.verify());

  const bodyRows = () =>
    [...root.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.replace(/\s+/g, ' ').trim()),
    );

  it('asks the API for the two snapshots of the link and lays the figures side by side', async () => {
    await render('a-1', 'b-2');
    const req = http.expectOne((r) => r.url === `${OFFER_SNAPSHOTS_URL}/compare`);
    expect(req.request.params.get('a')).toBe('a-1');
    expect(req.request.params.get('b')).toBe('b-2');
    req.flush(COMPARISON);
    await fixture.whenStable();
    fixture.detectChanges();

    expect(root.querySelector('thead')?.textContent).toContain('A · 01/06/2026');
    expect(root.querySelector('thead')?.textContent).toContain('B · 22/11/2026');
    const rows = bodyRows().map((cells) => cells.map((c) => c?.replace(/\s/g, ' ')));
    expect(rows).toEqual([
      ['Chiffres clés'],
      ['Terrains actifs', '98', '1 100', '+1 002'],
      ['Terrains sous surveillance', '30', '33', '+3'],
      ['Terrains par type'],
      ['Maison de santé pluriprofessionnelle (MSP)', '45', '45', '0'],
      ['Été 2026 — places par type de stage'],
      ['Niveau 1 (stage praticien) — places offertes', '80', '—', '—'],
    ]);
    const tones = [...root.querySelectorAll('.delta')].map((d) => d.getAttribute('data-tone'));
    expect(tones.slice(0, 3)).toEqual(['better', 'worse', 'unchanged']);
  });

  it('hides unchanged figures on demand', async () => {
    await render('a-1', 'b-2');
    http.expectOne((r) => r.url === `${OFFER_SNAPSHOTS_URL}/compare`).flush(COMPARISON);
    await fixture.whenStable();
    fixture.detectChanges();
    (root.querySelector('mat-slide-toggle button') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(bodyRows().map((r) => r[0])).not.toContain('Maison de santé pluriprofessionnelle (MSP)');
    expect(bodyRows().map((r) => r[0])).toContain('Terrains actifs');
  });

  it('opens on the two latest snapshots when none is chosen', async () => {
    await render(undefined, undefined);
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith([], expect.objectContaining({ queryParams: { a: 'a-1', b: 'b-2' } }));
  });

  it('asks for nothing until two different snapshots are chosen', async () => {
    await render('a-1', 'a-1');
    http.expectNone((r) => r.url === `${OFFER_SNAPSHOTS_URL}/compare`);
    fixture.detectChanges();
    expect(root.textContent).toContain('Choisissez deux relevés différents.');
  });
});
