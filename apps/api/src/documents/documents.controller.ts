import { type AuthUser, type DocumentDetail } from '@maillage/shared/domain';
import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { withStreamErrors } from '../common/errors/stream-errors';
import { ParseIdPipe } from '../common/http/id.pipe';
import { attachmentDisposition } from './content-disposition';
import { DocumentsService } from './documents.service';
import { DocumentVersionDto, DownloadQuery } from './dto/document.dto';
import { UPLOAD_BODY } from './record-documents.controller';

const IF_MATCH = { name: 'If-Match', required: false, description: 'La version lue du document (ex. "2").' };

@ApiTags('documents')
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @ApiOperation({ summary: 'Un document et toutes ses versions (la plus récente d’abord).' })
  @Allow('documents.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<DocumentDetail> {
    return this.documents.get(user, id);
  }

  @ApiOperation({
    summary: 'Télécharge le document (version courante, ou ?version=n), avec les droits de l’enregistrement.',
  })
  @Allow('documents.read')
  @Get(':id/content')
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: DownloadQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { version, stream } = await this.documents.download(user, id, query.version);
    res.setHeader('Content-Disposition', attachmentDisposition(version.fileName));
    res.setHeader('Content-Type', version.mediaType);
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('ETag', `"${version.sha256}"`);
    return withStreamErrors(new StreamableFile(stream, { length: version.sizeBytes }));
  }

  @ApiOperation({
    summary:
      'Remplace le document par une nouvelle version (multipart, champ « file ») ; If-Match : la version lue ; ' +
      '409 si le document a changé entre-temps.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiHeader({ ...IF_MATCH, required: true })
  @Allow('documents.write')
  @Post(':id/versions')
  replace(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Req() req: Request,
  ): Promise<DocumentDetail> {
    // The If-Match middleware puts the version read in `req.body` (the multipart body itself is streamed).
    const version = (req.body as { version?: unknown } | undefined)?.version;
    if (typeof version !== 'number') {
      throw new BadRequestException('If-Match : précisez la version lue du document, par exemple "1".');
    }
    return this.documents.replace(user, id, version, req);
  }

  @ApiOperation({ summary: 'Archive (supprime) le document ; il reste restaurable avec ses versions.' })
  @ApiHeader(IF_MATCH)
  @Allow('documents.write')
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async archive(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: DocumentVersionDto,
  ): Promise<void> {
    await this.documents.setArchived(user, id, dto.version, true);
  }

  @ApiOperation({ summary: 'Restaure un document archivé.' })
  @ApiHeader(IF_MATCH)
  @Allow('documents.write')
  @Post(':id/restore')
  @HttpCode(HttpStatus.OK)
  restore(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: DocumentVersionDto,
  ): Promise<DocumentDetail> {
    return this.documents.setArchived(user, id, dto.version, false);
  }
}
