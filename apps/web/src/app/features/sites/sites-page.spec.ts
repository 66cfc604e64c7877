import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import localeFr from '@angular/common/locales/fr';
import { LOCALE_ID } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import type { Page, SiteSummary } from '@maillage/shared/domain';
import { provideQueryParams } from '@maillage/web/util';
import { provideSignedIn } from '../../core/auth/testing';
import { EpciOptions } from '../../shared/territory/epci-options';
import { SITES_URL } from './sites-api';
import { SitesPage } from './sites-page';

registerLocaleData(localeFr);

function buildSite(overrides: Partial<SiteSummary> = {}): SiteSummary {
  return {
    id: '5b0f3c1e-8d7a-4c1e-9f59-0c6f1d2a3b4c',
    version: 4,
    departementCode: '77',
    name: 'MSP des Deux Rivières',
    kind: 'msp',
    status: 'active',
    communeCode: '77288',
    communeName: 'Melun',
    epciName: 'CA Melun Val de Seine',
    zonage: 'ZAC',
    capacities: [
      { stageType: 'N1', places: 2 },
      { stageType: 'SASPAS', places: 1 },
    ],
    supervisorCount: 3,
    openAccessIssues: 0,
    updatedAt: '2026-10-14T09:00:00.000Z',
    ...overrides,
  };
}

describe('SitesPage', () => {
  let fixture: ComponentFixture<SitesPage>;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;
  let root: HTMLElement;

  function render(role: 'mission_officer' | 'cdom', queryParams: Record<string, string> = {}): void {
    TestBed.configureTestingModule({
      imports: [SitesPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideNoopAnimations(),
        { provide: LOCALE_ID, useValue: 'fr' },
        provideSignedIn(role),
        provideQueryParams(queryParams),
        {
          provide: EpciOptions,
          useValue: { list: () => Promise.resolve([{ siren: '200072130', name: 'CA Melun Val de Seine' }]) },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(SitesPage);
    root = fixture.nativeElement;
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  const listRequest = (): TestRequest => http.expectOne((r) => r.url === SITES_URL);

  async function answer(request: TestRequest, items: SiteSummary[], total = items.length): Promise<void> {
    const body: Page<SiteSummary> = { items, total, page: 1, pageSize: 25 };
    request.flush(body);
    await fixture.whenStable();
    fixture.detectChanges();
  }

  it('asks the API for the first page by name and shows each site with its capacities and MSUs', async () => {
    render('mission_officer');
    const request = listRequest();
    expect(request.request.params.toString()).toBe('page=1&pageSize=25&sort=name:asc');
    await answer(request, [buildSite()], 1);

    const cells = [...root.querySelectorAll('tbody tr td:not(.select-cell)')].map((td) =>
      td.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(cells).toEqual([
      'MSP des Deux Rivières, Maison de santé pluriprofessionnelle (MSP)',
      'Melun, CA Melun Val de Seine',
      'ZAC : Zone d’action complémentaire (ZAC)',
      'check_circleActif',
      'N1 ×2, SASPAS ×1',
      '3',
      '14/10/2026',
    ]);
    expect(root.querySelector('tbody a')?.getAttribute('href')).toBe('/terrains/5b0f3c1e-8d7a-4c1e-9f59-0c6f1d2a3b4c');
    expect(root.querySelector('[role="status"]')?.textContent).toContain('1 terrain trouvé.');
    expect(root.textContent).toContain('Nouveau terrain');
  });

  it('turns the French query parameters of a shared link into API filters', async () => {
    render('cdom', {
      q: 'rivières',
      commune: '77288',
      type: 'msp',
      statut: 'active',
      stage: 'SASPAS',
      zonage: 'ZAC',
      archives: 'oui',
      page: '2',
      tri: 'commune:desc',
    });
    // The commune picker shows the commune of the link by its name.
    http.expectOne('/api/communes/77288').flush({ code: '77288', name: 'Melun', postalCodes: ['77000'] });
    const request = listRequest();
    expect(Object.fromEntries(request.request.params.keys().map((k) => [k, request.request.params.get(k)]))).toEqual({
      page: '2',
      pageSize: '25',
      sort: 'commune:desc',
      q: 'rivières',
      commune: '77288',
      kind: 'msp',
      status: 'active',
      stageType: 'SASPAS',
      zonage: 'ZAC',
      archived: 'true',
    });
    await answer(request, []);
    expect(root.textContent).toContain('Aucun terrain ne correspond à ces critères.');
    // Readers other than the mission officer and the admin get no creation button.
    expect(root.textContent).not.toContain('Nouveau terrain');
  });

  it('writes a filter change into the URL, back to page 1, keeping the other filters', async () => {
    render('mission_officer', { statut: 'active', page: '3' });
    await answer(listRequest(), [buildSite()], 80);
    const page = (fixture.componentInstance as unknown as { list: { update(changes: object): void } }).list;

    page.update({ stageType: 'N1' });
    expect(navigate).toHaveBeenCalledWith(
      [],
      expect.objectContaining({ queryParams: { statut: 'active', stage: 'N1' } }),
    );

    page.update({ page: 4 });
    expect(navigate).toHaveBeenLastCalledWith(
      [],
      expect.objectContaining({ queryParams: { statut: 'active', page: '4' }, replaceUrl: false }),
    );
  });

  it('sends the search to the URL once typing pauses, replacing the history entry', async () => {
    render('mission_officer');
    await answer(listRequest(), []);
    const input = root.querySelector('input[type="search"]') as HTMLInputElement;
    input.value = 'pasteur ';
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    expect(navigate).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(navigate).toHaveBeenCalledWith(
      [],
      expect.objectContaining({ queryParams: { q: 'pasteur' }, replaceUrl: true }),
    );
  });
});
