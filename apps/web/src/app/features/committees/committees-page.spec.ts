import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeFr from '@angular/common/locales/fr';
import { LOCALE_ID } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { CommitteeMeetingSummary, Role } from '@maillage/shared/domain';
import { provideQueryParams } from '@maillage/web/util';
import { provideSignedIn } from '../../core/auth/testing';
import { COMMITTEES_URL } from './committees-api';
import { CommitteesPage } from './committees-page';

registerLocaleData(localeFr);

function meeting(id: string, heldOn: string, kind: 'follow_up' | 'strategic'): CommitteeMeetingSummary {
  return {
    id,
    departementCode: '77',
    kind,
    status: 'planned',
    heldOn,
    title: `Réunion ${id}`,
    location: null,
    snapshotId: id === 'past' ? 'snap-1' : null,
    annualReportId: null,
    attendeeCount: 4,
    archivedAt: null,
    version: 1,
  };
}

describe('CommitteesPage', () => {
  let fixture: ComponentFixture<CommitteesPage>;
  let http: HttpTestingController;
  let root: HTMLElement;

  async function render(role: Role, type?: string): Promise<void> {
    TestBed.configureTestingModule({
      imports: [CommitteesPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideNoopAnimations(),
        { provide: LOCALE_ID, useValue: 'fr' },
        provideSignedIn(role),
        provideQueryParams(type ? { type } : {}),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CommitteesPage);
    root = fixture.nativeElement;
    fixture.detectChanges();
  }

  async function answer(items: CommitteeMeetingSummary[]): Promise<void> {
    http.expectOne((r) => r.url === COMMITTEES_URL).flush({ items, total: items.length, page: 1, pageSize: 200 });
    await fixture.whenStable();
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  const titles = (label: string) =>
    [...root.querySelectorAll(`table[aria-label="${label}"] tbody tr a.name`)].map((a) => a.textContent?.trim());
  const actions = () => [...root.querySelectorAll('a, button')].map((b) => b.textContent?.replace(/\s+/g, ' ').trim());

  it('shows upcoming meetings first, soonest first, then past ones, with their kind', async () => {
    await render('mission_officer');
    const year = new Date().getFullYear();
    await answer([
      meeting('far', `${year + 2}-03-01`, 'strategic'),
      meeting('soon', `${year + 1}-01-15`, 'follow_up'),
      meeting('past', `${year - 1}-06-17`, 'follow_up'),
    ]);
    expect(titles('Réunions à venir')).toEqual(['Réunion soon', 'Réunion far']);
    expect(titles('Réunions passées')).toEqual(['Réunion past']);
    const chips = [...root.querySelectorAll('td.mat-column-kind')].map((c) => c.textContent?.trim());
    expect(chips).toEqual(['Comité de suivi', 'Comité stratégique', 'Comité de suivi']);
    expect(root.querySelector('a[href="/etat-offre/snap-1"]')).not.toBeNull();
    expect(actions()).toContain('add Nouvelle réunion');
  });

  it('filters by kind from the link', async () => {
    await render('committee', 'strategic');
    const req = http.expectOne((r) => r.url === COMMITTEES_URL);
    expect(req.request.params.get('kind')).toBe('strategic');
    req.flush({ items: [], total: 0, page: 1, pageSize: 200 });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(root.textContent).toContain('Aucune réunion programmée.');
  });

  it.each<Role>(['committee', 'departement'])('offers no new meeting to the %s role', async (role) => {
    await render(role);
    await answer([]);
    expect(actions().some((a) => a?.includes('Nouvelle réunion'))).toBe(false);
  });
});
