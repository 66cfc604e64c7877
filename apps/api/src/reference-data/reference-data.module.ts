import { Module } from '@nestjs/common';

import { TerritoryModule } from '../territory/territory.module';
import { ContoursUploadService } from './contours-upload.service';
import { ReferenceDataController } from './reference-data.controller';
import { ZonageImportService } from './zonage-import.service';

@Module({
  imports: [TerritoryModule],
  controllers: [ReferenceDataController],
  providers: [ZonageImportService, ContoursUploadService],
})
export class ReferenceDataModule {}
