import { type AuthUser } from '@maillage/shared/domain';
import { Controller, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentUser } from '../common/auth/current-user.decorator';
import { ReadRoute } from '../common/routes/route.decorators';
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

  @ReadRoute('sites.read', 'sites', summary('Les terrains de stage'))
  sites(@CurrentUser() user: AuthUser, @Query() query: ExportSitesQuery, @Res() res: Response): Promise<void> {
    return streamExport(res, query.format, this.exports.sites(user, query));
  }

  @ReadRoute('professionals.read', 'professionals', summary('Les professionnels'))
  professionals(
    @CurrentUser() user: AuthUser,
    @Query() query: ExportProfessionalsQuery,
    @Res() res: Response,
  ): Promise<void> {
    return streamExport(res, query.format, this.exports.professionals(user, query));
  }

  @ReadRoute('accreditations.read', 'accreditations', summary('Les agréments'))
  accreditations(
    @CurrentUser() user: AuthUser,
    @Query() query: ExportAccreditationsQuery,
    @Res() res: Response,
  ): Promise<void> {
    return streamExport(res, query.format, this.exports.accreditations(user, query));
  }

  @ReadRoute('referrals.read', 'candidate-referrals', summary('Les signalements CDOM'))
  referrals(@CurrentUser() user: AuthUser, @Query() query: ExportReferralsQuery, @Res() res: Response): Promise<void> {
    return streamExport(res, query.format, this.exports.referrals(user, query));
  }

  @ReadRoute('intents.read', 'installation-intents', summary('Les intentions d’installation'))
  intents(@CurrentUser() user: AuthUser, @Query() query: ExportIntentsQuery, @Res() res: Response): Promise<void> {
    return streamExport(res, query.format, this.exports.intents(user, query));
  }

  @ReadRoute('visits.read', 'site-visits', summary('Les visites'))
  visits(@CurrentUser() user: AuthUser, @Query() query: ExportVisitsQuery, @Res() res: Response): Promise<void> {
    return streamExport(res, query.format, this.exports.visits(user, query));
  }

  @ReadRoute('accessIssues.read', 'access-issues', summary('Les difficultés d’accès'))
  accessIssues(
    @CurrentUser() user: AuthUser,
    @Query() query: ExportAccessIssuesQuery,
    @Res() res: Response,
  ): Promise<void> {
    return streamExport(res, query.format, this.exports.accessIssues(user, query));
  }

  @ReadRoute('measures.read', 'support-measures', summary('Les mesures'))
  measures(@CurrentUser() user: AuthUser, @Query() query: ExportMeasuresQuery, @Res() res: Response): Promise<void> {
    return streamExport(res, query.format, this.exports.measures(user, query));
  }

  @ReadRoute('tasks.read', 'tasks', summary('Les tâches'))
  tasks(@CurrentUser() user: AuthUser, @Query() query: ExportTasksQuery, @Res() res: Response): Promise<void> {
    return streamExport(res, query.format, this.exports.tasks(user, query));
  }

  @ReadRoute('users.manage', 'users', summary('Les comptes utilisateurs'))
  users(@CurrentUser() user: AuthUser, @Query() query: ExportUsersQuery, @Res() res: Response): Promise<void> {
    return streamExport(res, query.format, this.exports.users(user, query));
  }

  @ReadRoute('territory.read', 'communes', summary('Les communes (population, EPCI, zonage)'))
  communes(@CurrentUser() user: AuthUser, @Query() query: ExportCommunesQuery, @Res() res: Response): Promise<void> {
    return streamExport(res, query.format, this.exports.communes(user, query));
  }
}
