import { NgTemplateOutlet } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DJ_MG_FIRST_SEMESTER, type Page, type SemesterPlan, semesterLabel } from '@maillage/shared/domain';
import { LoadError, Notifications } from '@maillage/web/ui';
import { NgxEchartsDirective } from 'ngx-echarts';
import { AuthStore } from '../../core/auth/auth.store';
import { SemesterDemandsDialog, type SemesterDemandsResult } from './semester-demands-dialog';
import {
  SEMESTER_CONFLICT_MESSAGE,
  semesterChartOption,
  semesterPlansRequest,
  semesterRows,
  semesterSummary,
  stageRow,
  totalRow,
} from './semester-format';

/** `/semestres`: places offered against places requested, per semester and stage type. */
@Component({
  selector: 'app-semesters-page',
  imports: [LoadError, MatButtonModule, MatIconModule, MatProgressBarModule, NgTemplateOutlet, NgxEchartsDirective],
  templateUrl: './semesters-page.html',
  styleUrl: './semesters-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SemestersPage {
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifications = inject(Notifications);

  protected readonly plans = httpResource<Page<SemesterPlan>>(() => semesterPlansRequest(null));
  protected readonly views = computed(() =>
    (this.plans.hasValue() ? this.plans.value().items : []).map((plan) => ({
      plan,
      rows: semesterRows(plan),
      total: totalRow(plan),
      summary: semesterSummary(plan),
      chart: semesterChartOption(plan),
      docteurJunior: plan.docteurJunior ? stageRow(plan.docteurJunior) : null,
    })),
  );
  protected readonly juniors = computed(() => this.views().filter((v) => v.docteurJunior !== null));
  protected readonly djFirst = semesterLabel(DJ_MG_FIRST_SEMESTER);
  protected readonly canEdit = computed(() => this.auth.can('semesters.write'));
  protected readonly notice = signal<string | null>(null);

  protected edit(plan: SemesterPlan): void {
    this.notice.set(null);
    const ref = this.dialog.open(SemesterDemandsDialog, { data: plan, width: '640px', autoFocus: 'first-tabbable' });
    ref.afterClosed().subscribe((result: SemesterDemandsResult | undefined) => {
      if (!result) return;
      if (result === 'conflict') this.notice.set(SEMESTER_CONFLICT_MESSAGE);
      else this.notifications.done(`Demandes enregistrées pour ${plan.label}.`);
      this.plans.reload();
    });
  }
}
