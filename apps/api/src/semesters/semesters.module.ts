import { Module } from '@nestjs/common';

import { ClockModule } from '../common/clock/clock.module';
import { SemestersController } from './semesters.controller';
import { SemestersService } from './semesters.service';

@Module({
  imports: [ClockModule],
  controllers: [SemestersController],
  providers: [SemestersService],
})
export class SemestersModule {}
