import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  contentChildren,
  Directive,
  inject,
  input,
  linkedSignal,
  output,
  TemplateRef,
  ViewEncapsulation,
} from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import type { ListSort, RowSelection } from '@maillage/web/util';
import { ListShell, type ListShellState } from '../list-shell/list-shell';

/** The key of the checkbox column of a table with a `selection`. */
const SELECT_COLUMN = '__select';

/** A column of a `ui-data-table`. */
export interface TableColumn<T> {
  /** Unique key; the sort field of the API when `sortable`. */
  key: string;
  header: string;
  /** The text of a cell; leave it out when a `uiCell` template draws the cell. */
  text?: (row: T) => string | number | null | undefined;
  sortable?: boolean;
  /** Figures: right-aligned, tabular digits. */
  numeric?: boolean;
  nowrap?: boolean;
  /** The header is read by screen readers only (an actions column). */
  hiddenHeader?: boolean;
}

/** What the table needs of a page's list state to sort it (`UrlListState` fits). */
export interface SortableList {
  state(): { sort: ListSort | null };
  onSort(event: Sort): unknown;
  readonly definition?: { readonly hasDefaultSort: boolean };
}

/** What the table needs of a page's data (`httpResource<Page<T>>` fits). */
export interface TableResource<T> {
  isLoading(): boolean;
  hasValue(): boolean;
  value(): { items: readonly T[] } | undefined;
}

/** The list state of a shell, when it can sort (`UrlListState` can). */
function sortableList(list: ListShellState | null | undefined): SortableList | null {
  return list && 'onSort' in list ? (list as ListShellState & SortableList) : null;
}

/** The template of the cells of one column: `<ng-template uiCell="name" let-site>…</ng-template>`. */
@Directive({ selector: 'ng-template[uiCell]' })
export class CellDef {
  readonly uiCell = input.required<string>();
  readonly template = inject(TemplateRef);
}

/**
 * A table driven by inputs: rows, columns, sort; the page keeps the data and draws the cells it
 * wants with `uiCell` templates (links, badges, menus). Sorting emits `sortChange`; the empty row
 * says `emptyText` (or « Chargement… » while loading). Inside a `ui-list-shell`, without `resource`
 * nor `rows`, it shows the shell's data and sorts its list:
 * `<ui-data-table label="Terrains" [columns]="columns">…</ui-data-table>`.
 */
@Component({
  selector: 'ui-data-table',
  imports: [MatCheckboxModule, MatSortModule, MatTableModule, NgTemplateOutlet],
  templateUrl: './data-table.html',
  styleUrl: './data-table.scss',
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DataTable<T> {
  private readonly shell = inject(ListShell, { optional: true });

  /** The page's data: its rows (the last ones stay while the next page loads) and its load state. */
  readonly resource = input<TableResource<T> | null>(null);
  /** The rows, without a `resource`. */
  readonly rows = input<readonly T[] | null>(null);
  readonly columns = input.required<readonly TableColumn<T>[]>();
  /** The accessible name of the table. */
  readonly label = input.required<string>();
  readonly loading = input(false);
  readonly emptyText = input('Aucun élément ne correspond à ces critères.');
  /** The page's list state: the sorted column comes from it and sorting updates it (the URL). */
  readonly list = input<SortableList | null>(null);
  /** The data shown: `resource`, else (without `rows`) the list shell's, a page of these rows. */
  private readonly source = computed(
    () =>
      this.resource() ?? (this.rows() === null ? (this.shell?.resource() as TableResource<T> | null) : null) ?? null,
  );
  /** The list sorted: `list`, else the list shell's. */
  private readonly sortList = computed(() => this.list() ?? sortableList(this.shell?.list()));
  /** The sorted column and direction (`null`: the API's order), without a `list`. */
  readonly sort = input<ListSort | null>(null);
  /**
   * Without it, clicking a sorted header a third time goes back to the default order. With a
   * `list` that has an order of its own, the table always has a sorted column.
   */
  readonly sortDisableClear = input(false);
  /** A class for a row (`row--new`). */
  readonly rowClass = input<(row: T) => string | null>(() => null);
  readonly sortChange = output<Sort>();
  /** Bulk actions: a checkbox per row and one for the page (rows need an `id`). */
  readonly selection = input<RowSelection | null>(null);
  /** How a row is named by its checkbox (« Sélectionner Dr Claire Martin »). */
  readonly rowName = input<(row: T) => string>(() => 'cette ligne');

  private readonly cells = contentChildren(CellDef);
  protected readonly templates = computed(
    () => new Map(this.cells().map((cell) => [cell.uiCell(), cell.template] as const)),
  );
  private readonly lastRows = linkedSignal<readonly T[] | undefined, readonly T[]>({
    source: () => {
      const resource = this.source();
      return resource?.hasValue() ? resource.value()?.items : undefined;
    },
    computation: (next, previous) => next ?? previous?.value ?? [],
  });
  protected readonly shownRows = computed(() => (this.source() ? this.lastRows() : (this.rows() ?? [])));
  protected readonly shownLoading = computed(() => this.source()?.isLoading() ?? this.loading());
  protected readonly disableClear = computed(
    () => this.sortDisableClear() || (this.sortList()?.definition?.hasDefaultSort ?? false),
  );
  protected readonly shownSort = computed(() => this.sortList()?.state().sort ?? this.sort());
  protected readonly keys = computed(() => [
    ...(this.selection() ? [SELECT_COLUMN] : []),
    ...this.columns().map((column) => column.key),
  ]);
  protected readonly selectColumn = SELECT_COLUMN;
  protected readonly pageIds = computed(() => this.shownRows().map((row) => String((row as { id?: unknown }).id)));

  protected isSelected(row: T): boolean {
    return this.selection()?.has(String((row as { id?: unknown }).id)) ?? false;
  }

  protected toggleRow(row: T, on: boolean): void {
    this.selection()?.toggle(String((row as { id?: unknown }).id), on);
  }

  protected onSort(event: Sort): void {
    void this.sortList()?.onSort(event);
    this.sortChange.emit(event);
  }

  /** Rows keep their element across reloads when they have an `id` (an open row menu stays open). */
  protected readonly trackRow = (_index: number, row: T): unknown => (row as { id?: unknown }).id ?? row;

  protected cellText(column: TableColumn<T>, row: T): string {
    const value = column.text?.(row);
    return value === null || value === undefined ? '' : String(value);
  }
}
