import { type AuthUser, type OutboxMessageView, type OutboxSummary, type Page } from '@maillage/shared/domain';
import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ParseIdPipe } from '../common/http/id.pipe';
import { ListOutboxQuery } from './dto/list-outbox.query';
import { OutboxAdminService } from './outbox-admin.service';

@ApiTags('outbox')
@Allow('outbox.manage')
@Controller('outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxAdminService) {}

  @ApiOperation({
    summary: 'Les e-mails de la boîte d’envoi : en échec d’abord, puis en attente, avec la dernière erreur.',
  })
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListOutboxQuery): Promise<Page<OutboxMessageView>> {
    return this.outbox.list(user, query);
  }

  @ApiOperation({ summary: 'Nombre d’e-mails par état, et si l’envoi est configuré (SMTP_URL).' })
  @Get('summary')
  summary(@CurrentUser() user: AuthUser): Promise<OutboxSummary> {
    return this.outbox.summary(user);
  }

  @ApiOperation({ summary: 'Renvoie un e-mail en échec (ou en attente) : repart de la première tentative.' })
  @Post(':id/retry')
  @HttpCode(HttpStatus.OK)
  retry(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<OutboxMessageView> {
    return this.outbox.retry(user, id);
  }
}
