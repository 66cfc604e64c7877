import { MEASURE_STATUSES, MEASURE_TYPES, type MeasureStatus, type MeasureType } from '@maillage/shared/domain';
import { IsOptional, IsUUID } from 'class-validator';

import { PageQueryDto } from '../../common/http/page-query.dto';
import { OneOf, QueryFlag } from '../../common/validation/rules';

/** `GET /api/support-measures/summary`: the live measures, optionally of one status. */
export class MeasureSummaryQuery {
  @OneOf(MEASURE_STATUSES, { presence: 'optional' })
  status?: MeasureStatus;
}

/**
 * `GET /api/support-measures`: `q` searches the name; `sort` on name (default), type, status,
 * startDate, endDate, budgetPlanned, budgetCommitted, updatedAt, createdAt.
 */
export class ListMeasuresQuery extends PageQueryDto {
  @OneOf(MEASURE_TYPES, { presence: 'optional' })
  type?: MeasureType;

  @OneOf(MEASURE_STATUSES, { presence: 'optional' })
  status?: MeasureStatus;

  /** Measures concerning this site. */
  @IsOptional()
  @IsUUID('all', { message: 'site : identifiant de terrain (uuid) attendu.' })
  site?: string;

  /** Measures acting on this access issue. */
  @IsOptional()
  @IsUUID('all', { message: 'issue : identifiant de difficulté (uuid) attendu.' })
  issue?: string;

  /** `true`: archived measures only; `false` (default): live ones only. */
  @QueryFlag()
  archived?: boolean;
}
