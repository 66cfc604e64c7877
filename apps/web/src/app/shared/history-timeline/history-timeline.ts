import { DatePipe } from '@angular/common';
import { httpResource, type HttpResourceRequest } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, input, linkedSignal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { AuditEventView, Page } from '@maillage/shared/domain';
import { errorMessages } from '@maillage/web/util';
import { type HistoryEntry, toHistoryEntry } from './history-format';

export const AUDIT_EVENTS_URL = '/api/audit-events';
/** Events per "show more" step; the API serves 200 at most per request. */
export const HISTORY_STEP = 20;
const HISTORY_MAX = 200;

export function historyRequest(entityType: string, entityId: string, limit: number): HttpResourceRequest {
  return { url: AUDIT_EVENTS_URL, params: { entityType, entityId, page: 1, pageSize: Math.min(limit, HISTORY_MAX) } };
}

/**
 * The history of one record, newest first: who did what and when, each changed field
 * "avant → après" in French. The parent gives the section its heading.
 *
 * `<app-history-timeline entityType="training_site" [entityId]="site.id" [revision]="site.version" />`
 */
@Component({
  selector: 'app-history-timeline',
  imports: [DatePipe, MatButtonModule, MatIconModule, MatProgressBarModule],
  templateUrl: './history-timeline.html',
  styleUrl: './history-timeline.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HistoryTimeline {
  /** Audit type of the record: `training_site`, `accreditation`, `professional`… */
  readonly entityType = input.required<string>();
  readonly entityId = input.required<string>();
  /** Any value that changes with the record (its `version`): the history reloads when it does. */
  readonly revision = input<unknown>(null);

  /** How many events to show; "Afficher plus" raises it. Back to one step for another record. */
  protected readonly limit = linkedSignal({
    source: () => [this.entityType(), this.entityId()],
    computation: () => HISTORY_STEP,
  });
  protected readonly events = httpResource<Page<AuditEventView>>(() => {
    this.revision();
    return historyRequest(this.entityType(), this.entityId(), this.limit());
  });
  /** The last answer, kept on screen while "Afficher plus" or a reload runs. */
  private readonly page = linkedSignal<Page<AuditEventView> | undefined, Page<AuditEventView> | undefined>({
    source: () => (this.events.hasValue() ? this.events.value() : undefined),
    computation: (next, previous) => next ?? previous?.value,
  });
  protected readonly entries = computed<HistoryEntry[]>(() => (this.page()?.items ?? []).map(toHistoryEntry));
  protected readonly total = computed(() => this.page()?.total ?? 0);
  protected readonly canShowMore = computed(() => this.entries().length < this.total() && this.limit() < HISTORY_MAX);
  protected readonly loadError = computed(() => {
    const error = this.events.error();
    return error ? errorMessages(error).join(' ') : null;
  });

  protected showMore(): void {
    this.limit.update((n) => Math.min(n + HISTORY_STEP, HISTORY_MAX));
  }
}
