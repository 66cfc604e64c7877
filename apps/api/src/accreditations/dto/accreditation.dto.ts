import {
  ACCREDITATION_STATUSES,
  ACCREDITATION_TYPES,
  type AccreditationInput,
  type AccreditationStatus,
  type AccreditationType,
  type Cycle,
  CYCLES,
  type Phase,
  PHASES,
  STAGE_TYPES,
  type StageType,
} from '@maillage/shared/domain';
import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import { INT32_MAX, VERSION_MAX_MESSAGE } from '../../common/http/limits';
import { IsIsoDate, Omittable, trim } from '../../sites/dto/field-rules';

/** `3` and `"3"` are the same cycle. */
const cycleText = ({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : value);

export class CreateAccreditationDto implements AccreditationInput {
  /** The accredited professional (MSU); give this or `siteId`, not both. */
  @Omittable()
  @IsUUID('all', { message: 'professionalId : identifiant (uuid) attendu.' })
  professionalId?: string;

  /** The accredited site; give this or `professionalId`, not both. */
  @Omittable()
  @IsUUID('all', { message: 'siteId : identifiant (uuid) attendu.' })
  siteId?: string;

  @ApiProperty({ enum: CYCLES })
  @Transform(cycleText)
  @IsIn(CYCLES, { message: 'cycle : « 2 » (externes) ou « 3 » (internes, docteurs juniors).' })
  cycle!: Cycle;

  @ApiProperty({ enum: ACCREDITATION_TYPES })
  @IsIn(ACCREDITATION_TYPES, { message: `type : valeurs possibles ${ACCREDITATION_TYPES.join(', ')}.` })
  type!: AccreditationType;

  @ApiProperty({ enum: STAGE_TYPES, isArray: true })
  @IsArray({ message: 'stageTypes : liste des types de stage attendue.' })
  @ArrayMinSize(1, { message: 'stageTypes : au moins un type de stage.' })
  @ArrayMaxSize(STAGE_TYPES.length, { message: `stageTypes : ${STAGE_TYPES.length} types de stage au plus.` })
  @ArrayUnique({ message: 'stageTypes : un type de stage apparaît deux fois.' })
  @IsIn(STAGE_TYPES, { each: true, message: `stageTypes : valeurs possibles ${STAGE_TYPES.join(', ')}.` })
  stageTypes!: StageType[];

  @ApiProperty({ enum: PHASES, isArray: true, required: false })
  @Omittable()
  @IsArray({ message: 'phases : liste attendue.' })
  @ArrayUnique({ message: 'phases : une phase apparaît deux fois.' })
  @IsIn(PHASES, { each: true, message: `phases : valeurs possibles ${PHASES.join(', ')}.` })
  phases?: Phase[];

  /** Maximum number of students hosted at once (1 to 20). */
  @IsInt({ message: 'maxStudents : nombre entier attendu.' })
  @Min(1, { message: 'maxStudents : 1 étudiant au moins.' })
  @Max(20, { message: 'maxStudents : 20 étudiants au plus.' })
  maxStudents!: number;

  /** E.g. "Directeur général de l’ARS Île-de-France" or "Doyen de l’UFR de Créteil". */
  @Transform(trim)
  @IsString({ message: 'authority : l’autorité qui agrée est obligatoire.' })
  @MinLength(2, { message: 'authority : 2 caractères au moins.' })
  @MaxLength(200, { message: 'authority : 200 caractères au plus.' })
  authority!: string;

  @Omittable()
  @IsIsoDate('startDate')
  startDate?: string;

  /** Defaults to the validity of the cycle (or 1 year after a withdrawal) from `startDate`. */
  @Omittable()
  @IsIsoDate('endDate')
  endDate?: string;

  /** `requested` by default; other statuses record historical accreditations. */
  @ApiProperty({ enum: ACCREDITATION_STATUSES, required: false, default: 'requested' })
  @Omittable()
  @IsIn(ACCREDITATION_STATUSES, { message: `status : valeurs possibles ${ACCREDITATION_STATUSES.join(', ')}.` })
  status?: AccreditationStatus;

  /** Decision number or file reference. */
  @IsOptional()
  @IsString({ message: 'reference : texte attendu.' })
  @MaxLength(100, { message: 'reference : 100 caractères au plus.' })
  reference?: string | null;

  /** Requested after a withdrawal (granted as conditional); detected from the holder's history when omitted. */
  @Omittable()
  @IsBoolean({ message: 'afterWithdrawal : true ou false.' })
  afterWithdrawal?: boolean;

  @IsOptional()
  @IsString({ message: 'notes : texte attendu.' })
  @MaxLength(4000, { message: 'notes : 4000 caractères au plus.' })
  notes?: string | null;
}

/** Status changes are actions (`/review`, `/grant`, `/withdraw`, `/expire`); the holder never changes. */
export class UpdateAccreditationDto extends PartialType(
  OmitType(CreateAccreditationDto, ['professionalId', 'siteId', 'status'] as const),
  { skipNullProperties: false },
) {
  /** The version last read (or send it in `If-Match`). */
  @IsInt({ message: 'version : la version lue est obligatoire (dans le corps ou l’en-tête If-Match).' })
  @Min(1, { message: 'version : la version lue est obligatoire (dans le corps ou l’en-tête If-Match).' })
  @Max(INT32_MAX, { message: VERSION_MAX_MESSAGE })
  version!: number;
}
