import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  ACCESS_ISSUE_CATEGORY_LABELS,
  ISSUE_AUDIT_ENTITY_TYPES,
  MEASURE_STATUS_LABELS,
  MEASURE_TYPE_LABELS,
  type MeasureDetail,
} from '@maillage/shared/domain';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessages, httpStatus } from '../../core/http/api-error';
import { HistoryTimeline } from '../../shared/history-timeline/history-timeline';
import { IssueStatusBadge, SeverityBadge } from '../access-issues/issue-badges';
import { euros, MEASURES_URL } from './measures-api';

/** One support measure: budgets, period, indicators, sites and issues, history. */
@Component({
  selector: 'app-measure-detail-page',
  imports: [
    DatePipe,
    HistoryTimeline,
    IssueStatusBadge,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    RouterLink,
    SeverityBadge,
  ],
  templateUrl: './measure-detail-page.html',
  styleUrl: './measure-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MeasureDetailPage {
  private readonly auth = inject(AuthStore);
  readonly id = input.required<string>();

  protected readonly measure = httpResource<MeasureDetail>(() => `${MEASURES_URL}/${this.id()}`);
  protected readonly record = computed(() => (this.measure.hasValue() ? this.measure.value() : undefined));
  protected readonly loadError = computed(() => {
    const error = this.measure.error();
    if (!error) return null;
    return httpStatus(error) === 404 ? 'Cette mesure est introuvable.' : errorMessages(error).join(' ');
  });
  protected readonly canEdit = computed(() => this.auth.hasRole('mission_officer', 'admin'));
  protected readonly euros = euros;
  protected readonly typeLabels = MEASURE_TYPE_LABELS;
  protected readonly statusLabels = MEASURE_STATUS_LABELS;
  protected readonly categoryLabels = ACCESS_ISSUE_CATEGORY_LABELS;
  protected readonly auditType = ISSUE_AUDIT_ENTITY_TYPES.measure;

  protected num(value: number | null): string {
    return value === null ? '—' : value.toLocaleString('fr-FR');
  }
}
