import { type AuthUser, type SearchResponse } from '@maillage/shared/domain';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { SearchQuery } from './dto/search.query';
import { SearchService } from './search.service';

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @ApiOperation({
    summary:
      'Recherche (professionnels, terrains, communes, signalements, visites, comités) sans tenir compte des accents ' +
      'et des petites fautes ; résultats groupés par type, limités à ce que votre rôle peut consulter.',
  })
  @Allow('search.use')
  @Get()
  find(@CurrentUser() user: AuthUser, @Query() query: SearchQuery): Promise<SearchResponse> {
    return this.search.search(user, query);
  }
}
