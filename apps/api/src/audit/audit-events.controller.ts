import type { AuditEventView, AuthUser, Page } from '@maillage/shared/domain';
import { Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { CurrentUser } from '../common/auth/current-user.decorator';
import { ReadRoute } from '../common/routes/route.decorators';
import { ListAuditEventsQuery } from './audit-events.query';
import { AuditEventsService } from './audit-events.service';

@ApiTags('audit-events')
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly events: AuditEventsService) {}

  @ReadRoute(
    'audit.read',
    undefined,
    'Historique des modifications d’un enregistrement (qui, quand, avant → après), du plus récent au plus ancien.',
  )
  list(@CurrentUser() user: AuthUser, @Query() query: ListAuditEventsQuery): Promise<Page<AuditEventView>> {
    return this.events.list(user, query);
  }
}
