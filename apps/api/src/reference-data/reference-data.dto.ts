import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

import { toBoolean } from '../common/http/page-query.dto';

export class ReferenceFileQuery {
  @IsString({ message: 'fileName : le nom du fichier est obligatoire.' })
  @MinLength(1, { message: 'fileName : le nom du fichier est obligatoire.' })
  @MaxLength(255, { message: 'fileName : 255 caractères au plus.' })
  fileName!: string;
}

export class ZonageImportQuery extends ReferenceFileQuery {
  /** `false` (default): preview only; `true`: apply. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'apply : true ou false.' })
  apply?: boolean;
}
