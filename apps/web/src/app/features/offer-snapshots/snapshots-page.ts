import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  type OfferSnapshotDetail,
  type OfferSnapshotSummary,
  type Page,
  PAGE_SIZE_DEFAULT,
} from '@maillage/shared/domain';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessages } from '../../core/http/api-error';
import { formatCount, formatDifference, gapTone, OFFER_SNAPSHOTS_URL } from './offer-snapshots-api';
import { TakeSnapshotDialog } from './take-snapshot-dialog';

/** The snapshots of the offer, newest first; the mission officer takes a new one. */
@Component({
  selector: 'app-snapshots-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    RouterLink,
  ],
  templateUrl: './snapshots-page.html',
  styleUrl: './snapshots-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SnapshotsPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly page = input<string>();

  protected readonly columns = ['takenOn', 'title', 'takenBy', 'sitesActive', 'offered', 'gap', 'watched'];
  protected readonly pageSize = PAGE_SIZE_DEFAULT;
  protected readonly count = formatCount;
  protected readonly signed = formatDifference;
  protected readonly gapTone = gapTone;

  protected readonly pageIndex = computed(() => Math.max(1, Number.parseInt(this.page() ?? '1', 10) || 1));
  protected readonly snapshots = httpResource<Page<OfferSnapshotSummary>>(() => ({
    url: OFFER_SNAPSHOTS_URL,
    params: { page: this.pageIndex(), pageSize: PAGE_SIZE_DEFAULT, sort: 'takenOn:desc' },
  }));
  protected readonly result = computed(() => (this.snapshots.hasValue() ? this.snapshots.value() : undefined));
  protected readonly loadError = computed(() => {
    const error = this.snapshots.error();
    return error ? errorMessages(error).join(' ') : null;
  });
  /** The API lets the national admin take one too, but only for a given département: the screen is the officer's. */
  protected readonly canTake = computed(() => this.auth.hasRole('mission_officer'));
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
        this.snackBar.open('État de l’offre arrêté : les chiffres du jour sont figés.', 'Fermer', { duration: 5000 });
        void this.router.navigate([saved.id], { relativeTo: this.route });
      });
  }

  protected onPage(event: PageEvent): void {
    const page = event.pageIndex + 1;
    void this.router.navigate([], { relativeTo: this.route, queryParams: { page: page > 1 ? page : null } });
  }
}
