import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { ActivatedRoute, Router } from '@angular/router';
import type { AnnualReportDetail, AnnualReportSummary } from '@maillage/shared/domain';
import { LIST_PAGE, Notifications } from '@maillage/web/ui';
import { AuthStore } from '../../core/auth/auth.store';
import { CreateReportDialog } from './create-report-dialog';
import { reportStatusBadge } from './report-badges';
import { ReportDownloads } from './report-downloads';
import { latestApproved, REPORTS_URL } from './reports-api';

/** The annual reports, newest year first, the latest approved one on top; the officer opens a draft. */
@Component({
  selector: 'app-reports-page',
  imports: [LIST_PAGE, MatCardModule, ReportDownloads],
  templateUrl: './reports-page.html',
  styleUrl: './reports-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPage {
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifications = inject(Notifications);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly reports = httpResource<AnnualReportSummary[]>(() => REPORTS_URL);
  protected readonly items = computed(() => (this.reports.hasValue() ? this.reports.value() : []));
  protected readonly count = computed(() => {
    const n = this.items().length;
    return this.reports.hasValue() ? (n === 0 ? '' : n === 1 ? '1 bilan.' : `${n} bilans.`) : '';
  });
  protected readonly statusBadge = reportStatusBadge;
  protected readonly latest = computed(() => latestApproved(this.items()));
  /** Those who write reports open one (an administrator is national: no département to write to). */
  protected readonly canCreate = computed(() => this.auth.can('reports.write'));

  protected create(): void {
    const years = new Set(this.items().map((r) => r.year));
    let year = new Date().getFullYear();
    while (years.has(year)) year -= 1;
    this.dialog
      .open(CreateReportDialog, { data: { year }, width: '480px', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((created: AnnualReportDetail | undefined) => {
        if (!created) return;
        this.notifications.done(`Brouillon du bilan ${created.year} créé.`);
        void this.router.navigate([created.id], { relativeTo: this.route });
      });
  }
}
