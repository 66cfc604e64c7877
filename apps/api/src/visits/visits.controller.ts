import type { AuthUser, OverdueSite, Page, SiteVisitDetail, SiteVisitSummary } from '@maillage/shared/domain';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiExtraModels, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ParseIdPipe } from '../common/http/id.pipe';

import { OptionalVersionDto } from '../common/validation/version.dto';
import { ListVisitsQuery, OverdueSitesQuery } from './dto/list-visits.query';
import { CancelVisitDto, PlanVisitDto, UpdateVisitDto } from './dto/plan-visit.dto';
import { ChecklistEntryDto, RecordVisitDto } from './dto/record-visit.dto';
import { VisitRecordingService } from './visit-recording.service';
import { VisitReportService } from './visit-report.service';
import { VisitsService } from './visits.service';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'La version lue (à la place de `version` dans le corps).',
};

/**
 * Site visits. Every reader role sees the calendar of its département; the record of a visit
 * (checklist, findings, report) is read by all of them except the CDOM, which reads only the
 * visits it takes part in. Only the mission officer (`visits.write`) plans, records and edits.
 */
@ApiTags('site-visits')
@ApiExtraModels(ChecklistEntryDto)
@Controller('site-visits')
export class SiteVisitsController {
  constructor(
    private readonly visits: VisitsService,
    private readonly recording: VisitRecordingService,
    private readonly reports: VisitReportService,
  ) {}

  @ApiOperation({ summary: 'Calendrier des visites (filtres site, statut, objet, période ; pagination en base).' })
  @Allow('visits.read')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListVisitsQuery): Promise<Page<SiteVisitSummary>> {
    return this.visits.list(user, query);
  }

  // Declared before `:id`, which would otherwise take "overdue-sites" for an id.
  @ApiOperation({ summary: 'Terrains actifs non visités depuis plus de `months` mois (défaut : configuration).' })
  @Allow('visits.read')
  @Get('overdue-sites')
  overdueSites(@CurrentUser() user: AuthUser, @Query() query: OverdueSitesQuery): Promise<Page<OverdueSite>> {
    return this.visits.overdueSites(user, query);
  }

  @ApiOperation({ summary: 'Une visite : participants, grille, constats, difficultés relevées et suites.' })
  @Allow('visits.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<SiteVisitDetail> {
    return this.visits.get(user, id);
  }

  @ApiOperation({ summary: 'Compte rendu PDF d’une visite réalisée (409 tant qu’elle ne l’est pas).' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @Allow('visits.read')
  @Get(':id/report.pdf')
  async report(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<StreamableFile> {
    const { filename, pdf } = await this.reports.render(user, id);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="${filename}"`,
      length: pdf.length,
    });
  }

  @ApiOperation({ summary: 'Planifie une visite d’un terrain du département.' })
  @Allow('visits.write')
  @Post()
  plan(@CurrentUser() user: AuthUser, @Body() dto: PlanVisitDto): Promise<SiteVisitDetail> {
    return this.visits.plan(user, dto);
  }

  @ApiOperation({ summary: 'Modifie une visite planifiée à partir de la version lue ; 409 si elle est périmée.' })
  @ApiHeader(IF_MATCH)
  @Allow('visits.write')
  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateVisitDto,
  ): Promise<SiteVisitDetail> {
    return this.visits.update(user, id, dto);
  }

  @ApiOperation({
    summary: 'Enregistre la visite : participants, grille, constats, difficultés et suites, en une transaction.',
  })
  @ApiHeader(IF_MATCH)
  @Allow('visits.write')
  @Post(':id/record')
  @HttpCode(HttpStatus.OK)
  record(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: RecordVisitDto,
  ): Promise<SiteVisitDetail> {
    return this.recording.record(user, id, dto);
  }

  @ApiOperation({ summary: 'Annule une visite planifiée (motif facultatif, gardé dans les notes).' })
  @ApiHeader(IF_MATCH)
  @Allow('visits.write')
  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  cancel(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: CancelVisitDto,
  ): Promise<SiteVisitDetail> {
    return this.visits.cancel(user, id, dto);
  }

  @ApiOperation({ summary: 'Archive une visite (restaurable, son historique est gardé).' })
  @ApiHeader(IF_MATCH)
  @Allow('visits.write')
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async archive(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: OptionalVersionDto,
  ): Promise<void> {
    await this.visits.setArchived(user, id, dto.version, true);
  }

  @ApiOperation({ summary: 'Restaure une visite archivée.' })
  @ApiHeader(IF_MATCH)
  @Allow('visits.write')
  @Post(':id/restore')
  @HttpCode(HttpStatus.OK)
  restore(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: OptionalVersionDto,
  ): Promise<SiteVisitDetail> {
    return this.visits.setArchived(user, id, dto.version, false);
  }
}
