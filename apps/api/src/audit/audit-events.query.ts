import { IsOptional, Matches, MaxLength, ValidateIf } from 'class-validator';

import { PageQueryDto } from '../common/http/page-query.dto';

/** `GET /api/audit-events?entityType=&entityId=`: newest first (`sort=occurredAt:asc` for oldest first). */
export class ListAuditEventsQuery extends PageQueryDto {
  /** E.g. `training_site`, `accreditation`, `commune`. */
  @ValidateIf((o: ListAuditEventsQuery) => o.entityType !== undefined || o.entityId !== undefined)
  @Matches(/^[a-z][a-z_]{1,59}$/, {
    message: 'entityType : type d’enregistrement attendu (ex. training_site), obligatoire avec entityId.',
  })
  entityType?: string;

  /** Id (or code) of the record. */
  @IsOptional()
  @MaxLength(64, { message: 'entityId : 64 caractères au plus.' })
  @Matches(/^[A-Za-z0-9-]+$/, { message: 'entityId : identifiant attendu.' })
  entityId?: string;
}
