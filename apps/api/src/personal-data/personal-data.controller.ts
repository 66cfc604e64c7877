import { type AuthUser, type ErasureReport, type PersonalDataExport } from '@maillage/shared/domain';
import { Body, Controller, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { CurrentUser } from '../common/auth/current-user.decorator';
import { renderPdf } from '../common/pdf/pdf-renderer';
import { download, PDF } from '../common/routes/download';
import { ActionRoute, FileRoute, IdParam, ReadRoute } from '../common/routes/route.decorators';
import { VersionDto } from '../common/validation/version.dto';
import { departementNameOf } from '../territory/departement-name';
import { ErasureService } from './erasure.service';
import { personalDataDocument } from './personal-data.document';
import { PersonalDataService } from './personal-data.service';

/** The rights of a professional over their personal data: access (JSON, PDF) and erasure. */
@ApiTags('professionals')
@Controller('professionals')
export class PersonalDataController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly data: PersonalDataService,
    private readonly erasure: ErasureService,
  ) {}

  @ReadRoute(
    'personalData.manage',
    ':id/personal-data',
    'Tout ce que Maillage détient sur ce professionnel (droit d’accès), en JSON.',
  )
  export(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<PersonalDataExport> {
    return this.data.export(user, id);
  }

  @FileRoute('personalData.manage', ':id/personal-data.pdf', PDF, 'Les mêmes données en PDF, à remettre à la personne.')
  async pdf(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<StreamableFile> {
    const data = await this.data.export(user, id);
    const departement = await departementNameOf(this.db.manager, data.departementCode);
    const body = await renderPdf(personalDataDocument(data, departement, new Date()));
    return download({ filename: `donnees-personnelles-${id.slice(0, 8)}.pdf`, body }, PDF);
  }

  @ActionRoute(
    'erase',
    'personalData.manage',
    'Efface sur demande : anonymise le professionnel et ce qui le nomme, en gardant les chiffres agrégés ' +
      'et les rapports approuvés ; l’historique garde la trace de l’effacement, pas les données.',
  )
  erase(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: VersionDto): Promise<ErasureReport> {
    return this.erasure.erase(user, id, dto.version);
  }
}
