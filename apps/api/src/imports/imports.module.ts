import { Module } from '@nestjs/common';

import { ImportApplyService } from './import-apply.service';
import { ImportTasks } from './import-tasks';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({
  controllers: [ImportsController],
  providers: [ImportsService, ImportApplyService, ImportTasks],
  exports: [ImportTasks],
})
export class ImportsModule {}
