import type { AuthUser, CommitteeMeetingDetail, CommitteeMeetingSummary, Page } from '@maillage/shared/domain';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ParseIdPipe } from '../common/http/id.pipe';
import { OptionalVersionDto } from '../common/validation/version.dto';
import { CommitteesService } from './committees.service';
import {
  CreateCommitteeMeetingDto,
  ListCommitteeMeetingsQuery,
  MeetingActionsDto,
  UpdateCommitteeMeetingDto,
} from './dto/committee-meeting.dto';

const IF_MATCH = { name: 'If-Match', required: false, description: 'La version lue (à la place de `version`).' };

@ApiTags('committee-meetings')
@Controller('committee-meetings')
export class CommitteesController {
  constructor(private readonly meetings: CommitteesService) {}

  @ApiOperation({ summary: 'Réunions des comités (filtres kind, status, year), les plus récentes d’abord.' })
  @Allow('committees.read')
  @Get()
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListCommitteeMeetingsQuery,
  ): Promise<Page<CommitteeMeetingSummary>> {
    return this.meetings.list(user, query);
  }

  @ApiOperation({ summary: 'Une réunion, avec ses participants, décisions, relevé ou rapport joint et ses actions.' })
  @Allow('committees.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<CommitteeMeetingDetail> {
    return this.meetings.get(user, id);
  }

  @Allow('committees.write')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCommitteeMeetingDto): Promise<CommitteeMeetingDetail> {
    return this.meetings.create(user, dto);
  }

  @ApiOperation({ summary: 'Modifie une réunion à partir de la version lue ; 409 si elle est périmée.' })
  @ApiHeader(IF_MATCH)
  @Allow('committees.write')
  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateCommitteeMeetingDto,
  ): Promise<CommitteeMeetingDetail> {
    return this.meetings.update(user, id, dto);
  }

  @ApiOperation({ summary: 'Archive une réunion (restaurable par l’administration, historique gardé).' })
  @ApiHeader(IF_MATCH)
  @Allow('committees.write')
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async archive(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: OptionalVersionDto,
  ): Promise<void> {
    await this.meetings.archive(user, id, dto.version);
  }

  @ApiOperation({ summary: 'Transforme les actions décidées en tâches de la réunion, toutes ou aucune.' })
  @Allow('committees.write')
  @Post(':id/actions')
  addActions(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: MeetingActionsDto,
  ): Promise<CommitteeMeetingDetail> {
    return this.meetings.addActions(user, id, dto);
  }
}
