import type { AuthUser, MsuPipeline, Page, ProfessionalDetail, ProfessionalSummary } from '@maillage/shared/domain';
import { Body, Controller, HttpStatus, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentUser } from '../common/auth/current-user.decorator';
import { ArchiveRoutes } from '../common/routes/archive-routes';
import { withETag } from '../common/routes/etag';
import { CreateRoute, IdParam, ReadRoute, UpdateRoute } from '../common/routes/route.decorators';
import { ListProfessionalsQuery, PipelineQuery } from './dto/list-professionals.query';
import { CreateProfessionalDto, UpdateProfessionalDto } from './dto/professional.dto';
import { ProfessionalsQueryService } from './professionals-query.service';
import { ProfessionalsService } from './professionals.service';

@ApiTags('professionals')
@Controller('professionals')
export class ProfessionalsController extends ArchiveRoutes<ProfessionalDetail>({
  permission: 'professionals.write',
  archive: 'Archive un professionnel (restaurable).',
  restore: 'Restaure un professionnel archivé (409 si son RPPS est repris entre-temps).',
  versionRequired: true,
  restoreStatus: HttpStatus.CREATED,
}) {
  constructor(
    private readonly professionals: ProfessionalsService,
    private readonly queries: ProfessionalsQueryService,
  ) {
    super(professionals);
  }

  @ReadRoute(
    'professionals.read',
    undefined,
    'Liste les professionnels (filtres, recherche, tri et pagination en base).',
  )
  list(@CurrentUser() user: AuthUser, @Query() query: ListProfessionalsQuery): Promise<Page<ProfessionalSummary>> {
    return this.queries.list(user, query);
  }

  @ReadRoute(
    'professionals.read',
    'pipeline',
    'Parcours MSU en colonnes (kanban) : effectif et premières cartes par étape, mêmes filtres que la liste.',
  )
  pipeline(@CurrentUser() user: AuthUser, @Query() query: PipelineQuery): Promise<MsuPipeline> {
    return this.queries.pipeline(user, query);
  }

  @ReadRoute('professionals.read', ':id', 'Fiche d’un professionnel, avec ses sites et sa formation continue.')
  async get(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProfessionalDetail> {
    return withETag(res, await this.professionals.get(user, id));
  }

  @CreateRoute(
    'professionals.write',
    'Ajoute un professionnel (409 si le numéro RPPS est déjà celui d’un professionnel actif).',
  )
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateProfessionalDto): Promise<ProfessionalDetail> {
    return this.professionals.create(user, dto);
  }

  @UpdateRoute('professionals.write', 'Modifie un professionnel (sauf l’étape MSU) ; 409 si la version est périmée.')
  async update(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateProfessionalDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProfessionalDetail> {
    return withETag(res, await this.professionals.update(user, id, dto.version, dto));
  }
}
