import { BreakpointObserver } from '@angular/cdk/layout';
import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  ViewEncapsulation,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { type ApiParams, countText, type CountWords, type PageChange } from '@maillage/web/util';
import { map } from 'rxjs';
import { LoadError } from '../load-error/load-error';

/** What the shell needs of a page's list state (`UrlListState` fits). */
export interface ListShellState {
  state(): { page: number; pageSize: number };
  activeFilterCount(): number;
  readonly definition: { readonly pageSizes: readonly number[]; readonly paged: boolean };
  clear(): unknown;
  onPage(event: PageChange): unknown;
  /** The API's filters of the current state: the export takes them. */
  apiParams?(): ApiParams;
}

/** The formats of `GET /api/exports/<list>?format=`. */
export const EXPORT_LINKS = [
  { format: 'csv', label: 'CSV (Excel, « ; »)', icon: 'description' },
  { format: 'xlsx', label: 'Classeur Excel (XLSX)', icon: 'table_view' },
] as const;

/** `<url>?format=…&<filters>`: the list as the user sees it, whole (paging left out). */
export function exportHref(url: string, format: string, params: ApiParams = {}): string {
  const query = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(params)) {
    if (key !== 'page' && key !== 'pageSize') query.set(key, String(value));
  }
  return `${url}?${query.toString()}`;
}

/** What the shell needs of the page's data (`httpResource<Page<T>>` fits). */
export interface ListShellResource {
  isLoading(): boolean;
  error(): unknown;
  reload(): boolean;
  hasValue(): boolean;
  value(): { total: number } | undefined;
}

/** Phones: the filters fold behind one « Filtres » button at this width and below. */
export const FOLD_FILTERS_QUERY = '(max-width: 600px)';

let nextId = 0;

/** « de terrains », « d’agréments » (elided before a vowel or a mute h). */
function ofWord(noun: string): string {
  return /^[aeiouyhàâéèêëîïôûü]/i.test(noun) ? `d’${noun}` : `de ${noun}`;
}

/**
 * The frame of every list page: title, lead and actions; the filters (folded behind one
 * « Filtres » button on phones, with the number of active filters); the result count; the load
 * error with « Réessayer » (or « Accès refusé »); the table card with its progress bar; the
 * paginator. The page projects its filters (`uiListFilters`), its actions (`uiListActions`),
 * anything between the header and the filters (`uiListIntro`), its bulk actions above the table
 * (`uiListBulk`) and its table (default slot).
 */
@Component({
  selector: 'ui-list-shell',
  imports: [
    LoadError,
    NgTemplateOutlet,
    MatButtonModule,
    MatIconModule,
    MatMenuModule,
    MatPaginatorModule,
    MatProgressBarModule,
  ],
  templateUrl: './list-shell.html',
  styleUrl: './list-shell.scss',
  // The filters are the page's own fields, projected: their layout is styled from here, by selector.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListShell {
  /** The page's URL-bound state: filters badge, « Effacer les filtres », paging. */
  readonly list = input<ListShellState | null>(null);
  /** The page's data: loading, error and « Réessayer », the total. */
  readonly resource = input<ListShellResource | null>(null);
  /** How the count reads (« {n} terrains trouvés. »), from the resource's total. */
  readonly countWords = input<CountWords | null>(null);
  readonly heading = input.required<string>();
  readonly lead = input<string>('');
  /** « 12 terrains trouvés. » ('' while unknown). */
  readonly count = input<string>('');
  readonly loading = input(false);
  /**
   * What the list shows, plural (« terrains », « agréments »): the progress bar says « Chargement
   * des terrains » and the paginator « Pages de terrains » (« d’agréments ») to screen readers.
   */
  readonly items = input('');
  /** Instead of « Chargement des {items} ». */
  readonly loadingLabel = input('');
  /** The error of the last load, if it failed. */
  readonly error = input<unknown>(undefined);
  /** A message about the last action (« modifié entre-temps… »), shown above the table. */
  readonly notice = input<string | null>(null);
  /** Whether the page has filters at all (then the « Filtres » panel is shown). */
  readonly filterable = input(true);
  readonly filtersLabel = input('Filtres');
  readonly activeFilters = input(0);
  /** Paging: the total of the list; `null` for a list that is not paged. */
  readonly total = input<number | null>(null);
  readonly page = input(1);
  readonly pageSize = input(25);
  readonly pageSizes = input<readonly number[]>([10, 25, 50, 100]);
  /** `false`: the page lays out its own tables (several sections); the shell does not frame them. */
  readonly tableCard = input(true);
  /** Instead of « Pages de {items} ». */
  readonly paginatorLabel = input('');
  /**
   * `/api/exports/<list>`: an « Exporter » menu (CSV, XLSX) downloads the list with its current
   * filters (the API keeps only the columns the role may read).
   */
  readonly exportUrl = input<string | null>(null);

  readonly retry = output<void>();
  readonly clearFilters = output<void>();
  readonly pageChange = output<PageEvent>();

  protected readonly filtersId = `ui-list-filters-${nextId++}`;
  /** The last total received, kept while the next page loads. */
  private readonly lastTotal = linkedSignal<number | undefined, number | undefined>({
    source: () => {
      const resource = this.resource();
      return resource?.hasValue() ? resource.value()?.total : undefined;
    },
    computation: (next, previous) => next ?? previous?.value,
  });
  protected readonly shownCount = computed(() => {
    const words = this.countWords();
    return words ? countText(this.lastTotal(), words) : this.count();
  });
  protected readonly shownLoadingLabel = computed(
    () => this.loadingLabel() || (this.items() ? `Chargement des ${this.items()}` : 'Chargement'),
  );
  protected readonly shownPaginatorLabel = computed(
    () => this.paginatorLabel() || (this.items() ? `Pages ${ofWord(this.items())}` : 'Pages'),
  );
  protected readonly shownLoading = computed(() => this.resource()?.isLoading() ?? this.loading());
  protected readonly shownError = computed(() => this.resource()?.error() ?? this.error());
  protected readonly shownActive = computed(() => this.list()?.activeFilterCount() ?? this.activeFilters());
  /** Paging: `null` for a list that is not paged. */
  protected readonly paging = computed(() => {
    const list = this.list();
    if (list) {
      if (!list.definition.paged) return null;
      const { page, pageSize } = list.state();
      return { total: this.lastTotal() ?? 0, page, pageSize, pageSizes: list.definition.pageSizes };
    }
    const total = this.total();
    return total === null ? null : { total, page: this.page(), pageSize: this.pageSize(), pageSizes: this.pageSizes() };
  });
  protected readonly exports = computed(() => {
    const url = this.exportUrl();
    if (!url) return [];
    const params = this.list()?.apiParams?.() ?? {};
    return EXPORT_LINKS.map((link) => ({ ...link, href: exportHref(url, link.format, params) }));
  });
  protected readonly exportMenuLabel = computed(() => `Exporter la liste des ${this.items() || 'résultats'}`);
  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe(FOLD_FILTERS_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  /** Open on desktop; folded on phones until asked for. */
  protected readonly filtersOpen = linkedSignal(() => !this.compact());
  protected readonly filterButtonText = computed(() => {
    const active = this.shownActive();
    return active > 0 ? `Filtres (${active} actif${active > 1 ? 's' : ''})` : 'Filtres';
  });

  protected toggleFilters(): void {
    this.filtersOpen.update((open) => !open);
  }

  protected onRetry(): void {
    const resource = this.resource();
    if (resource) resource.reload();
    this.retry.emit();
  }

  protected onClear(): void {
    void this.list()?.clear();
    this.clearFilters.emit();
  }

  protected onPage(event: PageEvent): void {
    void this.list()?.onPage(event);
    this.pageChange.emit(event);
  }
}
