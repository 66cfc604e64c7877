import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, resource } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
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
  type Page,
  SITE_KIND_LABELS,
  SITE_KINDS,
  SITE_STATUS_LABELS,
  SITE_STATUSES,
  type SiteSummary,
  STAGE_TYPE_LABELS,
  STAGE_TYPES,
  ZONAGE_LABELS,
  ZONAGES,
} from '@maillage/shared/domain';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessages } from '../../core/http/api-error';
import { CommunePicker } from '../../shared/commune-picker/commune-picker';
import { EpciOptions } from './epci-options';
import { capacitySummary } from './site-labels';
import { SiteStatusBadge } from './site-status-badge';
import {
  DEFAULT_SITE_LIST,
  PAGE_SIZES,
  siteListFromParams,
  type SiteListState,
  siteListToParams,
  type SiteSortField,
  sitesRequest,
} from './sites-api';
import { ZonageBadge } from './zonage-badge';

/** The training sites: search, filters, sort and paging done by the API, all kept in the URL. */
@Component({
  selector: 'app-sites-page',
  imports: [
    CommunePicker,
    DatePipe,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    RouterLink,
    SiteStatusBadge,
    ZonageBadge,
  ],
  templateUrl: './sites-page.html',
  styleUrl: './sites-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SitesPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthStore);
  private readonly epciOptions = inject(EpciOptions);

  // Query parameters of the URL, bound by the router (see SiteListParams).
  readonly q = input<string>();
  readonly commune = input<string>();
  readonly epci = input<string>();
  readonly type = input<string>();
  readonly statut = input<string>();
  readonly stage = input<string>();
  readonly zonage = input<string>();
  readonly difficultes = input<string>();
  readonly archives = input<string>();
  readonly page = input<string>();
  readonly parPage = input<string>();
  readonly tri = input<string>();

  protected readonly kinds = SITE_KINDS;
  protected readonly kindLabels = SITE_KIND_LABELS;
  protected readonly statuses = SITE_STATUSES;
  protected readonly statusLabels = SITE_STATUS_LABELS;
  protected readonly stageTypes = STAGE_TYPES;
  protected readonly stageTypeLabels = STAGE_TYPE_LABELS;
  protected readonly zonages = ZONAGES;
  protected readonly zonageLabels = ZONAGE_LABELS;
  protected readonly pageSizes = [...PAGE_SIZES];
  protected readonly capacitySummary = capacitySummary;
  protected readonly columns = ['name', 'commune', 'zonage', 'status', 'capacities', 'supervisors', 'updatedAt'];

  protected readonly state = computed(() =>
    siteListFromParams({
      q: this.q(),
      commune: this.commune(),
      epci: this.epci(),
      type: this.type(),
      statut: this.statut(),
      stage: this.stage(),
      zonage: this.zonage(),
      difficultes: this.difficultes(),
      archives: this.archives(),
      page: this.page(),
      parPage: this.parPage(),
      tri: this.tri(),
    }),
  );
  protected readonly sites = httpResource<Page<SiteSummary>>(() => sitesRequest(this.state()));
  /** The last page received, kept on screen while the next one loads. */
  protected readonly result = linkedSignal<Page<SiteSummary> | undefined, Page<SiteSummary> | undefined>({
    source: () => (this.sites.hasValue() ? this.sites.value() : undefined),
    computation: (next, previous) => next ?? previous?.value,
  });
  protected readonly loadError = computed(() => {
    const error = this.sites.error();
    return error ? errorMessages(error).join(' ') : null;
  });
  protected readonly resultText = computed(() => {
    const total = this.result()?.total;
    if (total === undefined) return '';
    if (total === 0) return 'Aucun terrain trouvé.';
    return total === 1 ? '1 terrain trouvé.' : `${total.toLocaleString('fr-FR')} terrains trouvés.`;
  });
  protected readonly hasFilters = computed(() => {
    const { page: _page, pageSize: _size, sort: _sort, ...filters } = this.state();
    const { page: _p, pageSize: _s, sort: _o, ...defaults } = DEFAULT_SITE_LIST;
    return JSON.stringify(filters) !== JSON.stringify(defaults);
  });
  protected readonly canEdit = computed(() => this.auth.hasRole('mission_officer', 'admin'));

  /** EPCIs of the user's département (none for a national account: the filter then stays empty). */
  protected readonly epcis = resource({
    params: () => this.auth.user()?.departementCode ?? undefined,
    loader: ({ params }) => this.epciOptions.list(params),
  });

  /** The search box: typed text, sent to the URL once typing pauses. */
  protected readonly search = linkedSignal(() => this.state().q);

  constructor() {
    toObservable(this.search)
      .pipe(
        map((text) => text.trim()),
        debounceTime(300),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((q) => {
        // Typing replaces the history entry instead of adding one per word.
        if (q !== this.state().q) this.update({ q }, true);
      });
  }

  /** Goes to the list with these changes; any change but paging goes back to page 1. */
  protected update(changes: Partial<SiteListState>, replaceUrl = false): void {
    const next: SiteListState = { ...this.state(), page: 1, ...changes };
    void this.router.navigate([], { relativeTo: this.route, queryParams: siteListToParams(next), replaceUrl });
  }

  protected clearFilters(): void {
    const { pageSize, sort } = this.state();
    this.search.set('');
    this.update({ ...DEFAULT_SITE_LIST, pageSize, sort });
  }

  protected onSort(sort: Sort): void {
    this.update({
      sort: sort.direction
        ? { field: sort.active as SiteSortField, direction: sort.direction }
        : DEFAULT_SITE_LIST.sort,
    });
  }

  protected kindLabel(site: SiteSummary): string {
    return SITE_KIND_LABELS[site.kind];
  }

  protected onPage(event: PageEvent): void {
    this.update({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }
}
