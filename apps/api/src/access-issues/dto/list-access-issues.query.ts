import {
  ACCESS_ISSUE_CATEGORIES,
  ACCESS_ISSUE_SOURCES,
  ACCESS_ISSUE_STATUSES,
  type AccessIssueCategory,
  type AccessIssueSource,
  type AccessIssueStatus,
} from '@maillage/shared/domain';
import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

import { PageQueryDto, toBoolean } from '../../common/http/page-query.dto';
import { IsIsoDate } from '../../sites/dto/field-rules';

/** `?status=a&status=b` or `?status=a,b`. */
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' || Array.isArray(value)
    ? [value]
        .flat()
        .flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]))
        .map((v) => (typeof v === 'string' ? v.trim() : v))
        .filter((v) => v !== '')
    : value;

/** Filters shared by the list and the board: a site, and a period of `raisedOn`. */
export class AccessIssueBoardQuery {
  @IsOptional()
  @IsUUID('all', { message: 'site : identifiant de terrain (uuid) attendu.' })
  site?: string;

  /** Raised on or after this date. */
  @IsOptional()
  @IsIsoDate('from')
  from?: string;

  /** Raised on or before this date. */
  @IsOptional()
  @IsIsoDate('to')
  to?: string;
}

/**
 * `GET /api/access-issues`: `q` searches the description and the site's name; `sort` on
 * raisedOn (default, newest first), severity, status, category, closedOn, updatedAt, createdAt.
 */
export class ListAccessIssuesQuery extends IntersectionType(PageQueryDto, AccessIssueBoardQuery) {
  @ApiProperty({ enum: ACCESS_ISSUE_CATEGORIES, required: false })
  @IsOptional()
  @IsIn(ACCESS_ISSUE_CATEGORIES, { message: `category : valeurs possibles ${ACCESS_ISSUE_CATEGORIES.join(', ')}.` })
  category?: AccessIssueCategory;

  /** Minimum severity (1 to 4). */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'severity : gravité minimale, entier de 1 à 4.' })
  @Min(1, { message: 'severity : gravité minimale, entier de 1 à 4.' })
  @Max(4, { message: 'severity : gravité minimale, entier de 1 à 4.' })
  severity?: number;

  /** One or several statuses (`status=open,in_progress`). */
  @ApiProperty({ enum: ACCESS_ISSUE_STATUSES, isArray: true, required: false })
  @IsOptional()
  @Transform(toList)
  @IsIn(ACCESS_ISSUE_STATUSES, {
    each: true,
    message: `status : valeurs possibles ${ACCESS_ISSUE_STATUSES.join(', ')}.`,
  })
  status?: AccessIssueStatus[];

  @ApiProperty({ enum: ACCESS_ISSUE_SOURCES, required: false })
  @IsOptional()
  @IsIn(ACCESS_ISSUE_SOURCES, { message: `source : valeurs possibles ${ACCESS_ISSUE_SOURCES.join(', ')}.` })
  source?: AccessIssueSource;

  /** `true`: open or in progress; `false`: resolved or won't fix. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'open : true ou false.' })
  open?: boolean;

  /** Issues raised by this visit. */
  @IsOptional()
  @IsUUID('all', { message: 'visit : identifiant de visite (uuid) attendu.' })
  visit?: string;

  /** `true`: archived issues only; `false` (default): live ones only. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'archived : true ou false.' })
  archived?: boolean;
}
