import { Module } from '@nestjs/common';

import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { DocumentsPersonalData } from './personal-data.service';
import { RECORD_DOCUMENTS_CONTROLLERS } from './record-documents.controller';

/**
 * Documents attached to sites, accreditations, visits, referrals and committee meetings,
 * stored in PostgreSQL. `DocumentsPersonalData` is for the personal-data export and erasure.
 */
@Module({
  controllers: [...RECORD_DOCUMENTS_CONTROLLERS, DocumentsController],
  providers: [DocumentsService, DocumentsPersonalData],
  exports: [DocumentsPersonalData],
})
export class DocumentsModule {}
