import type { AuthUser, CommitteeMeetingDetail, CommitteeMeetingSummary, Page } from '@maillage/shared/domain';
import { Body, Controller, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ArchiveOnlyRoutes } from '../common/routes/archive-routes';
import { CreateRoute, IdParam, ReadRoute, UpdateRoute } from '../common/routes/route.decorators';
import { CommitteesService } from './committees.service';
import {
  CreateCommitteeMeetingDto,
  ListCommitteeMeetingsQuery,
  MeetingActionsDto,
  UpdateCommitteeMeetingDto,
} from './dto/committee-meeting.dto';

@ApiTags('committee-meetings')
@Controller('committee-meetings')
export class CommitteesController extends ArchiveOnlyRoutes<void>({
  permission: 'committees.write',
  archive: 'Archive une réunion (son historique est gardé).',
}) {
  constructor(private readonly meetings: CommitteesService) {
    super(meetings);
  }

  @ReadRoute(
    'committees.read',
    undefined,
    'Réunions des comités (filtres kind, status, year), les plus récentes d’abord.',
  )
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListCommitteeMeetingsQuery,
  ): Promise<Page<CommitteeMeetingSummary>> {
    return this.meetings.list(user, query);
  }

  @ReadRoute(
    'committees.read',
    ':id',
    'Une réunion, avec ses participants, décisions, relevé ou rapport joint et ses actions.',
  )
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<CommitteeMeetingDetail> {
    return this.meetings.get(user, id);
  }

  @CreateRoute('committees.write')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCommitteeMeetingDto): Promise<CommitteeMeetingDetail> {
    return this.meetings.create(user, dto);
  }

  @UpdateRoute('committees.write', 'Modifie une réunion à partir de la version lue ; 409 si elle est périmée.')
  update(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateCommitteeMeetingDto,
  ): Promise<CommitteeMeetingDetail> {
    return this.meetings.update(user, id, dto);
  }

  @ApiOperation({ summary: 'Transforme les actions décidées en tâches de la réunion, toutes ou aucune.' })
  @Allow('committees.write')
  @Post(':id/actions')
  addActions(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: MeetingActionsDto,
  ): Promise<CommitteeMeetingDetail> {
    return this.meetings.addActions(user, id, dto);
  }
}
