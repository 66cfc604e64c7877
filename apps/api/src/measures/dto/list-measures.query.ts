import { MEASURE_STATUSES, MEASURE_TYPES, type MeasureStatus, type MeasureType } from '@maillage/shared/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';

import { PageQueryDto, toBoolean } from '../../common/http/page-query.dto';

/** `GET /api/support-measures/summary`: the live measures, optionally of one status. */
export class MeasureSummaryQuery {
  @ApiProperty({ enum: MEASURE_STATUSES, required: false })
  @IsOptional()
  @IsIn(MEASURE_STATUSES, { message: `status : valeurs possibles ${MEASURE_STATUSES.join(', ')}.` })
  status?: MeasureStatus;
}

/**
 * `GET /api/support-measures`: `q` searches the name; `sort` on name (default), type, status,
 * startDate, endDate, budgetPlanned, budgetCommitted, updatedAt, createdAt.
 */
export class ListMeasuresQuery extends PageQueryDto {
  @ApiProperty({ enum: MEASURE_TYPES, required: false })
  @IsOptional()
  @IsIn(MEASURE_TYPES, { message: `type : valeurs possibles ${MEASURE_TYPES.join(', ')}.` })
  type?: MeasureType;

  @ApiProperty({ enum: MEASURE_STATUSES, required: false })
  @IsOptional()
  @IsIn(MEASURE_STATUSES, { message: `status : valeurs possibles ${MEASURE_STATUSES.join(', ')}.` })
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
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'archived : true ou false.' })
  archived?: boolean;
}
