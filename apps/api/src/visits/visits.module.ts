import { Module } from '@nestjs/common';

import { VisitRecordingService } from './visit-recording.service';
import { VisitReportService } from './visit-report.service';
import { SiteVisitsController } from './visits.controller';
import { VisitsService } from './visits.service';

@Module({
  controllers: [SiteVisitsController],
  providers: [VisitsService, VisitRecordingService, VisitReportService],
  exports: [VisitsService],
})
export class SiteVisitsModule {}
