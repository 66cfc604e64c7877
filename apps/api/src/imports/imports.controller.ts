import { type AuthUser, type ImportJobView, type ImportRowView, type Page } from '@maillage/shared/domain';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ParseIdPipe } from '../common/http/id.pipe';
import { ImportMappingDto, ListImportRowsQuery, ListImportsQuery, UploadImportQuery } from './dto/import.dto';
import { ImportApplyService } from './import-apply.service';
import { ImportsService } from './imports.service';

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly applying: ImportApplyService,
  ) {}

  @ApiOperation({
    summary:
      'Envoie un tableur (CSV « , » ou « ; », UTF-8 ou Windows-1252, ou XLSX) comme corps de la requête : ' +
      'colonnes reconnues, aperçu calculé en arrière-plan (202 ; suivre GET /api/imports/{id}).',
  })
  @ApiConsumes(
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/octet-stream',
  )
  @Allow('imports.run')
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  upload(
    @CurrentUser() user: AuthUser,
    @Query() query: UploadImportQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportJobView> {
    return this.imports.upload(user, query, req, res);
  }

  @ApiOperation({ summary: 'Historique des imports (qui, quand, fichier, résultats).' })
  @Allow('imports.run')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListImportsQuery): Promise<Page<ImportJobView>> {
    return this.imports.list(user, query);
  }

  @ApiOperation({ summary: 'Un import : colonnes, correspondances, progression, résultats.' })
  @Allow('imports.run')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<ImportJobView> {
    return this.imports.get(user, id);
  }

  @ApiOperation({ summary: 'Les lignes d’un import, avec ce qu’elles font et leurs erreurs (filtre `outcome`).' })
  @Allow('imports.run')
  @Get(':id/rows')
  rows(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: ListImportRowsQuery,
  ): Promise<Page<ImportRowView>> {
    return this.imports.rows(user, id, query);
  }

  @ApiOperation({
    summary: 'Change les correspondances colonnes → champs (retenues pour le prochain fichier) et recalcule l’aperçu.',
  })
  @Allow('imports.run')
  @Put(':id/mapping')
  @HttpCode(HttpStatus.ACCEPTED)
  setMapping(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: ImportMappingDto,
  ): Promise<ImportJobView> {
    return this.imports.setMapping(user, id, dto);
  }

  @ApiOperation({ summary: 'Applique l’import en une transaction (tout ou rien), en arrière-plan (202).' })
  @Allow('imports.run')
  @Post(':id/apply')
  @HttpCode(HttpStatus.ACCEPTED)
  apply(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<ImportJobView> {
    return this.applying.apply(user, id);
  }

  @ApiOperation({ summary: 'Annule un import appliqué ; 409 avec la liste des enregistrements modifiés depuis.' })
  @Allow('imports.run')
  @Post(':id/undo')
  @HttpCode(HttpStatus.OK)
  undo(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<ImportJobView> {
    return this.applying.undo(user, id);
  }

  @ApiOperation({ summary: 'Supprime un aperçu non appliqué (et les données du fichier).' })
  @Allow('imports.run')
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.imports.remove(user, id);
  }
}
