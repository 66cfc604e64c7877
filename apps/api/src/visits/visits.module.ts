import { Module } from '@nestjs/common';

import { AccessIssuesModule } from '../access-issues/access-issues.module';
import { TasksModule } from '../tasks/tasks.module';
import { VisitRecordingService } from './visit-recording.service';
import { VisitReportService } from './visit-report.service';
import { SiteVisitsController } from './visits.controller';
import { VisitsService } from './visits.service';

@Module({
  imports: [AccessIssuesModule, TasksModule],
  controllers: [SiteVisitsController],
  providers: [VisitsService, VisitRecordingService, VisitReportService],
  exports: [VisitsService],
})
export class SiteVisitsModule {}
