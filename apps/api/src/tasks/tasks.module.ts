import { Module } from '@nestjs/common';

import { ClockModule } from '../common/clock/clock.module';
import { ReminderScheduler } from './reminders/reminder-scheduler';
import { RemindersController } from './reminders/reminders.controller';
import { RemindersService } from './reminders/reminders.service';
import { TasksQueryService } from './tasks-query.service';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({
  imports: [ClockModule],
  // The reminders' literal route comes before `tasks/:id`.
  controllers: [RemindersController, TasksController],
  providers: [TasksService, TasksQueryService, RemindersService, ReminderScheduler],
  exports: [TasksService, TasksQueryService, ReminderScheduler],
})
export class TasksModule {}
