import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import {
  ACCESS_ISSUE_CATEGORY_LABELS,
  ACCESS_ISSUE_SOURCE_LABELS,
  type AccessIssueDetail,
  isAccessIssueOpen,
  ISSUE_AUDIT_ENTITY_TYPES,
  MEASURE_STATUS_LABELS,
  MEASURE_TYPE_LABELS,
} from '@maillage/shared/domain';
import { Notifications, RECORD_PAGE } from '@maillage/web/ui';
import { actionSubmission } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { HistoryTimeline } from '../../shared/history-timeline/history-timeline';
import {
  ACCESS_ISSUES_PATH,
  ACCESS_ISSUES_URL,
  AccessIssuesApi,
  ISSUE_CONFLICT_MESSAGE,
  type IssueClosing,
  type IssueTransition,
} from './access-issues-api';
import { issueStatusBadge, SeverityBadge } from './issue-badges';
import { IssueCloseDialog, type IssueCloseResult } from './issue-close-dialog';

/** One access issue: what, where, since when, the measures acting on it, its actions and history. */
@Component({
  selector: 'app-access-issue-detail-page',
  imports: [RECORD_PAGE, HistoryTimeline, SeverityBadge],
  templateUrl: './access-issue-detail-page.html',
  styleUrl: './access-issue-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccessIssueDetailPage {
  private readonly api = inject(AccessIssuesApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifications = inject(Notifications);

  readonly id = input.required<string>();

  protected readonly issue = httpResource<AccessIssueDetail>(() => `${ACCESS_ISSUES_URL}/${this.id()}`);
  protected readonly record = computed(() => (this.issue.hasValue() ? this.issue.value() : undefined));
  protected readonly title = computed(() => {
    const issue = this.record();
    return issue ? `${ACCESS_ISSUE_CATEGORY_LABELS[issue.category]} — ${issue.site.name}` : null;
  });
  /** Only those who handle issues qualify and close them (the API checks it too). */
  protected readonly canAct = computed(() => this.auth.can('accessIssues.handle'));
  protected readonly isOpen = computed(() => {
    const r = this.record();
    return r ? isAccessIssueOpen(r.status) : false;
  });
  protected readonly action = actionSubmission({ conflictMessage: ISSUE_CONFLICT_MESSAGE });

  protected readonly path = ACCESS_ISSUES_PATH;
  protected readonly auditType = ISSUE_AUDIT_ENTITY_TYPES.accessIssue;
  protected readonly categoryLabels = ACCESS_ISSUE_CATEGORY_LABELS;
  protected readonly sourceLabels = ACCESS_ISSUE_SOURCE_LABELS;
  protected readonly measureTypeLabels = MEASURE_TYPE_LABELS;
  protected readonly measureStatusLabels = MEASURE_STATUS_LABELS;
  protected readonly statusBadge = issueStatusBadge;

  protected async transition(issue: AccessIssueDetail, action: IssueTransition): Promise<void> {
    const done = await this.action.run(() => this.api.transition(issue, action), {
      success: action === 'start' ? 'Difficulté prise en charge.' : 'Difficulté rouverte.',
    });
    if (done.ok) this.issue.set(done.value);
  }

  protected close(issue: AccessIssueDetail, action: IssueClosing): void {
    this.action.clear();
    this.dialog
      .open(IssueCloseDialog, { data: { issue, action }, width: '600px', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((result: IssueCloseResult | undefined) => {
        if (result === 'conflict') this.action.conflict.set(ISSUE_CONFLICT_MESSAGE);
        else if (result) {
          this.issue.set(result);
          this.notifications.done(action === 'resolve' ? 'Difficulté résolue.' : 'Difficulté classée sans suite.');
        }
      });
  }
}
