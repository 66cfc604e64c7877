import { Module } from '@nestjs/common';

import { ProfessionalPipelineController } from './professional-pipeline.controller';
import { ProfessionalPipelineService } from './professional-pipeline.service';
import { ProfessionalsQueryService } from './professionals-query.service';
import { ProfessionalsController } from './professionals.controller';
import { ProfessionalsService } from './professionals.service';

@Module({
  controllers: [ProfessionalsController, ProfessionalPipelineController],
  providers: [ProfessionalsService, ProfessionalsQueryService, ProfessionalPipelineService],
  exports: [ProfessionalsService, ProfessionalsQueryService],
})
export class ProfessionalsModule {}
