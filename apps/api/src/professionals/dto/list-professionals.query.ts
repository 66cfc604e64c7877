import {
  INSEE_COMMUNE_CODE,
  MSU_STAGES,
  type MsuStage,
  PRACTICE_MODES,
  type PracticeMode,
} from '@maillage/shared/domain';
import { ApiProperty, IntersectionType, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

import { PageQueryDto, toBoolean } from '../../common/http/page-query.dto';

/** `?msuStage=a&msuStage=b` or `?msuStage=a,b`. */
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' || Array.isArray(value)
    ? [value]
        .flat()
        .flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]))
        .map((v) => (typeof v === 'string' ? v.trim() : v))
        .filter((v) => v !== '')
    : value;

/** Filters shared by the table and the kanban. */
export class ProfessionalFilters {
  @ApiProperty({ enum: MSU_STAGES, isArray: true, required: false })
  @IsOptional()
  @Transform(toList)
  @IsIn(MSU_STAGES, { each: true, message: `msuStage : valeurs possibles ${MSU_STAGES.join(', ')}.` })
  msuStage?: MsuStage[];

  /** `true`: accredited or active MSUs; `false`: the others. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'supervisor : true ou false.' })
  supervisor?: boolean;

  @IsOptional()
  @IsUUID('all', { message: 'site : identifiant de site invalide (uuid attendu).' })
  site?: string;

  /** INSEE code of the commune of a site where they practise. */
  @IsOptional()
  @Matches(INSEE_COMMUNE_CODE, { message: 'commune : code INSEE à 5 caractères attendu.' })
  commune?: string;

  @IsOptional()
  @IsString()
  @MaxLength(120, { message: 'specialty : 120 caractères au plus.' })
  specialty?: string;

  @ApiProperty({ enum: PRACTICE_MODES, required: false })
  @IsOptional()
  @IsIn(PRACTICE_MODES, { message: `practiceMode : valeurs possibles ${PRACTICE_MODES.join(', ')}.` })
  practiceMode?: PracticeMode;

  /** `true`: the archived ones only (default: live ones). */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'archived : true ou false.' })
  archived?: boolean;

  /** Names or RPPS, accent- and case-insensitive. */
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'q : 100 caractères au plus.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
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
