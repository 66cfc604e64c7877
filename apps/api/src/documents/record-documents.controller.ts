import {
  type AuthUser,
  DOCUMENT_RECORDS,
  DOCUMENT_RECORD_TYPES,
  type DocumentRecordType,
  type DocumentView,
} from '@maillage/shared/domain';
import { Controller, Get, Param, Post, Query, Req, type Type } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ParseIdPipe } from '../common/http/id.pipe';
import { DocumentsService } from './documents.service';
import { ListDocumentsQuery } from './dto/document.dto';

export const UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: { file: { type: 'string', format: 'binary', description: 'Le fichier (un seul).' } },
  },
};

/**
 * `GET|POST /api/<records>/:recordId/documents` for one kind of record, with the record's own
 * read and write permissions (`DOCUMENT_RECORDS`).
 */
function recordDocumentsController(type: DocumentRecordType): Type<unknown> {
  const info = DOCUMENT_RECORDS[type];

  @ApiTags('documents')
  @Controller(`${info.path}/:recordId/documents`)
  class RecordDocumentsController {
    constructor(private readonly documents: DocumentsService) {}

    @ApiOperation({ summary: `Documents joints (${info.label.toLowerCase()}), les plus récents d’abord.` })
    @Allow(info.read)
    @Get()
    list(
      @CurrentUser() user: AuthUser,
      @Param('recordId', ParseIdPipe) recordId: string,
      @Query() query: ListDocumentsQuery,
    ): Promise<DocumentView[]> {
      return this.documents.list(user, type, recordId, query.archived ?? false);
    }

    @ApiOperation({
      summary:
        `Joint un document (${info.label.toLowerCase()}) : multipart, champ « file » ; type vérifié sur le contenu ` +
        '(PDF, images, Word, Excel, PowerPoint, OpenDocument) ; 413 au-delà de DOCUMENTS_MAX_MB.',
    })
    @ApiConsumes('multipart/form-data')
    @ApiBody(UPLOAD_BODY)
    @Allow(info.write)
    @Post()
    upload(
      @CurrentUser() user: AuthUser,
      @Param('recordId', ParseIdPipe) recordId: string,
      @Req() req: Request,
    ): Promise<DocumentView> {
      return this.documents.upload(user, type, recordId, req);
    }
  }

  const name = `${info.path.replace(/(^|-)([a-z])/g, (_, __: string, c: string) => c.toUpperCase())}DocumentsController`;
  Object.defineProperty(RecordDocumentsController, 'name', { value: name });
  return RecordDocumentsController;
}

/** One controller per kind of record. */
export const RECORD_DOCUMENTS_CONTROLLERS = DOCUMENT_RECORD_TYPES.map(recordDocumentsController);
