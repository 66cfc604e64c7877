import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import {
  ACCESS_ISSUE_CATEGORY_LABELS,
  ACCESS_ISSUE_STATUS_LABELS,
  CHECKLIST_ANSWER_LABELS,
  PARTICIPANT_KIND_LABELS,
  SEVERITY_LABELS,
  type SiteVisitDetail,
  TASK_STATUS_LABELS,
  VISIT_CHECKLIST_ITEMS,
  VISIT_CHECKLIST_LABELS,
  VISIT_PURPOSE_LABELS,
} from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessages, httpStatus } from '../../core/http/api-error';
import { APP_NAME } from '../../core/navigation/title-strategy';
import { HistoryTimeline } from '../../shared/history-timeline/history-timeline';
import { ConfirmDialog, type ConfirmDialogData } from '../sites/confirm-dialog';
import { longDate } from './calendar-month';
import { VisitStatusBadge } from './visit-status';
import { isVersionConflict, reportUrl, VISIT_CONFLICT_MESSAGE, VISITS_URL, VisitsApi } from './visits-api';

/** `/visites/:id`: the plan of a visit, or its recorded report with the issues and actions it raised. */
@Component({
  selector: 'app-visit-detail-page',
  imports: [
    DatePipe,
    HistoryTimeline,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    RouterLink,
    VisitStatusBadge,
  ],
  templateUrl: './visit-detail-page.html',
  styleUrl: './visit-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitDetailPage {
  private readonly api = inject(VisitsApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly visit = httpResource<SiteVisitDetail>(() => `${VISITS_URL}/${this.id()}`);
  protected readonly record = computed(() => (this.visit.hasValue() ? this.visit.value() : undefined));
  protected readonly loadError = computed(() => {
    const error = this.visit.error();
    if (!error) return null;
    return httpStatus(error) === 404
      ? 'Cette visite est introuvable : elle a peut-être été supprimée.'
      : errorMessages(error).join(' ');
  });
  protected readonly canEdit = computed(() => this.auth.hasRole('mission_officer', 'admin'));
  protected readonly conflict = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected readonly purposeLabels = VISIT_PURPOSE_LABELS;
  protected readonly kindLabels = PARTICIPANT_KIND_LABELS;
  protected readonly answerLabels = CHECKLIST_ANSWER_LABELS;
  protected readonly categoryLabels = ACCESS_ISSUE_CATEGORY_LABELS;
  protected readonly issueStatusLabels = ACCESS_ISSUE_STATUS_LABELS;
  protected readonly severityLabels = SEVERITY_LABELS;
  protected readonly taskStatusLabels = TASK_STATUS_LABELS;
  protected readonly conflictMessage = VISIT_CONFLICT_MESSAGE;
  protected readonly longDate = longDate;
  protected readonly reportUrl = reportUrl;

  /** The answered checklist items, in the shared order. */
  protected readonly checklist = computed(() => {
    const checklist = this.record()?.checklist ?? {};
    return VISIT_CHECKLIST_ITEMS.filter((item) => checklist[item]).map((item) => ({
      item,
      label: VISIT_CHECKLIST_LABELS[item],
      answer: checklist[item]?.answer ?? 'not_checked',
      comment: checklist[item]?.comment ?? null,
    }));
  });

  constructor() {
    const title = inject(Title);
    effect(() => {
      const v = this.record();
      if (v) title.setTitle(`Visite du ${longDate(v.plannedOn)} · ${v.site.name} · ${APP_NAME}`);
    });
  }

  protected reload(): void {
    this.conflict.set(false);
    this.notice.set(null);
    this.visit.reload();
  }

  protected confirmCancel(v: SiteVisitDetail): void {
    const data: ConfirmDialogData = {
      title: 'Annuler la visite',
      message: `La visite du ${longDate(v.plannedOn)} à ${v.site.name} sera marquée comme annulée. Elle reste consultable.`,
      confirm: 'Annuler la visite',
    };
    this.dialog
      .open(ConfirmDialog, { data, width: '480px' })
      .afterClosed()
      .subscribe((confirmed: boolean | undefined) => {
        if (confirmed) void this.cancel(v);
      });
  }

  private async cancel(v: SiteVisitDetail): Promise<void> {
    this.busy.set(true);
    this.notice.set(null);
    try {
      this.visit.set(await firstValueFrom(this.api.cancel(v)));
      this.snackBar.open('Visite annulée.', 'Fermer', { duration: 5000 });
    } catch (error) {
      if (isVersionConflict(error)) this.conflict.set(true);
      else this.notice.set(errorMessages(error).join(' '));
    } finally {
      this.busy.set(false);
    }
  }
}
