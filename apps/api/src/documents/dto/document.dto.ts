import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

import { toBoolean } from '../../common/http/page-query.dto';

/** `GET /api/<records>/:id/documents?archived=true`: the archived ones (for those who may restore them). */
export class ListDocumentsQuery {
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'archived : true ou false.' })
  archived?: boolean;
}

/** `GET /api/documents/:id/content?version=2`: an older version (default: the current one). */
export class DownloadQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'version : numéro de version entier attendu.' })
  @Min(1, { message: 'version : 1 au minimum.' })
  @Max(1_000_000, { message: 'version : numéro trop grand.' })
  version?: number;
}

/** Archive and restore: the version read (body or If-Match), or none for the current one. */
export class DocumentVersionDto {
  @IsOptional()
  @IsInt({ message: 'version : la version lue (nombre entier) est attendue.' })
  @Min(1, { message: 'version : 1 au minimum.' })
  version?: number;
}
