import {
  CIVILITIES,
  type Civility,
  type Cycle,
  CYCLES,
  DEPARTEMENT_CODE,
  MSU_STAGES,
  type MsuStage,
  PRACTICE_MODES,
  type PracticeMode,
} from '@maillage/shared/domain';
import { ApiProperty, IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
} from 'class-validator';

import { INT32_MAX, VERSION_MAX_MESSAGE } from '../../common/http/limits';
import { IsIsoDate, NotInFuture } from '../support/dates';
import { IsOptionalNotNull } from '../support/optional';
import { IsRpps } from '../support/rpps';

export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const emptyToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);

export const FIRST_INSTALLATION_MIN = 1950;

function IsInstallationYear() {
  return ValidateBy({
    name: 'isInstallationYear',
    validator: {
      validate: (v: unknown) =>
        Number.isInteger(v) && (v as number) >= FIRST_INSTALLATION_MIN && (v as number) <= new Date().getFullYear(),
      defaultMessage: () => `firstInstallationYear : année entre ${FIRST_INSTALLATION_MIN} et l’année en cours.`,
    },
  });
}

/** Body of `POST /api/professionals`. The MSU stage then moves only through `POST /:id/stage`. */
export class CreateProfessionalDto {
  @ApiProperty({ enum: CIVILITIES, nullable: true, required: false })
  @IsOptional()
  @IsIn(CIVILITIES, { message: `civility : valeurs possibles ${CIVILITIES.join(', ')}.` })
  civility?: Civility | null;

  @Transform(trim)
  @IsString({ message: 'firstName : le prénom est obligatoire.' })
  @MinLength(1, { message: 'firstName : le prénom est obligatoire.' })
  @MaxLength(100, { message: 'firstName : 100 caractères au plus.' })
  firstName!: string;

  @Transform(trim)
  @IsString({ message: 'lastName : le nom est obligatoire.' })
  @MinLength(1, { message: 'lastName : le nom est obligatoire.' })
  @MaxLength(100, { message: 'lastName : 100 caractères au plus.' })
  lastName!: string;

  /** Identifiant RPPS, 11 digits (Luhn check digit). */
  @ApiProperty({ type: String, nullable: true, required: false, example: '10003382731' })
  @IsOptional()
  @IsRpps()
  rpps?: string | null;

  @Transform(trim)
  @IsOptionalNotNull()
  @IsString({ message: 'profession : texte attendu.' })
  @MinLength(2, { message: 'profession : 2 caractères au moins.' })
  @MaxLength(80, { message: 'profession : 80 caractères au plus.' })
  profession?: string;

  @Transform(emptyToNull)
  @IsOptional()
  @IsString({ message: 'specialty : texte attendu.' })
  @MaxLength(120, { message: 'specialty : 120 caractères au plus.' })
  specialty?: string | null;

  @ApiProperty({ enum: PRACTICE_MODES, nullable: true, required: false })
  @IsOptional()
  @IsIn(PRACTICE_MODES, { message: `practiceMode : valeurs possibles ${PRACTICE_MODES.join(', ')}.` })
  practiceMode?: PracticeMode | null;

  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() || null : value,
  )
  @IsOptional()
  @IsEmail({}, { message: 'email : adresse e-mail invalide.' })
  @MaxLength(254, { message: 'email : 254 caractères au plus.' })
  email?: string | null;

  @Transform(emptyToNull)
  @IsOptional()
  @Matches(/^\+?[0-9 ().-]{6,30}$/, { message: 'phone : numéro de téléphone invalide.' })
  phone?: string | null;

  @ApiProperty({ type: Number, nullable: true, required: false, example: 2012 })
  @IsOptional()
  @IsInstallationYear()
  firstInstallationYear?: number | null;

  /** Consent to be contacted by the mission officer (GDPR). */
  @IsOptionalNotNull()
  @IsBoolean({ message: 'contactConsent : true ou false.' })
  contactConsent?: boolean;

  /** Sites of the département where the professional practises (replaces the links). */
  @IsOptionalNotNull()
  @IsArray({ message: 'siteIds : liste d’identifiants de sites attendue.' })
  @ArrayMaxSize(50, { message: 'siteIds : 50 sites au plus.' })
  @ArrayUnique({ message: 'siteIds : un site apparaît deux fois.' })
  @IsUUID('all', { each: true, message: 'siteIds : identifiant de site invalide (uuid attendu).' })
  siteIds?: string[];

  @IsOptional()
  @IsIsoDate('initialTrainingDate')
  @NotInFuture('initialTrainingDate')
  initialTrainingDate?: string | null;

  @ApiProperty({ enum: CYCLES, nullable: true, required: false })
  @IsOptional()
  @IsIn(CYCLES, { message: 'initialTrainingCycle : 2 ou 3 (cycle des études).' })
  initialTrainingCycle?: Cycle | null;

  /** Free notes: no health information. */
  @Transform(emptyToNull)
  @IsOptional()
  @IsString({ message: 'notes : texte attendu.' })
  @MaxLength(4000, { message: 'notes : 4000 caractères au plus.' })
  notes?: string | null;

  /** Where the professional enters the pipeline (default `identified`). */
  @ApiProperty({ enum: MSU_STAGES, required: false })
  @IsOptionalNotNull()
  @IsIn(MSU_STAGES, { message: `msuStage : valeurs possibles ${MSU_STAGES.join(', ')}.` })
  msuStage?: MsuStage;

  /** Since when (default today). */
  @IsOptionalNotNull()
  @IsIsoDate('msuStageSince')
  @NotInFuture('msuStageSince')
  msuStageSince?: string;

  /** Only for a national administrator: the département of the record. */
  @IsOptional()
  @Matches(DEPARTEMENT_CODE, { message: 'departementCode : code de département invalide (ex. 77).' })
  departementCode?: string;
}

export const VERSION_MESSAGE =
  'version : la version lue est obligatoire (nombre entier, dans le corps ou l’en-tête If-Match).';

/** The version the client last read (the `If-Match` header is copied here by `ifMatchToVersion`). */
export class ReadVersionDto {
  @Type(() => Number)
  @IsInt({ message: VERSION_MESSAGE })
  @Min(1, { message: VERSION_MESSAGE })
  @Max(INT32_MAX, { message: VERSION_MAX_MESSAGE })
  version!: number;
}

/** Body of `PATCH /api/professionals/:id`: any field but the MSU stage and the département. */
export class UpdateProfessionalDto extends IntersectionType(
  PartialType(OmitType(CreateProfessionalDto, ['msuStage', 'msuStageSince', 'departementCode'] as const), {
    skipNullProperties: false,
  }),
  ReadVersionDto,
) {}
