import { LowerCasePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { Router } from '@angular/router';
import {
  COMMITTEE_AUDIT_ENTITY_TYPES,
  type CommitteeMeetingDetail,
  REPORT_STATUS_LABELS,
  type ReportStatus,
  TASK_STATUS_LABELS,
} from '@maillage/shared/domain';
import { Notifications, RECORD_PAGE } from '@maillage/web/ui';
import { actionSubmission, toIsoDate } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { DocumentsCard } from '../../shared/documents/documents-card';
import { HistoryTimeline } from '../../shared/history-timeline/history-timeline';
import { committeeKindBadge, meetingStatusBadge } from './committee-badges';
import {
  attendanceText,
  COMMITTEES_URL,
  CommitteesApi,
  groupAttendees,
  MEETING_CONFLICT_MESSAGE,
} from './committees-api';
import { MeetingActionDialog, type MeetingActionDialogData } from './meeting-action-dialog';

/** One committee meeting: attendees by organisation, agenda, minutes, decisions, actions, documents. */
@Component({
  selector: 'app-meeting-detail-page',
  imports: [RECORD_PAGE, DocumentsCard, HistoryTimeline, LowerCasePipe],
  templateUrl: './meeting-detail-page.html',
  styleUrl: './meeting-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MeetingDetailPage {
  private readonly auth = inject(AuthStore);
  private readonly api = inject(CommitteesApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifications = inject(Notifications);
  private readonly router = inject(Router);

  readonly id = input.required<string>();

  protected readonly meeting = httpResource<CommitteeMeetingDetail>(() => `${COMMITTEES_URL}/${this.id()}`);
  protected readonly record = computed(() => (this.meeting.hasValue() ? this.meeting.value() : undefined));
  protected readonly groups = computed(() => groupAttendees(this.record()?.attendees ?? []));
  protected readonly attendance = computed(() => attendanceText(this.record()?.attendees ?? []));
  protected readonly canEdit = computed(() => this.auth.can('committees.write'));
  protected readonly action = actionSubmission({ conflictMessage: MEETING_CONFLICT_MESSAGE });

  protected readonly taskStatusLabels = TASK_STATUS_LABELS;
  protected readonly auditType = COMMITTEE_AUDIT_ENTITY_TYPES.meeting;
  protected readonly kindBadge = committeeKindBadge;
  protected readonly statusBadge = meetingStatusBadge;

  protected reportStatus(status: string): string {
    return REPORT_STATUS_LABELS[status as ReportStatus] ?? status;
  }

  protected isOverdue(dueOn: string | null, status: string): boolean {
    return dueOn !== null && status === 'open' && dueOn < toIsoDate(new Date());
  }

  protected addAction(m: CommitteeMeetingDetail): void {
    const data: MeetingActionDialogData = { meetingId: m.id, meetingTitle: m.title };
    this.dialog
      .open(MeetingActionDialog, { data, width: '560px', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((saved: CommitteeMeetingDetail | undefined) => {
        if (!saved) return;
        this.meeting.set(saved);
        this.notifications.done('Action ajoutée : une tâche a été créée.');
      });
  }

  protected confirmArchive(m: CommitteeMeetingDetail): void {
    const question = {
      title: 'Archiver la réunion',
      message: `« ${m.title} » ne sera plus proposée dans la liste des comités. Son compte rendu et son historique sont gardés ; l’administration peut la restaurer.`,
      confirm: 'Archiver',
    };
    this.notifications.confirm(question).subscribe((confirmed) => {
      if (!confirmed) return;
      void this.action.run(() => this.api.archive(m), {
        success: 'Réunion archivée.',
        then: () => this.router.navigateByUrl('/comites'),
      });
    });
  }
}
