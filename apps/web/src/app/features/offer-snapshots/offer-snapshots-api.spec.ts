import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { SnapshotComparisonRow } from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';
import {
  comparisonSections,
  defaultSnapshotTitle,
  differenceTone,
  formatCount,
  formatDifference,
  gapTone,
  OFFER_SNAPSHOTS_URL,
  OfferSnapshotsApi,
} from './offer-snapshots-api';

const row = (key: string, a: number | null, b: number | null, label = key): SnapshotComparisonRow => ({
  key,
  label,
  a,
  b,
  difference: a !== null && b !== null ? b - a : null,
});

describe('number formatting', () => {
  it('groups thousands the French way and signs differences with a true minus', () => {
    expect(formatCount(1234).replace(/\s/g, ' ')).toBe('1 234');
    expect(formatCount(null)).toBe('—');
    expect(formatCount(-11)).toBe('−11');
    expect(formatDifference(3)).toBe('+3');
    expect(formatDifference(-12)).toBe('−12');
    expect(formatDifference(-1500).replace(/\s/g, ' ')).toBe('−1 500');
    expect(formatDifference(0)).toBe('0');
    expect(formatDifference(null)).toBe('—');
  });

  it('titles a new snapshot with the day', () => {
    expect(defaultSnapshotTitle(new Date(2026, 10, 2))).toBe('État de l’offre au 02/11/2026');
  });
});

describe('tones', () => {
  it('reads more places or sites as good news, more watched sites as bad news, demand as neither', () => {
    expect(differenceTone('keyFigures.placesOfferedCurrent', 4)).toBe('better');
    expect(differenceTone('keyFigures.gapNext', -3)).toBe('worse');
    expect(differenceTone('keyFigures.watchedSites', 2)).toBe('worse');
    expect(differenceTone('keyFigures.watchedOpenIssues', -2)).toBe('better');
    expect(differenceTone('sites.byStatus.closed', 1)).toBe('worse');
    expect(differenceTone('semesters.2026-W.N1.requested', 5)).toBe('neutral');
    expect(differenceTone('sites.byStatus.prospect', -1)).toBe('neutral');
    expect(differenceTone('keyFigures.sitesActive', 0)).toBe('unchanged');
    expect(differenceTone('keyFigures.sitesActive', null)).toBe('unchanged');
  });

  it('colours a shortfall of places as bad news', () => {
    expect(gapTone(-11)).toBe('worse');
    expect(gapTone(2)).toBe('better');
    expect(gapTone(0)).toBe('unchanged');
  });
});

describe('comparisonSections', () => {
  const rows: SnapshotComparisonRow[] = [
    row('keyFigures.sitesActive', 98, 100, 'Terrains actifs'),
    row('keyFigures.watchedSites', 30, 28, 'Terrains sous surveillance'),
    row('sites.byStatus.active', 98, 100),
    row('sites.byKind.msp', 45, 45),
    row('semesters.2026-W.N1.offered', 89, 91),
    row('semesters.2026-W.N1.gap', -14, -12),
    row('semesters.2027-W.N1.offered', null, 80),
    row('zones.2026-W.ZIP.placesOffered', 87, 86),
  ];

  it('groups the rows by section in order and names them within their section', () => {
    const sections = comparisonSections(rows);
    expect(sections.map((s) => s.title)).toEqual([
      'Chiffres clés',
      'Terrains par statut',
      'Terrains par type',
      'Hiver 2026-2027 — places par type de stage',
      'Hiver 2027-2028 — places par type de stage',
      'Hiver 2026-2027 — places offertes par zone',
    ]);
    expect(sections[0].rows.map((r) => [r.shortLabel, r.difference, r.tone])).toEqual([
      ['Terrains actifs', 2, 'better'],
      ['Terrains sous surveillance', -2, 'better'],
    ]);
    expect(sections[1].rows[0].shortLabel).toBe('Actif');
    expect(sections[2].rows[0].shortLabel).toBe('Maison de santé pluriprofessionnelle (MSP)');
    expect(sections[3].rows.map((r) => r.shortLabel)).toEqual([
      'Niveau 1 (stage praticien) — places offertes',
      'Niveau 1 (stage praticien) — écart',
    ]);
    expect(sections[4].rows[0]).toMatchObject({ a: null, b: 80, difference: null, tone: 'unchanged' });
    expect(sections[5].rows[0]).toMatchObject({
      shortLabel: 'Zone d’intervention prioritaire (ZIP)',
      difference: -1,
      tone: 'worse',
    });
  });

  it('keeps only what moved when asked, including figures present on one side only', () => {
    const sections = comparisonSections(rows, true);
    expect(sections.flatMap((s) => s.rows.map((r) => r.key))).toEqual([
      'keyFigures.sitesActive',
      'keyFigures.watchedSites',
      'sites.byStatus.active',
      'semesters.2026-W.N1.offered',
      'semesters.2026-W.N1.gap',
      'semesters.2027-W.N1.offered',
      'zones.2026-W.ZIP.placesOffered',
    ]);
  });
});

describe('OfferSnapshotsApi', () => {
  let http: HttpTestingController;
  let api: OfferSnapshotsApi;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    api = TestBed.inject(OfferSnapshotsApi);
  });

  afterEach(() => http.verify());

  it('takes a snapshot with its title and note', async () => {
    const done = firstValueFrom(api.take({ title: 'Relevé', note: null }));
    const req = http.expectOne(OFFER_SNAPSHOTS_URL);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ title: 'Relevé', note: null });
    req.flush({ id: 's1' });
    await expect(done).resolves.toEqual({ id: 's1' });
  });

  it('archives from the version read, as If-Match', async () => {
    const done = firstValueFrom(api.archive({ id: 's1', version: 3 }));
    const req = http.expectOne(`${OFFER_SNAPSHOTS_URL}/s1`);
    expect(req.request.method).toBe('DELETE');
    expect(req.request.headers.get('If-Match')).toBe('"3"');
    req.flush(null, { status: 204, statusText: 'No Content' });
    await done;
  });
});
