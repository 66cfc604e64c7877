import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeFr from '@angular/common/locales/fr';
import { LOCALE_ID } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { OfferSnapshotSummary, Role } from '@maillage/shared/domain';
import { provideSignedIn } from '../../core/auth/testing';
import { OFFER_SNAPSHOTS_URL } from './offer-snapshots-api';
import { SnapshotsPage } from './snapshots-page';

registerLocaleData(localeFr);

function summary(id: string, takenOn: string, gapCurrent: number): OfferSnapshotSummary {
  return {
    id,
    departementCode: '77',
    takenOn,
    title: `Relevé du ${takenOn}`,
    note: id === 's2' ? 'Pour le comité stratégique' : null,
    takenByName: 'Camille Martin',
    keyFigures: {
      sitesActive: 1098,
      sitesLive: 1120,
      msusAccredited: 26,
      msusActive: 62,
      placesOfferedCurrent: 141,
      placesRequestedCurrent: 152,
      gapCurrent,
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

describe('SnapshotsPage', () => {
  let fixture: ComponentFixture<SnapshotsPage>;
  let http: HttpTestingController;
  let root: HTMLElement;

  async function render(role: Role, items = [summary('s2', '2026-11-22', -11), summary('s1', '2026-06-01', 4)]) {
    TestBed.configureTestingModule({
      imports: [SnapshotsPage],
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
    fixture = TestBed.createComponent(SnapshotsPage);
    root = fixture.nativeElement;
    fixture.detectChanges();
    const req = http.expectOne((r) => r.url === OFFER_SNAPSHOTS_URL);
    expect(req.request.params.get('sort')).toBe('takenOn:desc');
    req.flush({ items, total: items.length, page: 1, pageSize: 25 });
    await fixture.whenStable();
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  const text = () => root.textContent?.replace(/\s+/g, ' ') ?? '';
  const actions = () =>
    [...root.querySelectorAll('a, button')].map((b) => b.textContent?.replace(/\s+/g, ' ').trim() ?? '');

  it('lists the snapshots with their date, author and headline figures in French', async () => {
    await render('mission_officer');
    expect(text()).toContain('22/11/2026');
    expect(text()).toContain('Pour le comité stratégique');
    expect(text()).toContain('Camille Martin');
    expect(text().replace(/\s/g, ' ')).toContain('1 098');
    const gaps = [...root.querySelectorAll('.delta')].map((d) => [d.textContent?.trim(), d.getAttribute('data-tone')]);
    expect(gaps).toEqual([
      ['−11', 'worse'],
      ['+4', 'better'],
    ]);
  });

  it('lets the mission officer take a snapshot, and compares the two latest', async () => {
    await render('mission_officer');
    expect(actions()).toContain('lock_clock Arrêter l’état de l’offre');
    const compare = root.querySelector('a[href*="comparer"]');
    expect(compare?.getAttribute('href')).toBe('/comparer?a=s1&b=s2');
  });

  it.each<Role>(['committee', 'departement'])('offers no taking of snapshots to the %s role', async (role) => {
    await render(role);
    expect(actions().some((a) => a.includes('Arrêter'))).toBe(false);
    expect(actions()).toContain('compare_arrows Comparer deux relevés');
  });
});
