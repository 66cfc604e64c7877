import { Module } from '@nestjs/common';

import { RppsDirectoryService } from './rpps-directory.service';
import { RppsLoadsService } from './rpps-loads.service';
import { RppsController } from './rpps.controller';
import { SupervisionIncomeService } from './supervision-income.service';

/** The national directory of practitioners (RPPS): loads, GPs not yet MSU, density, what supervising brings. */
@Module({
  controllers: [RppsController],
  providers: [RppsLoadsService, RppsDirectoryService, SupervisionIncomeService],
  exports: [RppsLoadsService],
})
export class RppsModule {}
