import { type AuthUser, type ZonageImportReport } from '@maillage/shared/domain';
import { Controller, HttpCode, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import type { ContoursReport } from '../territory/contours-loader.service';
import { ContoursUploadService } from './contours-upload.service';
import { ReferenceFileQuery, ZonageImportQuery } from './reference-data.dto';
import { ZonageImportService } from './zonage-import.service';

/** Reference data loaded from the screens by an administrator: ARS zonage, commune contours. */
@ApiTags('territory')
@Controller('communes')
export class ReferenceDataController {
  constructor(
    private readonly zonages: ZonageImportService,
    private readonly contours: ContoursUploadService,
  ) {}

  @ApiOperation({
    summary:
      'Zonage ARS de toutes les communes depuis un fichier (code INSEE, zonage, dates de validité) : ' +
      'aperçu (apply=false), puis enregistrement en une transaction (apply=true) ; une erreur et rien n’est enregistré.',
  })
  @ApiConsumes('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Allow('reference.import')
  @Post('zonages/import')
  @HttpCode(HttpStatus.OK)
  importZonages(
    @CurrentUser() user: AuthUser,
    @Query() query: ZonageImportQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ZonageImportReport> {
    return this.zonages.run(user, query.fileName, query.apply ?? false, req, res);
  }

  @ApiOperation({ summary: 'Charge les contours des communes depuis un GeoJSON envoyé (sans redémarrage).' })
  @ApiConsumes('application/geo+json', 'application/octet-stream')
  @Allow('reference.import')
  @Post('contours')
  @HttpCode(HttpStatus.OK)
  uploadContours(
    @Query() query: ReferenceFileQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ContoursReport> {
    return this.contours.upload(query.fileName, req, res);
  }

  @ApiOperation({
    summary: 'Recharge les contours depuis la source configurée (COMMUNE_CONTOURS_SOURCE), sans redémarrage.',
  })
  @Allow('reference.import')
  @Post('contours/refresh')
  @HttpCode(HttpStatus.OK)
  refreshContours(): Promise<ContoursReport> {
    return this.contours.refresh();
  }
}
