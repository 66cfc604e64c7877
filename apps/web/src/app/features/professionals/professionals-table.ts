import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  MSU_STAGE_LABELS,
  type MsuStage,
  type Page,
  PAGE_SIZE_DEFAULT,
  PRACTICE_MODE_LABELS,
  type PracticeMode,
  professionalDisplayName,
  type ProfessionalSummary,
} from '@maillage/shared/domain';
import { errorMessages } from '../../core/http/api-error';
import type { ProfessionalFilters } from './professional-filters';
import { professionalsRequest } from './professionals-api';

/** The table view of `/professionnels`: server paging and sort, the page's filters. */
@Component({
  selector: 'app-professionals-table',
  imports: [
    DatePipe,
    MatButtonModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSortModule,
    MatTableModule,
    RouterLink,
  ],
  templateUrl: './professionals-table.html',
  styleUrl: './professionals-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfessionalsTable {
  readonly filters = input.required<ProfessionalFilters>();

  protected readonly columns = ['lastName', 'rpps', 'specialty', 'practiceMode', 'sites', 'msuStage', 'msuStageSince'];
  protected readonly displayName = professionalDisplayName;

  protected readonly sort = signal<Sort>({ active: 'lastName', direction: 'asc' });
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
      sort: sort.direction ? `${sort.active}:${sort.direction}` : 'lastName:asc',
    });
  });
  protected readonly page = linkedSignal<Page<ProfessionalSummary> | undefined, Page<ProfessionalSummary> | undefined>({
    source: () => (this.professionals.hasValue() ? this.professionals.value() : undefined),
    computation: (next, previous) => next ?? previous?.value,
  });
  protected readonly loadError = computed(() => {
    const error = this.professionals.error();
    return error ? errorMessages(error).join(' ') : null;
  });
  protected readonly resultText = computed(() => {
    const total = this.page()?.total;
    if (total === undefined) return '';
    if (total === 0) return 'Aucun professionnel trouvé.';
    return total === 1 ? '1 professionnel trouvé.' : `${total.toLocaleString('fr-FR')} professionnels trouvés.`;
  });

  protected stageLabel(stage: MsuStage): string {
    return MSU_STAGE_LABELS[stage];
  }

  protected modeLabel(mode: PracticeMode): string {
    return PRACTICE_MODE_LABELS[mode];
  }

  protected onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }
}
