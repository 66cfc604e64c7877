import {
  SEMESTER_CODE,
  type SemesterCode,
  type SemesterDemandInput,
  STAGE_TYPES,
  type StageType,
} from '@maillage/shared/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

import { Omittable, OneOf, Text } from '../../common/validation/rules';

export const SEMESTER_MESSAGE = 'semestre : code attendu au format AAAA-W (hiver) ou AAAA-S (été), par exemple 2026-W.';
const DEPARTEMENT = /^(?:\d{2}|2[AB]|97\d)$/;
const MAX_PLACES = 10_000;

/** National administrators may narrow a read to one département (all by default). */
export class SemesterScopeQuery {
  @IsOptional()
  @Matches(DEPARTEMENT, { message: 'departement : code de département attendu (ex. 77).' })
  departement?: string;
}

/** `GET /api/semesters?from=2026-W&count=4`: from the current semester by default. */
export class SemesterPlanQuery extends SemesterScopeQuery {
  @IsOptional()
  @Matches(SEMESTER_CODE, { message: `from : ${SEMESTER_MESSAGE}` })
  from?: SemesterCode;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'count : nombre entier attendu.' })
  @Min(1, { message: 'count : 1 semestre au moins.' })
  @Max(12, { message: 'count : 12 semestres au plus.' })
  count = 4;
}

/** Messages name no field: the validation pipe prefixes the path (`demands.0.placesRequested`). */
export class SemesterDemandDto implements SemesterDemandInput {
  @OneOf(STAGE_TYPES, { message: `type de stage inconnu (valeurs possibles ${STAGE_TYPES.join(', ')}).` })
  stageType!: StageType;

  @IsInt({ message: 'nombre entier attendu.' })
  @Min(0, { message: 'ne peut pas être négatif.' })
  @Max(MAX_PLACES, { message: `${MAX_PLACES} au plus.` })
  placesRequested!: number;

  /** Known after the interns' choice; `null` clears it, leaving it out keeps it. */
  @IsOptional()
  @IsInt({ message: 'nombre entier attendu.' })
  @Min(0, { message: 'ne peut pas être négatif.' })
  @Max(MAX_PLACES, { message: `${MAX_PLACES} au plus.` })
  placesFilled?: number | null;

  /** Faculty, ARS, commission… */
  @Text({ max: 200, presence: 'optional' })
  source?: string | null;
}

/** `PUT /api/semesters/:semester/demands`: the stage types given are written, the others kept. */
export class PutSemesterDemandsDto {
  @IsArray({ message: 'demands : liste attendue.' })
  @ArrayMinSize(1, { message: 'demands : au moins un type de stage.' })
  @ArrayMaxSize(STAGE_TYPES.length, { message: `demands : ${STAGE_TYPES.length} types de stage au plus.` })
  @ArrayUnique((d: SemesterDemandDto | undefined) => d?.stageType, {
    message: 'demands : un type de stage apparaît deux fois.',
  })
  @ValidateNested({ each: true })
  @Type(() => SemesterDemandDto)
  demands!: SemesterDemandDto[];

  /** The semester's `version` last read (or `If-Match`); 0 before any figure. Leave out to overwrite. */
  @Omittable()
  @IsInt({ message: 'version : nombre entier attendu.' })
  @Min(0, { message: 'version : nombre entier positif attendu.' })
  version?: number;

  /** National administrators only. */
  @Omittable()
  @Matches(DEPARTEMENT, { message: 'departementCode : code de département attendu (ex. 77).' })
  departementCode?: string;
}
