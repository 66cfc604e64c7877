import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  COMMITTEE_KIND_LABELS,
  COMMITTEE_KINDS,
  type CommitteeKind,
  type CommitteeMeetingSummary,
  type Page,
  PAGE_SIZE_MAX,
} from '@maillage/shared/domain';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessages } from '../../core/http/api-error';
import { toIsoDate } from '../accreditations/accreditations-api';
import { CommitteeKindChip, MeetingStatusBadge } from './committee-kind-chip';
import { COMMITTEES_URL, splitMeetings } from './committees-api';

/** The committee meetings: upcoming first (soonest first), then past ones; filter by kind (`?type=`). */
@Component({
  selector: 'app-committees-page',
  imports: [
    CommitteeKindChip,
    DatePipe,
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    MatProgressBarModule,
    MatTooltipModule,
    MeetingStatusBadge,
    NgTemplateOutlet,
    RouterLink,
  ],
  templateUrl: './committees-page.html',
  styleUrl: './committees-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommitteesPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthStore);

  readonly type = input<string>();

  protected readonly kinds = COMMITTEE_KINDS;
  protected readonly kindLabels = COMMITTEE_KIND_LABELS;
  protected readonly kind = computed<CommitteeKind | null>(() =>
    (COMMITTEE_KINDS as readonly string[]).includes(this.type() ?? '') ? (this.type() as CommitteeKind) : null,
  );

  /** A département holds a handful of meetings a year: one page holds them all. */
  protected readonly meetings = httpResource<Page<CommitteeMeetingSummary>>(() => {
    const params: Record<string, string | number> = { page: 1, pageSize: PAGE_SIZE_MAX, sort: 'heldOn:desc' };
    const kind = this.kind();
    if (kind) params['kind'] = kind;
    return { url: COMMITTEES_URL, params };
  });
  protected readonly split = computed(() =>
    splitMeetings(this.meetings.hasValue() ? this.meetings.value().items : [], toIsoDate(new Date())),
  );
  protected readonly loadError = computed(() => {
    const error = this.meetings.error();
    return error ? errorMessages(error).join(' ') : null;
  });
  protected readonly canEdit = computed(() => this.auth.hasRole('mission_officer', 'admin'));

  protected filter(kind: CommitteeKind | null): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { type: kind } });
  }
}
