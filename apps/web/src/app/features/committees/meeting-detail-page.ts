import { DatePipe, LowerCasePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  COMMITTEE_AUDIT_ENTITY_TYPES,
  type CommitteeMeetingDetail,
  REPORT_STATUS_LABELS,
  type ReportStatus,
  TASK_STATUS_LABELS,
} from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessages, httpStatus, isVersionConflict } from '../../core/http/api-error';
import { HistoryTimeline } from '../../shared/history-timeline/history-timeline';
import { ConfirmDialog, type ConfirmDialogData } from '../sites/confirm-dialog';
import { CommitteeKindChip, MeetingStatusBadge } from './committee-kind-chip';
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
  imports: [
    CommitteeKindChip,
    DatePipe,
    HistoryTimeline,
    LowerCasePipe,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    MeetingStatusBadge,
    RouterLink,
  ],
  templateUrl: './meeting-detail-page.html',
  styleUrl: './meeting-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MeetingDetailPage {
  private readonly auth = inject(AuthStore);
  private readonly api = inject(CommitteesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);

  readonly id = input.required<string>();

  protected readonly meeting = httpResource<CommitteeMeetingDetail>(() => `${COMMITTEES_URL}/${this.id()}`);
  protected readonly record = computed(() => (this.meeting.hasValue() ? this.meeting.value() : undefined));
  protected readonly loadError = computed(() => {
    const error = this.meeting.error();
    if (!error) return null;
    return httpStatus(error) === 404 ? 'Cette réunion est introuvable.' : errorMessages(error).join(' ');
  });
  protected readonly groups = computed(() => groupAttendees(this.record()?.attendees ?? []));
  protected readonly attendance = computed(() => attendanceText(this.record()?.attendees ?? []));
  protected readonly canEdit = computed(() => this.auth.hasRole('mission_officer', 'admin'));
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly conflict = signal(false);

  protected readonly taskStatusLabels = TASK_STATUS_LABELS;
  protected readonly auditType = COMMITTEE_AUDIT_ENTITY_TYPES.meeting;
  protected readonly conflictMessage = MEETING_CONFLICT_MESSAGE;

  protected reportStatus(status: string): string {
    return REPORT_STATUS_LABELS[status as ReportStatus] ?? status;
  }

  protected isOverdue(dueOn: string | null, status: string): boolean {
    if (!dueOn || status !== 'open') return false;
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return dueOn < `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }

  protected addAction(m: CommitteeMeetingDetail): void {
    const data: MeetingActionDialogData = { meetingId: m.id, meetingTitle: m.title };
    this.dialog
      .open(MeetingActionDialog, { data, width: '560px', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((saved: CommitteeMeetingDetail | undefined) => {
        if (!saved) return;
        this.meeting.set(saved);
        this.snackBar.open('Action ajoutée : une tâche a été créée.', 'Fermer', { duration: 5000 });
      });
  }

  protected confirmArchive(m: CommitteeMeetingDetail): void {
    const data: ConfirmDialogData = {
      title: 'Archiver la réunion',
      message: `« ${m.title} » ne sera plus proposée dans la liste des comités. Son compte rendu et son historique sont gardés ; l’administration peut la restaurer.`,
      confirm: 'Archiver',
    };
    this.dialog
      .open(ConfirmDialog, { data, width: '480px' })
      .afterClosed()
      .subscribe((confirmed: boolean | undefined) => {
        if (confirmed) void this.archive(m);
      });
  }

  private async archive(m: CommitteeMeetingDetail): Promise<void> {
    this.busy.set(true);
    this.notice.set(null);
    try {
      await firstValueFrom(this.api.archive(m));
      this.snackBar.open('Réunion archivée.', 'Fermer', { duration: 5000 });
      void this.router.navigateByUrl('/comites');
    } catch (error) {
      if (isVersionConflict(error)) this.conflict.set(true);
      else this.notice.set(errorMessages(error).join(' '));
    } finally {
      this.busy.set(false);
    }
  }
}
