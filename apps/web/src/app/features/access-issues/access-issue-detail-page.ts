import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  ACCESS_ISSUE_CATEGORY_LABELS,
  ACCESS_ISSUE_SOURCE_LABELS,
  type AccessIssueDetail,
  isAccessIssueOpen,
  ISSUE_AUDIT_ENTITY_TYPES,
  MEASURE_STATUS_LABELS,
  MEASURE_TYPE_LABELS,
} from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessages, httpStatus } from '../../core/http/api-error';
import { HistoryTimeline } from '../../shared/history-timeline/history-timeline';
import { isVersionConflict } from '../sites/sites-api';
import {
  ACCESS_ISSUES_PATH,
  ACCESS_ISSUES_URL,
  AccessIssuesApi,
  ISSUE_CONFLICT_MESSAGE,
  type IssueClosing,
  type IssueTransition,
} from './access-issues-api';
import { IssueStatusBadge, SeverityBadge } from './issue-badges';
import { IssueCloseDialog, type IssueCloseResult } from './issue-close-dialog';

/** One access issue: what, where, since when, the measures acting on it, its actions and history. */
@Component({
  selector: 'app-access-issue-detail-page',
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
  templateUrl: './access-issue-detail-page.html',
  styleUrl: './access-issue-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccessIssueDetailPage {
  private readonly api = inject(AccessIssuesApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly id = input.required<string>();

  protected readonly issue = httpResource<AccessIssueDetail>(() => `${ACCESS_ISSUES_URL}/${this.id()}`);
  protected readonly record = computed(() => (this.issue.hasValue() ? this.issue.value() : undefined));
  protected readonly loadError = computed(() => {
    const error = this.issue.error();
    if (!error) return null;
    return httpStatus(error) === 404 ? 'Cette difficulté est introuvable.' : errorMessages(error).join(' ');
  });
  /** Only the mission officer and the admin qualify and close issues (the API checks it too). */
  protected readonly canAct = computed(() => this.auth.hasRole('mission_officer', 'admin'));
  protected readonly isOpen = computed(() => {
    const r = this.record();
    return r ? isAccessIssueOpen(r.status) : false;
  });
  protected readonly conflict = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected readonly path = ACCESS_ISSUES_PATH;
  protected readonly auditType = ISSUE_AUDIT_ENTITY_TYPES.accessIssue;
  protected readonly categoryLabels = ACCESS_ISSUE_CATEGORY_LABELS;
  protected readonly sourceLabels = ACCESS_ISSUE_SOURCE_LABELS;
  protected readonly measureTypeLabels = MEASURE_TYPE_LABELS;
  protected readonly measureStatusLabels = MEASURE_STATUS_LABELS;
  protected readonly conflictMessage = ISSUE_CONFLICT_MESSAGE;

  protected reload(): void {
    this.conflict.set(false);
    this.notice.set(null);
    this.issue.reload();
  }

  protected async transition(issue: AccessIssueDetail, action: IssueTransition): Promise<void> {
    this.busy.set(true);
    this.notice.set(null);
    try {
      this.issue.set(await firstValueFrom(this.api.transition(issue, action)));
      this.snackBar.open(action === 'start' ? 'Difficulté prise en charge.' : 'Difficulté rouverte.', 'Fermer', {
        duration: 5000,
      });
    } catch (error) {
      if (isVersionConflict(error)) this.conflict.set(true);
      else this.notice.set(errorMessages(error).join(' '));
    } finally {
      this.busy.set(false);
    }
  }

  protected close(issue: AccessIssueDetail, action: IssueClosing): void {
    this.notice.set(null);
    this.dialog
      .open(IssueCloseDialog, { data: { issue, action }, width: '600px', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((result: IssueCloseResult | undefined) => {
        if (result === 'conflict') this.conflict.set(true);
        else if (result) {
          this.issue.set(result);
          this.snackBar.open(
            action === 'resolve' ? 'Difficulté résolue.' : 'Difficulté classée sans suite.',
            'Fermer',
            {
              duration: 5000,
            },
          );
        }
      });
  }
}
