import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

import { toBoolean } from '../common/http/page-query.dto';
import { IsFileName } from '../common/upload/file-name';

export class ReferenceFileQuery {
  @IsFileName()
  fileName!: string;
}

export class ZonageImportQuery extends ReferenceFileQuery {
  /** `false` (default): preview only; `true`: apply. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'apply : true ou false.' })
  apply?: boolean;
}
