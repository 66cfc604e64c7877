import type { AuthUser, MsuPipeline, Page, ProfessionalDetail, ProfessionalSummary } from '@maillage/shared/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ParseIdPipe } from '../common/http/id.pipe';
import { withETag } from '../common/routes/etag';
import { VersionDto } from '../common/validation/version.dto';
import { ListProfessionalsQuery, PipelineQuery } from './dto/list-professionals.query';
import { CreateProfessionalDto, UpdateProfessionalDto } from './dto/professional.dto';
import { ProfessionalsQueryService } from './professionals-query.service';
import { ProfessionalsService } from './professionals.service';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'La version lue, si elle n’est pas dans le corps (ex. "3").',
};

@ApiTags('professionals')
@Controller('professionals')
export class ProfessionalsController {
  constructor(
    private readonly professionals: ProfessionalsService,
    private readonly queries: ProfessionalsQueryService,
  ) {}

  @ApiOperation({ summary: 'Liste les professionnels (filtres, recherche, tri et pagination en base).' })
  @Allow('professionals.read')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListProfessionalsQuery): Promise<Page<ProfessionalSummary>> {
    return this.queries.list(user, query);
  }

  @ApiOperation({
    summary: 'Parcours MSU en colonnes (kanban) : effectif et premières cartes par étape, mêmes filtres que la liste.',
  })
  @Allow('professionals.read')
  @Get('pipeline')
  pipeline(@CurrentUser() user: AuthUser, @Query() query: PipelineQuery): Promise<MsuPipeline> {
    return this.queries.pipeline(user, query);
  }

  @ApiOperation({ summary: 'Fiche d’un professionnel, avec ses sites et sa formation continue.' })
  @Allow('professionals.read')
  @Get(':id')
  async get(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProfessionalDetail> {
    return withETag(res, await this.professionals.get(user, id));
  }

  @ApiOperation({ summary: 'Ajoute un professionnel (409 si le numéro RPPS est déjà celui d’un professionnel actif).' })
  @Allow('professionals.write')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateProfessionalDto): Promise<ProfessionalDetail> {
    return this.professionals.create(user, dto);
  }

  @ApiOperation({ summary: 'Modifie un professionnel (sauf l’étape MSU) ; 409 si la version est périmée.' })
  @ApiHeader(IF_MATCH)
  @Allow('professionals.write')
  @Patch(':id')
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateProfessionalDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProfessionalDetail> {
    return withETag(res, await this.professionals.update(user, id, dto.version, dto));
  }

  @ApiOperation({ summary: 'Archive un professionnel (restaurable).' })
  @ApiHeader(IF_MATCH)
  @Allow('professionals.write')
  @Delete(':id')
  @HttpCode(204)
  async archive(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: VersionDto,
  ): Promise<void> {
    await this.professionals.setArchived(user, id, dto.version, true);
  }

  @ApiOperation({ summary: 'Restaure un professionnel archivé (409 si son RPPS est repris entre-temps).' })
  @ApiHeader(IF_MATCH)
  @Allow('professionals.write')
  @Post(':id/restore')
  restore(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: VersionDto,
  ): Promise<ProfessionalDetail> {
    return this.professionals.setArchived(user, id, dto.version, false);
  }
}
