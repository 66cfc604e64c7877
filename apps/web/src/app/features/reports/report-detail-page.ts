import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup } from '@angular/forms';
import { MatDialog } from '@angular/material/dialog';
import {
  type AnnualReportDetail,
  REPORT_SECTION_LABELS,
  REPORT_SECTIONS,
  reportApprovalGaps,
  type ReportSection,
  todayInFrance,
} from '@maillage/shared/domain';
import { FORM_FIELDS, RECORD_PAGE } from '@maillage/web/ui';
import { formSubmission } from '@maillage/web/util';
import type { Observable } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { HistoryTimeline } from '../../shared/history-timeline/history-timeline';
import { reportStatusBadge } from './report-badges';
import { ReportDateDialog, type ReportDateDialogData, type ReportDateResult } from './report-date-dialog';
import { ReportDownloads } from './report-downloads';
import { ReportFigureTableView } from './report-figure-table';
import { formatFigure, REPORT_CONFLICT_MESSAGE, REPORTS_PATH, REPORTS_URL, ReportsApi } from './reports-api';

type SectionsForm = FormGroup<Record<ReportSection, FormControl<string>>>;

/** One annual report: its sections, its figures (live or frozen), its exports and, for the officer, its life. */
@Component({
  selector: 'app-report-detail-page',
  imports: [RECORD_PAGE, FORM_FIELDS, HistoryTimeline, ReportDownloads, ReportFigureTableView],
  templateUrl: './report-detail-page.html',
  styleUrl: './report-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportDetailPage {
  private readonly api = inject(ReportsApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);

  readonly id = input.required<string>();

  protected readonly report = httpResource<AnnualReportDetail>(() => `${REPORTS_URL}/${this.id()}`);
  protected readonly record = computed(() => (this.report.hasValue() ? this.report.value() : undefined));
  /** Those who write reports write; the committee, the CDOM and the Département read. */
  protected readonly canEdit = computed(() => this.auth.can('reports.write'));
  /** The history (approval confirmations included) for those who read the audit trail. */
  protected readonly canReadHistory = computed(() => this.auth.can('audit.read'));
  protected readonly editing = signal(false);

  protected readonly keyFigures = computed(
    () => this.record()?.figures.tables.find((t) => t.key === 'key_figures')?.rows ?? [],
  );
  protected readonly tables = computed(
    () => this.record()?.figures.tables.filter((t) => t.key !== 'key_figures') ?? [],
  );
  /** Sections in the report's order: the written ones for readers, all of them for the officer of a draft. */
  protected readonly sections = computed(() => {
    const r = this.record();
    if (!r) return [];
    const showEmpty = this.canEdit() && r.status === 'draft';
    return REPORT_SECTIONS.filter((key) => showEmpty || r.sections[key]).map((key) => ({
      key,
      label: REPORT_SECTION_LABELS[key],
      paragraphs: (r.sections[key] ?? '').split(/\n\s*\n/).filter((p) => p.trim() !== ''),
    }));
  });

  protected readonly form: SectionsForm = new FormGroup(
    Object.fromEntries(REPORT_SECTIONS.map((key) => [key, new FormControl('', { nonNullable: true })])) as Record<
      ReportSection,
      FormControl<string>
    >,
  );
  protected readonly allSections = REPORT_SECTIONS.map((key) => ({ key, label: REPORT_SECTION_LABELS[key] }));
  /** The sections' form and the report's steps: pending, 409 with « Recharger le bilan », messages. */
  protected readonly submission = formSubmission(this.form, { conflictMessage: REPORT_CONFLICT_MESSAGE });
  protected readonly statusBadge = reportStatusBadge;
  protected readonly path = REPORTS_PATH;
  protected readonly format = (value: number) => formatFigure({ key: 'key_figures' }, 0, value);

  protected edit(report: AnnualReportDetail): void {
    this.form.reset(
      Object.fromEntries(REPORT_SECTIONS.map((key) => [key, report.sections[key] ?? ''])) as Record<
        ReportSection,
        string
      >,
    );
    this.submission.clear();
    this.editing.set(true);
  }

  protected cancel(): void {
    this.editing.set(false);
  }

  /** Sends the sections that changed (an emptied one is cleared). */
  protected async save(report: AnnualReportDetail): Promise<void> {
    const changes: Partial<Record<ReportSection, string | null>> = {};
    for (const key of REPORT_SECTIONS) {
      const text = this.form.controls[key].value.trim();
      if (text !== (report.sections[key] ?? '')) changes[key] = text === '' ? null : text;
    }
    if (Object.keys(changes).length === 0) {
      this.editing.set(false);
      return;
    }
    const saved = await this.run(this.api.updateSections(report, changes), 'Sections enregistrées.');
    if (saved) this.editing.set(false);
  }

  protected present(report: AnnualReportDetail): void {
    this.askDate({
      title: `Présenter le bilan ${report.year} au comité`,
      message:
        'Le bilan passe au statut « Présenté » : ses sections ne sont plus modifiables, sauf à le rouvrir. ' +
        'Ses chiffres restent calculés à partir des données jusqu’à l’approbation.',
      dateLabel: 'Date de présentation',
      confirm: 'Présenter au comité',
      icon: 'groups',
      initial: todayInFrance(),
    }).subscribe((answer) => {
      if (answer) void this.run(this.api.present(report, answer.date), `Bilan ${report.year} présenté au comité.`);
    });
  }

  /** Lists what the report lacks (empty sections, a year not over) and asks the explicit confirmation then. */
  protected approve(report: AnnualReportDetail): void {
    const gaps = reportApprovalGaps(report, todayInFrance()).messages.map((m) => m[0].toUpperCase() + m.slice(1));
    this.askDate({
      title: `Approuver le bilan ${report.year}`,
      message:
        'À l’approbation, les chiffres de l’année sont calculés une dernière fois puis figés dans le bilan : ' +
        'ils ne changeront plus, même si les données évoluent ensuite. Un bilan approuvé est définitif.',
      dateLabel: 'Date d’approbation',
      confirm: 'Approuver et figer les chiffres',
      icon: 'lock',
      initial: maxIso(todayInFrance(), report.presentedOn),
      min: report.presentedOn,
      gaps,
    }).subscribe((answer) => {
      if (!answer) return;
      void this.run(
        this.api.approve(report, answer.date, answer.confirmed),
        `Bilan ${report.year} approuvé : chiffres figés.`,
      );
    });
  }

  protected async reopen(report: AnnualReportDetail): Promise<void> {
    await this.run(this.api.reopen(report), 'Bilan rouvert : il est de nouveau en brouillon.');
  }

  private askDate(data: ReportDateDialogData): Observable<ReportDateResult | undefined> {
    this.submission.clear();
    return this.dialog
      .open<ReportDateDialog, ReportDateDialogData, ReportDateResult>(ReportDateDialog, {
        data,
        width: '560px',
        autoFocus: 'first-tabbable',
      })
      .afterClosed();
  }

  /** Runs a write; on success shows the new state, on a stale version offers to reload. */
  private async run(call: Observable<AnnualReportDetail>, done: string): Promise<AnnualReportDetail | null> {
    const saved = await this.submission.run(() => call, { success: done });
    if (!saved.ok) return null;
    this.report.set(saved.value);
    return saved.value;
  }
}

const maxIso = (a: string, b: string | null): string => (b !== null && b > a ? b : a);
