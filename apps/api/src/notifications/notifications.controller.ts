import {
  type AuthUser,
  type MarkAllReadResult,
  type NotificationPreferencesView,
  type NotificationView,
  type Page,
  type UnreadNotifications,
} from '@maillage/shared/domain';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ParseIdPipe } from '../common/http/id.pipe';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import { UpdatePreferencesDto } from './dto/preferences.dto';
import { NotificationsService } from './notifications.service';
import { PreferencesService } from './preferences.service';

@ApiTags('notifications')
@Allow('notifications.own')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly preferences: PreferencesService,
  ) {}

  @ApiOperation({ summary: 'Vos notifications, les plus récentes d’abord (unread=true : les non lues).' })
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListNotificationsQuery): Promise<Page<NotificationView>> {
    return this.notifications.list(user.id, query);
  }

  @ApiOperation({ summary: 'Le nombre de vos notifications non lues (la cloche).' })
  @Get('unread-count')
  unread(@CurrentUser() user: AuthUser): Promise<UnreadNotifications> {
    return this.notifications.unread(user.id);
  }

  @ApiOperation({ summary: 'Vos choix : notifications reçues aussi par e-mail, jour et heure du récapitulatif.' })
  @Get('preferences')
  getPreferences(@CurrentUser() user: AuthUser): Promise<NotificationPreferencesView> {
    return this.preferences.get(user);
  }

  @ApiOperation({ summary: 'Enregistre vos choix (tous les champs).' })
  @Put('preferences')
  updatePreferences(
    @CurrentUser() user: AuthUser,
    @Body() dto: UpdatePreferencesDto,
  ): Promise<NotificationPreferencesView> {
    return this.preferences.update(user, dto);
  }

  @ApiOperation({ summary: 'Marque toutes vos notifications comme lues.' })
  @Post('read-all')
  @HttpCode(HttpStatus.OK)
  markAllRead(@CurrentUser() user: AuthUser): Promise<MarkAllReadResult> {
    return this.notifications.markAllRead(user.id);
  }

  @ApiOperation({ summary: 'Marque une notification comme lue.' })
  @Post(':id/read')
  @HttpCode(HttpStatus.OK)
  markRead(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<NotificationView> {
    return this.notifications.markRead(user.id, id);
  }
}
