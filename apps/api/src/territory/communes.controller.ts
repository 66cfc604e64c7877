import type {
  AuthUser,
  CommuneDetail,
  CommuneSummary,
  DepartementSummary,
  EpciListItem,
  Page,
} from '@maillage/shared/domain';
import { Body, Controller, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ReadRoute } from '../common/routes/route.decorators';
import { CommunesService } from './communes.service';
import { AddZonageDto, ListCommunesQuery } from './dto/commune.dto';

@ApiTags('territory')
@Controller()
export class CommunesController {
  constructor(private readonly communes: CommunesService) {}

  @ReadRoute('territory.read', 'communes', 'Cherche des communes par nom (sans accents), code INSEE ou code postal.')
  search(@CurrentUser() user: AuthUser, @Query() query: ListCommunesQuery): Promise<Page<CommuneSummary>> {
    return this.communes.search(user, query);
  }

  @ReadRoute('territory.read', 'communes/contours', 'Contours GeoJSON des communes (pour la carte).')
  contours(@CurrentUser() user: AuthUser, @Query() query: ListCommunesQuery) {
    return this.communes.contours(user, query.departement);
  }

  @ReadRoute('territory.read', 'communes/:code')
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

  @ReadRoute(
    'territory.read',
    'epcis',
    'Intercommunalités (EPCI) des départements visibles, avec leur nombre de communes.',
  )
  epcis(@CurrentUser() user: AuthUser, @Query() query: ListCommunesQuery): Promise<EpciListItem[]> {
    return this.communes.epcis(user, query.departement);
  }

  @ReadRoute('territory.read', 'departements')
  departements(@CurrentUser() user: AuthUser): Promise<DepartementSummary[]> {
    return this.communes.departements(user);
  }
}
