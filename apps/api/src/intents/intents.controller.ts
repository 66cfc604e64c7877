import type { AuthUser, InstallationIntentView, Page } from '@maillage/shared/domain';
import { Body, Controller, HttpStatus, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentUser } from '../common/auth/current-user.decorator';
import { ArchiveRoutes } from '../common/routes/archive-routes';
import { withETag } from '../common/routes/etag';
import { CreateRoute, IdParam, ReadRoute, UpdateRoute } from '../common/routes/route.decorators';
import { CreateIntentDto, ListIntentsQuery, UpdateIntentDto } from './dto/intent.dto';
import { IntentsService } from './intents.service';

@ApiTags('installation-intents')
@Controller('installation-intents')
export class IntentsController extends ArchiveRoutes<InstallationIntentView>({
  permission: 'intents.write',
  archive: 'Archive une intention (restaurable).',
  restore: 'Restaure une intention archivée.',
  versionRequired: true,
  restoreStatus: HttpStatus.CREATED,
}) {
  constructor(private readonly intents: IntentsService) {
    super(intents);
  }

  @ReadRoute('intents.read', undefined, 'Liste les intentions d’installation (statut, horizon, commune visée).')
  list(@CurrentUser() user: AuthUser, @Query() query: ListIntentsQuery): Promise<Page<InstallationIntentView>> {
    return this.intents.list(user, query);
  }

  @ReadRoute('intents.read', ':id')
  async get(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InstallationIntentView> {
    return withETag(res, await this.intents.get(user, id));
  }

  @CreateRoute(
    'intents.write',
    'Signale une intention d’installation ; sans consentement, seules les initiales sont conservées.',
  )
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateIntentDto): Promise<InstallationIntentView> {
    return this.intents.create(user, dto);
  }

  @UpdateRoute('intents.write', 'Modifie une intention ; 409 si la version est périmée.')
  async update(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateIntentDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InstallationIntentView> {
    return withETag(res, await this.intents.update(user, id, dto.version, dto));
  }
}
