import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AnnualReportDetail,
  AnnualReportInput,
  AnnualReportSummary,
  ReportFigureTable,
  ReportSection,
} from '@maillage/shared/domain';
import type { Observable } from 'rxjs';

export const REPORTS_URL = '/api/annual-reports';
export const REPORTS_PATH = '/bilans';
export const REPORT_CONFLICT_MESSAGE =
  'Ce bilan a été modifié entre-temps par quelqu’un d’autre : rechargez-le pour voir sa dernière version.';

/** Where the browser downloads the exports (the session cookie goes along with a plain link). */
export const reportPdfUrl = (id: string): string => `${REPORTS_URL}/${id}/export.pdf`;
export const reportXlsxUrl = (id: string): string => `${REPORTS_URL}/${id}/export.xlsx`;

const INTEGER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** Budgets are the value columns of the measures table after the count. */
export function isMoneyColumn(table: Pick<ReportFigureTable, 'key'>, column: number): boolean {
  return table.key === 'measures' && column > 0;
}

/** « 1 234 » or « 30 000 € » for a value of column `column` (0 = first value column). */
export function formatFigure(table: Pick<ReportFigureTable, 'key'>, column: number, value: number): string {
  return isMoneyColumn(table, column) ? EUROS.format(value) : INTEGER.format(value);
}

/** The most recent approved report (highest year), if any. */
export function latestApproved(reports: readonly AnnualReportSummary[]): AnnualReportSummary | null {
  return reports
    .filter((r) => r.status === 'approved')
    .reduce<AnnualReportSummary | null>((best, r) => (best === null || r.year > best.year ? r : best), null);
}

/** The mission officer's writes; every change carries the version read (409 when stale). */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  create(input: AnnualReportInput): Observable<AnnualReportDetail> {
    return this.http.post<AnnualReportDetail>(REPORTS_URL, input);
  }

  /** A section set to `null` is cleared. */
  updateSections(
    report: Pick<AnnualReportSummary, 'id' | 'version'>,
    sections: Partial<Record<ReportSection, string | null>>,
  ): Observable<AnnualReportDetail> {
    return this.http.patch<AnnualReportDetail>(
      `${REPORTS_URL}/${report.id}`,
      { version: report.version, sections },
      { headers: ifMatch(report.version) },
    );
  }

  present(report: Pick<AnnualReportSummary, 'id' | 'version'>, presentedOn: string): Observable<AnnualReportDetail> {
    return this.http.post<AnnualReportDetail>(
      `${REPORTS_URL}/${report.id}/present`,
      { version: report.version, presentedOn },
      { headers: ifMatch(report.version) },
    );
  }

  /**
   * The API computes the figures and freezes them in the report; `confirmIncomplete` accepts empty
   * sections or a year not over (refused without it).
   */
  approve(
    report: Pick<AnnualReportSummary, 'id' | 'version'>,
    approvedOn: string,
    confirmIncomplete = false,
  ): Observable<AnnualReportDetail> {
    return this.http.post<AnnualReportDetail>(
      `${REPORTS_URL}/${report.id}/approve`,
      { version: report.version, approvedOn, ...(confirmIncomplete ? { confirmIncomplete: true } : {}) },
      { headers: ifMatch(report.version) },
    );
  }

  /** Back to draft (a presented report only). */
  reopen(report: Pick<AnnualReportSummary, 'id' | 'version'>): Observable<AnnualReportDetail> {
    return this.http.post<AnnualReportDetail>(
      `${REPORTS_URL}/${report.id}/reopen`,
      { version: report.version },
      { headers: ifMatch(report.version) },
    );
  }
}

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });
