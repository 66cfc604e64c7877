import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { type Page, type RppsLoadView } from '@maillage/shared/domain';
import { badges, FileField, FormErrors, LIST_PAGE, type TableColumn } from '@maillage/web/ui';
import { actionSubmission, frenchNumber } from '@maillage/web/util';
import { lastValueFrom, tap } from 'rxjs';
import { ReferenceDataApi, RPPS_LOADS_URL } from './reference-data-api';

const loadBadge = badges<RppsLoadView['status']>(
  { loading: 'En cours', loaded: 'Chargé', failed: 'Échec (rien de remplacé)' },
  {
    loading: { tone: 'info', icon: 'sync' },
    loaded: { tone: 'success', icon: 'check_circle' },
    failed: { tone: 'danger', icon: 'error' },
  },
);

/** The RPPS directory: upload the monthly national extract, follow its load, read the history of loads. */
@Component({
  selector: 'app-rpps-load-card',
  imports: [LIST_PAGE, FileField, FormErrors, MatCardModule, MatProgressBarModule],
  templateUrl: './rpps-load-card.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RppsLoadCard {
  private readonly api = inject(ReferenceDataApi);

  protected readonly file = signal<File | null>(null);
  /** Share of the file sent (0–100) while it is sent. */
  protected readonly sent = signal<number | null>(null);
  protected readonly submission = actionSubmission();
  protected readonly loads = httpResource<Page<RppsLoadView>>(() => ({
    url: RPPS_LOADS_URL,
    params: { page: 1, pageSize: 10 },
  }));
  protected readonly badge = loadBadge;
  protected readonly running = computed(() => this.loads.value()?.items.find((l) => l.status === 'loading') ?? null);
  protected readonly columns: TableColumn<RppsLoadView>[] = [
    { key: 'file', header: 'Fichier' },
    { key: 'status', header: 'État' },
    { key: 'rows', header: 'Praticiens retenus', numeric: true, text: (l) => frenchNumber(l.rowsKept) },
    { key: 'read', header: 'Lignes lues', numeric: true, text: (l) => frenchNumber(l.rowsRead) },
    { key: 'startedAt', header: 'Le', nowrap: true },
  ];

  constructor() {
    // While a load runs (here or elsewhere), the history is read again every second: its figures move.
    effect((onCleanup) => {
      if (!this.running() && this.sent() === null) return;
      const timer = setTimeout(() => this.loads.reload(), 1000);
      onCleanup(() => clearTimeout(timer));
    });
  }

  protected percent(load: RppsLoadView): number | null {
    return load.bytesTotal ? Math.min(100, Math.round((load.bytesRead / load.bytesTotal) * 100)) : null;
  }

  protected async send(): Promise<void> {
    const file = this.file();
    if (!file) {
      this.submission.messages.set([
        { text: 'Choisissez le fichier de l’annuaire (PS_LibreAcces_Personne_activite_….txt).' },
      ]);
      return;
    }
    this.sent.set(0);
    await this.submission.run(
      () =>
        lastValueFrom(
          this.api.loadRpps(file).pipe(tap((s) => this.sent.set(s.done ? 100 : Math.round((s.sent ?? 0) * 100)))),
        ),
      {
        success: (state) =>
          state.done ? `Annuaire chargé : ${frenchNumber(state.result.rowsKept)} lieux d’exercice retenus.` : '',
        then: () => this.file.set(null),
      },
    );
    this.sent.set(null);
    this.loads.reload();
  }
}
