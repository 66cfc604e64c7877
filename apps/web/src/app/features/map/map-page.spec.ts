import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import type { MapCommune, MapData, MapSite, Role } from '@maillage/shared/domain';
import { AuthStore } from '../../core/auth/auth.store';
import { buildAuthUser } from '../../core/auth/testing';
import { type ContourCollection, MapCanvas, type MapLabel, type MapPoint } from './map-canvas';
import { INDICATORS, type NumericIndicator, SITE_STATUS_COLOURS, ZERO_COLOUR, ZONAGE_COLOURS } from './map-indicators';
import { CONTOURS_URL, MAP_URL, MapPage } from './map-page';

/** Stands for the Leaflet wrapper: keeps what the page gives it. */
@Component({ selector: 'app-map-canvas', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class FakeMapCanvas {
  readonly contours = input<ContourCollection | null>(null);
  readonly fills = input<ReadonlyMap<string, string>>(new Map());
  readonly tooltips = input<ReadonlyMap<string, string>>(new Map());
  readonly points = input<readonly MapPoint[]>([]);
  readonly labels = input<readonly MapLabel[]>([]);
  readonly label = input('');
  readonly siteSelected = output<string>();
}

function buildCommune(overrides: Partial<MapCommune>): MapCommune {
  return {
    code: '77000',
    name: 'Commune',
    population: 1000,
    epci: null,
    gps: 0,
    gpsPer10000: 0,
    msus: 0,
    placesOffered: 0,
    openIssues: 0,
    zonage: null,
    hasContour: true,
    ...overrides,
  };
}

const MELUN = buildCommune({
  code: '77288',
  name: 'Melun',
  population: 41_000,
  epci: { siren: '200072130', name: 'CA Melun Val de Seine' },
  gps: 12,
  gpsPer10000: 2.93,
  msus: 4,
  placesOffered: 6,
  openIssues: 1,
  zonage: { code: 'ZAC', label: 'Zone d’action complémentaire (ZAC)' },
});
const MEAUX = buildCommune({
  code: '77284',
  name: 'Meaux',
  population: 56_000,
  gps: 20,
  gpsPer10000: 3.57,
  msus: 2,
  placesOffered: 9,
  zonage: { code: 'ZIP', label: 'Zone d’intervention prioritaire (ZIP)' },
});
const AVON = buildCommune({ code: '77014', name: 'Avon', population: null, gpsPer10000: null, msus: 7 });

const SITES: MapSite[] = [
  {
    id: 'site-1',
    name: 'MSP des Deux Rivières',
    kind: 'msp',
    status: 'active',
    communeCode: '77288',
    communeName: 'Melun',
    latitude: 48.54,
    longitude: 2.66,
    position: 'site',
  },
  {
    id: 'site-2',
    name: 'Cabinet du Marché',
    kind: 'cabinet_groupe',
    status: 'prospect',
    communeCode: '77284',
    communeName: 'Meaux',
    latitude: 48.96,
    longitude: 2.88,
    position: 'commune',
  },
  {
    id: 'site-3',
    name: 'Centre de santé d’Avon',
    kind: 'centre_sante',
    status: 'suspended',
    communeCode: '77014',
    communeName: 'Avon',
    latitude: null,
    longitude: null,
    position: null,
  },
];

function buildData(available: boolean, directoryLoaded = true): MapData {
  return {
    departementCode: '77',
    computedOn: '2026-11-22',
    semester: { code: '2027-S', label: 'Été 2027' },
    communes: [MELUN, MEAUX, AVON].map((c) => ({ ...c, hasContour: available })),
    sites: SITES,
    generalPractitioners: directoryLoaded
      ? {
          directoryLoadedAt: '2026-09-23T06:30:00.000Z',
          departement: {
            code: '77',
            name: 'Seine-et-Marne',
            population: 1468108,
            generalPractitioners: 1203,
            per10000: 8.19,
          },
          epcis: [],
        }
      : { directoryLoadedAt: null, departement: null, epcis: [] },
    contours: { available, communes: available ? 3 : 0 },
  };
}

const CONTOURS: ContourCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { code: '77288', nom: 'Melun' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [2.6, 48.5],
            [2.7, 48.5],
            [2.7, 48.6],
            [2.6, 48.5],
          ],
        ],
      },
    },
  ],
};

describe('MapPage', () => {
  let fixture: ComponentFixture<MapPage>;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;
  let root: HTMLElement;

  function render(options: { role?: Role; indicateur?: string; departementCode?: string } = {}): void {
    const role = options.role ?? 'committee';
    const departement = options.departementCode ? { departementCode: options.departementCode } : {};
    TestBed.configureTestingModule({
      imports: [MapPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideNoopAnimations(),
        { provide: AuthStore, useValue: { user: () => buildAuthUser({ role, ...departement }) } },
      ],
    });
    TestBed.overrideComponent(MapPage, { remove: { imports: [MapCanvas] }, add: { imports: [FakeMapCanvas] } });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(MapPage);
    if (options.indicateur) fixture.componentRef.setInput('indicateur', options.indicateur);
    root = fixture.nativeElement;
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  const canvas = () =>
    fixture.debugElement.query((d) => d.componentInstance instanceof FakeMapCanvas).componentInstance as FakeMapCanvas;
  const text = () => root.textContent?.replace(/\s+/g, ' ') ?? '';
  const communeRows = () =>
    Array.from(root.querySelectorAll('table[aria-label="Communes et indicateurs"] tr.mat-mdc-row')).map((tr) =>
      Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.replace(/\s+/g, ' ').trim()),
    );

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  }

  async function answer(data: MapData, contours?: ContourCollection): Promise<void> {
    const request = http.expectOne((r) => r.url === MAP_URL);
    expect(request.request.params.keys()).toEqual([]);
    request.flush(data);
    // The contours request follows the map's answer: let it land, run the effects, then answer.
    await settle();
    if (contours) http.expectOne(CONTOURS_URL).flush(contours);
    await fixture.whenStable();
    fixture.detectChanges();
  }

  describe('with contours', () => {
    beforeEach(async () => {
      render();
      await answer(buildData(true), CONTOURS);
    });

    it('draws the communes shaded by GPs per 10 000 inhabitants by default, with the placed sites', () => {
      expect(canvas().contours()).toEqual(CONTOURS);
      expect(canvas().labels()).toEqual([]);
      const palette = (INDICATORS.medecins as NumericIndicator).palette;
      // Two positive rates: two classes, ending on the darkest colour.
      expect(canvas().fills().get('77288')).toBe(palette[0]);
      expect(canvas().fills().get('77284')).toBe(palette[4]);
      expect(canvas().fills().get('77014')).toBe('#d9d9d9');
      expect(canvas().tooltips().get('77288')).toContain('<dt>MSU</dt><dd>4</dd>');
      expect(
        canvas()
          .points()
          .map((p) => [p.id, p.colour]),
      ).toEqual([
        ['site-1', SITE_STATUS_COLOURS.active],
        ['site-2', SITE_STATUS_COLOURS.prospect],
      ]);
      expect(canvas().label()).toContain('colorées selon l’indicateur « Médecins généralistes / 10 000 hab. »');
      expect(root.querySelector('section[aria-label="Carte des communes"]')).not.toBeNull();
      expect(text()).toContain('Les communes de Seine-et-Marne colorées selon un indicateur');
      expect(text()).toContain('Places offertes pour le semestre été 2027.');
      expect(root.querySelector('.departement-field')).toBeNull();
      expect(text()).not.toContain('ne sont pas chargés');
      expect(text()).not.toContain('Contours connus');
    });

    it('shows the legend of the indicator with French numbers and the sites by status', () => {
      const legends = Array.from(root.querySelectorAll('.legend li')).map((li) =>
        Array.from(li.querySelectorAll('span'))
          .map((span) => span.textContent?.trim())
          .filter(Boolean)
          .join(' '),
      );
      expect(legends).toEqual([
        'de 0,01 à 2,93 1 commune',
        'de 2,94 à 3,57 1 commune',
        'Population inconnue 1 commune',
        'Prospect 1',
        'Actif 1',
      ]);
      expect(text()).toContain('1 terrain n’est pas placé');
    });

    it('lists the communes sorted by the indicator, highest first, unknown values last', () => {
      expect(communeRows().map((r) => r[0])).toEqual([
        'Meaux, 77284',
        'Melun, 77288 · CA Melun Val de Seine',
        'Avon, 77014',
      ]);
      expect(communeRows()[1]).toEqual([
        'Melun, 77288 · CA Melun Val de Seine',
        '41 000', // the narrow no-break space, folded by the whitespace clean-up
        '12',
        '2,93',
        '4',
        '6',
        '1',
        'ZAC : Zone d’action complémentaire (ZAC)',
      ]);
    });

    it('sorts the communes by name from the column header, and filters them', async () => {
      (root.querySelector('th.mat-column-name .mat-sort-header-container') as HTMLElement).click();
      fixture.detectChanges();
      expect(communeRows().map((r) => r[0]?.split(',')[0])).toEqual(['Avon', 'Meaux', 'Melun']);
      const filter = root.querySelector('input[type="search"]') as HTMLInputElement;
      filter.value = 'mel';
      filter.dispatchEvent(new Event('input'));
      fixture.detectChanges();
      expect(communeRows().map((r) => r[0]?.split(',')[0])).toEqual(['Melun']);
    });

    it('puts the chosen indicator in the URL', () => {
      const group = root.querySelector('mat-button-toggle-group') as HTMLElement;
      expect(group.getAttribute('aria-labelledby')).toBe('indicator-label');
      expect(root.querySelector('#indicator-label')?.textContent).toBe('Indicateur');
      const msu = Array.from(root.querySelectorAll('mat-button-toggle button')).find(
        (b) => b.textContent?.trim() === 'MSU',
      ) as HTMLButtonElement;
      msu.click();
      expect(navigate).toHaveBeenCalledWith(
        [],
        expect.objectContaining({ queryParams: { indicateur: 'msu' }, queryParamsHandling: 'merge' }),
      );
    });

    it('opens a site clicked on the map, and links every site of the list', () => {
      canvas().siteSelected.emit('site-2');
      expect(navigate).toHaveBeenCalledWith(['/terrains', 'site-2']);
      const links = Array.from(root.querySelectorAll('table[aria-label="Terrains de stage de la carte"] a'));
      expect(links.map((a) => a.getAttribute('href'))).toEqual([
        '/terrains/site-1',
        '/terrains/site-2',
        '/terrains/site-3',
      ]);
      const positions = Array.from(root.querySelectorAll('td.mat-column-position')).map((td) => td.textContent?.trim());
      expect(positions).toEqual(['Adresse du terrain', 'Centre de la commune', 'Non placé sur la carte']);
    });
  });

  it('reads the indicator from the URL: MSU, then the zonage', async () => {
    render({ indicateur: 'msu' });
    await answer(buildData(true), CONTOURS);
    expect(root.querySelector('.legend-title')?.textContent).toBe('MSU');
    expect(communeRows().map((r) => r[0]?.split(',')[0])).toEqual(['Avon', 'Melun', 'Meaux']);
    const palette = (INDICATORS.msu as NumericIndicator).palette;
    expect(canvas().fills().get('77014')).toBe(palette[4]);

    fixture.componentRef.setInput('indicateur', 'zonage');
    fixture.detectChanges();
    expect(canvas().fills().get('77284')).toBe(ZONAGE_COLOURS.ZIP);
    expect(canvas().fills().get('77014')).toBe('#d9d9d9');
    const legends = Array.from(root.querySelectorAll('.legend li')).map((li) => li.textContent?.trim());
    expect(legends).toContain('Zone d’intervention prioritaire (ZIP)1 commune');
    expect(legends).toContain('Zonage non renseigné1 commune');
  });

  it('says how many communes have a contour when some are missing', async () => {
    render();
    const data = buildData(true);
    data.communes[2] = { ...data.communes[2], hasContour: false };
    await answer({ ...data, contours: { available: true, communes: 2 } }, CONTOURS);
    expect(text()).toContain('Contours connus pour 2 communes sur 3 : les autres ne sont pas dessinées.');
    // Avon (no contour) is neither shaded nor counted in the legend.
    expect(canvas().fills().has('77014')).toBe(false);
    expect(root.querySelector('ul[aria-label="Classes de l’indicateur"]')?.textContent).not.toContain(
      'Population inconnue',
    );
    expect(text()).not.toContain('ne sont pas chargés');
  });

  it('falls back to the default indicator for an unknown value', async () => {
    render({ indicateur: 'inconnu' });
    await answer(buildData(true), CONTOURS);
    expect(root.querySelector('.legend-title')?.textContent).toBe('Médecins généralistes / 10 000 hab.');
    expect(canvas().fills().get('77288')).not.toBe(ZERO_COLOUR);
  });

  it('without contours: draws the sites alone and says why the communes are missing', async () => {
    render();
    await answer(buildData(false));
    http.expectNone(CONTOURS_URL);
    expect(canvas().contours()).toBeNull();
    expect(
      canvas()
        .points()
        .map((p) => p.id),
    ).toEqual(['site-1', 'site-2']);
    expect(canvas().label()).toContain('sans les contours des communes');
    // The names of the communes with placed sites stand in for the outlines.
    expect(canvas().labels()).toEqual([
      { text: 'Melun', latitude: 48.54, longitude: 2.66 },
      { text: 'Meaux', latitude: 48.96, longitude: 2.88 },
    ]);
    const info = root.querySelector('.info[role="status"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(info).toContain('Les communes ne sont pas dessinées : leurs contours ne sont pas chargés.');
    // Other roles read a plain sentence; only the administrator gets the button that loads them.
    expect(info).toContain('demandez à l’administrateur');
    expect(info).not.toContain('COMMUNE_CONTOURS_SOURCE');
    expect(root.querySelector('a[href="/donnees-de-reference#contours"]')).toBeNull();
    // No legend of classes without communes, but the sites' legend and the table stay.
    expect(root.querySelector('ul[aria-label="Classes de l’indicateur"]')).toBeNull();
    expect(root.querySelector('ul[aria-label="Statut des terrains"]')).not.toBeNull();
    expect(communeRows()).toHaveLength(3);
  });

  it('without contours: offers the administrator to load them', async () => {
    render({ role: 'admin', departementCode: '77' });
    await answer(buildData(false));
    const info = root.querySelector('.info[role="status"]');
    expect(info?.textContent).toContain('Chargez les contours');
    expect(info?.querySelector('a[href="/donnees-de-reference#contours"]')?.textContent).toContain(
      'Charger les contours',
    );
  });

  it('names the source of the GP density: the RPPS directory and the day it was loaded', async () => {
    render();
    await answer(buildData(true), CONTOURS);
    expect(root.querySelector('.gp-source')?.textContent?.replace(/\s+/g, ' ')).toContain(
      'Médecins généralistes : Annuaire Santé (RPPS), chargé le 23 septembre 2026. Seine-et-Marne : 8,19 médecins généralistes pour 10 000 habitants.',
    );
    expect(text()).toContain('Source : Annuaire Santé (RPPS), chargé le 23 septembre 2026');
    expect(text()).not.toContain('Annuaire RPPS non chargé');
  });

  it('without a directory: says « Annuaire RPPS non chargé », and links the administrator to the reference data', async () => {
    render();
    await answer(buildData(true, false), CONTOURS);
    const info = root.querySelector('.info[role="status"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(info).toContain('Annuaire RPPS non chargé');
    expect(info).toContain('Demandez à l’administrateur');
    expect(root.querySelector('a[href="/donnees-de-reference#rpps"]')).toBeNull();
    expect(root.querySelector('.gp-source')).toBeNull();
    fixture.destroy();
    TestBed.resetTestingModule();

    render({ role: 'admin', departementCode: '77' });
    await answer(buildData(true, false), CONTOURS);
    expect(root.querySelector('a[href="/donnees-de-reference#rpps"]')?.textContent).toContain('Données de référence');
  });

  it('shows the error of the API', async () => {
    render();
    http
      .expectOne((r) => r.url === MAP_URL)
      .flush({ statusCode: 500, message: 'La base de données ne répond pas.' }, { status: 500, statusText: 'Erreur' });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(
      /erreur inattendue|La base de données ne répond pas/,
    );
  });

  it('lets a national administrator choose the département, carried to both requests', async () => {
    render({ role: 'admin' });
    http.expectOne('/api/departements').flush([{ code: '77', name: 'Seine-et-Marne' }]);
    const all = http.expectOne((r) => r.url === MAP_URL);
    expect(all.request.params.has('departement')).toBe(false);
    all.flush({ ...buildData(true), departementCode: null });
    await settle();
    http.expectOne(CONTOURS_URL).flush(CONTOURS);
    await fixture.whenStable();
    fixture.detectChanges();
    expect(root.querySelector('.departement-field mat-select')?.textContent).toContain('Tous les départements');
    expect(text()).toContain('Les communes de tous les départements colorées selon un indicateur');

    fixture.componentRef.setInput('departement', '77');
    TestBed.tick();
    const request = http.expectOne((r) => r.url === MAP_URL);
    expect(request.request.params.get('departement')).toBe('77');
    request.flush(buildData(true));
    await settle();
    const contours = http.expectOne((r) => r.url === CONTOURS_URL);
    expect(contours.request.params.get('departement')).toBe('77');
    contours.flush(CONTOURS);
    await fixture.whenStable();
  });
});
