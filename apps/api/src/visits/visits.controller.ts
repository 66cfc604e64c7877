import type { AuthUser, OverdueSite, Page, SiteVisitDetail, SiteVisitSummary } from '@maillage/shared/domain';
import { Body, Controller, Query, StreamableFile } from '@nestjs/common';
import { ApiExtraModels, ApiTags } from '@nestjs/swagger';

import { CurrentUser } from '../common/auth/current-user.decorator';
import { ArchiveRoutes } from '../common/routes/archive-routes';
import { download, PDF } from '../common/routes/download';
import {
  ActionRoute,
  CreateRoute,
  FileRoute,
  IdParam,
  ReadRoute,
  UpdateRoute,
} from '../common/routes/route.decorators';
import { CorrectVisitDto } from './dto/correct-visit.dto';
import { ListVisitsQuery, OverdueSitesQuery } from './dto/list-visits.query';
import { CancelVisitDto, PlanVisitDto, UpdateVisitDto } from './dto/plan-visit.dto';
import { ChecklistEntryDto, RecordVisitDto } from './dto/record-visit.dto';
import { VisitRecordingService } from './visit-recording.service';
import { VisitReportService } from './visit-report.service';
import { VisitsService } from './visits.service';

/**
 * Site visits. Every reader role sees the calendar of its département; the record of a visit
 * (checklist, findings, report) is read by all of them except the CDOM, which reads only the
 * visits it takes part in. Only the mission officer (`visits.write`) plans, records and edits.
 */
@ApiTags('site-visits')
@ApiExtraModels(ChecklistEntryDto)
@Controller('site-visits')
export class SiteVisitsController extends ArchiveRoutes<SiteVisitDetail>({
  permission: 'visits.write',
  archive: 'Archive une visite (restaurable, son historique est gardé).',
  restore: 'Restaure une visite archivée.',
}) {
  constructor(
    private readonly visits: VisitsService,
    private readonly recording: VisitRecordingService,
    private readonly reports: VisitReportService,
  ) {
    super(visits);
  }

  @ReadRoute(
    'visits.read',
    undefined,
    'Calendrier des visites (filtres site, statut, objet, période ; pagination en base).',
  )
  list(@CurrentUser() user: AuthUser, @Query() query: ListVisitsQuery): Promise<Page<SiteVisitSummary>> {
    return this.visits.list(user, query);
  }

  // Declared before `:id`, which would otherwise take "overdue-sites" for an id.
  @ReadRoute(
    'visits.read',
    'overdue-sites',
    'Terrains actifs non visités depuis plus de `months` mois (défaut : configuration).',
  )
  overdueSites(@CurrentUser() user: AuthUser, @Query() query: OverdueSitesQuery): Promise<Page<OverdueSite>> {
    return this.visits.overdueSites(user, query);
  }

  @ReadRoute('visits.read', ':id', 'Une visite : participants, grille, constats, difficultés relevées et suites.')
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<SiteVisitDetail> {
    return this.visits.get(user, id);
  }

  @FileRoute(
    'visits.read',
    ':id/report.pdf',
    PDF,
    'Compte rendu PDF d’une visite réalisée (409 tant qu’elle ne l’est pas).',
  )
  async report(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<StreamableFile> {
    return download(await this.reports.render(user, id), PDF);
  }

  @CreateRoute('visits.write', 'Planifie une visite d’un terrain du département.')
  plan(@CurrentUser() user: AuthUser, @Body() dto: PlanVisitDto): Promise<SiteVisitDetail> {
    return this.visits.plan(user, dto);
  }

  @UpdateRoute('visits.write', 'Modifie une visite planifiée à partir de la version lue ; 409 si elle est périmée.')
  update(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: UpdateVisitDto): Promise<SiteVisitDetail> {
    return this.visits.update(user, id, dto);
  }

  @ActionRoute(
    'record',
    'visits.write',
    'Enregistre la visite : participants, grille, constats, difficultés et suites, en une transaction.',
  )
  record(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: RecordVisitDto): Promise<SiteVisitDetail> {
    return this.recording.record(user, id, dto);
  }

  @ActionRoute(
    'correct',
    'visits.write',
    'Corrige une visite réalisée (date, participants, grille, constats, prochaine visite), avec un motif gardé dans l’historique.',
  )
  correct(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: CorrectVisitDto,
  ): Promise<SiteVisitDetail> {
    return this.recording.correct(user, id, dto);
  }

  @ActionRoute('cancel', 'visits.write', 'Annule une visite planifiée (motif facultatif, gardé dans les notes).')
  cancel(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: CancelVisitDto): Promise<SiteVisitDetail> {
    return this.visits.cancel(user, id, dto);
  }
}
