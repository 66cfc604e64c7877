import type { AnnualReportDetail, AnnualReportSummary, AuthUser } from '@maillage/shared/domain';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ParseIdPipe } from '../common/http/id.pipe';
import { VersionDto } from '../common/validation/version.dto';
import { AnnualReportsService } from './annual-reports.service';
import {
  ApproveReportDto,
  CreateAnnualReportDto,
  ListAnnualReportsQuery,
  PresentReportDto,
  UpdateAnnualReportDto,
} from './dto/annual-report.dto';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'La version lue (à la place de `version` dans le corps).',
};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('annual-reports')
@Controller('annual-reports')
export class AnnualReportsController {
  constructor(private readonly reports: AnnualReportsService) {}

  @ApiOperation({ summary: 'Les rapports annuels d’activité (filtre `year`).' })
  @Allow('reports.read')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListAnnualReportsQuery): Promise<AnnualReportSummary[]> {
    return this.reports.list(user, query);
  }

  @ApiOperation({
    summary: 'Un rapport : sections et chiffres (calculés à la volée, ou figés s’il est approuvé).',
  })
  @Allow('reports.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<AnnualReportDetail> {
    return this.reports.get(user, id);
  }

  @ApiOperation({ summary: 'Export PDF du rapport (couverture, sections, tableaux de chiffres).' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @Allow('reports.read')
  @Get(':id/export.pdf')
  async pdf(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<StreamableFile> {
    const { filename, body } = await this.reports.exportPdf(user, id);
    return new StreamableFile(body, {
      type: 'application/pdf',
      disposition: `attachment; filename="${filename}"`,
      length: body.length,
    });
  }

  @ApiOperation({ summary: 'Export XLSX des chiffres : une feuille par tableau.' })
  @ApiProduces(XLSX)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @Allow('reports.read')
  @Get(':id/export.xlsx')
  async xlsx(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<StreamableFile> {
    const { filename, body } = await this.reports.exportXlsx(user, id);
    return new StreamableFile(body, {
      type: XLSX,
      disposition: `attachment; filename="${filename}"`,
      length: body.length,
    });
  }

  @ApiOperation({ summary: 'Crée le brouillon du rapport d’une année (un seul par département et année : 409).' })
  @Allow('reports.write')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateAnnualReportDto): Promise<AnnualReportDetail> {
    return this.reports.create(user, dto);
  }

  @ApiOperation({ summary: 'Modifie le titre et les sections d’un brouillon (version lue ; 409 sinon).' })
  @ApiHeader(IF_MATCH)
  @Allow('reports.write')
  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateAnnualReportDto,
  ): Promise<AnnualReportDetail> {
    return this.reports.update(user, id, dto);
  }

  @ApiOperation({ summary: 'Présente le brouillon au comité (date de présentation).' })
  @ApiHeader(IF_MATCH)
  @Allow('reports.write')
  @Post(':id/present')
  @HttpCode(HttpStatus.OK)
  present(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: PresentReportDto) {
    return this.reports.present(user, id, dto);
  }

  @ApiOperation({ summary: 'Approuve le rapport présenté : ses chiffres sont calculés et figés.' })
  @ApiHeader(IF_MATCH)
  @Allow('reports.write')
  @Post(':id/approve')
  @HttpCode(HttpStatus.OK)
  approve(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: ApproveReportDto) {
    return this.reports.approve(user, id, dto);
  }

  @ApiOperation({ summary: 'Rouvre un rapport présenté (retour au brouillon).' })
  @ApiHeader(IF_MATCH)
  @Allow('reports.write')
  @Post(':id/reopen')
  @HttpCode(HttpStatus.OK)
  reopen(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: VersionDto) {
    return this.reports.reopen(user, id, dto);
  }
}
