import { Module } from '@nestjs/common';

import { ClockModule } from '../common/clock/clock.module';
import { AnnualReportsController } from './annual-reports.controller';
import { AnnualReportsService } from './annual-reports.service';

@Module({
  imports: [ClockModule],
  controllers: [AnnualReportsController],
  providers: [AnnualReportsService],
})
export class AnnualReportsModule {}
