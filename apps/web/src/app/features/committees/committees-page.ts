import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatTooltipModule } from '@angular/material/tooltip';
import {
  COMMITTEE_KIND_LABELS,
  COMMITTEE_KINDS,
  type CommitteeMeetingSummary,
  type Page,
  PAGE_SIZE_MAX,
} from '@maillage/shared/domain';
import { LIST_PAGE, type TableColumn } from '@maillage/web/ui';
import { toIsoDate, urlListState } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { committeeKindBadge, meetingStatusBadge } from './committee-badges';
import { COMMITTEES_URL, MEETING_LIST, splitMeetings } from './committees-api';

/** The committee meetings: upcoming first (soonest first), then past ones; filter by kind (`?type=`). */
@Component({
  selector: 'app-committees-page',
  imports: [LIST_PAGE, MatButtonToggleModule, MatTooltipModule],
  templateUrl: './committees-page.html',
  styleUrl: './committees-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommitteesPage {
  private readonly auth = inject(AuthStore);

  protected readonly kinds = COMMITTEE_KINDS;
  protected readonly kindLabels = COMMITTEE_KIND_LABELS;
  protected readonly kindBadge = committeeKindBadge;
  protected readonly statusBadge = meetingStatusBadge;
  protected readonly columns: TableColumn<CommitteeMeetingSummary>[] = [
    { key: 'heldOn', header: 'Date', nowrap: true },
    { key: 'title', header: 'Réunion' },
    { key: 'kind', header: 'Comité' },
    { key: 'status', header: 'Statut' },
    { key: 'attendeeCount', header: 'Participants', numeric: true, text: (m) => m.attendeeCount },
    { key: 'docs', header: 'Documents', nowrap: true },
  ];

  protected readonly list = urlListState(MEETING_LIST);
  protected readonly countWords = { none: 'Aucune réunion.', one: '1 réunion.', many: '{n} réunions.' };
  protected readonly meetings = httpResource<Page<CommitteeMeetingSummary>>(() =>
    this.list.request(COMMITTEES_URL, { page: 1, pageSize: PAGE_SIZE_MAX, sort: 'heldOn:desc' }),
  );
  protected readonly split = computed(() =>
    splitMeetings(this.meetings.hasValue() ? this.meetings.value().items : [], toIsoDate(new Date())),
  );
  protected readonly sections = computed(() => [
    {
      id: 'upcoming-title',
      title: 'À venir',
      label: 'Réunions à venir',
      rows: this.split().upcoming,
      empty: 'Aucune réunion programmée.',
    },
    {
      id: 'past-title',
      title: 'Passées',
      label: 'Réunions passées',
      rows: this.split().past,
      empty: 'Aucune réunion passée.',
    },
  ]);
  protected readonly canEdit = computed(() => this.auth.can('committees.write'));
}
