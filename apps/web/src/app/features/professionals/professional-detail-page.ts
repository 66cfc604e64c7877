import { DecimalPipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  type AccreditationSummary,
  type CandidateReferralView,
  canMoveMsuStage,
  CIVILITY_LABELS,
  CYCLE_LABELS,
  MSU_STAGE_LABELS,
  MSU_STAGES,
  type MsuStage,
  type MsuStageEventView,
  type Page,
  PEOPLE_AUDIT_ENTITY_TYPES,
  pipelineAccreditationGap,
  PRACTICE_MODE_LABELS,
  type ProfessionalDetail,
  professionalDisplayName,
  REFERRAL_STATUS_LABELS,
  type TrainingSessionView,
} from '@maillage/shared/domain';
import { Notifications, RECORD_PAGE } from '@maillage/web/ui';
import { actionSubmission } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { HistoryTimeline } from '../../shared/history-timeline/history-timeline';
import { AccreditationsCard } from '../accreditations';
import { MoveStageDialog, type MoveStageDialogData, type MoveStageDialogResult } from './move-stage-dialog';
import { PersonalDataCard } from './personal-data-card';
import { openProfessionalForm } from './professional-form-dialog';
import { ACCREDITATIONS_URL, ProfessionalsApi, professionalUrl } from './professionals-api';
import { SiteLinksCard } from './site-links-card';
import { TrainingSessionDialog, type TrainingSessionDialogData } from './training-session-dialog';

export const CONFLICT_MESSAGE =
  'Cette fiche a été modifiée entre-temps : elle a été rechargée, vérifiez puis recommencez.';

/** `/professionnels/:id`: everything about one professional and their MSU pipeline. */
@Component({
  selector: 'app-professional-detail-page',
  imports: [
    RECORD_PAGE,
    AccreditationsCard,
    DecimalPipe,
    HistoryTimeline,
    MatMenuModule,
    MatProgressBarModule,
    PersonalDataCard,
    SiteLinksCard,
  ],
  templateUrl: './professional-detail-page.html',
  styleUrl: './professional-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfessionalDetailPage {
  private readonly api = inject(ProfessionalsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifications = inject(Notifications);
  private readonly auth = inject(AuthStore);

  /** Route parameter, bound by the router. */
  readonly id = input.required<string>();

  protected readonly stages = MSU_STAGES;
  protected readonly stageLabels = MSU_STAGE_LABELS;
  protected readonly civilityLabels = CIVILITY_LABELS;
  protected readonly modeLabels = PRACTICE_MODE_LABELS;
  protected readonly cycleLabels = CYCLE_LABELS;
  protected readonly referralStatusLabels = REFERRAL_STATUS_LABELS;
  protected readonly auditType = PEOPLE_AUDIT_ENTITY_TYPES.professional;

  protected readonly canEdit = computed(() => this.auth.can('professionals.write'));
  /** Roles that have the referral screens. */
  protected readonly canOpenReferrals = computed(() => this.auth.can('referrals.read'));
  protected readonly canManagePersonalData = computed(() => this.auth.can('personalData.manage'));

  protected readonly professional = httpResource<ProfessionalDetail>(() => professionalUrl(this.id()));
  protected readonly stageEvents = httpResource<Page<MsuStageEventView>>(() => ({
    url: `${professionalUrl(this.id())}/stage-events`,
    params: { page: 1, pageSize: 200 },
  }));
  protected readonly sessions = httpResource<Page<TrainingSessionView>>(() => ({
    url: `${professionalUrl(this.id())}/training-sessions`,
    params: { page: 1, pageSize: 50 },
  }));
  protected readonly accreditations = httpResource<Page<AccreditationSummary>>(() => ({
    url: ACCREDITATIONS_URL,
    params: { professional: this.id(), page: 1, pageSize: 50, sort: 'endDate:desc' },
  }));
  /** Where the pipeline and the accreditation records disagree, said on the page. */
  protected readonly accreditationGap = computed(() => {
    const p = this.p();
    if (!p || !this.accreditations.hasValue()) return null;
    return pipelineAccreditationGap(p.msuStage, this.accreditations.value().items);
  });
  protected readonly referrals = httpResource<Page<CandidateReferralView>>(() => ({
    url: '/api/candidate-referrals',
    params: { professional: this.id(), page: 1, pageSize: 5, sort: 'createdAt:desc' },
  }));

  protected readonly p = computed(() => (this.professional.hasValue() ? this.professional.value() : undefined));
  protected readonly name = computed(() => {
    const p = this.p();
    return p ? professionalDisplayName(p) : '';
  });
  protected readonly stageBadge = computed(() => {
    const p = this.p();
    if (!p) return null;
    return p.isSupervisor
      ? { label: MSU_STAGE_LABELS[p.msuStage], tone: 'success' as const, icon: 'verified' }
      : { label: MSU_STAGE_LABELS[p.msuStage], tone: 'neutral' as const, icon: 'route' };
  });
  /** Continuing training: percentage of the target, capped at 100. */
  protected readonly trainingPercent = computed(() => {
    const t = this.p()?.training;
    if (!t || t.targetHours <= 0) return 0;
    return Math.min(100, Math.round((t.hours / t.targetHours) * 100));
  });
  protected readonly editable = computed(() => this.canEdit() && this.p()?.archivedAt === null);
  /** Archive, restore, and what the dialogs report back: pending, messages. */
  protected readonly action = actionSubmission({ conflictMessage: CONFLICT_MESSAGE });

  protected canMoveTo(stage: MsuStage): boolean {
    const p = this.p();
    return p !== undefined && canMoveMsuStage(p.msuStage, stage);
  }

  protected openEdit(): void {
    const professional = this.p();
    if (!professional) return;
    this.action.clear();
    openProfessionalForm(this.dialog, professional).subscribe((result) => {
      if (!result) return;
      if (result === 'conflict') this.action.conflict.set(CONFLICT_MESSAGE);
      else this.notifications.done('Fiche enregistrée.');
      this.professional.reload();
    });
  }

  protected openMove(toStage: MsuStage): void {
    const professional = this.p();
    if (!professional) return;
    this.action.clear();
    const data: MoveStageDialogData = { professional, toStage };
    this.dialog
      .open<MoveStageDialog, MoveStageDialogData, MoveStageDialogResult>(MoveStageDialog, {
        data,
        width: '520px',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        if (result.kind === 'refused') this.action.messages.set([{ text: result.message }]);
        else this.notifications.done(`Étape « ${MSU_STAGE_LABELS[toStage]} » enregistrée.`);
        this.professional.reload();
        this.stageEvents.reload();
      });
  }

  protected openTrainingSession(): void {
    const professional = this.p();
    if (!professional) return;
    const data: TrainingSessionDialogData = { professionalId: professional.id, professionalName: this.name() };
    this.dialog
      .open(TrainingSessionDialog, { data, width: '520px', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((session: TrainingSessionView | undefined) => {
        if (!session) return;
        this.notifications.done('Session de formation enregistrée.');
        this.professional.reload();
        this.sessions.reload();
      });
  }

  protected async setArchived(archived: boolean): Promise<void> {
    const professional = this.p();
    if (!professional) return;
    await this.action.run<unknown>(() => (archived ? this.api.archive(professional) : this.api.restore(professional)), {
      success: archived ? 'Professionnel archivé.' : 'Professionnel restauré.',
    });
    this.professional.reload();
  }
}
