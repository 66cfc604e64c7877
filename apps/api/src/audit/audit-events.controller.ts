import type { AuditEventView, AuthUser, Page } from '@maillage/shared/domain';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ListAuditEventsQuery } from './audit-events.query';
import { AuditEventsService } from './audit-events.service';

@ApiTags('audit-events')
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly events: AuditEventsService) {}

  @ApiOperation({
    summary:
      'Historique des modifications d’un enregistrement (qui, quand, avant → après), du plus récent au plus ancien.',
  })
  @Allow('audit.read')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListAuditEventsQuery): Promise<Page<AuditEventView>> {
    return this.events.list(user, query);
  }
}
