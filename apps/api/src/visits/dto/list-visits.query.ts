import { VISIT_PURPOSES, VISIT_STATUSES, type VisitPurpose, type VisitStatus } from '@maillage/shared/domain';
import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

import { PageQueryDto } from '../../common/http/page-query.dto';
import { PeriodQuery } from '../../common/validation/period.dto';
import { IsId, OneOf, QueryFlag } from '../../common/validation/rules';

/**
 * `GET /api/site-visits`: the calendar. `from`/`to` bound the planned date (inclusive); `q`
 * searches the site's name and commune; `sort` on plannedOn (default), visitedOn, status,
 * createdAt, updatedAt.
 */
export class ListVisitsQuery extends IntersectionType(PageQueryDto, PeriodQuery) {
  /** Id of the site. */
  @IsId('optional')
  site?: string;

  @OneOf(VISIT_STATUSES, { presence: 'optional' })
  status?: VisitStatus;

  @OneOf(VISIT_PURPOSES, { presence: 'optional' })
  purpose?: VisitPurpose;

  /** `true`: only the visits the caller takes part in. */
  @QueryFlag()
  mine?: boolean;

  /** `true`: archived visits only; `false` (default): live visits only. */
  @QueryFlag()
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
