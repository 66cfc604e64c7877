import { Module } from '@nestjs/common';

import { DocumentsModule } from '../documents/documents.module';
import { ProfessionalsModule } from '../professionals/professionals.module';
import { ErasureService } from './erasure.service';
import { PersonalDataController } from './personal-data.controller';
import { PersonalDataService } from './personal-data.service';
import { RetentionScheduler } from './retention-scheduler';
import { RetentionService } from './retention.service';

@Module({
  imports: [ProfessionalsModule, DocumentsModule],
  controllers: [PersonalDataController],
  providers: [PersonalDataService, ErasureService, RetentionService, RetentionScheduler],
  exports: [RetentionScheduler, RetentionService],
})
export class PersonalDataModule {}
