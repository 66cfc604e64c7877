import {
  ACCREDITATION_STATUSES,
  ACCREDITATION_VALIDITIES,
  type AccreditationStatus,
  type AccreditationValidity,
  type Cycle,
  CYCLES,
  STAGE_TYPES,
  type StageType,
} from '@maillage/shared/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

import { PageQueryDto, toBoolean } from '../../common/http/page-query.dto';

/** `GET /api/accreditations`: `sort` on endDate (default), startDate, status, createdAt, updatedAt. */
export class ListAccreditationsQuery extends PageQueryDto {
  @ApiProperty({ enum: ACCREDITATION_STATUSES, required: false })
  @IsOptional()
  @IsIn(ACCREDITATION_STATUSES, { message: `status : valeurs possibles ${ACCREDITATION_STATUSES.join(', ')}.` })
  status?: AccreditationStatus;

  /** Where accreditations stand today (alert window: ACCREDITATION_ALERT_MONTHS). */
  @ApiProperty({ enum: ACCREDITATION_VALIDITIES, required: false })
  @IsOptional()
  @IsIn(ACCREDITATION_VALIDITIES, { message: `validity : valeurs possibles ${ACCREDITATION_VALIDITIES.join(', ')}.` })
  validity?: AccreditationValidity;

  /** In force and ending between today and today + n months. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'expiringWithinMonths : nombre entier de mois attendu.' })
  @Min(1, { message: 'expiringWithinMonths : 1 mois au moins.' })
  @Max(60, { message: 'expiringWithinMonths : 60 mois au plus.' })
  expiringWithinMonths?: number;

  /** Id of the accredited professional. */
  @IsOptional()
  @IsUUID('all', { message: 'professional : identifiant (uuid) attendu.' })
  professional?: string;

  /** Id of the accredited site. */
  @IsOptional()
  @IsUUID('all', { message: 'site : identifiant (uuid) attendu.' })
  site?: string;

  @ApiProperty({ enum: CYCLES, required: false })
  @IsOptional()
  @IsIn(CYCLES, { message: 'cycle : 2 ou 3.' })
  cycle?: Cycle;

  /** Accreditations covering this stage type. */
  @ApiProperty({ enum: STAGE_TYPES, required: false })
  @IsOptional()
  @IsIn(STAGE_TYPES, { message: `stageType : valeurs possibles ${STAGE_TYPES.join(', ')}.` })
  stageType?: StageType;

  /** `true`: archived only; `false` (default): live only. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'archived : true ou false.' })
  archived?: boolean;
}
