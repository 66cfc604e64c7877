import { type AuthUser } from '@maillage/shared/domain';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import {
  ExportAccessIssuesQuery,
  ExportAccreditationsQuery,
  ExportCommunesQuery,
  ExportIntentsQuery,
  ExportMeasuresQuery,
  ExportProfessionalsQuery,
  ExportReferralsQuery,
  ExportSitesQuery,
  ExportTasksQuery,
  ExportUsersQuery,
  ExportVisitsQuery,
} from './dto/export.query';
import { ExportsService } from './exports.service';
import { streamExport } from './spreadsheet/stream-export';

const SPREADSHEETS = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const summary = (what: string) =>
  `${what} avec les filtres de la liste, en CSV (UTF-8 avec BOM, « ; ») ou XLSX ; seulement les colonnes que votre rôle peut lire.`;

/** `GET /api/exports/<list>?format=csv|xlsx&<filters of the list>`: each list as a spreadsheet, streamed. */
@ApiTags('exports')
@ApiProduces(...SPREADSHEETS)
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @ApiOperation({ summary: summary('Les terrains de stage') })
  @Allow('sites.read')
  @Get('sites')
  sites(@CurrentUser() user: AuthUser, @Query() query: ExportSitesQuery, @Res() res: Response): Promise<void> {
    return streamExport(res, query.format, this.exports.sites(user, query));
  }

  @ApiOperation({ summary: summary('Les professionnels') })
  @Allow('professionals.read')
  @Get('professionals')
  professionals(
    @CurrentUser() user: AuthUser,
    @Query() query: ExportProfessionalsQuery,
    @Res() res: Response,
  ): Promise<void> {
    return streamExport(res, query.format, this.exports.professionals(user, query));
  }

  @ApiOperation({ summary: summary('Les agréments') })
  @Allow('accreditations.read')
  @Get('accreditations')
  accreditations(
    @CurrentUser() user: AuthUser,
    @Query() query: ExportAccreditationsQuery,
    @Res() res: Response,
  ): Promise<void> {
    return streamExport(res, query.format, this.exports.accreditations(user, query));
  }

  @ApiOperation({ summary: summary('Les signalements CDOM') })
  @Allow('referrals.read')
  @Get('candidate-referrals')
  referrals(@CurrentUser() user: AuthUser, @Query() query: ExportReferralsQuery, @Res() res: Response): Promise<void> {
    return streamExport(res, query.format, this.exports.referrals(user, query));
  }

  @ApiOperation({ summary: summary('Les intentions d’installation') })
  @Allow('intents.read')
  @Get('installation-intents')
  intents(@CurrentUser() user: AuthUser, @Query() query: ExportIntentsQuery, @Res() res: Response): Promise<void> {
    return streamExport(res, query.format, this.exports.intents(user, query));
  }

  @ApiOperation({ summary: summary('Les visites') })
  @Allow('visits.read')
  @Get('site-visits')
  visits(@CurrentUser() user: AuthUser, @Query() query: ExportVisitsQuery, @Res() res: Response): Promise<void> {
    return streamExport(res, query.format, this.exports.visits(user, query));
  }

  @ApiOperation({ summary: summary('Les difficultés d’accès') })
  @Allow('accessIssues.read')
  @Get('access-issues')
  accessIssues(
    @CurrentUser() user: AuthUser,
    @Query() query: ExportAccessIssuesQuery,
    @Res() res: Response,
  ): Promise<void> {
    return streamExport(res, query.format, this.exports.accessIssues(user, query));
  }

  @ApiOperation({ summary: summary('Les mesures') })
  @Allow('measures.read')
  @Get('support-measures')
  measures(@CurrentUser() user: AuthUser, @Query() query: ExportMeasuresQuery, @Res() res: Response): Promise<void> {
    return streamExport(res, query.format, this.exports.measures(user, query));
  }

  @ApiOperation({ summary: summary('Les tâches') })
  @Allow('tasks.read')
  @Get('tasks')
  tasks(@CurrentUser() user: AuthUser, @Query() query: ExportTasksQuery, @Res() res: Response): Promise<void> {
    return streamExport(res, query.format, this.exports.tasks(user, query));
  }

  @ApiOperation({ summary: summary('Les comptes utilisateurs') })
  @Allow('users.manage')
  @Get('users')
  users(@CurrentUser() user: AuthUser, @Query() query: ExportUsersQuery, @Res() res: Response): Promise<void> {
    return streamExport(res, query.format, this.exports.users(user, query));
  }

  @ApiOperation({ summary: summary('Les communes (population, EPCI, zonage)') })
  @Allow('territory.read')
  @Get('communes')
  communes(@CurrentUser() user: AuthUser, @Query() query: ExportCommunesQuery, @Res() res: Response): Promise<void> {
    return streamExport(res, query.format, this.exports.communes(user, query));
  }
}
