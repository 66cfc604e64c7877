import type { AuthUser, InstallationIntentView, Page } from '@maillage/shared/domain';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ParseIdPipe } from '../common/http/id.pipe';

import { withETag } from '../common/routes/etag';
import { VersionDto } from '../common/validation/version.dto';
import { CreateIntentDto, ListIntentsQuery, UpdateIntentDto } from './dto/intent.dto';
import { IntentsService } from './intents.service';

const IF_MATCH = { name: 'If-Match', required: false };

@ApiTags('installation-intents')
@Controller('installation-intents')
export class IntentsController {
  constructor(private readonly intents: IntentsService) {}

  @ApiOperation({ summary: 'Liste les intentions d’installation (statut, horizon, commune visée).' })
  @Allow('intents.read')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListIntentsQuery): Promise<Page<InstallationIntentView>> {
    return this.intents.list(user, query);
  }

  @Allow('intents.read')
  @Get(':id')
  async get(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InstallationIntentView> {
    return withETag(res, await this.intents.get(user, id));
  }

  @ApiOperation({
    summary: 'Signale une intention d’installation ; sans consentement, seules les initiales sont conservées.',
  })
  @Allow('intents.write')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateIntentDto): Promise<InstallationIntentView> {
    return this.intents.create(user, dto);
  }

  @ApiOperation({ summary: 'Modifie une intention ; 409 si la version est périmée.' })
  @ApiHeader(IF_MATCH)
  @Allow('intents.write')
  @Patch(':id')
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateIntentDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InstallationIntentView> {
    return withETag(res, await this.intents.update(user, id, dto.version, dto));
  }

  @ApiOperation({ summary: 'Archive une intention (restaurable).' })
  @ApiHeader(IF_MATCH)
  @Allow('intents.write')
  @Delete(':id')
  @HttpCode(204)
  async archive(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: VersionDto,
  ): Promise<void> {
    await this.intents.setArchived(user, id, dto.version, true);
  }

  @ApiHeader(IF_MATCH)
  @Allow('intents.write')
  @Post(':id/restore')
  restore(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: VersionDto,
  ): Promise<InstallationIntentView> {
    return this.intents.setArchived(user, id, dto.version, false);
  }
}
