import { DecimalPipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { Title } from '@angular/platform-browser';
import {
  isSupervisor,
  MSU_STAGE_LABELS,
  type MsuStage,
  SITE_KIND_LABELS,
  type SiteRecord,
  type SiteRecordWithAllowances,
  STAGE_TYPE_LABELS,
  STAGE_TYPES,
} from '@maillage/shared/domain';
import { type ConfirmOptions, Notifications, RECORD_PAGE } from '@maillage/web/ui';
import { actionSubmission } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { APP_NAME } from '../../core/navigation/title-strategy';
import { DocumentsCard } from '../../shared/documents/documents-card';
import { HistoryTimeline } from '../../shared/history-timeline/history-timeline';
import { SiteAllowancesCard, SiteIssuesCard } from '../access-issues';
import { AccreditationsCard } from '../accreditations';
import { SiteLinksCard } from '../professionals';
import { SiteVisitsCard } from '../visits';
import { siteStatusBadge, zonageBadge } from './site-badges';
import { SiteCapacitiesDialog, type SiteCapacitiesResult } from './site-capacities-dialog';
import { formatSiret, STAGE_TYPE_SHORT_LABELS, totalPlaces } from './site-labels';
import { SitePositionField } from './site-position';
import { SITE_CONFLICT_MESSAGE, SITES_URL, SitesApi } from './sites-api';

/** Everything about one site on one screen, with its history. */
@Component({
  selector: 'app-site-detail-page',
  imports: [
    RECORD_PAGE,
    AccreditationsCard,
    DocumentsCard,
    DecimalPipe,
    HistoryTimeline,
    SiteAllowancesCard,
    SiteIssuesCard,
    SiteLinksCard,
    SitePositionField,
    SiteVisitsCard,
  ],
  templateUrl: './site-detail-page.html',
  styleUrl: './site-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteDetailPage {
  private readonly api = inject(SitesApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifications = inject(Notifications);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly site = httpResource<SiteRecord>(() => `${SITES_URL}/${this.id()}`);
  protected readonly record = computed(() => (this.site.hasValue() ? this.site.value() : undefined));
  /** Transport and housing allowances, computed by the API (`GET /api/sites/:id`). */
  protected readonly allowances = computed(
    () => (this.record() as Partial<SiteRecordWithAllowances> | undefined)?.allowances,
  );
  protected readonly canEdit = computed(() => this.auth.can('sites.write'));
  protected readonly canReadProfessionals = computed(() => this.auth.can('professionals.read'));
  /** Archive and restore: pending, 409 « modifié entre-temps » with « Recharger la fiche », messages. */
  protected readonly action = actionSubmission({ conflictMessage: SITE_CONFLICT_MESSAGE });

  protected readonly kindLabels = SITE_KIND_LABELS;
  protected readonly stageLabels = STAGE_TYPE_LABELS;
  protected readonly stageShort = STAGE_TYPE_SHORT_LABELS;
  protected readonly formatSiret = formatSiret;
  protected readonly statusBadge = siteStatusBadge;
  protected readonly zonageBadge = zonageBadge;

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

  protected msuStageLabel(stage: MsuStage): string {
    return MSU_STAGE_LABELS[stage];
  }

  protected isMsu(stage: MsuStage): boolean {
    return isSupervisor(stage);
  }

  protected editCapacities(site: SiteRecord): void {
    this.action.clear();
    const ref = this.dialog.open(SiteCapacitiesDialog, { data: site, width: '640px', autoFocus: 'first-tabbable' });
    ref.afterClosed().subscribe((result: SiteCapacitiesResult | undefined) => {
      if (result === 'conflict') this.action.conflict.set(SITE_CONFLICT_MESSAGE);
      else if (result) {
        this.site.set(result);
        this.notifications.done('Capacités enregistrées.');
      }
    });
  }

  protected confirmArchive(site: SiteRecord): void {
    const archived = site.archivedAt !== null;
    const question: ConfirmOptions = archived
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
    this.notifications.confirm(question).subscribe((confirmed) => {
      if (!confirmed) return;
      void this.action.run<unknown>(() => (archived ? this.api.restore(site) : this.api.archive(site)), {
        success: archived ? 'Terrain restauré.' : 'Terrain archivé.',
        then: () => this.site.reload(),
      });
    });
  }
}
