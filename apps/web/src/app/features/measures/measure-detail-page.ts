import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import {
  ACCESS_ISSUE_CATEGORY_LABELS,
  ISSUE_AUDIT_ENTITY_TYPES,
  MEASURE_STATUS_LABELS,
  MEASURE_TYPE_LABELS,
  type MeasureDetail,
} from '@maillage/shared/domain';
import { RECORD_PAGE } from '@maillage/web/ui';
import { euros, frenchNumber } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { HistoryTimeline } from '../../shared/history-timeline/history-timeline';
import { issueStatusBadge, SeverityBadge } from '../access-issues';
import { measureStatusBadge } from './measure-badges';
import { MEASURES_URL } from './measures-api';

/** One support measure: budgets, period, indicators, sites and issues, history. */
@Component({
  selector: 'app-measure-detail-page',
  imports: [RECORD_PAGE, HistoryTimeline, SeverityBadge],
  templateUrl: './measure-detail-page.html',
  styleUrl: './measure-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MeasureDetailPage {
  private readonly auth = inject(AuthStore);
  readonly id = input.required<string>();

  protected readonly measure = httpResource<MeasureDetail>(() => `${MEASURES_URL}/${this.id()}`);
  protected readonly record = computed(() => (this.measure.hasValue() ? this.measure.value() : undefined));
  protected readonly canEdit = computed(() => this.auth.can('measures.write'));
  protected readonly euros = euros;
  protected readonly typeLabels = MEASURE_TYPE_LABELS;
  protected readonly statusLabels = MEASURE_STATUS_LABELS;
  protected readonly categoryLabels = ACCESS_ISSUE_CATEGORY_LABELS;
  protected readonly auditType = ISSUE_AUDIT_ENTITY_TYPES.measure;
  protected readonly statusBadge = measureStatusBadge;
  protected readonly issueStatusBadge = issueStatusBadge;

  protected num(value: number | null): string {
    return value === null ? '—' : frenchNumber(value);
  }
}
