import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  MEASURE_STATUS_LABELS,
  MEASURE_STATUSES,
  MEASURE_TYPE_LABELS,
  MEASURE_TYPES,
  type MeasurePage,
  type MeasureStatus,
  type MeasureSummary,
  type MeasureType,
  PAGE_SIZE_DEFAULT,
} from '@maillage/shared/domain';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessages } from '../../core/http/api-error';
import { euros, MEASURES_URL } from './measures-api';

/** The support measures, by type and status, with their planned and committed budgets. */
@Component({
  selector: 'app-measures-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    RouterLink,
  ],
  templateUrl: './measures-page.html',
  styleUrl: './measures-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MeasuresPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthStore);

  readonly type = input<string>();
  readonly statut = input<string>();
  readonly page = input<string>();

  protected readonly types = MEASURE_TYPES;
  protected readonly typeLabels = MEASURE_TYPE_LABELS;
  protected readonly statuses = MEASURE_STATUSES;
  protected readonly statusLabels = MEASURE_STATUS_LABELS;
  protected readonly euros = euros;
  protected readonly columns = ['name', 'type', 'status', 'period', 'planned', 'committed', 'links'];

  protected readonly state = computed(() => ({
    type: (MEASURE_TYPES as readonly string[]).includes(this.type() ?? '') ? (this.type() as MeasureType) : null,
    status: (MEASURE_STATUSES as readonly string[]).includes(this.statut() ?? '')
      ? (this.statut() as MeasureStatus)
      : null,
    page: Math.max(1, Number.parseInt(this.page() ?? '1', 10) || 1),
  }));
  protected readonly measures = httpResource<MeasurePage>(() => {
    const s = this.state();
    const params: Record<string, string | number> = { page: s.page, pageSize: PAGE_SIZE_DEFAULT, sort: 'name:asc' };
    if (s.type) params['type'] = s.type;
    if (s.status) params['status'] = s.status;
    return { url: MEASURES_URL, params };
  });
  protected readonly result = computed(() => (this.measures.hasValue() ? this.measures.value() : undefined));
  protected readonly pageSize = PAGE_SIZE_DEFAULT;
  protected readonly loadError = computed(() => {
    const error = this.measures.error();
    return error ? errorMessages(error).join(' ') : null;
  });
  protected readonly committedShare = computed(() => {
    const t = this.result()?.totals;
    if (!t || t.budgetPlanned === 0) return null;
    return Math.round((t.budgetCommitted / t.budgetPlanned) * 100);
  });
  protected readonly canEdit = computed(() => this.auth.hasRole('mission_officer', 'admin'));

  protected typeLabel(m: MeasureSummary): string {
    return MEASURE_TYPE_LABELS[m.type];
  }

  protected statusLabel(m: MeasureSummary): string {
    return MEASURE_STATUS_LABELS[m.status];
  }

  protected update(changes: { type?: MeasureType | null; status?: MeasureStatus | null; page?: number }): void {
    const next = { ...this.state(), page: 1, ...changes };
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { type: next.type, statut: next.status, page: next.page > 1 ? next.page : null },
    });
  }

  protected onPage(event: PageEvent): void {
    this.update({ page: event.pageIndex + 1 });
  }
}
