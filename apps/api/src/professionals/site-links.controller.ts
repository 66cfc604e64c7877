import type { AuthUser, ProfessionalSiteLink } from '@maillage/shared/domain';
import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { CurrentUser } from '../common/auth/current-user.decorator';
import { ActionRoute, CreateRoute, IdParam, ReadRoute, UpdateRoute } from '../common/routes/route.decorators';
import { CreateSiteLinkDto, EndSiteLinkDto, ListSiteLinksQuery, UpdateSiteLinkDto } from './dto/site-link.dto';
import { SiteLinksService } from './site-links.service';

/** Where professionals practise, one link at a time (role at the site, dates, history). */
@ApiTags('professionals')
@Controller('professional-site-links')
export class SiteLinksController {
  constructor(private readonly links: SiteLinksService) {}

  @ReadRoute(
    'professionals.read',
    undefined,
    'Rattachements d’un professionnel (`professional`) ou d’un terrain (`site`) : en cours, puis terminés.',
  )
  list(@CurrentUser() user: AuthUser, @Query() query: ListSiteLinksQuery): Promise<{ items: ProfessionalSiteLink[] }> {
    return this.links.list(user, query);
  }

  @CreateRoute('professionals.write', 'Rattache un professionnel à un terrain (409 s’il l’est déjà).')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateSiteLinkDto): Promise<ProfessionalSiteLink> {
    return this.links.create(user, dto);
  }

  @UpdateRoute(
    'professionals.write',
    'Modifie le rôle ou la date de début d’un rattachement ; 409 si la version est périmée.',
  )
  update(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateSiteLinkDto,
  ): Promise<ProfessionalSiteLink> {
    return this.links.update(user, id, dto);
  }

  @ActionRoute(
    'end',
    'professionals.write',
    'Termine un rattachement à une date (passée ou du jour) ; il reste dans l’historique.',
  )
  end(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: EndSiteLinkDto,
  ): Promise<ProfessionalSiteLink> {
    return this.links.end(user, id, dto);
  }
}
