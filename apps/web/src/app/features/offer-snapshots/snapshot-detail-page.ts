import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  type OfferSnapshotDetail,
  SITE_KIND_LABELS,
  SITE_KINDS,
  SITE_STATUS_LABELS,
  SITE_STATUSES,
  STAGE_TYPE_LABELS,
  type WatchReason,
} from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessages, httpStatus, isVersionConflict } from '../../core/http/api-error';
import { ConfirmDialog, type ConfirmDialogData } from '../sites/confirm-dialog';
import {
  differenceTone,
  formatCount,
  formatDifference,
  gapTone,
  OFFER_SNAPSHOT_CONFLICT_MESSAGE,
  OFFER_SNAPSHOTS_URL,
  OfferSnapshotsApi,
} from './offer-snapshots-api';

const WATCHED_SHOWN = 10;

const REASON_LABELS: Readonly<Record<WatchReason, string>> = {
  open_issues: 'Difficultés d’accès ouvertes',
  not_visited: 'Pas de visite depuis 12 mois',
};

/** One frozen snapshot: headline tiles, places by stage type and semester, zones, watched sites, progress. */
@Component({
  selector: 'app-snapshot-detail-page',
  imports: [DatePipe, MatButtonModule, MatCardModule, MatIconModule, MatProgressBarModule, RouterLink],
  templateUrl: './snapshot-detail-page.html',
  styleUrl: './snapshot-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SnapshotDetailPage {
  private readonly auth = inject(AuthStore);
  private readonly api = inject(OfferSnapshotsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);

  readonly id = input.required<string>();

  protected readonly snapshot = httpResource<OfferSnapshotDetail>(() => `${OFFER_SNAPSHOTS_URL}/${this.id()}`);
  protected readonly record = computed(() => (this.snapshot.hasValue() ? this.snapshot.value() : undefined));
  protected readonly loadError = computed(() => {
    const error = this.snapshot.error();
    if (!error) return null;
    return httpStatus(error) === 404 ? 'Ce relevé est introuvable.' : errorMessages(error).join(' ');
  });
  protected readonly canArchive = computed(() => this.auth.hasRole('mission_officer', 'admin'));
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);

  protected readonly count = formatCount;
  protected readonly signed = formatDifference;
  protected readonly gapTone = gapTone;
  protected readonly tone = differenceTone;
  protected readonly stageLabels = STAGE_TYPE_LABELS;
  protected readonly reasonLabels = REASON_LABELS;

  /** Sites by status and by kind, leaving out the empty lines. */
  protected readonly siteRows = computed(() => {
    const f = this.record()?.figures;
    if (!f) return { byStatus: [], byKind: [] };
    return {
      byStatus: SITE_STATUSES.map((s) => ({ label: SITE_STATUS_LABELS[s], n: f.sites.byStatus[s] ?? 0 })),
      byKind: SITE_KINDS.map((k) => ({ label: SITE_KIND_LABELS[k], n: f.sites.byKind[k] ?? 0 })).filter((r) => r.n > 0),
    };
  });

  /** The two semesters with their zone split side by side. */
  protected readonly semesters = computed(() => {
    const f = this.record()?.figures;
    if (!f) return [];
    return f.semesters.map((s) => ({ ...s, zones: f.zones.find((z) => z.semester === s.semester) ?? null }));
  });

  /** The watched sites shown before « Afficher les N autres ». */
  protected readonly watchedLimit = WATCHED_SHOWN;
  protected readonly showAllWatched = signal(false);
  protected readonly watched = computed(() => {
    const all = this.record()?.figures.watchedSites ?? [];
    return { shown: this.showAllWatched() ? all : all.slice(0, WATCHED_SHOWN), hidden: all.length - WATCHED_SHOWN };
  });

  /** The previously watched sites whose situation moved; the others are only counted. */
  protected readonly progressSites = computed(() => {
    const all = this.record()?.figures.progress?.watchedSites ?? [];
    const moved = all.filter((w) => w.decreased || !w.stillWatched || w.openIssuesNow !== w.openIssuesBefore);
    return { moved, unchanged: all.length - moved.length };
  });

  protected confirmArchive(s: OfferSnapshotDetail): void {
    const data: ConfirmDialogData = {
      title: 'Archiver le relevé',
      message: `« ${s.title} » ne sera plus proposé dans la liste ni dans les comparaisons. Ses chiffres restent tels qu’ils ont été arrêtés.`,
      confirm: 'Archiver',
    };
    this.dialog
      .open(ConfirmDialog, { data, width: '480px' })
      .afterClosed()
      .subscribe((confirmed: boolean | undefined) => {
        if (confirmed) void this.archive(s);
      });
  }

  private async archive(s: OfferSnapshotDetail): Promise<void> {
    this.busy.set(true);
    this.notice.set(null);
    try {
      await firstValueFrom(this.api.archive(s));
      this.snackBar.open('Relevé archivé.', 'Fermer', { duration: 5000 });
      void this.router.navigateByUrl('/etat-offre');
    } catch (error) {
      this.notice.set(isVersionConflict(error) ? OFFER_SNAPSHOT_CONFLICT_MESSAGE : errorMessages(error).join(' '));
    } finally {
      this.busy.set(false);
    }
  }
}
