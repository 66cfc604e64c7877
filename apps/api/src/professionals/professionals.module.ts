import { Module } from '@nestjs/common';

import { ProfessionalPipelineController } from './professional-pipeline.controller';
import { ProfessionalPipelineService } from './professional-pipeline.service';
import { ProfessionalsQueryService } from './professionals-query.service';
import { ProfessionalsController } from './professionals.controller';
import { ProfessionalsService } from './professionals.service';
import { SiteLinksController } from './site-links.controller';
import { SiteLinksService } from './site-links.service';

@Module({
  controllers: [ProfessionalsController, ProfessionalPipelineController, SiteLinksController],
  providers: [ProfessionalsService, ProfessionalsQueryService, ProfessionalPipelineService, SiteLinksService],
  exports: [ProfessionalsService, ProfessionalsQueryService],
})
export class ProfessionalsModule {}
