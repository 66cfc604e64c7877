import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  type DepartementSummary,
  hasPermission,
  type MapCommune,
  type MapData,
  type MapSite,
  normalizeSearchText,
  SITE_KIND_LABELS,
} from '@maillage/shared/domain';
import { StatusBadge } from '@maillage/web/ui';
import { errorMessages } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { departementLabel } from '../../core/territory/departements';
import { formatDecimal, RPPS_NOT_LOADED, rppsSourceText } from '../dashboard/dashboard-format';
import { siteStatusBadge, zonageBadge } from '../sites';
import { type ContourCollection, MapCanvas, type MapLabel, type MapPoint } from './map-canvas';
import {
  classify,
  communeTooltip,
  DEFAULT_INDICATOR,
  formatValue,
  type Indicator,
  INDICATOR_KEYS,
  type IndicatorKey,
  INDICATORS,
  isIndicatorKey,
  SITE_STATUS_COLOURS,
  siteLegend,
  siteTooltip,
} from './map-indicators';

export const MAP_URL = '/api/map';
export const CONTOURS_URL = '/api/communes/contours';

/** Sortable columns of the communes table; each reads one figure. */
const SORT_VALUES: Readonly<Record<string, (c: MapCommune) => number | string | null>> = {
  name: (c) => normalizeSearchText(c.name),
  population: (c) => c.population,
  gps: (c) => c.gps,
  gpsPer10000: (c) => c.gpsPer10000,
  msus: (c) => c.msus,
  placesOffered: (c) => c.placesOffered,
  openIssues: (c) => c.openIssues,
  zonage: (c) => c.zonage?.label ?? null,
};

/** The column that holds each indicator (sorted on when the indicator is chosen). */
const INDICATOR_COLUMNS: Readonly<Record<IndicatorKey, string>> = {
  medecins: 'gpsPer10000',
  msu: 'msus',
  places: 'placesOffered',
  difficultes: 'openIssues',
  zonage: 'zonage',
};

const POSITION_LABELS = {
  site: 'Adresse du terrain',
  commune: 'Centre de la commune',
  none: 'Non placé sur la carte',
} as const;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('fr-FR')} ${n <= 1 ? one : many}`;

/**
 * `/carte`: the communes of the département shaded by an indicator (`?indicateur=`), the sites on
 * top (a click opens the site), and the same figures in sortable tables for keyboard and screen
 * reader users. Without contours, the sites are drawn alone and the page says why.
 */
@Component({
  selector: 'app-map-page',
  imports: [
    MapCanvas,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    RouterLink,
    StatusBadge,
  ],
  templateUrl: './map-page.html',
  styleUrl: './map-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MapPage {
  protected readonly statusBadge = siteStatusBadge;
  protected readonly zonageBadge = zonageBadge;
  /** Query parameters, bound by the router. */
  readonly indicateur = input<string>();
  readonly departement = input<string>();

  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthStore);

  protected readonly indicatorKeys = INDICATOR_KEYS;
  protected readonly indicators = INDICATORS;
  protected readonly indicatorKey = computed<IndicatorKey>(() => {
    const key = this.indicateur();
    return isIndicatorKey(key) ? key : DEFAULT_INDICATOR;
  });
  protected readonly indicator = computed<Indicator>(() => INDICATORS[this.indicatorKey()]);

  /** National administrators choose the département; the others see theirs. */
  protected readonly national = computed(() => this.auth.user()?.departementCode === null);
  protected readonly canLoadContours = computed(() => hasPermission(this.auth.user()?.role, 'reference.import'));
  private readonly departementCode = computed(() => (this.national() ? (this.departement() ?? null) : null));
  private readonly departementParams = computed((): Record<string, string> => {
    const code = this.departementCode();
    return code ? { departement: code } : {};
  });
  protected readonly departements = httpResource<DepartementSummary[]>(() =>
    this.national() ? '/api/departements' : undefined,
  );

  protected readonly data = httpResource<MapData>(() => ({ url: MAP_URL, params: this.departementParams() }));
  protected readonly contoursAvailable = computed(() =>
    this.data.hasValue() ? this.data.value().contours.available : false,
  );
  protected readonly rppsNotLoaded = RPPS_NOT_LOADED;
  /** The RPPS directory's GP density: `null` before the figures arrive, `loaded` false before any load. */
  protected readonly gpDirectory = computed(() => {
    if (!this.data.hasValue()) return null;
    const { directoryLoadedAt, departement } = this.data.value().generalPractitioners;
    if (directoryLoadedAt === null) return { loaded: false as const };
    const density = departement?.per10000;
    return {
      loaded: true as const,
      source: rppsSourceText(directoryLoadedAt),
      departement:
        departement && density !== null && density !== undefined
          ? `${departement.name} : ${formatDecimal(density)} médecins généralistes pour 10 000 habitants`
          : null,
    };
  });
  protected readonly contours = httpResource<ContourCollection>(() => {
    if (!this.contoursAvailable()) return undefined;
    return { url: CONTOURS_URL, params: this.departementParams() };
  });

  protected readonly loadError = computed(() => {
    const error = this.data.error() ?? this.contours.error();
    return error ? errorMessages(error).join(' ') : null;
  });
  protected readonly communes = computed<MapCommune[]>(() => (this.data.hasValue() ? this.data.value().communes : []));
  protected readonly sites = computed<MapSite[]>(() => (this.data.hasValue() ? this.data.value().sites : []));
  private readonly territoryCode = computed(() => {
    const data = this.data.hasValue() ? this.data.value() : null;
    return data ? data.departementCode : (this.auth.user()?.departementCode ?? null);
  });
  private readonly territoryName = computed(() => departementLabel(this.territoryCode()));
  /** "de Seine-et-Marne", "de tous les départements". */
  protected readonly ofTerritory = computed(() =>
    this.territoryCode() === null ? 'de tous les départements' : `de ${this.territoryName()}`,
  );
  protected readonly semesterLabel = computed(() =>
    this.data.hasValue() ? this.data.value().semester.label.toLowerCase() : '',
  );

  // --- Map ---
  /** The communes drawn: those with a contour (the legend counts them only). */
  private readonly drawnCommunes = computed(() => this.communes().filter((c) => c.hasContour));
  protected readonly classification = computed(() => classify(this.indicator(), this.drawnCommunes()));
  protected readonly fills = computed(() => {
    const { colourOf } = this.classification();
    return new Map(this.drawnCommunes().map((c) => [c.code, colourOf(c)]));
  });
  protected readonly tooltips = computed(() => new Map(this.drawnCommunes().map((c) => [c.code, communeTooltip(c)])));
  protected readonly drawnContours = computed<ContourCollection | null>(() =>
    this.contoursAvailable() && this.contours.hasValue() ? this.contours.value() : null,
  );
  protected readonly placedSites = computed(() => this.sites().filter((s) => s.position !== null));
  protected readonly points = computed<MapPoint[]>(() =>
    this.placedSites().map((s) => ({
      id: s.id,
      latitude: s.latitude as number,
      longitude: s.longitude as number,
      colour: SITE_STATUS_COLOURS[s.status],
      tooltip: siteTooltip(s),
      label: `${s.name}, ${s.communeName}`,
    })),
  );
  /** Without contours, the names of the communes that have placed sites, under their dots. */
  protected readonly labels = computed<MapLabel[]>(() => {
    if (this.drawnContours()) return [];
    const byCommune = new Map<string, MapSite[]>();
    for (const s of this.placedSites()) byCommune.set(s.communeCode, [...(byCommune.get(s.communeCode) ?? []), s]);
    return [...byCommune.values()].map((sites) => ({
      text: sites[0].communeName,
      latitude: Math.min(...sites.map((s) => s.latitude as number)),
      longitude: sites.reduce((sum, s) => sum + (s.longitude as number), 0) / sites.length,
    }));
  });
  protected readonly siteLegend = computed(() => siteLegend(this.placedSites().map((s) => s.status)));
  protected readonly missingContours = computed(() =>
    this.contoursAvailable() ? this.communes().length - this.drawnCommunes().length : 0,
  );
  protected readonly unplacedCount = computed(() => this.sites().length - this.placedSites().length);
  protected readonly mapLabel = computed(() => {
    const what = this.drawnContours()
      ? `Communes ${this.ofTerritory()} colorées selon l’indicateur « ${this.indicator().label} »`
      : `Terrains de stage ${this.ofTerritory()}, sans les contours des communes`;
    return `${what}, ${plural(this.placedSites().length, 'terrain placé', 'terrains placés')}. Les mêmes données figurent dans les tableaux sous la carte.`;
  });

  // --- Communes table ---
  protected readonly communeColumns = [
    'name',
    'population',
    'gps',
    'gpsPer10000',
    'msus',
    'placesOffered',
    'openIssues',
    'zonage',
  ];
  protected readonly filter = signal('');
  protected readonly sort = linkedSignal<IndicatorKey, Sort>({
    source: this.indicatorKey,
    computation: (key) => ({ active: INDICATOR_COLUMNS[key], direction: 'desc' }),
  });
  protected readonly pageSize = signal(25);
  protected readonly pageIndex = linkedSignal({
    source: () => [this.filter(), this.sort(), this.pageSize(), this.communes()],
    computation: () => 0,
  });
  protected readonly filteredCommunes = computed(() => {
    const text = normalizeSearchText(this.filter().trim());
    const all = this.communes();
    const matching = text
      ? all.filter((c) => normalizeSearchText(c.name).includes(text) || c.code.startsWith(text))
      : all;
    const { active, direction } = this.sort();
    const read = SORT_VALUES[active];
    if (!read || direction === '') return matching;
    const sign = direction === 'asc' ? 1 : -1;
    return [...matching].sort((a, b) => {
      const va = read(a);
      const vb = read(b);
      // Missing values last, whatever the direction; then by name.
      if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
      const order = typeof va === 'string' ? va.localeCompare(String(vb), 'fr') : va - (vb as number);
      return order !== 0 ? sign * order : byName(a, b);
    });
  });
  protected readonly communePage = computed(() => {
    const start = this.pageIndex() * this.pageSize();
    return this.filteredCommunes().slice(start, start + this.pageSize());
  });

  // --- Sites table ---
  protected readonly siteColumns = ['name', 'commune', 'kind', 'status', 'position'];
  protected readonly sitePageSize = signal(25);
  protected readonly sitePageIndex = linkedSignal({
    source: () => [this.sites(), this.sitePageSize()],
    computation: () => 0,
  });
  protected readonly sitePage = computed(() => {
    const start = this.sitePageIndex() * this.sitePageSize();
    return this.sites().slice(start, start + this.sitePageSize());
  });

  protected readonly formatValue = formatValue;
  protected readonly plural = plural;
  protected readonly kindLabel = (s: MapSite) => SITE_KIND_LABELS[s.kind];
  protected readonly positionLabel = (s: MapSite) => POSITION_LABELS[s.position ?? 'none'];

  protected chooseIndicator(key: IndicatorKey): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { indicateur: key === DEFAULT_INDICATOR ? null : key },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected chooseDepartement(code: string | null): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { departement: code },
      queryParamsHandling: 'merge',
    });
  }

  protected openSite(id: string): void {
    void this.router.navigate(['/terrains', id]);
  }

  protected onSort(sort: Sort): void {
    this.sort.set(sort);
  }

  protected onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected onSitePage(event: PageEvent): void {
    this.sitePageSize.set(event.pageSize);
    this.sitePageIndex.set(event.pageIndex);
  }
}

function byName(a: MapCommune, b: MapCommune): number {
  return a.name.localeCompare(b.name, 'fr');
}
