import {
  DEPARTEMENT_CODE,
  MEASURE_STATUSES,
  MEASURE_TYPES,
  type MeasureInput,
  type MeasureStatus,
  type MeasureType,
} from '@maillage/shared/domain';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

import { IssueVersionDto } from '../../access-issues/dto/access-issue.dto';
import { IsIsoDate, Omittable, trim } from '../../sites/dto/field-rules';

const MAX_EUROS = 1_000_000_000;

/** An amount in euros, cents at most, from 0 to a billion. */
function Euros(field: string) {
  return applyDecorators(
    IsNumber(
      { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 },
      { message: `${field} : montant en euros attendu (deux décimales au plus).` },
    ),
    Min(0, { message: `${field} : le montant ne peut pas être négatif.` }),
    Max(MAX_EUROS, { message: `${field} : 1 milliard d’euros au plus.` }),
  );
}

const NUMBER = { allowNaN: false, allowInfinity: false };

/** An outcome indicator; `target` and `value` may be null (not measured yet). Messages get their path. */
export class MeasureIndicatorDto {
  @Transform(trim)
  @IsString({ message: 'le nom de l’indicateur est obligatoire.' })
  @MinLength(2, { message: '2 caractères au moins.' })
  @MaxLength(100, { message: '100 caractères au plus.' })
  name!: string;

  @IsOptional()
  @IsNumber(NUMBER, { message: 'nombre attendu (ou null).' })
  target!: number | null;

  @IsOptional()
  @IsNumber(NUMBER, { message: 'nombre attendu (ou null).' })
  value!: number | null;

  /** e.g. "places", "internes", "%". */
  @Transform(trim)
  @IsOptional()
  @IsString({ message: 'texte attendu.' })
  @MaxLength(30, { message: '30 caractères au plus.' })
  unit?: string | null;
}

export class CreateMeasureDto implements MeasureInput {
  @ApiProperty({ enum: MEASURE_TYPES })
  @IsIn(MEASURE_TYPES, { message: `type : valeurs possibles ${MEASURE_TYPES.join(', ')}.` })
  type!: MeasureType;

  @Transform(trim)
  @IsString({ message: 'name : le nom est obligatoire.' })
  @MinLength(2, { message: 'name : 2 caractères au moins.' })
  @MaxLength(200, { message: 'name : 200 caractères au plus.' })
  name!: string;

  /** No health information. */
  @Transform(trim)
  @IsOptional()
  @IsString({ message: 'description : texte attendu.' })
  @MaxLength(4000, { message: 'description : 4000 caractères au plus.' })
  description?: string | null;

  /** Euros (default 0). */
  @Omittable()
  @Euros('budgetPlanned')
  budgetPlanned?: number;

  /** Euros (default 0); never above `budgetPlanned`: revise the plan before committing more. */
  @Omittable()
  @Euros('budgetCommitted')
  budgetCommitted?: number;

  @IsOptional()
  @IsIsoDate('startDate')
  startDate?: string | null;

  /** On or after `startDate`. */
  @IsOptional()
  @IsIsoDate('endDate')
  endDate?: string | null;

  @ApiProperty({ enum: MEASURE_STATUSES, required: false, default: 'planned' })
  @Omittable()
  @IsIn(MEASURE_STATUSES, { message: `status : valeurs possibles ${MEASURE_STATUSES.join(', ')}.` })
  status?: MeasureStatus;

  /** Outcome indicators; replace all of them when given. */
  @Omittable()
  @IsArray({ message: 'indicators : liste attendue.' })
  @ArrayMaxSize(20, { message: 'indicators : 20 indicateurs au plus.' })
  @ValidateNested({ each: true })
  @Type(() => MeasureIndicatorDto)
  indicators?: MeasureIndicatorDto[];

  /** Sites concerned (live, same département); replace the links when given. */
  @Omittable()
  @IsArray({ message: 'siteIds : liste attendue.' })
  @ArrayMaxSize(500, { message: 'siteIds : 500 terrains au plus.' })
  @ArrayUnique({ message: 'siteIds : un terrain apparaît deux fois.' })
  @IsUUID('all', { each: true, message: 'siteIds : identifiants (uuid) attendus.' })
  siteIds?: string[];

  /** Access issues it acts on (live, same département); replace the links when given. */
  @Omittable()
  @IsArray({ message: 'issueIds : liste attendue.' })
  @ArrayMaxSize(500, { message: 'issueIds : 500 difficultés au plus.' })
  @ArrayUnique({ message: 'issueIds : une difficulté apparaît deux fois.' })
  @IsUUID('all', { each: true, message: 'issueIds : identifiants (uuid) attendus.' })
  issueIds?: string[];

  /** Only for a national administrator. */
  @IsOptional()
  @Matches(DEPARTEMENT_CODE, { message: 'departementCode : code de département invalide (ex. 77).' })
  departementCode?: string;
}

export class UpdateMeasureDto extends IntersectionType(
  PartialType(OmitType(CreateMeasureDto, ['departementCode'] as const), { skipNullProperties: false }),
  IssueVersionDto,
) {}
