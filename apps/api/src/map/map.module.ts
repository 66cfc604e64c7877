import { Module } from '@nestjs/common';

import { ClockModule } from '../common/clock/clock.module';
import { FigureCacheModule } from '../figure-cache/figure-cache.module';
import { MapController } from './map.controller';
import { MapService } from './map.service';

@Module({
  imports: [ClockModule, FigureCacheModule],
  controllers: [MapController],
  providers: [MapService],
})
export class MapModule {}
