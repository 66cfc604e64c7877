import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import {
  ZONAGE_IMPORT_FIELDS,
  ZONAGE_LABELS,
  type ZonageImportReport,
  type ZonageImportRow,
} from '@maillage/shared/domain';
import { FileField, FormErrors, LIST_PAGE, type TableColumn } from '@maillage/web/ui';
import { actionSubmission, frenchDate, frenchNumber } from '@maillage/web/util';
import { ReferenceDataApi } from './reference-data-api';

const ACTION_LABELS: Readonly<Record<ZonageImportRow['action'], string>> = {
  added: 'Ajouté',
  closes: 'Ajouté, clôt la période précédente',
  unchanged: 'Déjà enregistré',
};

/** The ARS zonage of every commune from one file: preview, then apply. */
@Component({
  selector: 'app-zonage-import-card',
  imports: [LIST_PAGE, FileField, FormErrors, MatCardModule],
  templateUrl: './zonage-import-card.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ZonageImportCard {
  private readonly api = inject(ReferenceDataApi);

  protected readonly file = signal<File | null>(null);
  protected readonly report = signal<ZonageImportReport | null>(null);
  protected readonly submission = actionSubmission();
  protected readonly columnsHelp = ZONAGE_IMPORT_FIELDS.map((f) => (f.required ? `${f.label} *` : f.label)).join(', ');
  protected readonly canApply = computed(() => {
    const report = this.report();
    return report !== null && !report.applied && report.errors.length === 0 && report.counts.added > 0;
  });
  protected readonly shownRows = computed(() => this.report()?.rows.slice(0, 50) ?? []);
  protected readonly columns: TableColumn<ZonageImportRow>[] = [
    { key: 'line', header: 'Ligne', numeric: true, text: (r) => r.line },
    { key: 'commune', header: 'Commune', text: (r) => `${r.communeName} (${r.communeCode})` },
    { key: 'zonage', header: 'Zonage', text: (r) => ZONAGE_LABELS[r.zonage] },
    {
      key: 'validity',
      header: 'Validité',
      text: (r) => `du ${frenchDate(r.validFrom, 'short')}${r.validTo ? ` au ${frenchDate(r.validTo, 'short')}` : ''}`,
    },
    { key: 'action', header: 'Effet', text: (r) => ACTION_LABELS[r.action] },
  ];

  protected summary(report: ZonageImportReport): string {
    const outside =
      report.outsideTerritory > 0 ? `, ${frenchNumber(report.outsideTerritory)} hors du territoire (ignorées)` : '';
    const verb = report.applied ? 'enregistrées' : 'à enregistrer';
    return `${frenchNumber(report.counts.added)} périodes ${verb}, ${frenchNumber(report.counts.unchanged)} déjà connues${outside}.`;
  }

  protected chooseFile(file: File | null): void {
    this.file.set(file);
    this.report.set(null);
  }

  protected async run(apply: boolean): Promise<void> {
    const file = this.file();
    if (!file) {
      this.submission.messages.set([{ text: 'Choisissez le fichier du zonage.' }]);
      return;
    }
    await this.submission.run(() => this.api.importZonages(file, apply), {
      success: apply ? 'Zonage enregistré.' : undefined,
      then: (report) => this.report.set(report),
    });
  }
}
