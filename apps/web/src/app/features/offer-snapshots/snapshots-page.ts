import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { ActivatedRoute, Router } from '@angular/router';
import type { OfferSnapshotDetail, OfferSnapshotSummary, Page } from '@maillage/shared/domain';
import { LIST_PAGE, Notifications, type TableColumn } from '@maillage/web/ui';
import { lastValue, urlListState } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { formatCount, formatDifference, gapTone, OFFER_SNAPSHOTS_URL, SNAPSHOT_LIST } from './offer-snapshots-api';
import { TakeSnapshotDialog } from './take-snapshot-dialog';

/** The snapshots of the offer, newest first; the mission officer takes a new one. */
@Component({
  selector: 'app-snapshots-page',
  imports: [LIST_PAGE],
  templateUrl: './snapshots-page.html',
  styleUrl: './snapshots-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SnapshotsPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifications = inject(Notifications);

  protected readonly count = formatCount;
  protected readonly signed = formatDifference;
  protected readonly gapTone = gapTone;
  protected readonly columns: TableColumn<OfferSnapshotSummary>[] = [
    { key: 'takenOn', header: 'Arrêté au', nowrap: true, sortable: true },
    { key: 'title', header: 'Relevé', sortable: true },
    { key: 'takenBy', header: 'Pris par', nowrap: true, text: (s) => s.takenByName ?? '—' },
    {
      key: 'sitesActive',
      header: 'Terrains actifs',
      numeric: true,
      text: (s) => formatCount(s.keyFigures.sitesActive),
    },
    { key: 'offered', header: 'Places offertes (semestre en cours)', numeric: true, nowrap: true },
    { key: 'gap', header: 'Écart', numeric: true },
    { key: 'watched', header: 'Sous surveillance', numeric: true, text: (s) => formatCount(s.keyFigures.watchedSites) },
  ];

  protected readonly list = urlListState(SNAPSHOT_LIST);
  protected readonly countWords = { none: 'Aucun relevé.', one: '1 relevé.', many: '{n} relevés.' };
  protected readonly snapshots = httpResource<Page<OfferSnapshotSummary>>(() => this.list.request(OFFER_SNAPSHOTS_URL));
  protected readonly result = lastValue(this.snapshots);
  protected readonly canTake = computed(() => this.auth.can('offer.write'));
  /** The two latest snapshots, to open the comparison on them. */
  protected readonly latestPair = computed(() => {
    const items = this.result()?.items ?? [];
    return items.length >= 2 ? { a: items[1].id, b: items[0].id } : null;
  });

  protected take(): void {
    this.dialog
      .open(TakeSnapshotDialog, { width: '600px', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((saved: OfferSnapshotDetail | undefined) => {
        if (!saved) return;
        this.notifications.done('État de l’offre arrêté : les chiffres du jour sont figés.');
        void this.router.navigate([saved.id], { relativeTo: this.route });
      });
  }
}
