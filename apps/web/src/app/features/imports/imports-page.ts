import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { IMPORT_KIND_LABELS, IMPORT_STATUS_LABELS, type ImportJobView, type Page } from '@maillage/shared/domain';
import { LIST_PAGE, Notifications, type TableColumn } from '@maillage/web/ui';
import { actionSubmission, selectFilters, urlListState } from '@maillage/web/util';
import { firstValueFrom } from 'rxjs';
import { countsText, importStatusBadge } from './import-badges';
import { IMPORT_LIST, IMPORTS_URL, ImportsApi } from './imports-api';

/** The history of spreadsheet imports: who, when, which file, what it did; undo when still possible. */
@Component({
  selector: 'app-imports-page',
  imports: [LIST_PAGE],
  templateUrl: './imports-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportsPage {
  private readonly api = inject(ImportsApi);
  private readonly notifications = inject(Notifications);

  protected readonly statusBadge = importStatusBadge;
  protected readonly countWords = { none: 'Aucun import.', one: '1 import.', many: '{n} imports.' };
  protected readonly columns: TableColumn<ImportJobView>[] = [
    { key: 'file', header: 'Fichier' },
    { key: 'status', header: 'État' },
    {
      key: 'counts',
      header: 'Lignes',
      text: (job) => countsText(job.counts, job.status === 'applied' || job.status === 'undone'),
    },
    { key: 'by', header: 'Par', text: (job) => job.appliedBy?.displayName ?? job.createdBy?.displayName ?? '' },
    { key: 'createdAt', header: 'Le', nowrap: true },
    { key: 'actions', header: 'Actions', hiddenHeader: true },
  ];
  protected readonly list = urlListState(IMPORT_LIST);
  protected readonly jobs = httpResource<Page<ImportJobView>>(() => this.list.request(IMPORTS_URL));
  protected readonly filters = selectFilters(IMPORT_LIST, {
    kind: { label: 'Données', all: 'Toutes les données', labels: IMPORT_KIND_LABELS },
    status: { label: 'État', all: 'Tous les états', labels: IMPORT_STATUS_LABELS },
  });
  protected readonly action = actionSubmission();

  protected kindLabel(job: ImportJobView): string {
    return IMPORT_KIND_LABELS[job.kind];
  }

  protected async undo(job: ImportJobView): Promise<void> {
    const confirmed = await firstValueFrom(
      this.notifications.confirm({
        title: 'Annuler l’import ?',
        message:
          `Les ${countsText(job.counts, true)} de « ${job.fileName} » reviennent à leur état d’avant l’import : ` +
          'les enregistrements créés sont supprimés, ceux mis à jour retrouvent leurs valeurs précédentes.',
        confirm: 'Annuler l’import',
      }),
    );
    if (!confirmed) return;
    await this.action.run(() => this.api.undo(job.id), {
      success: 'Import annulé.',
      then: () => this.jobs.reload(),
    });
  }
}
