import type { AuthUser, Page, SiteRecordWithAllowances, SiteSummary } from '@maillage/shared/domain';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ParseIdPipe } from '../common/http/id.pipe';
import { OptionalVersionDto } from '../common/validation/version.dto';
import { ListSitesQuery } from './dto/list-sites.query';
import { CreateSiteDto, UpdateSiteDto } from './dto/site.dto';
import { SitesService } from './sites.service';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'La version lue (à la place de `version` dans le corps).',
};

@ApiTags('sites')
@Controller('sites')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @ApiOperation({ summary: 'Liste les terrains de stage (recherche, filtres, tri et pagination en base).' })
  @Allow('sites.read')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListSitesQuery): Promise<Page<SiteSummary>> {
    return this.sites.list(user, query);
  }

  @ApiOperation({
    summary: 'Un terrain de stage avec ses professionnels, ses agréments et les indemnités ouvertes aux internes.',
  })
  @Allow('sites.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<SiteRecordWithAllowances> {
    return this.sites.get(user, id);
  }

  @ApiOperation({ summary: 'Crée un terrain de stage (commune du département, capacités par type de stage).' })
  @Allow('sites.write')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateSiteDto): Promise<SiteRecordWithAllowances> {
    return this.sites.create(user, dto);
  }

  @ApiOperation({ summary: 'Modifie un terrain à partir de la version lue ; 409 si elle est périmée.' })
  @ApiHeader(IF_MATCH)
  @Allow('sites.write')
  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateSiteDto,
  ): Promise<SiteRecordWithAllowances> {
    return this.sites.update(user, id, dto);
  }

  @ApiOperation({ summary: 'Archive un terrain (restaurable, son historique est gardé).' })
  @ApiHeader(IF_MATCH)
  @Allow('sites.write')
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async archive(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: OptionalVersionDto,
  ): Promise<void> {
    await this.sites.setArchived(user, id, dto.version, true);
  }

  @ApiOperation({ summary: 'Restaure un terrain archivé.' })
  @ApiHeader(IF_MATCH)
  @Allow('sites.write')
  @Post(':id/restore')
  @HttpCode(HttpStatus.OK)
  restore(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: OptionalVersionDto,
  ): Promise<SiteRecordWithAllowances> {
    return this.sites.setArchived(user, id, dto.version, false);
  }
}
