import {
  DEPARTEMENT_CODE,
  MEASURE_STATUSES,
  MEASURE_TYPES,
  type MeasureInput,
  type MeasureStatus,
  type MeasureType,
} from '@maillage/shared/domain';
import { applyDecorators } from '@nestjs/common';
import { IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsNumber,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

import { IsDecimal, IsIsoDate, Omittable, OneOf, Text } from '../../common/validation/rules';
import { VersionDto } from '../../common/validation/version.dto';

const MAX_EUROS = 1_000_000_000;

/** An amount in euros, cents at most, from 0 to a billion. */
function Euros(field: string) {
  return applyDecorators(
    IsDecimal(2, `${field} : montant en euros attendu (deux décimales au plus).`),
    Min(0, { message: `${field} : le montant ne peut pas être négatif.` }),
    Max(MAX_EUROS, { message: `${field} : 1 milliard d’euros au plus.` }),
  );
}

const NUMBER = { allowNaN: false, allowInfinity: false };

/** An outcome indicator; `target` and `value` may be null (not measured yet). Messages get their path. */
export class MeasureIndicatorDto {
  @Text({ max: 100, min: 2, notText: 'le nom de l’indicateur est obligatoire.' })
  name!: string;

  @IsOptional()
  @IsNumber(NUMBER, { message: 'nombre attendu (ou null).' })
  target!: number | null;

  @IsOptional()
  @IsNumber(NUMBER, { message: 'nombre attendu (ou null).' })
  value!: number | null;

  /** e.g. "places", "internes", "%". */
  @Text({ max: 30, presence: 'optional' })
  unit?: string | null;
}

export class CreateMeasureDto implements MeasureInput {
  @OneOf(MEASURE_TYPES)
  type!: MeasureType;

  @Text({ max: 200, min: 2, notText: 'le nom est obligatoire.' })
  name!: string;

  /** No health information. */
  @Text({ max: 4000, presence: 'optional' })
  description?: string | null;

  /** Euros (default 0). */
  @Omittable()
  @Euros('budgetPlanned')
  budgetPlanned?: number;

  /** Euros (default 0); never above `budgetPlanned`: revise the plan before committing more. */
  @Omittable()
  @Euros('budgetCommitted')
  budgetCommitted?: number;

  @IsIsoDate('optional')
  startDate?: string | null;

  /** On or after `startDate`. */
  @IsIsoDate('optional')
  endDate?: string | null;

  @OneOf(MEASURE_STATUSES, { presence: 'omittable', default: 'planned' })
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
  VersionDto,
) {}
