import { DENSITY_LEVELS, type DensityLevel, INSEE_COMMUNE_CODE } from '@maillage/shared/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

import { PageQueryDto } from '../../common/http/page-query.dto';
import { IsFileName } from '../../common/upload/file-name';

/** `GET /api/rpps/general-practitioners`: GPs of the territory not yet MSU. */
export class ListGeneralPractitionersQuery extends PageQueryDto {
  @IsOptional()
  @Matches(INSEE_COMMUNE_CODE, { message: 'commune : code INSEE à 5 caractères attendu.' })
  commune?: string;

  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'epci : SIREN à 9 chiffres attendu.' })
  epci?: string;

  /** Code of the directory: L (libéral), S (salarié), B (bénévole). */
  @IsOptional()
  @Matches(/^[A-Z]{1,3}$/, { message: 'practiceMode : code du mode d’exercice attendu (L, S, B).' })
  practiceMode?: string;

  /** Activity sector of the directory, e.g. SA07 (cabinet individuel), SA08 (cabinet de groupe). */
  @IsOptional()
  @Matches(/^SA\d{2}$/, { message: 'sector : code de secteur d’activité attendu (ex. SA07).' })
  sector?: string;

  /** `none`: not in the registry yet; `pipeline`: in the registry (identified, contacted…). */
  @ApiProperty({ enum: ['none', 'pipeline'], required: false })
  @IsOptional()
  @IsIn(['none', 'pipeline'], { message: 'registry : none ou pipeline.' })
  registry?: 'none' | 'pipeline';
}

export class DensityQuery {
  @ApiProperty({ enum: DENSITY_LEVELS, required: false, default: 'commune' })
  @IsOptional()
  @IsIn(DENSITY_LEVELS, { message: `level : valeurs possibles ${DENSITY_LEVELS.join(', ')}.` })
  level: DensityLevel = 'commune';
}

/** `POST /api/rpps/loads?fileName=…`, the extract as the body. */
export class UploadRppsQuery {
  @IsFileName()
  fileName!: string;
}
