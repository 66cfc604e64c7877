import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import localeFr from '@angular/common/locales/fr';
import { LOCALE_ID } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { CommuneSummary, Page } from '@maillage/shared/domain';
import { COMMUNES_URL } from './communes-request';
import { TerritoryPage } from './territory-page';

registerLocaleData(localeFr);

function buildCommune(overrides: Partial<CommuneSummary> = {}): CommuneSummary {
  return {
    code: '77288',
    name: 'Melun',
    departementCode: '77',
    postalCodes: ['77000'],
    population: 45995,
    epci: { siren: '200072130', name: 'CA Melun Val de Seine' },
    zonage: 'ZAC',
    hasContour: true,
    ...overrides,
  };
}

describe('TerritoryPage', () => {
  let fixture: ComponentFixture<TerritoryPage>;
  let http: HttpTestingController;
  let root: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [TerritoryPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideRouter([]),
        { provide: LOCALE_ID, useValue: 'fr' },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TerritoryPage);
    root = fixture.nativeElement;
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const communesRequest = (): TestRequest => http.expectOne((r) => r.url === COMMUNES_URL);

  async function answer(request: TestRequest, items: CommuneSummary[], total = items.length): Promise<void> {
    const body: Page<CommuneSummary> = { items, total, page: 1, pageSize: 25 };
    request.flush(body);
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function type(text: string): void {
    const input = root.querySelector('input[type="search"]') as HTMLInputElement;
    input.value = text;
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
  }

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('lists the first page, one row per commune, the French way', async () => {
    const request = communesRequest();
    expect(request.request.params.toString()).toBe('page=1&pageSize=25');
    await answer(request, [buildCommune()], 507);
    const row = root.querySelector('tbody tr') as HTMLElement;
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, ' ').trim());
    expect(cells).toEqual(['77288', 'Melun, 77000', 'CA Melun Val de Seine', '45 995', 'ZAC', 'Oui']);
    expect(row.querySelector('abbr')?.getAttribute('title')).toBe('Zone d’action complémentaire (ZAC)');
    expect(root.querySelector('[role="status"]')?.textContent).toContain('507 communes trouvées.');
  });

  it('waits for the typing to pause, then searches the trimmed text from page 1', async () => {
    await answer(communesRequest(), [buildCommune()], 507);
    type('  mel');
    type('  melun ');
    http.expectNone((r) => r.url === COMMUNES_URL);
    await pause(350);
    fixture.detectChanges();
    const request = communesRequest();
    expect(request.request.params.get('q')).toBe('melun');
    expect(request.request.params.get('page')).toBe('1');
    await answer(request, []);
    expect(root.textContent).toContain('Aucune commune trouvée.');
  });
});
