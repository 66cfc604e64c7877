import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { reportPdfUrl, reportXlsxUrl } from './reports-api';

/** The two downloads of a report, its PDF and its spreadsheet: on the reports page and the report's own. */
@Component({
  selector: 'app-report-downloads',
  imports: [MatButtonModule, MatIconModule],
  template: `
    <a mat-stroked-button [href]="pdfUrl()" download>
      <mat-icon aria-hidden="true">picture_as_pdf</mat-icon>
      Télécharger le PDF
    </a>
    <a mat-stroked-button [href]="xlsxUrl()" download>
      <mat-icon aria-hidden="true">table_view</mat-icon>
      Télécharger le tableur (XLSX)
    </a>
  `,
  // The links are items of the row of actions around them.
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportDownloads {
  readonly reportId = input.required<string>();

  protected readonly pdfUrl = computed(() => reportPdfUrl(this.reportId()));
  protected readonly xlsxUrl = computed(() => reportXlsxUrl(this.reportId()));
}
