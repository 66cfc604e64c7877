import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { Title } from '@angular/platform-browser';
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
import { Notifications, RECORD_PAGE } from '@maillage/web/ui';
import { actionSubmission } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { APP_NAME } from '../../core/navigation/title-strategy';
import { DocumentsCard } from '../../shared/documents/documents-card';
import { HistoryTimeline } from '../../shared/history-timeline/history-timeline';
import { longDate } from './calendar-month';
import { visitStatusBadge } from './visit-status';
import { reportUrl, VISIT_CONFLICT_MESSAGE, VISITS_URL, VisitsApi } from './visits-api';

/** `/visites/:id`: the plan of a visit, or its recorded report with the issues and actions it raised. */
@Component({
  selector: 'app-visit-detail-page',
  imports: [RECORD_PAGE, DocumentsCard, HistoryTimeline],
  templateUrl: './visit-detail-page.html',
  styleUrl: './visit-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitDetailPage {
  private readonly api = inject(VisitsApi);
  private readonly auth = inject(AuthStore);
  private readonly notifications = inject(Notifications);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly visit = httpResource<SiteVisitDetail>(() => `${VISITS_URL}/${this.id()}`);
  protected readonly record = computed(() => (this.visit.hasValue() ? this.visit.value() : undefined));
  protected readonly title = computed(() => {
    const v = this.record();
    return v ? `Visite du ${longDate(v.plannedOn)}` : null;
  });
  protected readonly canEdit = computed(() => this.auth.can('visits.write'));
  protected readonly action = actionSubmission({ conflictMessage: VISIT_CONFLICT_MESSAGE });
  protected readonly statusBadge = visitStatusBadge;

  protected readonly purposeLabels = VISIT_PURPOSE_LABELS;
  protected readonly kindLabels = PARTICIPANT_KIND_LABELS;
  protected readonly answerLabels = CHECKLIST_ANSWER_LABELS;
  protected readonly categoryLabels = ACCESS_ISSUE_CATEGORY_LABELS;
  protected readonly issueStatusLabels = ACCESS_ISSUE_STATUS_LABELS;
  protected readonly severityLabels = SEVERITY_LABELS;
  protected readonly taskStatusLabels = TASK_STATUS_LABELS;
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

  protected confirmCancel(v: SiteVisitDetail): void {
    const question = {
      title: 'Annuler la visite',
      message: `La visite du ${longDate(v.plannedOn)} à ${v.site.name} sera marquée comme annulée. Elle reste consultable.`,
      confirm: 'Annuler la visite',
    };
    this.notifications.confirm(question).subscribe((confirmed) => {
      if (!confirmed) return;
      void this.action.run(() => this.api.cancel(v), {
        success: 'Visite annulée.',
        then: (cancelled) => this.visit.set(cancelled),
      });
    });
  }
}
