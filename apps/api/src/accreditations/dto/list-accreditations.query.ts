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
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

import { PageQueryDto } from '../../common/http/page-query.dto';
import { IsId, OneOf, QueryFlag } from '../../common/validation/rules';

/**
 * `GET /api/accreditations`: `q` searches the holder's name (professional or site, accents
 * ignored); `sort` on endDate (default), startDate, status, createdAt, updatedAt.
 */
export class ListAccreditationsQuery extends PageQueryDto {
  @OneOf(ACCREDITATION_STATUSES, { presence: 'optional' })
  status?: AccreditationStatus;

  /** Where accreditations stand today (alert window: ACCREDITATION_ALERT_MONTHS). */
  @OneOf(ACCREDITATION_VALIDITIES, { presence: 'optional' })
  validity?: AccreditationValidity;

  /** In force and ending between today and today + n months. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'expiringWithinMonths : nombre entier de mois attendu.' })
  @Min(1, { message: 'expiringWithinMonths : 1 mois au moins.' })
  @Max(60, { message: 'expiringWithinMonths : 60 mois au plus.' })
  expiringWithinMonths?: number;

  /** Id of the accredited professional. */
  @IsId('optional')
  professional?: string;

  /** Id of the accredited site. */
  @IsId('optional')
  site?: string;

  @OneOf(CYCLES, { presence: 'optional', message: '2 ou 3.' })
  cycle?: Cycle;

  /** Accreditations covering this stage type. */
  @OneOf(STAGE_TYPES, { presence: 'optional' })
  stageType?: StageType;

  /** `true`: archived only; `false` (default): live only. */
  @QueryFlag()
  archived?: boolean;
}
