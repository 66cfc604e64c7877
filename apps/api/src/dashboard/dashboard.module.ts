import { Module } from '@nestjs/common';

import { ClockModule } from '../common/clock/clock.module';
import { FigureCacheModule } from '../figure-cache/figure-cache.module';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';

@Module({
  imports: [ClockModule, FigureCacheModule],
  controllers: [DashboardController],
  providers: [DashboardService],
})
export class DashboardModule {}
