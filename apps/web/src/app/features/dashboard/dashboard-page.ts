import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, resource } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import departements from '@etalab/decoupage-administratif/data/departements.json';
import type { Dashboard } from '@maillage/shared/domain';
import { DATE_FIELD } from '@maillage/web/ui';
import { errorMessages } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { AREAS, navigationFor } from '../../core/navigation/areas';
import { departementLabel } from '../../core/territory/departements';
import { CommunePicker } from '../../shared/commune-picker/commune-picker';
import { EpciOptions } from '../../shared/territory/epci-options';
import { DashboardChartCard } from './chart-card';
import { chartGroups } from './dashboard-cards';
import { keyFigures } from './dashboard-figures';
import {
  activePreset,
  DASHBOARD_TODAY,
  type DashboardFilters,
  dashboardRequest,
  filtersFromParams,
  filtersToParams,
  isoDate,
  parseIsoDate,
  type PeriodPreset,
  periodPresets,
  type PresetKey,
} from './dashboard-filters';
import { formatLongDate, formatPeriod, scopeDetail, scopeLine } from './dashboard-format';

const DEPARTEMENTS = departements
  .map((d) => ({ code: d.code, name: d.nom }))
  .sort((a, b) => a.code.localeCompare(b.code, 'fr', { numeric: true }));

/**
 * `/tableau-de-bord`: the key figures of a period and a territory, for the committee, the
 * Département and the mission officer. Filters live in the URL, so a view can be shared.
 */
@Component({
  selector: 'app-dashboard-page',
  imports: [
    CommunePicker,
    DashboardChartCard,
    MatButtonModule,
    MatButtonToggleModule,
    DATE_FIELD,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
  ],
  templateUrl: './dashboard-page.html',
  styleUrl: './dashboard-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthStore);
  private readonly epciOptions = inject(EpciOptions);
  private readonly today = inject(DASHBOARD_TODAY)();

  // Query parameters of the URL, bound by the router.
  readonly du = input<string>();
  readonly au = input<string>();
  readonly epci = input<string>();
  readonly commune = input<string>();
  readonly departement = input<string>();

  protected readonly presets: readonly PeriodPreset[] = periodPresets(this.today);
  protected readonly filters = computed(() =>
    filtersFromParams(
      { du: this.du(), au: this.au(), epci: this.epci(), commune: this.commune(), departement: this.departement() },
      this.today,
    ),
  );
  protected readonly preset = computed(() => activePreset(this.filters(), this.presets));
  protected readonly fromDate = computed(() => parseIsoDate(this.filters().from));
  protected readonly toDate = computed(() => parseIsoDate(this.filters().to));
  protected readonly maxDate = this.today;

  /** National accounts choose a département; everyone else works in their own. */
  protected readonly national = computed(() => !this.auth.user()?.departementCode);
  protected readonly departements = DEPARTEMENTS;
  protected readonly departementCode = computed(
    () => this.auth.user()?.departementCode ?? this.filters().departement ?? null,
  );
  protected readonly departementName = computed(() => departementLabel(this.departementCode()));
  protected readonly epcis = resource({
    params: () => this.departementCode() ?? undefined,
    loader: ({ params }) => this.epciOptions.list(params),
  });

  protected readonly dashboard = httpResource<Dashboard>(() => dashboardRequest(this.filters()));
  /** The last figures received, kept on screen (dimmed) while the next ones load. */
  protected readonly data = linkedSignal<Dashboard | undefined, Dashboard | undefined>({
    source: () => (this.dashboard.hasValue() ? this.dashboard.value() : undefined),
    computation: (next, previous) => next ?? previous?.value,
  });
  protected readonly loadError = computed(() => {
    const error = this.dashboard.error();
    return error ? errorMessages(error).join(' ') : null;
  });
  protected readonly stale = computed(() => this.dashboard.isLoading() && this.data() !== undefined);

  /** What the page covers, in words (from the figures once they arrive, from the filters before). */
  protected readonly scopeText = computed(() => {
    const d = this.data();
    if (d && !this.dashboard.isLoading() && !this.dashboard.error()) return scopeLine(d);
    const f = this.filters();
    return `${this.departementName()} · ${formatPeriod(f.from, f.to)}`;
  });
  protected readonly scopeDetailText = computed(() => {
    const d = this.loadError() ? undefined : this.data();
    return d ? scopeDetail(d.scope) : '';
  });
  protected readonly computedOn = computed(() => {
    const d = this.data();
    return d ? formatLongDate(d.computedOn) : '';
  });

  private readonly allowedAreas = computed(() => {
    const role = this.auth.role();
    return new Set(role ? navigationFor(role).map((a) => a.key) : []);
  });
  protected readonly figures = computed(() => {
    const d = this.data();
    if (!d) return [];
    const allowed = this.allowedAreas();
    return keyFigures(d).map((f) => ({
      ...f,
      path: f.area && allowed.has(f.area) ? `/${AREAS[f.area].path}` : null,
    }));
  });
  protected readonly canOpenMap = computed(() => this.allowedAreas().has('map'));
  protected readonly canOpenReports = computed(() => this.allowedAreas().has('reports'));

  protected readonly chartGroups = computed(() => {
    const d = this.data();
    return d ? chartGroups(d) : null;
  });

  protected readonly hasTerritoryFilter = computed(() => {
    const f = this.filters();
    return f.epci !== null || f.commune !== null;
  });

  protected applyPreset(key: PresetKey): void {
    const preset = this.presets.find((p) => p.key === key);
    if (preset) this.update({ from: preset.from, to: preset.to });
  }

  protected onFromChange(date: Date | null): void {
    if (!date || Number.isNaN(date.getTime())) return;
    const from = isoDate(date);
    if (from <= this.filters().to) this.update({ from });
  }

  protected onToChange(date: Date | null): void {
    if (!date || Number.isNaN(date.getTime())) return;
    const to = isoDate(date);
    if (to >= this.filters().from) this.update({ to });
  }

  /** An EPCI and a commune do not add up: choosing one clears the other. */
  protected onEpciChange(epci: string | null): void {
    this.update({ epci, commune: null });
  }

  protected onCommuneChange(commune: string | null): void {
    if (commune === this.filters().commune) return;
    this.update({ commune, epci: null });
  }

  protected onDepartementChange(departement: string | null): void {
    this.update({ departement, epci: null, commune: null });
  }

  protected clearTerritory(): void {
    this.update({ epci: null, commune: null });
  }

  protected print(): void {
    window.print();
  }

  private update(changes: Partial<DashboardFilters>): void {
    const next: DashboardFilters = { ...this.filters(), ...changes };
    void this.router.navigate([], { relativeTo: this.route, queryParams: filtersToParams(next, this.today) });
  }
}
