import type { HttpResourceRequest } from '@angular/common/http';
import { computed, inject, linkedSignal, type Signal, type WritableSignal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, type Params, Router } from '@angular/router';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import type { ApiParams, ListDefinition, ListState, SortDirection } from './list-params';

/** What a paginator emits (`MatPaginator`'s `PageEvent` fits). */
export interface PageChange {
  pageIndex: number;
  pageSize: number;
}

/** What a sortable table header emits (`MatSort`'s `Sort` fits). */
export interface SortChange {
  active: string;
  direction: SortDirection | '';
}

/** Typing pauses this long before the search reaches the URL. */
export const SEARCH_DEBOUNCE_MS = 300;

/**
 * The state of a list page, kept in the URL: reading it, changing it (any change but paging goes
 * back to page 1), the search box with its debounce, paging, sorting, clearing the filters.
 * Create it with `urlListState(definition)` in a component's field initialiser.
 */
export class UrlListState<F, S extends string> {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly params = toSignal(this.route.queryParams, { initialValue: {} as Params });

  /** The state of the URL (defaults for what it does not say). */
  readonly state: Signal<ListState<F, S>> = computed(() => this.definition.fromParams(this.params()));
  /** The filters that differ from their default: the badge of the « Filtres » button. */
  readonly activeFilterCount = computed(() => this.definition.activeFilters(this.state()).length);
  readonly hasFilters = computed(() => this.activeFilterCount() > 0);
  /** The search box: what is typed, sent to the URL once typing pauses (empty without a search filter). */
  readonly search: WritableSignal<string>;

  constructor(
    readonly definition: ListDefinition<F, S>,
    private readonly searchKey?: keyof F & string,
  ) {
    this.search = linkedSignal(() => (searchKey ? String(this.state()[searchKey] ?? '') : ''));
    if (searchKey) {
      toObservable(this.search)
        .pipe(
          map((text) => text.trim()),
          debounceTime(SEARCH_DEBOUNCE_MS),
          distinctUntilChanged(),
          takeUntilDestroyed(),
        )
        .subscribe((text) => {
          // Typing replaces the history entry instead of adding one per word.
          if (text !== this.state()[searchKey])
            void this.update({ [searchKey]: text } as Partial<ListState<F, S>>, true);
        });
    }
  }

  /** Goes to the list with these changes; any change but paging goes back to page 1. Resolves once navigated. */
  update(changes: Partial<ListState<F, S>>, replaceUrl = false): Promise<boolean> {
    const next: ListState<F, S> = { ...this.state(), page: 1, ...changes };
    return this.router.navigate([], {
      relativeTo: this.route,
      queryParams: this.definition.toParams(next),
      replaceUrl,
    });
  }

  /** Back to the default filters, keeping the page size and the order. */
  clear(): Promise<boolean> {
    const { pageSize, sort } = this.state();
    this.search.set('');
    return this.update({ ...this.definition.defaults, pageSize, sort });
  }

  onPage(event: PageChange): Promise<boolean> {
    return this.update({ page: event.pageIndex + 1, pageSize: event.pageSize } as Partial<ListState<F, S>>);
  }

  onSort(event: SortChange): Promise<boolean> {
    return this.update({ sort: this.definition.sortOf(event.active, event.direction) } as Partial<ListState<F, S>>);
  }

  /** The API's parameters for the current state, with `extra` ones of the page. */
  apiParams(extra: ApiParams = {}): ApiParams {
    return { ...this.definition.apiParams(this.state()), ...extra };
  }

  /** `GET <url>` for the current state: for `httpResource(() => list.request(URL))`. */
  request(url: string, extra: ApiParams = {}): HttpResourceRequest {
    return { url, params: this.apiParams(extra) };
  }
}

/** The URL-bound state of a list page (`search`: the text filter the search box types into). */
export function urlListState<F, S extends string>(
  definition: ListDefinition<F, S>,
  options: { search?: keyof F & string } = {},
): UrlListState<F, S> {
  return new UrlListState(definition, options.search);
}
