import {
  type AuthUser,
  type DirectoryListing,
  type GeneralPractitionerRow,
  type GpDensityRow,
  type Page,
  type RppsLoadView,
  type SupervisionIncomeEstimate,
} from '@maillage/shared/domain';
import { Controller, Get, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ParseIdPipe } from '../common/http/id.pipe';
import { PageQueryDto } from '../common/http/page-query.dto';
import { download, PDF } from '../common/routes/download';
import { visibleDepartements } from '../common/scope/territory-scope';
import { generalPractitionerDensity } from '../figures/gp-density';
import { DensityQuery, ListGeneralPractitionersQuery, UploadRppsQuery } from './dto/rpps.dto';
import { RppsDirectoryService } from './rpps-directory.service';
import { RppsLoadsService } from './rpps-loads.service';
import { SupervisionIncomeService } from './supervision-income.service';

@ApiTags('rpps')
@Controller('rpps')
export class RppsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly loads: RppsLoadsService,
    private readonly directory: RppsDirectoryService,
    private readonly income: SupervisionIncomeService,
  ) {}

  @ApiOperation({
    summary:
      'Charge l’extraction nationale (PS_LibreAcces_Personne_activite_*.txt) envoyée comme corps de la requête : ' +
      'les praticiens des départements servis remplacent l’annuaire en place, en une transaction.',
  })
  @ApiConsumes('text/plain', 'application/octet-stream')
  @Allow('reference.import')
  @Post('loads')
  upload(
    @CurrentUser() user: AuthUser,
    @Query() query: UploadRppsQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RppsLoadView> {
    return this.loads.loadUpload(user, query.fileName, req, res);
  }

  @ApiOperation({ summary: 'Les chargements de l’annuaire (le plus récent d’abord), avec leur progression.' })
  @Allow('reference.import')
  @Get('loads')
  list(@Query() query: PageQueryDto): Promise<Page<RppsLoadView>> {
    return this.loads.list(query);
  }

  @Allow('reference.import')
  @Get('loads/:id')
  load(@Param('id', ParseIdPipe) id: string): Promise<RppsLoadView> {
    return this.loads.get(id);
  }

  @ApiOperation({
    summary:
      'Les médecins généralistes du territoire qui ne sont pas MSU (un lieu d’exercice par ligne), ' +
      'avec de quoi créer un signalement ou un professionnel en un clic.',
  })
  @Allow('rpps.read')
  @Get('general-practitioners')
  generalPractitioners(
    @CurrentUser() user: AuthUser,
    @Query() query: ListGeneralPractitionersQuery,
  ): Promise<Page<GeneralPractitionerRow>> {
    return this.directory.generalPractitioners(user, query);
  }

  @ApiOperation({ summary: 'Ce que la maîtrise de stage rapporterait à ce médecin, à chacun de ses lieux d’exercice.' })
  @Allow('rpps.read')
  @Get('general-practitioners/:rpps/supervision-income')
  supervisionIncome(@CurrentUser() user: AuthUser, @Param('rpps') rpps: string): Promise<SupervisionIncomeEstimate> {
    return this.income.estimate(user, rpps);
  }

  @ApiOperation({ summary: 'La même estimation sur une page PDF à remettre au médecin.' })
  @ApiProduces(PDF)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @Allow('rpps.read')
  @Get('general-practitioners/:rpps/supervision-income.pdf')
  async supervisionIncomePdf(@CurrentUser() user: AuthUser, @Param('rpps') rpps: string): Promise<StreamableFile> {
    return download(await this.income.pdf(user, rpps), PDF);
  }

  @ApiOperation({
    summary: 'Médecins généralistes pour 10 000 habitants, par commune, EPCI ou département (annuaire RPPS).',
  })
  @Allow('dashboard.read')
  @Get('density')
  density(@CurrentUser() user: AuthUser, @Query() query: DensityQuery): Promise<GpDensityRow[]> {
    return generalPractitionerDensity(this.db.manager, query.level, visibleDepartements(user));
  }

  @ApiOperation({ summary: 'Si l’annuaire liste encore ce professionnel du registre, et où il exerce.' })
  @Allow('rpps.read')
  @Get('professionals/:id')
  listing(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<DirectoryListing> {
    return this.directory.listing(user, id);
  }
}
