import type { AuthUser, ReminderRunResult } from '@maillage/shared/domain';
import { Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../../common/auth/allow.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { Clock } from '../../common/clock/clock';
import { visibleDepartements } from '../../common/scope/territory-scope';
import { RemindersService } from './reminders.service';

@ApiTags('tasks')
@Controller('tasks/reminders')
export class RemindersController {
  constructor(
    private readonly reminders: RemindersService,
    private readonly clock: Clock,
  ) {}

  @ApiOperation({
    summary:
      'Calcule maintenant les rappels de votre département (sinon faits toutes les REMINDERS_INTERVAL_MINUTES) ; ' +
      'renvoie le nombre de tâches créées par règle, ou skipped si une autre instance calcule au même moment.',
  })
  @Allow('tasks.write')
  @Post('run')
  @HttpCode(HttpStatus.OK)
  run(@CurrentUser() user: AuthUser): Promise<ReminderRunResult> {
    return this.reminders.run(this.clock.today(), visibleDepartements(user));
  }
}
