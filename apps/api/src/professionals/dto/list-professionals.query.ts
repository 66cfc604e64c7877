import {
  INSEE_COMMUNE_CODE,
  MSU_STAGES,
  type MsuStage,
  PRACTICE_MODES,
  type PracticeMode,
} from '@maillage/shared/domain';
import { IntersectionType, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

import { PageQueryDto } from '../../common/http/page-query.dto';
import { OneOf, QueryFlag, Text } from '../../common/validation/rules';

/** Filters shared by the table and the kanban. */
export class ProfessionalFilters {
  @OneOf(MSU_STAGES, { presence: 'optional', each: true })
  msuStage?: MsuStage[];

  /** `true`: accredited or active MSUs; `false`: the others. */
  @QueryFlag()
  supervisor?: boolean;

  @IsOptional()
  @IsUUID('all', { message: 'site : identifiant de site invalide (uuid attendu).' })
  site?: string;

  /** INSEE code of the commune of a site where they practise. */
  @IsOptional()
  @Matches(INSEE_COMMUNE_CODE, { message: 'commune : code INSEE à 5 caractères attendu.' })
  commune?: string;

  @Text({ max: 120, presence: 'optional', untrimmed: true })
  specialty?: string;

  @OneOf(PRACTICE_MODES, { presence: 'optional' })
  practiceMode?: PracticeMode;

  /** `true`: the archived ones only (default: live ones). */
  @QueryFlag()
  archived?: boolean;

  /** Names or RPPS, accent- and case-insensitive. */
  @Text({ max: 100, presence: 'optional' })
  q?: string;
}

export class ListProfessionalsQuery extends IntersectionType(
  PageQueryDto,
  OmitType(ProfessionalFilters, ['q'] as const),
) {}

export const PIPELINE_LIMIT_DEFAULT = 50;

export class PipelineQuery extends ProfessionalFilters {
  /** Cards per column. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit : un nombre entier est attendu.' })
  @Min(1, { message: 'limit : 1 au minimum.' })
  @Max(200, { message: 'limit : 200 au maximum.' })
  limit = PIPELINE_LIMIT_DEFAULT;
}
