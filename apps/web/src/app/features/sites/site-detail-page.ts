import { DatePipe, DecimalPipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import {
  ACCREDITATION_STATUS_LABELS,
  ACCREDITATION_TYPE_LABELS,
  CYCLE_LABELS,
  isSupervisor,
  MSU_STAGE_LABELS,
  type MsuStage,
  SITE_KIND_LABELS,
  type SiteRecord,
  type SiteRecordWithAllowances,
  STAGE_TYPE_LABELS,
  STAGE_TYPES,
  type StageType,
} from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessages, httpStatus } from '../../core/http/api-error';
import { APP_NAME } from '../../core/navigation/title-strategy';
import { HistoryTimeline } from '../../shared/history-timeline/history-timeline';
import { SiteAllowancesCard } from '../access-issues/site-allowances-card';
import { SiteIssuesCard } from '../access-issues/site-issues-card';
import { ValidityBadge } from '../accreditations/validity-badge';
import { SiteVisitsCard } from '../visits/site-visits-card';
import { ConfirmDialog, type ConfirmDialogData } from './confirm-dialog';
import { SiteCapacitiesDialog, type SiteCapacitiesResult } from './site-capacities-dialog';
import { formatSiret, STAGE_TYPE_SHORT_LABELS, totalPlaces } from './site-labels';
import { SiteStatusBadge } from './site-status-badge';
import { isVersionConflict, SITE_CONFLICT_MESSAGE, SITES_URL, SitesApi } from './sites-api';
import { ZonageBadge } from './zonage-badge';

/** Everything about one site on one screen, with its history. */
@Component({
  selector: 'app-site-detail-page',
  imports: [
    DatePipe,
    DecimalPipe,
    HistoryTimeline,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    RouterLink,
    SiteAllowancesCard,
    SiteIssuesCard,
    SiteVisitsCard,
    SiteStatusBadge,
    ValidityBadge,
    ZonageBadge,
  ],
  templateUrl: './site-detail-page.html',
  styleUrl: './site-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteDetailPage {
  private readonly api = inject(SitesApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly site = httpResource<SiteRecord>(() => `${SITES_URL}/${this.id()}`);
  protected readonly record = computed(() => (this.site.hasValue() ? this.site.value() : undefined));
  /** Transport and housing allowances, computed by the API (`GET /api/sites/:id`). */
  protected readonly allowances = computed(
    () => (this.record() as Partial<SiteRecordWithAllowances> | undefined)?.allowances,
  );
  protected readonly loadError = computed(() => {
    const error = this.site.error();
    if (!error) return null;
    return httpStatus(error) === 404
      ? 'Ce terrain est introuvable : il a peut-être été supprimé.'
      : errorMessages(error).join(' ');
  });
  protected readonly canEdit = computed(() => this.auth.hasRole('mission_officer', 'admin'));
  /** Set after a 409: the page offers to reload. */
  protected readonly conflict = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected readonly kindLabels = SITE_KIND_LABELS;
  protected readonly stageLabels = STAGE_TYPE_LABELS;
  protected readonly stageShort = STAGE_TYPE_SHORT_LABELS;
  protected readonly accreditationTypeLabels = ACCREDITATION_TYPE_LABELS;
  protected readonly accreditationStatusLabels = ACCREDITATION_STATUS_LABELS;
  protected readonly cycleLabels = CYCLE_LABELS;
  protected readonly formatSiret = formatSiret;
  protected readonly conflictMessage = SITE_CONFLICT_MESSAGE;

  /** Every stage type, with its places (0 when the site offers none). */
  protected readonly capacityRows = computed(() => {
    const capacities = this.record()?.capacities ?? [];
    return STAGE_TYPES.map((type) => ({
      type,
      places: capacities.find((c) => c.stageType === type)?.places ?? 0,
    }));
  });
  protected readonly peopleCount = computed(() => {
    const site = this.record();
    if (!site) return '';
    const people = site.professionals.length;
    const msu = site.supervisorCount;
    return `${people} professionnel${people > 1 ? 's' : ''}, dont ${msu} MSU`;
  });
  protected readonly total = computed(() => totalPlaces(this.record()?.capacities ?? []));

  constructor() {
    const title = inject(Title);
    effect(() => {
      const name = this.record()?.name;
      if (name) title.setTitle(`${name} · Terrains de stage · ${APP_NAME}`);
    });
  }

  protected stageText(types: readonly StageType[]): string {
    return types.map((t) => this.stageShort[t]).join(', ');
  }

  protected msuStageLabel(stage: MsuStage): string {
    return MSU_STAGE_LABELS[stage];
  }

  protected isMsu(stage: MsuStage): boolean {
    return isSupervisor(stage);
  }

  protected reload(): void {
    this.conflict.set(false);
    this.notice.set(null);
    this.site.reload();
  }

  protected editCapacities(site: SiteRecord): void {
    this.notice.set(null);
    const ref = this.dialog.open(SiteCapacitiesDialog, { data: site, width: '640px', autoFocus: 'first-tabbable' });
    ref.afterClosed().subscribe((result: SiteCapacitiesResult | undefined) => {
      if (result === 'conflict') this.conflict.set(true);
      else if (result) {
        this.site.set(result);
        this.snackBar.open('Capacités enregistrées.', 'Fermer', { duration: 5000 });
      }
    });
  }

  protected confirmArchive(site: SiteRecord): void {
    const archived = site.archivedAt !== null;
    const data: ConfirmDialogData = archived
      ? {
          title: 'Restaurer le terrain',
          message: `${site.name} redeviendra visible dans la liste des terrains.`,
          confirm: 'Restaurer',
        }
      : {
          title: 'Archiver le terrain',
          message: `${site.name} ne sera plus proposé dans la liste des terrains. Sa fiche et son historique sont gardés ; il pourra être restauré.`,
          confirm: 'Archiver',
        };
    this.dialog
      .open(ConfirmDialog, { data, width: '480px' })
      .afterClosed()
      .subscribe((confirmed: boolean | undefined) => {
        if (confirmed) void this.setArchived(site, !archived);
      });
  }

  private async setArchived(site: SiteRecord, archive: boolean): Promise<void> {
    this.busy.set(true);
    this.notice.set(null);
    try {
      if (archive) {
        await firstValueFrom(this.api.archive(site));
        this.site.reload();
      } else {
        this.site.set(await firstValueFrom(this.api.restore(site)));
      }
      this.snackBar.open(archive ? 'Terrain archivé.' : 'Terrain restauré.', 'Fermer', { duration: 5000 });
    } catch (error) {
      if (isVersionConflict(error)) this.conflict.set(true);
      else this.notice.set(errorMessages(error).join(' '));
    } finally {
      this.busy.set(false);
    }
  }
}
