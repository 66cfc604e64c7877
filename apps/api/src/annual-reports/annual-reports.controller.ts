import type { AnnualReportDetail, AnnualReportSummary, AuthUser } from '@maillage/shared/domain';
import { Body, Controller, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { CurrentUser } from '../common/auth/current-user.decorator';
import { download, PDF, XLSX } from '../common/routes/download';
import {
  ActionRoute,
  CreateRoute,
  FileRoute,
  IdParam,
  ReadRoute,
  UpdateRoute,
} from '../common/routes/route.decorators';
import { VersionDto } from '../common/validation/version.dto';
import { AnnualReportsService } from './annual-reports.service';
import {
  ApproveReportDto,
  CreateAnnualReportDto,
  ListAnnualReportsQuery,
  PresentReportDto,
  UpdateAnnualReportDto,
} from './dto/annual-report.dto';

/** Only the mission officer (`reports.write`) writes the report and moves it along. */
@ApiTags('annual-reports')
@Controller('annual-reports')
export class AnnualReportsController {
  constructor(private readonly reports: AnnualReportsService) {}

  @ReadRoute('reports.read', undefined, 'Les rapports annuels d’activité (filtre `year`).')
  list(@CurrentUser() user: AuthUser, @Query() query: ListAnnualReportsQuery): Promise<AnnualReportSummary[]> {
    return this.reports.list(user, query);
  }

  @ReadRoute(
    'reports.read',
    ':id',
    'Un rapport : sections et chiffres (calculés à la volée, ou figés s’il est approuvé).',
  )
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<AnnualReportDetail> {
    return this.reports.get(user, id);
  }

  @FileRoute(
    'reports.read',
    ':id/export.pdf',
    PDF,
    'Export PDF du rapport (couverture, sections, tableaux de chiffres).',
  )
  async pdf(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<StreamableFile> {
    return download(await this.reports.exportPdf(user, id), PDF);
  }

  @FileRoute('reports.read', ':id/export.xlsx', XLSX, 'Export XLSX des chiffres : une feuille par tableau.')
  async xlsx(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<StreamableFile> {
    return download(await this.reports.exportXlsx(user, id), XLSX);
  }

  @CreateRoute('reports.write', 'Crée le brouillon du rapport d’une année (un seul par département et année : 409).')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateAnnualReportDto): Promise<AnnualReportDetail> {
    return this.reports.create(user, dto);
  }

  @UpdateRoute('reports.write', 'Modifie le titre et les sections d’un brouillon (version lue ; 409 sinon).')
  update(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateAnnualReportDto,
  ): Promise<AnnualReportDetail> {
    return this.reports.update(user, id, dto);
  }

  @ActionRoute('present', 'reports.write', 'Présente le brouillon au comité (date de présentation).')
  present(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: PresentReportDto) {
    return this.reports.present(user, id, dto);
  }

  @ActionRoute('approve', 'reports.write', 'Approuve le rapport présenté : ses chiffres sont calculés et figés.')
  approve(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: ApproveReportDto) {
    return this.reports.approve(user, id, dto);
  }

  @ActionRoute('reopen', 'reports.write', 'Rouvre un rapport présenté (retour au brouillon).')
  reopen(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: VersionDto) {
    return this.reports.reopen(user, id, dto);
  }
}
