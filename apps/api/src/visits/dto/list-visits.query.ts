import { VISIT_PURPOSES, VISIT_STATUSES, type VisitPurpose, type VisitStatus } from '@maillage/shared/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

import { PageQueryDto, toBoolean } from '../../common/http/page-query.dto';
import { IsIsoDate } from '../../sites/dto/field-rules';

/**
 * `GET /api/site-visits`: the calendar. `from`/`to` bound the planned date (inclusive); `q`
 * searches the site's name and commune; `sort` on plannedOn (default), visitedOn, status,
 * createdAt, updatedAt.
 */
export class ListVisitsQuery extends PageQueryDto {
  /** Id of the site. */
  @IsOptional()
  @IsUUID('all', { message: 'site : identifiant (uuid) attendu.' })
  site?: string;

  @ApiProperty({ enum: VISIT_STATUSES, required: false })
  @IsOptional()
  @IsIn(VISIT_STATUSES, { message: `status : valeurs possibles ${VISIT_STATUSES.join(', ')}.` })
  status?: VisitStatus;

  @ApiProperty({ enum: VISIT_PURPOSES, required: false })
  @IsOptional()
  @IsIn(VISIT_PURPOSES, { message: `purpose : valeurs possibles ${VISIT_PURPOSES.join(', ')}.` })
  purpose?: VisitPurpose;

  /** First planned date, inclusive (`YYYY-MM-DD`). */
  @IsOptional()
  @IsIsoDate('from')
  from?: string;

  /** Last planned date, inclusive (`YYYY-MM-DD`). */
  @IsOptional()
  @IsIsoDate('to')
  to?: string;

  /** `true`: only the visits the caller takes part in. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'mine : true ou false.' })
  mine?: boolean;

  /** `true`: archived visits only; `false` (default): live visits only. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'archived : true ou false.' })
  archived?: boolean;
}

/** `GET /api/site-visits/overdue-sites`: `sort` on lastVisitOn (default, never visited first), name, commune. */
export class OverdueSitesQuery extends PageQueryDto {
  /** Window in months; defaults to SITE_VISIT_INTERVAL_MONTHS. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'months : nombre entier de mois attendu.' })
  @Min(1, { message: 'months : 1 mois au moins.' })
  @Max(60, { message: 'months : 60 mois au plus.' })
  months?: number;
}
