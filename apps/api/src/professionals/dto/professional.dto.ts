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
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsOptional,
  IsUUID,
  Matches,
  MaxLength,
  ValidateBy,
} from 'class-validator';

import { IsIsoDate, IsRpps, NotInFuture, Omittable, OneOf, Text } from '../../common/validation/rules';
import { emptyToNull } from '../../common/validation/transforms';
import { VersionDto } from '../../common/validation/version.dto';

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
  @OneOf(CIVILITIES, { presence: 'optional', nullable: true })
  civility?: Civility | null;

  @Text({ max: 100, min: 1, tooShort: 'le prénom est obligatoire.', notText: 'le prénom est obligatoire.' })
  firstName!: string;

  @Text({ max: 100, min: 1, tooShort: 'le nom est obligatoire.', notText: 'le nom est obligatoire.' })
  lastName!: string;

  /** Identifiant RPPS, 11 digits (Luhn check digit). */
  @ApiProperty({ type: String, nullable: true, required: false, example: '10003382731' })
  @IsOptional()
  @IsRpps()
  rpps?: string | null;

  @Text({ max: 80, min: 2, presence: 'omittable' })
  profession?: string;

  @Text({ max: 120, presence: 'blank' })
  specialty?: string | null;

  @OneOf(PRACTICE_MODES, { presence: 'optional', nullable: true })
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
  @Omittable()
  @IsBoolean({ message: 'contactConsent : true ou false.' })
  contactConsent?: boolean;

  /** Sites of the département where the professional practises (replaces the links). */
  @Omittable()
  @IsArray({ message: 'siteIds : liste d’identifiants de sites attendue.' })
  @ArrayMaxSize(50, { message: 'siteIds : 50 sites au plus.' })
  @ArrayUnique({ message: 'siteIds : un site apparaît deux fois.' })
  @IsUUID('all', { each: true, message: 'siteIds : identifiant de site invalide (uuid attendu).' })
  siteIds?: string[];

  @IsIsoDate('optional')
  @NotInFuture()
  initialTrainingDate?: string | null;

  @OneOf(CYCLES, { presence: 'optional', nullable: true, message: '2 ou 3 (cycle des études).' })
  initialTrainingCycle?: Cycle | null;

  /** Free notes: no health information. */
  @Text({ max: 4000, presence: 'blank' })
  notes?: string | null;

  /** Where the professional enters the pipeline (default `identified`). */
  @OneOf(MSU_STAGES, { presence: 'omittable' })
  msuStage?: MsuStage;

  /** Since when (default today). */
  @IsIsoDate('omittable')
  @NotInFuture()
  msuStageSince?: string;

  /** Only for a national administrator: the département of the record. */
  @IsOptional()
  @Matches(DEPARTEMENT_CODE, { message: 'departementCode : code de département invalide (ex. 77).' })
  departementCode?: string;
}

/** Body of `PATCH /api/professionals/:id`: any field but the MSU stage and the département. */
export class UpdateProfessionalDto extends IntersectionType(
  PartialType(OmitType(CreateProfessionalDto, ['msuStage', 'msuStageSince', 'departementCode'] as const), {
    skipNullProperties: false,
  }),
  VersionDto,
) {}
