import {
  SITE_KINDS,
  SITE_STATUSES,
  type SiteKind,
  type SiteStatus,
  STAGE_TYPES,
  type StageType,
  type Zonage,
  ZONAGES,
} from '@maillage/shared/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';

import { PageQueryDto, toBoolean } from '../../common/http/page-query.dto';

/**
 * `GET /api/sites`: `q` searches name and commune (accents ignored); `sort` on name, commune,
 * kind, status, updatedAt, createdAt.
 */
export class ListSitesQuery extends PageQueryDto {
  /** INSEE code of the commune. */
  @IsOptional()
  @Matches(/^(?:\d{5}|2[AB]\d{3})$/, { message: 'commune : code INSEE à 5 caractères attendu.' })
  commune?: string;

  /** SIREN of the intercommunality. */
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'epci : SIREN à 9 chiffres attendu.' })
  epci?: string;

  @ApiProperty({ enum: SITE_KINDS, required: false })
  @IsOptional()
  @IsIn(SITE_KINDS, { message: `kind : valeurs possibles ${SITE_KINDS.join(', ')}.` })
  kind?: SiteKind;

  @ApiProperty({ enum: SITE_STATUSES, required: false })
  @IsOptional()
  @IsIn(SITE_STATUSES, { message: `status : valeurs possibles ${SITE_STATUSES.join(', ')}.` })
  status?: SiteStatus;

  /** Sites offering at least one place of this stage type. */
  @ApiProperty({ enum: STAGE_TYPES, required: false })
  @IsOptional()
  @IsIn(STAGE_TYPES, { message: `stageType : valeurs possibles ${STAGE_TYPES.join(', ')}.` })
  stageType?: StageType;

  /** Current ARS zonage of the site's commune. */
  @ApiProperty({ enum: ZONAGES, required: false })
  @IsOptional()
  @IsIn(ZONAGES, { message: `zonage : valeurs possibles ${ZONAGES.join(', ')}.` })
  zonage?: Zonage;

  /** `true`: sites with at least one open or in-progress access issue; `false`: sites with none. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'hasOpenAccessIssues : true ou false.' })
  hasOpenAccessIssues?: boolean;

  /** `true`: archived sites only; `false` (default): live sites only. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'archived : true ou false.' })
  archived?: boolean;
}
