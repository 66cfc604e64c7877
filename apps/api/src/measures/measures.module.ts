import { Module } from '@nestjs/common';

import { SupportMeasuresController } from './measures.controller';
import { SupportMeasuresService } from './measures.service';

@Module({
  controllers: [SupportMeasuresController],
  providers: [SupportMeasuresService],
  exports: [SupportMeasuresService],
})
export class SupportMeasuresModule {}
