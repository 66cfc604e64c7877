import type { AuthUser, Page, SiteRecordWithAllowances, SiteSummary } from '@maillage/shared/domain';
import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { CurrentUser } from '../common/auth/current-user.decorator';
import { ArchiveRoutes } from '../common/routes/archive-routes';
import { CreateRoute, IdParam, ReadRoute, UpdateRoute } from '../common/routes/route.decorators';
import { ListSitesQuery } from './dto/list-sites.query';
import { CreateSiteDto, UpdateSiteDto } from './dto/site.dto';
import { SitesService } from './sites.service';

@ApiTags('sites')
@Controller('sites')
export class SitesController extends ArchiveRoutes<SiteRecordWithAllowances>({
  permission: 'sites.write',
  archive: 'Archive un terrain (restaurable, son historique est gardé).',
  restore: 'Restaure un terrain archivé.',
}) {
  constructor(private readonly sites: SitesService) {
    super(sites);
  }

  @ReadRoute('sites.read', undefined, 'Liste les terrains de stage (recherche, filtres, tri et pagination en base).')
  list(@CurrentUser() user: AuthUser, @Query() query: ListSitesQuery): Promise<Page<SiteSummary>> {
    return this.sites.list(user, query);
  }

  @ReadRoute(
    'sites.read',
    ':id',
    'Un terrain de stage avec ses professionnels, ses agréments et les indemnités ouvertes aux internes.',
  )
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<SiteRecordWithAllowances> {
    return this.sites.get(user, id);
  }

  @CreateRoute('sites.write', 'Crée un terrain de stage (commune du département, capacités par type de stage).')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateSiteDto): Promise<SiteRecordWithAllowances> {
    return this.sites.create(user, dto);
  }

  @UpdateRoute('sites.write', 'Modifie un terrain à partir de la version lue ; 409 si elle est périmée.')
  update(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateSiteDto,
  ): Promise<SiteRecordWithAllowances> {
    return this.sites.update(user, id, dto);
  }
}
