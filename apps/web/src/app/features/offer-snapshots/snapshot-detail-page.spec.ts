import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeFr from '@angular/common/locales/fr';
import { LOCALE_ID } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { OfferFigures, OfferSnapshotDetail, Role, WatchedSite } from '@maillage/shared/domain';
import { provideSignedIn } from '../../core/auth/testing';
import { OFFER_SNAPSHOTS_URL } from './offer-snapshots-api';
import { SnapshotDetailPage } from './snapshot-detail-page';

registerLocaleData(localeFr);

const ID = 'snap-2';

const watched = (i: number): WatchedSite => ({
  siteId: `site-${i}`,
  name: `Terrain ${String(i).padStart(2, '0')}`,
  communeName: 'Melun',
  status: 'active',
  openIssues: i === 1 ? 3 : 0,
  lastVisitOn: i === 1 ? '2026-07-10' : null,
  reasons: i === 1 ? ['open_issues'] : ['not_visited'],
});

function figures(overrides: Partial<OfferFigures> = {}): OfferFigures {
  return {
    takenOn: '2026-11-22',
    departementCode: '77',
    keyFigures: {
      sitesActive: 1100,
      sitesLive: 1120,
      msusAccredited: 26,
      msusActive: 62,
      placesOfferedCurrent: 141,
      placesRequestedCurrent: 152,
      gapCurrent: -11,
      placesOfferedNext: 133,
      placesRequestedNext: 157,
      gapNext: -24,
      watchedSites: 12,
      watchedOpenIssues: 3,
    },
    sites: {
      byStatus: { prospect: 14, active: 1100, suspended: 4, closed: 2 },
      byKind: {
        cabinet_individuel: 24,
        cabinet_groupe: 26,
        msp: 45,
        centre_sante: 13,
        pmi: 8,
        maison_sante_departementale: 4,
        autre: 0,
      },
    },
    msus: { accredited: 26, active: 62 },
    semesters: [
      {
        semester: '2026-W',
        label: 'Hiver 2026-2027',
        stageTypes: [
          { stageType: 'N1', offered: 89, requested: 103, gap: -14 },
          { stageType: 'SAFE', offered: 21, requested: 16, gap: 5 },
        ],
        totals: { offered: 141, requested: 152, gap: -11 },
        docteurJunior: { stageType: 'DJ_MG', offered: 9, requested: 11, gap: -2 },
      },
      {
        semester: '2027-S',
        label: 'Été 2027',
        stageTypes: [{ stageType: 'N1', offered: 82, requested: 108, gap: -26 }],
        totals: { offered: 133, requested: 157, gap: -24 },
      },
    ],
    zones: [
      {
        semester: '2026-W',
        rows: [
          { zone: 'ZIP', label: 'Zone d’intervention prioritaire (ZIP)', sites: 56, placesOffered: 87 },
          { zone: 'ZAC', label: 'Zone d’action complémentaire (ZAC)', sites: 29, placesOffered: 44 },
          { zone: 'other', label: 'Autres communes', sites: 8, placesOffered: 10 },
        ],
        placesOffered: 141,
        placesRequested: 152,
        gap: -11,
      },
    ],
    watchedSites: Array.from({ length: 12 }, (_, i) => watched(i + 1)),
    progress: {
      previousSnapshotId: 'snap-1',
      previousTakenOn: '2026-06-01',
      figures: [
        { key: 'sitesActive', label: 'Terrains actifs', previous: 98, current: 1100, difference: 1002 },
        { key: 'watchedSites', label: 'Terrains sous surveillance', previous: 10, current: 12, difference: 2 },
      ],
      watchedSites: [
        {
          siteId: 'site-1',
          name: 'Terrain 01',
          openIssuesBefore: 4,
          openIssuesNow: 3,
          decreased: true,
          stillWatched: true,
        },
        {
          siteId: 'site-x',
          name: 'Terrain sorti',
          openIssuesBefore: 1,
          openIssuesNow: 0,
          decreased: true,
          stillWatched: false,
        },
        {
          siteId: 'site-2',
          name: 'Terrain 02',
          openIssuesBefore: 0,
          openIssuesNow: 0,
          decreased: false,
          stillWatched: true,
        },
      ],
    },
    ...overrides,
  };
}

function detail(f = figures()): OfferSnapshotDetail {
  return {
    id: ID,
    departementCode: '77',
    takenOn: '2026-11-22',
    title: 'État de l’offre de novembre',
    note: 'Pour le comité stratégique',
    takenByName: 'Camille Martin',
    archivedAt: null,
    createdAt: '2026-11-22T09:00:00.000Z',
    version: 1,
    figures: f,
  };
}

describe('SnapshotDetailPage', () => {
  let fixture: ComponentFixture<SnapshotDetailPage>;
  let http: HttpTestingController;
  let root: HTMLElement;

  async function render(role: Role, record = detail()): Promise<void> {
    TestBed.configureTestingModule({
      imports: [SnapshotDetailPage],
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
    fixture = TestBed.createComponent(SnapshotDetailPage);
    fixture.componentRef.setInput('id', ID);
    root = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne(`${OFFER_SNAPSHOTS_URL}/${ID}`).flush(record);
    await fixture.whenStable();
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  const text = () => (root.textContent ?? '').replace(/\s+/g, ' ');
  const tiles = () =>
    [...root.querySelectorAll('.tile')].map((t) => [
      t.querySelector('.label')?.textContent?.trim(),
      t.querySelector('.value')?.textContent?.replace(/\s/g, ' ').trim(),
      t.getAttribute('data-tone'),
    ]);
  const rowsOf = (label: string) =>
    [...root.querySelectorAll(`table[aria-label="${label}"] tr`)].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.replace(/\s+/g, ' ').trim()),
    );

  it('presents the frozen figures: tiles, places by stage type, zones, in French numbers', async () => {
    await render('committee');
    expect(text()).toContain('Chiffres arrêtés au 22/11/2026');
    expect(tiles()).toEqual([
      ['Terrains actifs', '1 100', null],
      ['MSU actifs', '62', null],
      ['Places offertes · Hiver 2026-2027', '141', null],
      ['Écart · Hiver 2026-2027', '−11', 'worse'],
      ['Écart · Été 2027', '−24', 'worse'],
      ['Terrains sous surveillance', '12', null],
    ]);
    expect(rowsOf('Places par type de stage — Hiver 2026-2027')).toEqual([
      ['Type de stage', 'Offertes', 'Demandées', 'Écart'],
      ['Niveau 1 (stage praticien)', '89', '103', '−14'],
      ['Santé de la femme et de l’enfant', '21', '16', '+5'],
      ['Total hors docteurs juniors', '141', '152', '−11'],
      ['Docteurs juniors, à part', '9', '11', '−2'],
    ]);
    expect(rowsOf('Places offertes par zone — Hiver 2026-2027')[1]).toEqual([
      'Zone d’intervention prioritaire (ZIP)',
      '56',
      '87',
    ]);
  });

  it('lists the watched sites ten at a time, and the progress since the previous snapshot', async () => {
    await render('committee');
    expect(rowsOf('Terrains sous surveillance')).toHaveLength(11);
    const more = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('2 autres terrains'));
    more?.click();
    fixture.detectChanges();
    expect(rowsOf('Terrains sous surveillance')).toHaveLength(13);

    expect(rowsOf('Évolution des chiffres clés')[1]).toEqual(['Terrains actifs', '98', '1 100', '+1 002']);
    expect(rowsOf('Progrès des terrains surveillés').slice(1)).toEqual([
      ['Terrain 01', '4', '3', 'En amélioration'],
      ['Terrain sorti', '1', '0', 'Sorti de la surveillance'],
    ]);
    expect(text()).toContain('1 autre terrain reste sous surveillance sans changement.');
    expect(root.querySelector('a[href="/etat-offre/comparer?a=snap-1&b=snap-2"]')).not.toBeNull();
  });

  it('says when a snapshot is the first one', async () => {
    await render('departement', detail(figures({ progress: null })));
    expect(text()).toContain('C’est le premier relevé du département');
    expect(root.querySelector('a[href^="/etat-offre/comparer"]')).toBeNull();
  });

  it.each<[Role, boolean]>([
    ['mission_officer', true],
    ['committee', false],
    ['departement', false],
  ])('offers archiving to %s: %s', async (role, shown) => {
    await render(role);
    const archive = [...root.querySelectorAll('button')].some((b) => b.textContent?.includes('Archiver'));
    expect(archive).toBe(shown);
  });
});
