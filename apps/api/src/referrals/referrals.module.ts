import { Module } from '@nestjs/common';

import { ReferralActionsService } from './referral-actions.service';
import { ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';

@Module({
  controllers: [ReferralsController],
  providers: [ReferralsService, ReferralActionsService],
  exports: [ReferralsService],
})
export class CandidateReferralsModule {}
