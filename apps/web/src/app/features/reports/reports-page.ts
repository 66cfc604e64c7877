import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { AnnualReportDetail, AnnualReportSummary } from '@maillage/shared/domain';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessages } from '../../core/http/api-error';
import { CreateReportDialog } from './create-report-dialog';
import { ReportStatusChip } from './report-status-chip';
import { latestApproved, reportPdfUrl, REPORTS_URL, reportXlsxUrl } from './reports-api';

/** The annual reports, newest year first, the latest approved one on top; the officer opens a draft. */
@Component({
  selector: 'app-reports-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    ReportStatusChip,
    RouterLink,
  ],
  templateUrl: './reports-page.html',
  styleUrl: './reports-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPage {
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly reports = httpResource<AnnualReportSummary[]>(() => REPORTS_URL);
  protected readonly items = computed(() => (this.reports.hasValue() ? this.reports.value() : []));
  protected readonly loadError = computed(() => {
    const error = this.reports.error();
    return error ? errorMessages(error).join(' ') : null;
  });
  protected readonly latest = computed(() => latestApproved(this.items()));
  /** Only the mission officer opens a report (an administrator is national: no département to write to). */
  protected readonly canCreate = computed(() => this.auth.hasRole('mission_officer'));
  protected readonly pdfUrl = reportPdfUrl;
  protected readonly xlsxUrl = reportXlsxUrl;

  protected create(): void {
    const years = new Set(this.items().map((r) => r.year));
    let year = new Date().getFullYear();
    while (years.has(year)) year -= 1;
    this.dialog
      .open(CreateReportDialog, { data: { year }, width: '480px', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((created: AnnualReportDetail | undefined) => {
        if (!created) return;
        this.snackBar.open(`Brouillon du bilan ${created.year} créé.`, 'Fermer', { duration: 5000 });
        void this.router.navigate([created.id], { relativeTo: this.route });
      });
  }
}
