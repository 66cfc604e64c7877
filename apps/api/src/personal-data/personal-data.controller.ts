import { type AuthUser, type ErasureReport, type PersonalDataExport } from '@maillage/shared/domain';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ParseIdPipe } from '../common/http/id.pipe';
import { renderPdf } from '../common/pdf/pdf-renderer';
import { VersionDto } from '../common/validation/version.dto';
import { Departement } from '../territory/entities/departement.entity';
import { ErasureService } from './erasure.service';
import { personalDataDocument } from './personal-data.document';
import { PersonalDataService } from './personal-data.service';

/** The version last read (or `If-Match`). */
export class EraseDto extends VersionDto {}

/** The rights of a professional over their personal data: access (JSON, PDF) and erasure. */
@ApiTags('professionals')
@Controller('professionals')
export class PersonalDataController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly data: PersonalDataService,
    private readonly erasure: ErasureService,
  ) {}

  @ApiOperation({ summary: 'Tout ce que Maillage détient sur ce professionnel (droit d’accès), en JSON.' })
  @Allow('personalData.manage')
  @Get(':id/personal-data')
  export(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<PersonalDataExport> {
    return this.data.export(user, id);
  }

  @ApiOperation({ summary: 'Les mêmes données en PDF, à remettre à la personne.' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @Allow('personalData.manage')
  @Get(':id/personal-data.pdf')
  async pdf(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<StreamableFile> {
    const data = await this.data.export(user, id);
    const departement = await this.db.getRepository(Departement).findOneBy({ code: data.departementCode });
    const body = await renderPdf(personalDataDocument(data, departement?.name ?? data.departementCode, new Date()));
    return new StreamableFile(body, {
      type: 'application/pdf',
      disposition: `attachment; filename="donnees-personnelles-${id.slice(0, 8)}.pdf"`,
      length: body.length,
    });
  }

  @ApiOperation({
    summary:
      'Efface sur demande : anonymise le professionnel et ce qui le nomme, en gardant les chiffres agrégés ' +
      'et les rapports approuvés ; l’historique garde la trace de l’effacement, pas les données.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'La version lue.' })
  @Allow('personalData.manage')
  @Post(':id/erase')
  @HttpCode(HttpStatus.OK)
  erase(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: EraseDto,
  ): Promise<ErasureReport> {
    return this.erasure.erase(user, id, dto.version);
  }
}
