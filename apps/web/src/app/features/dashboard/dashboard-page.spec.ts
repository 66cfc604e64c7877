import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import localeFr from '@angular/common/locales/fr';
import { LOCALE_ID } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import type { Dashboard, Role } from '@maillage/shared/domain';
import { provideFrenchDates } from '@maillage/web/ui';
import { buildAuthUser, provideSignedIn } from '../../core/auth/testing';
import { EpciOptions } from '../../shared/territory/epci-options';
import { DASHBOARD_TODAY, DASHBOARD_URL } from './dashboard-filters';
import { DashboardPage } from './dashboard-page';
import { buildDashboard } from './testing';
import { type FakeChart, provideFakeEcharts } from './testing-echarts';

registerLocaleData(localeFr);

describe('DashboardPage', () => {
  let fixture: ComponentFixture<DashboardPage>;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;
  let root: HTMLElement;

  function render(queryParams: Record<string, string> = {}, role: Role = 'committee'): void {
    const user = buildAuthUser({ role });
    TestBed.configureTestingModule({
      imports: [DashboardPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideNoopAnimations(),
        provideFrenchDates(),
        provideFakeEcharts([] as FakeChart[]),
        { provide: LOCALE_ID, useValue: 'fr' },
        // Sunday 22 November 2026, in the afternoon.
        { provide: DASHBOARD_TODAY, useValue: () => new Date(2026, 10, 22, 15, 0) },
        provideSignedIn(role, user),
        {
          provide: EpciOptions,
          useValue: {
            list: () =>
              Promise.resolve([
                { siren: '200072130', name: 'CA Melun Val de Seine' },
                { siren: '247700644', name: 'CC du Provinois' },
              ]),
          },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(DashboardPage);
    // The router binds the query parameters to the inputs.
    for (const [key, value] of Object.entries(queryParams)) fixture.componentRef.setInput(key, value);
    root = fixture.nativeElement;
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  const text = (el: Element | null | undefined): string =>
    el?.textContent?.replace(/[\s\u202f\u00a0]+/g, ' ').trim() ?? '';
  const dashboardRequest = (): TestRequest => http.expectOne((r) => r.url === DASHBOARD_URL);

  async function answer(request: TestRequest, body: Dashboard = buildDashboard()): Promise<void> {
    request.flush(body);
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function lastQueryParams(): unknown {
    return navigate.mock.calls.at(-1)?.[1]?.queryParams;
  }

  it('asks for the current year up to today when the link has no filter', async () => {
    render();
    const request = dashboardRequest();
    expect(request.request.method).toBe('GET');
    expect(request.request.params.toString()).toBe('from=2026-01-01&to=2026-11-22');
    // Before the answer: skeleton tiles and the period in words.
    expect(root.querySelector('mat-progress-bar')).not.toBeNull();
    expect(root.querySelectorAll('.skeleton .key-figure')).toHaveLength(8);
    expect(text(root.querySelector('.scope-line'))).toBe('Seine-et-Marne · du 1er janvier 2026 au 22 novembre 2026');

    await answer(request);

    expect(text(root.querySelector('.scope-detail'))).toBe(
      '507 communes · 1 468 108 habitants · chiffres calculés le 22 novembre 2026',
    );
    const tiles = [...root.querySelectorAll('.key-figures:not(.skeleton) .key-figure')];
    expect(tiles).toHaveLength(8);
    const tile = (el: Element): string =>
      ['.figure-label', '.value', '.unit', '.figure-caption']
        .map((selector) => text(el.querySelector(selector)))
        .filter(Boolean)
        .join(' | ');
    expect(tile(tiles[0])).toBe('Terrains de stage actifs | 98 | sur 120 terrains recensés');
    expect(tile(tiles[2])).toBe(
      'Places · Été 2027 (hors docteurs juniors) | 142 | offertes / 169 demandées | Manque : −27 places (semestre à venir, tout le département) · Docteurs juniors, à part : 9 offertes / 11 demandées',
    );
    expect(tile(tiles[3])).toBe(
      'Médecins généralistes | 8,19 | pour 10 000 hab. | 1 203 médecins · 1 468 108 habitants · Annuaire Santé (RPPS), chargé le 23 septembre 2026',
    );
    // The committee may not open the sites: no link; the preset of the period is shown as chosen.
    expect(tiles[0].querySelector('a')).toBeNull();
    const checked = root.querySelector('.presets button[aria-checked="true"]');
    expect(text(checked)).toBe('Année en cours');
    expect([...root.querySelectorAll('app-dashboard-chart-card h3')].map(text)).toEqual([
      'Parcours des maîtres de stage',
      'Places offertes et demandées',
      'Visites de terrain',
      'Par catégorie',
      'Signalées chaque mois',
      'Signalements du CDOM',
      'Projets d’installation',
    ]);
    expect(root.querySelector('a[href="/carte"]')).not.toBeNull();
    expect(root.querySelector('a[href="/bilans"]')).not.toBeNull();
  });

  it('turns the query parameters of a shared link into the API request', async () => {
    render({ du: '2025-01-01', au: '2025-12-31', commune: '77288' });
    // The commune picker shows the commune of the link by its name.
    http.expectOne('/api/communes/77288').flush({ code: '77288', name: 'Melun', postalCodes: ['77000'] });
    const request = dashboardRequest();
    expect(request.request.params.toString()).toBe('from=2025-01-01&to=2025-12-31&commune=77288');
    await answer(
      request,
      buildDashboard({
        period: { from: '2025-01-01', to: '2025-12-31' },
        scope: {
          departementCode: '77',
          level: 'commune',
          epci: null,
          commune: { code: '77288', name: 'Melun' },
          communes: 1,
          population: 41000,
        },
      }),
    );
    expect(text(root.querySelector('.scope-line'))).toBe('Melun · du 1er janvier 2025 au 31 décembre 2025');
    expect(text(root.querySelector('.presets button[aria-checked="true"]'))).toBe('Année précédente');
    expect(text(root.querySelector('.filters'))).toContain('Tout le département');
  });

  it('sends an EPCI of the link and ignores malformed values', () => {
    render({ epci: '200072130', du: 'hier' });
    expect(dashboardRequest().request.params.toString()).toBe('from=2026-01-01&to=2026-11-22&epci=200072130');
  });

  it('puts a preset period in the URL, and clears it for the current year', async () => {
    render();
    await answer(dashboardRequest());
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.presets button')];
    expect(buttons.map(text)).toEqual(['Année en cours', '12 derniers mois', 'Année précédente']);

    buttons[2].click();
    expect(lastQueryParams()).toEqual({ du: '2025-01-01', au: '2025-12-31' });
    buttons[1].click();
    expect(lastQueryParams()).toEqual({ du: '2025-12-01', au: '2026-11-22' });
    buttons[0].click();
    expect(lastQueryParams()).toEqual({});
  });

  it('keeps the period when an EPCI is chosen, and drops the commune', async () => {
    render({ du: '2025-01-01', au: '2025-12-31', commune: '77288' });
    http.expectOne('/api/communes/77288').flush({ code: '77288', name: 'Melun', postalCodes: ['77000'] });
    await answer(dashboardRequest());

    const trigger = root.querySelector<HTMLElement>('.filters mat-select .mat-mdc-select-trigger');
    trigger?.click();
    fixture.detectChanges();
    await fixture.whenStable();
    const options = [...document.querySelectorAll<HTMLElement>('mat-option')];
    expect(options.map(text)).toEqual(['Tout le département', 'CA Melun Val de Seine', 'CC du Provinois']);
    options[2].click();
    expect(lastQueryParams()).toEqual({ du: '2025-01-01', au: '2025-12-31', epci: '247700644' });

    root.querySelector<HTMLButtonElement>('.filters button.clear-territory')?.click();
    expect(lastQueryParams()).toEqual({ du: '2025-01-01', au: '2025-12-31' });
  });

  it('reads a typed French date and keeps a period in order', async () => {
    render();
    await answer(dashboardRequest());
    const [from, to] = [...root.querySelectorAll<HTMLInputElement>('.dates input')];
    expect([from.value, to.value]).toEqual(['01/01/2026', '22/11/2026']);

    from.value = '01/03/2026';
    from.dispatchEvent(new Event('input'));
    from.dispatchEvent(new Event('change'));
    expect(lastQueryParams()).toEqual({ du: '2026-03-01', au: '2026-11-22' });

    // An end before the start is not applied.
    navigate.mockClear();
    to.value = '31/12/2025';
    to.dispatchEvent(new Event('input'));
    to.dispatchEvent(new Event('change'));
    expect(navigate).not.toHaveBeenCalled();
  });

  it('hides the previous figures when the new ones cannot be loaded', async () => {
    render();
    await answer(dashboardRequest());
    expect(root.querySelectorAll('.key-figure')).toHaveLength(8);

    fixture.componentRef.setInput('epci', '200072130');
    fixture.detectChanges();
    dashboardRequest().flush({ message: 'boom' }, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    fixture.detectChanges();

    expect(root.querySelector('[role="alert"]')).not.toBeNull();
    expect(root.querySelectorAll('.key-figure')).toHaveLength(0);
    expect(text(root.querySelector('.scope-line'))).toBe('Seine-et-Marne · du 1er janvier 2026 au 22 novembre 2026');
  });

  it('shows the numbers of a chart as a table', async () => {
    render();
    await answer(dashboardRequest());
    const funnel = root.querySelector('app-dashboard-chart-card') as HTMLElement;
    const tableButton = [...funnel.querySelectorAll<HTMLButtonElement>('mat-button-toggle button')][1];
    tableButton.click();
    fixture.detectChanges();

    const rows = [...funnel.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(text));
    expect(rows[0]).toEqual(['Identifié', '60', '208', '—']);
    expect(rows[1]).toEqual(['Contacté', '20', '148', '71 %']);
    expect(rows).toHaveLength(7);
  });

  it('says so when the figures cannot be loaded, and tries again on request', async () => {
    render();
    dashboardRequest().flush({ message: 'boom' }, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    fixture.detectChanges();

    const alert = root.querySelector('[role="alert"]');
    expect(text(alert)).toContain(
      'Le tableau de bord n’a pas pu être chargé. Une erreur inattendue est survenue côté serveur. Réessayez plus tard.',
    );
    expect(root.querySelector('.key-figures')).toBeNull();

    alert?.querySelector('button')?.click();
    fixture.detectChanges();
    await answer(dashboardRequest());
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(root.querySelectorAll('.key-figure')).toHaveLength(8);
  });

  it('shows a sentence instead of an empty chart', async () => {
    render();
    const d = buildDashboard();
    await answer(
      dashboardRequest(),
      buildDashboard({ referrals: { total: 0, byOutcome: d.referrals.byOutcome.map((o) => ({ ...o, count: 0 })) } }),
    );
    const cards = [...root.querySelectorAll('app-dashboard-chart-card')];
    const referrals = cards.find((c) => text(c.querySelector('h3')) === 'Signalements du CDOM');
    expect(text(referrals?.querySelector('.empty'))).toBe('info Aucun signalement du CDOM reçu sur la période.');
  });

  it('links the tiles to the detail pages the role may open', async () => {
    render({}, 'mission_officer');
    await answer(dashboardRequest());
    const link = root.querySelector('.key-figure a');
    expect(link?.getAttribute('href')).toBe('/terrains');
    expect(text(link)).toContain('Voir le détail : Terrains de stage actifs');
  });
});
