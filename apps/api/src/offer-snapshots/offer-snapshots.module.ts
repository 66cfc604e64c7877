import { Module } from '@nestjs/common';

import { ClockModule } from '../common/clock/clock.module';
import { OfferSnapshotsController } from './offer-snapshots.controller';
import { OfferSnapshotsService } from './offer-snapshots.service';

@Module({
  imports: [ClockModule],
  controllers: [OfferSnapshotsController],
  providers: [OfferSnapshotsService],
  exports: [OfferSnapshotsService],
})
export class OfferSnapshotsModule {}
