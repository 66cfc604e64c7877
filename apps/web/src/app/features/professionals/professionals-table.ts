import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  MSU_STAGE_LABELS,
  type Page,
  PAGE_SIZE_DEFAULT,
  PRACTICE_MODE_LABELS,
  professionalDisplayName,
  type ProfessionalSummary,
} from '@maillage/shared/domain';
import {
  type Badge,
  BulkBar,
  BulkResultDialog,
  CellDef,
  DataTable,
  LoadError,
  StatusBadge,
  type TableColumn,
} from '@maillage/web/ui';
import { countText, lastValue, type ListSort, PAGE_SIZES, RowSelection, type SortChange } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { BulkStageDialog } from './bulk-stage-dialog';
import { filtersToApiParams, type ProfessionalFilters } from './professional-filters';
import { professionalsRequest } from './professionals-api';

const DEFAULT_SORT: ListSort = { field: 'lastName', direction: 'asc' };

/** The table view of `/professionnels`: server paging and sort, the page's filters. */
@Component({
  selector: 'app-professionals-table',
  imports: [
    BulkBar,
    CellDef,
    MatButtonModule,
    DataTable,
    DatePipe,
    LoadError,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    RouterLink,
    StatusBadge,
  ],
  templateUrl: './professionals-table.html',
  styleUrl: './professionals-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfessionalsTable {
  readonly filters = input.required<ProfessionalFilters>();

  private readonly dialog = inject(MatDialog);
  private readonly auth = inject(AuthStore);
  protected readonly displayName = professionalDisplayName;
  /** Rows chosen for a bulk action (only for those who may move MSUs). */
  protected readonly selection = new RowSelection();
  protected readonly canBulk = computed(() => this.auth.can('bulk.run') && this.auth.can('professionals.write'));
  protected readonly rowName = (p: ProfessionalSummary) => professionalDisplayName(p);
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly columns: TableColumn<ProfessionalSummary>[] = [
    { key: 'lastName', header: 'Nom', sortable: true },
    { key: 'rpps', header: 'RPPS', text: (p) => p.rpps ?? '—' },
    { key: 'specialty', header: 'Spécialité', text: (p) => p.specialty ?? '—' },
    {
      key: 'practiceMode',
      header: 'Exercice',
      text: (p) => (p.practiceMode ? PRACTICE_MODE_LABELS[p.practiceMode] : '—'),
    },
    { key: 'sites', header: 'Terrains' },
    { key: 'msuStage', header: 'Étape MSU', sortable: true },
    { key: 'msuStageSince', header: 'Depuis le', sortable: true },
  ];

  protected readonly sort = signal<ListSort>(DEFAULT_SORT);
  protected readonly pageSize = signal(PAGE_SIZE_DEFAULT);
  /** Back to the first page whenever a filter or the order changes. */
  protected readonly pageIndex = linkedSignal({
    source: () => [this.filters(), this.sort(), this.pageSize()],
    computation: () => 0,
  });
  protected readonly professionals = httpResource<Page<ProfessionalSummary>>(() => {
    const sort = this.sort();
    return professionalsRequest({
      filters: this.filters(),
      page: this.pageIndex() + 1,
      pageSize: this.pageSize(),
      sort: `${sort.field}:${sort.direction}`,
    });
  });
  protected readonly page = lastValue(this.professionals);
  protected readonly resultText = computed(() =>
    countText(this.page()?.total, {
      none: 'Aucun professionnel trouvé.',
      one: '1 professionnel trouvé.',
      many: '{n} professionnels trouvés.',
    }),
  );

  constructor() {
    // Other filters, other rows: the selection starts again.
    effect(() => {
      this.filters();
      this.selection.clear();
    });
  }

  protected moveStage(): void {
    const count = this.selection.count(this.page()?.total ?? 0);
    const target = this.selection.bulkTarget(filtersToApiParams(this.filters()));
    this.dialog
      .open(BulkStageDialog, { data: { count, target }, width: '520px', maxWidth: 'calc(100vw - 32px)' })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.dialog.open(BulkResultDialog, {
          data: { title: 'Changement d’étape', result },
          width: '560px',
          maxWidth: 'calc(100vw - 32px)',
        });
        this.selection.clear();
        this.professionals.reload();
      });
  }

  protected stageBadge(p: ProfessionalSummary): Badge {
    return p.isSupervisor
      ? { label: MSU_STAGE_LABELS[p.msuStage], tone: 'success', icon: 'verified' }
      : { label: MSU_STAGE_LABELS[p.msuStage], tone: 'neutral' };
  }

  protected onSort(sort: SortChange): void {
    this.sort.set(sort.direction ? { field: sort.active, direction: sort.direction } : DEFAULT_SORT);
  }

  protected onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }
}
