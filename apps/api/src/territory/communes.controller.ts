import type {
  AuthUser,
  CommuneDetail,
  CommuneSummary,
  DepartementSummary,
  EpciListItem,
  Page,
} from '@maillage/shared/domain';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { CommunesService } from './communes.service';
import { AddZonageDto, ListCommunesQuery } from './dto/commune.dto';

@ApiTags('territory')
@Controller()
export class CommunesController {
  constructor(private readonly communes: CommunesService) {}

  @ApiOperation({ summary: 'Cherche des communes par nom (sans accents), code INSEE ou code postal.' })
  @Allow('territory.read')
  @Get('communes')
  search(@CurrentUser() user: AuthUser, @Query() query: ListCommunesQuery): Promise<Page<CommuneSummary>> {
    return this.communes.search(user, query);
  }

  @ApiOperation({ summary: 'Contours GeoJSON des communes (pour la carte).' })
  @Allow('territory.read')
  @Get('communes/contours')
  contours(@CurrentUser() user: AuthUser, @Query() query: ListCommunesQuery) {
    return this.communes.contours(user, query.departement);
  }

  @Allow('territory.read')
  @Get('communes/:code')
  get(@CurrentUser() user: AuthUser, @Param('code') code: string): Promise<CommuneDetail> {
    return this.communes.get(user, code);
  }

  @ApiOperation({ summary: 'Enregistre un classement ARS (zonage) avec ses dates de validité.' })
  @Allow('territory.write')
  @Post('communes/:code/zonages')
  addZonage(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Body() dto: AddZonageDto,
  ): Promise<CommuneDetail> {
    return this.communes.addZonage(user, code, dto);
  }

  @ApiOperation({ summary: 'Intercommunalités (EPCI) des départements visibles, avec leur nombre de communes.' })
  @Allow('territory.read')
  @Get('epcis')
  epcis(@CurrentUser() user: AuthUser, @Query() query: ListCommunesQuery): Promise<EpciListItem[]> {
    return this.communes.epcis(user, query.departement);
  }

  @Allow('territory.read')
  @Get('departements')
  departements(@CurrentUser() user: AuthUser): Promise<DepartementSummary[]> {
    return this.communes.departements(user);
  }
}
