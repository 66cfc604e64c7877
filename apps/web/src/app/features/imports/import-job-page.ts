import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import {
  IMPORT_KIND_LABELS,
  IMPORT_ROW_OUTCOME_LABELS,
  type ImportJobView,
  type ImportRowView,
  type Page,
} from '@maillage/shared/domain';
import { LIST_PAGE, Notifications, RECORD_PAGE, type TableColumn } from '@maillage/web/ui';
import { actionSubmission, frenchNumber, selectFilters, urlListState } from '@maillage/web/util';
import { firstValueFrom } from 'rxjs';
import { countsText, importOutcomeBadge, importStatusBadge } from './import-badges';
import { ImportMappingForm } from './import-mapping';
import { IMPORT_ROW_LIST, rowSummary } from './import-rows';
import { IMPORTS_URL, ImportsApi, isWorking, POLL_MS } from './imports-api';

/**
 * One import: its progress while the API reads or applies the file, the mapping of its columns,
 * the preview of every row (what it will do, or why it is rejected), then apply, and undo.
 */
@Component({
  selector: 'app-import-job-page',
  imports: [RECORD_PAGE, LIST_PAGE, ImportMappingForm, MatPaginatorModule, MatProgressBarModule],
  templateUrl: './import-job-page.html',
  styleUrl: './import-job-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportJobPage {
  private readonly api = inject(ImportsApi);
  private readonly notifications = inject(Notifications);
  private readonly router = inject(Router);

  readonly id = input.required<string>();
  protected readonly job = httpResource<ImportJobView>(() => `${IMPORTS_URL}/${this.id()}`);
  protected readonly list = urlListState(IMPORT_ROW_LIST);
  protected readonly rows = httpResource<Page<ImportRowView>>(() => {
    const job = this.job.value();
    if (!job || job.status === 'analysing') return undefined;
    // Read again when the job moves on (new mapping, applied, undone).
    void job.updatedAt;
    return this.list.request(`${IMPORTS_URL}/${job.id}/rows`);
  });
  protected readonly action = actionSubmission();
  protected readonly statusBadge = importStatusBadge;
  protected readonly outcomeBadge = importOutcomeBadge;
  protected readonly filters = selectFilters(IMPORT_ROW_LIST, {
    outcome: { label: 'Lignes', all: 'Toutes les lignes', labels: IMPORT_ROW_OUTCOME_LABELS },
  });
  protected readonly columns: TableColumn<ImportRowView>[] = [
    { key: 'line', header: 'Ligne', numeric: true, text: (row) => row.line },
    { key: 'outcome', header: 'Résultat' },
    { key: 'summary', header: 'Données', text: (row) => rowSummary(row, this.job.value() ?? { fields: [] }) },
    { key: 'errors', header: 'Erreurs et remarques' },
  ];

  protected readonly working = computed(() => {
    const job = this.job.value();
    return job ? isWorking(job) : false;
  });
  protected readonly progress = computed(() => {
    const job = this.job.value();
    if (!job || job.totalRows === 0) return null;
    return Math.min(100, Math.round((job.processedRows / job.totalRows) * 100));
  });
  protected readonly heading = computed(() => this.job.value()?.fileName);
  protected readonly subtitle = computed(() => {
    const job = this.job.value();
    return job ? `${IMPORT_KIND_LABELS[job.kind]} — ${frenchNumber(job.totalRows)} lignes` : null;
  });
  protected readonly applied = computed(() => {
    const status = this.job.value()?.status;
    return status === 'applied' || status === 'undone';
  });
  protected readonly countsLine = computed(() => {
    const job = this.job.value();
    return job ? countsText(job.counts, this.applied()) : '';
  });

  constructor() {
    // While the API works, ask again every second: the progress bar moves, the preview appears.
    effect((onCleanup) => {
      const job = this.job.value();
      if (!job || !isWorking(job)) return;
      const timer = setTimeout(() => this.job.reload(), POLL_MS);
      onCleanup(() => clearTimeout(timer));
    });
  }

  protected fileFacts(job: ImportJobView): string {
    if (job.fileFormat === 'xlsx') return 'Classeur Excel (XLSX)';
    const encoding = job.encoding === 'windows-1252' ? 'Windows-1252' : 'UTF-8';
    const delimiter = job.delimiter === '\t' ? 'tabulation' : `« ${job.delimiter ?? ';'} »`;
    return `CSV, ${encoding}, séparateur ${delimiter}`;
  }

  protected onMapped(): void {
    this.job.reload();
  }

  protected async apply(job: ImportJobView): Promise<void> {
    const confirmed = await firstValueFrom(
      this.notifications.confirm({
        title: 'Appliquer l’import ?',
        message:
          `${countsText(job.counts, false)}. Tout est enregistré en une fois, ou rien en cas d’erreur ; ` +
          'les lignes rejetées sont ignorées. Vous pourrez annuler l’import tant que ses enregistrements n’ont pas été modifiés.',
        confirm: 'Appliquer l’import',
        cancel: 'Revenir à l’aperçu',
      }),
    );
    if (!confirmed) return;
    await this.action.run(() => this.api.apply(job.id), { then: () => this.job.reload() });
  }

  protected async undo(job: ImportJobView): Promise<void> {
    const confirmed = await firstValueFrom(
      this.notifications.confirm({
        title: 'Annuler l’import ?',
        message:
          'Les enregistrements créés par cet import sont supprimés et ceux qu’il a mis à jour retrouvent leurs valeurs ' +
          'd’avant. C’est refusé si l’un d’eux a été modifié depuis.',
        confirm: 'Annuler l’import',
        cancel: 'Garder l’import',
      }),
    );
    if (!confirmed) return;
    await this.action.run(() => this.api.undo(job.id), { success: 'Import annulé.', then: () => this.job.reload() });
  }

  protected async discard(job: ImportJobView): Promise<void> {
    const confirmed = await firstValueFrom(
      this.notifications.confirm({
        title: 'Abandonner cet aperçu ?',
        message: 'Rien n’a été importé : l’aperçu et les lignes du fichier sont supprimés.',
        confirm: 'Abandonner',
        cancel: 'Garder l’aperçu',
      }),
    );
    if (!confirmed) return;
    await this.action.run(() => this.api.remove(job.id), {
      success: 'Aperçu abandonné.',
      then: () => this.router.navigate(['/imports']),
    });
  }
}
