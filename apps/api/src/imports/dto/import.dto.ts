import {
  IMPORT_KINDS,
  IMPORT_ROW_OUTCOMES,
  IMPORT_STATUSES,
  type ImportKind,
  type ImportMapping,
  type ImportRowOutcome,
  type ImportStatus,
} from '@maillage/shared/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional } from 'class-validator';

import { PageQueryDto } from '../../common/http/page-query.dto';
import { IsFileName } from '../../common/upload/file-name';

/** `POST /api/imports?kind=sites&fileName=terrains.csv`, the file itself as the body. */
export class UploadImportQuery {
  @ApiProperty({ enum: IMPORT_KINDS })
  @IsIn(IMPORT_KINDS, { message: `kind : valeurs possibles ${IMPORT_KINDS.join(', ')}.` })
  kind!: ImportKind;

  /** The name of the file on the user's computer (kept in the history of imports). */
  @IsFileName()
  fileName!: string;
}

export class ListImportsQuery extends PageQueryDto {
  @ApiProperty({ enum: IMPORT_KINDS, required: false })
  @IsOptional()
  @IsIn(IMPORT_KINDS, { message: `kind : valeurs possibles ${IMPORT_KINDS.join(', ')}.` })
  kind?: ImportKind;

  @ApiProperty({ enum: IMPORT_STATUSES, required: false })
  @IsOptional()
  @IsIn(IMPORT_STATUSES, { message: `status : valeurs possibles ${IMPORT_STATUSES.join(', ')}.` })
  status?: ImportStatus;
}

export class ListImportRowsQuery extends PageQueryDto {
  @ApiProperty({ enum: IMPORT_ROW_OUTCOMES, required: false })
  @IsOptional()
  @IsIn(IMPORT_ROW_OUTCOMES, { message: `outcome : valeurs possibles ${IMPORT_ROW_OUTCOMES.join(', ')}.` })
  outcome?: ImportRowOutcome;
}

/** `PUT /api/imports/:id/mapping`: for each field key, the index of its column in `headers`, or null. */
export class ImportMappingDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', nullable: true },
    example: { name: 0, kind: 2 },
  })
  @IsObject({ message: 'mapping : objet attendu (clé du champ → numéro de colonne ou null).' })
  mapping!: ImportMapping;
}
