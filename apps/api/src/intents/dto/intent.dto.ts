import {
  DEPARTEMENT_CODE,
  INSEE_COMMUNE_CODE,
  INTENT_HORIZONS,
  INTENT_STATUSES,
  type IntentHorizon,
  type IntentStatus,
} from '@maillage/shared/domain';
import { ApiProperty, IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

import { PageQueryDto, toBoolean } from '../../common/http/page-query.dto';
import { ReadVersionDto, trim } from '../../professionals/dto/professional.dto';
import { IsIsoDate, NotInFuture } from '../../professionals/support/dates';
import { IsOptionalNotNull } from '../../professionals/support/optional';

const emptyToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' || Array.isArray(value)
    ? [value].flat().flatMap((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()) : [v]))
    : value;

/** Body of `POST /api/installation-intents`. Without consent, names are never stored. */
export class CreateIntentDto {
  /** The doctor agreed to be named. */
  @IsBoolean({ message: 'consent : true ou false (la personne accepte-t-elle d’être nommée ?).' })
  consent!: boolean;

  /** Stored only with consent; otherwise used to compute the initials, then dropped. */
  @Transform(emptyToNull)
  @IsOptional()
  @IsString({ message: 'firstName : texte attendu.' })
  @MaxLength(100, { message: 'firstName : 100 caractères au plus.' })
  firstName?: string | null;

  @Transform(emptyToNull)
  @IsOptional()
  @IsString({ message: 'lastName : texte attendu.' })
  @MaxLength(100, { message: 'lastName : 100 caractères au plus.' })
  lastName?: string | null;

  /** Without consent and without names, e.g. "M.-C. D.". */
  @Transform(trim)
  @IsOptionalNotNull()
  @Matches(/^[\p{L}][\p{L}. -]{0,19}$/u, {
    message: 'initials : initiales attendues (lettres, points, tirets ; 20 caractères au plus).',
  })
  initials?: string;

  @Transform(trim)
  @IsString({ message: 'specialty : la spécialité est obligatoire.' })
  @MinLength(2, { message: 'specialty : 2 caractères au moins.' })
  @MaxLength(120, { message: 'specialty : 120 caractères au plus.' })
  specialty!: string;

  @Transform(emptyToNull)
  @IsOptional()
  @IsString({ message: 'faculty : texte attendu.' })
  @MaxLength(120, { message: 'faculty : 120 caractères au plus.' })
  faculty?: string | null;

  /** INSEE codes of communes of the département. */
  @IsOptionalNotNull()
  @IsArray({ message: 'targetCommuneCodes : liste de codes INSEE attendue.' })
  @ArrayMaxSize(30, { message: 'targetCommuneCodes : 30 communes au plus.' })
  @ArrayUnique({ message: 'targetCommuneCodes : une commune apparaît deux fois.' })
  @Matches(INSEE_COMMUNE_CODE, { each: true, message: 'targetCommuneCodes : code INSEE à 5 caractères attendu.' })
  targetCommuneCodes?: string[];

  @ApiProperty({ enum: INTENT_HORIZONS })
  @IsIn(INTENT_HORIZONS, { message: `horizon : valeurs possibles ${INTENT_HORIZONS.join(', ')}.` })
  horizon!: IntentHorizon;

  @ApiProperty({ enum: INTENT_STATUSES, required: false, default: 'intention' })
  @IsOptionalNotNull()
  @IsIn(INTENT_STATUSES, { message: `status : valeurs possibles ${INTENT_STATUSES.join(', ')}.` })
  status?: IntentStatus;

  @Transform(emptyToNull)
  @IsOptional()
  @IsString({ message: 'supportOffered : texte attendu.' })
  @MaxLength(2000, { message: 'supportOffered : 2000 caractères au plus.' })
  supportOffered?: string | null;

  /** The professional of the registry, once settled. */
  @IsOptional()
  @IsUUID('all', { message: 'professionalId : identifiant invalide (uuid attendu).' })
  professionalId?: string | null;

  /** Required with status `settled`. */
  @IsOptional()
  @IsIsoDate('settledOn')
  @NotInFuture('settledOn')
  settledOn?: string | null;

  /** Free notes: no health information. */
  @Transform(emptyToNull)
  @IsOptional()
  @IsString({ message: 'notes : texte attendu.' })
  @MaxLength(2000, { message: 'notes : 2000 caractères au plus.' })
  notes?: string | null;

  /** Only for a national administrator. */
  @IsOptional()
  @Matches(DEPARTEMENT_CODE, { message: 'departementCode : code de département invalide (ex. 77).' })
  departementCode?: string;
}

export class UpdateIntentDto extends IntersectionType(
  PartialType(OmitType(CreateIntentDto, ['departementCode'] as const), { skipNullProperties: false }),
  ReadVersionDto,
) {}

export class ListIntentsQuery extends PageQueryDto {
  @ApiProperty({ enum: INTENT_STATUSES, isArray: true, required: false })
  @IsOptional()
  @Transform(toList)
  @IsIn(INTENT_STATUSES, { each: true, message: `status : valeurs possibles ${INTENT_STATUSES.join(', ')}.` })
  status?: IntentStatus[];

  @ApiProperty({ enum: INTENT_HORIZONS, required: false })
  @IsOptional()
  @IsIn(INTENT_HORIZONS, { message: `horizon : valeurs possibles ${INTENT_HORIZONS.join(', ')}.` })
  horizon?: IntentHorizon;

  /** A target commune (INSEE code). */
  @IsOptional()
  @Matches(INSEE_COMMUNE_CODE, { message: 'commune : code INSEE à 5 caractères attendu.' })
  commune?: string;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'archived : true ou false.' })
  archived?: boolean;
}
