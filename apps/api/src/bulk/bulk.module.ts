import { Module } from '@nestjs/common';

import { ClockModule } from '../common/clock/clock.module';
import { ProfessionalsModule } from '../professionals/professionals.module';
import { TasksModule } from '../tasks/tasks.module';
import { BULK_CONTROLLERS } from './bulk.controller';
import { BulkService } from './bulk.service';

/** Bulk actions and CSV exports on the lists of sites, professionals, accreditations, tasks and referrals. */
@Module({
  imports: [ClockModule, ProfessionalsModule, TasksModule],
  controllers: BULK_CONTROLLERS,
  providers: [BulkService],
})
export class BulkModule {}
