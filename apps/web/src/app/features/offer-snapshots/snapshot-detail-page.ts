import { NgTemplateOutlet } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router } from '@angular/router';
import {
  type OfferSnapshotDetail,
  SITE_KIND_LABELS,
  SITE_KINDS,
  SITE_STATUS_LABELS,
  SITE_STATUSES,
  STAGE_TYPE_LABELS,
  type WatchReason,
} from '@maillage/shared/domain';
import { Notifications, RECORD_PAGE } from '@maillage/web/ui';
import { actionSubmission } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { FiguresCard } from './figures-card';
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
  imports: [FiguresCard, NgTemplateOutlet, RECORD_PAGE],
  templateUrl: './snapshot-detail-page.html',
  styleUrl: './snapshot-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SnapshotDetailPage {
  private readonly auth = inject(AuthStore);
  private readonly api = inject(OfferSnapshotsApi);
  private readonly notifications = inject(Notifications);
  private readonly router = inject(Router);

  readonly id = input.required<string>();

  protected readonly snapshot = httpResource<OfferSnapshotDetail>(() => `${OFFER_SNAPSHOTS_URL}/${this.id()}`);
  protected readonly record = computed(() => (this.snapshot.hasValue() ? this.snapshot.value() : undefined));
  protected readonly canArchive = computed(() => this.auth.can('offer.write'));
  protected readonly action = actionSubmission({ conflictMessage: OFFER_SNAPSHOT_CONFLICT_MESSAGE });

  protected readonly count = formatCount;
  protected readonly signed = formatDifference;
  protected readonly gapTone = gapTone;
  protected readonly tone = differenceTone;
  protected readonly stageLabels = STAGE_TYPE_LABELS;
  protected readonly reasonLabels = REASON_LABELS;

  /** Sites by status and by kind (leaving out the empty lines), then the MSU: one card each. */
  protected readonly countCards = computed(() => {
    const f = this.record()?.figures;
    if (!f) return [];
    const byKind = SITE_KINDS.map((k) => ({ label: SITE_KIND_LABELS[k], n: f.sites.byKind[k] ?? 0 }));
    return [
      {
        title: 'Terrains par statut',
        label: 'Terrains par statut',
        rows: SITE_STATUSES.map((s) => ({ label: SITE_STATUS_LABELS[s], n: f.sites.byStatus[s] ?? 0 })),
      },
      { title: 'Terrains par type', label: 'Terrains par type', rows: byKind.filter((r) => r.n > 0) },
      {
        title: 'Maîtres de stage (MSU)',
        label: 'Maîtres de stage',
        rows: [
          { label: 'Actifs (accueillent des étudiants)', n: f.msus.active },
          { label: 'Agréés, pas encore actifs', n: f.msus.accredited },
        ],
      },
    ];
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
    const question = {
      title: 'Archiver le relevé',
      message: `« ${s.title} » ne sera plus proposé dans la liste ni dans les comparaisons. Ses chiffres restent tels qu’ils ont été arrêtés.`,
      confirm: 'Archiver',
    };
    this.notifications.confirm(question).subscribe((confirmed) => {
      if (!confirmed) return;
      void this.action.run(() => this.api.archive(s), {
        success: 'Relevé archivé.',
        then: () => this.router.navigateByUrl('/etat-offre'),
      });
    });
  }
}
