import {
  ACCESS_ISSUE_CATEGORIES,
  ACCESS_ISSUE_SOURCES,
  ACCESS_ISSUE_STATUSES,
  type AccessIssueCategory,
  type AccessIssueSource,
  type AccessIssueStatus,
} from '@maillage/shared/domain';
import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

import { PageQueryDto } from '../../common/http/page-query.dto';
import { PeriodQuery } from '../../common/validation/period.dto';
import { OneOf, QueryFlag } from '../../common/validation/rules';

/** Filters shared by the list and the board: a site, and a period of `raisedOn`. */
export class AccessIssueBoardQuery extends PeriodQuery {
  @IsOptional()
  @IsUUID('all', { message: 'site : identifiant de terrain (uuid) attendu.' })
  site?: string;
}

/**
 * `GET /api/access-issues`: `q` searches the description and the site's name; `sort` on
 * raisedOn (default, newest first), severity, status, category, closedOn, updatedAt, createdAt.
 */
export class ListAccessIssuesQuery extends IntersectionType(PageQueryDto, AccessIssueBoardQuery) {
  @OneOf(ACCESS_ISSUE_CATEGORIES, { presence: 'optional' })
  category?: AccessIssueCategory;

  /** Minimum severity (1 to 4). */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'severity : gravité minimale, entier de 1 à 4.' })
  @Min(1, { message: 'severity : gravité minimale, entier de 1 à 4.' })
  @Max(4, { message: 'severity : gravité minimale, entier de 1 à 4.' })
  severity?: number;

  /** One or several statuses (`status=open,in_progress`). */
  @OneOf(ACCESS_ISSUE_STATUSES, { presence: 'optional', each: true })
  status?: AccessIssueStatus[];

  @OneOf(ACCESS_ISSUE_SOURCES, { presence: 'optional' })
  source?: AccessIssueSource;

  /** `true`: open or in progress; `false`: resolved or won't fix. */
  @QueryFlag()
  open?: boolean;

  /** Issues raised by this visit. */
  @IsOptional()
  @IsUUID('all', { message: 'visit : identifiant de visite (uuid) attendu.' })
  visit?: string;

  /** `true`: archived issues only; `false` (default): live ones only. */
  @QueryFlag()
  archived?: boolean;
}
