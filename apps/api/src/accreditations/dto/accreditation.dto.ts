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
import { ApiProperty, IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';

import { IsId, IsIsoDate, Omittable, OneOf, Text } from '../../common/validation/rules';
import { VersionDto } from '../../common/validation/version.dto';

/** `3` and `"3"` are the same cycle. */
const cycleText = ({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : value);

export class CreateAccreditationDto implements AccreditationInput {
  /** The accredited professional (MSU); give this or `siteId`, not both. */
  @IsId('omittable')
  professionalId?: string;

  /** The accredited site; give this or `professionalId`, not both. */
  @IsId('omittable')
  siteId?: string;

  @ApiProperty({ enum: CYCLES })
  @Transform(cycleText)
  @IsIn(CYCLES, { message: 'cycle : « 2 » (externes) ou « 3 » (internes, docteurs juniors).' })
  cycle!: Cycle;

  @OneOf(ACCREDITATION_TYPES)
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
  @Text({ max: 200, min: 2, notText: 'l’autorité qui agrée est obligatoire.' })
  authority!: string;

  @IsIsoDate('omittable')
  startDate?: string;

  /** Defaults to the validity of the cycle (or 1 year after a withdrawal) from `startDate`. */
  @IsIsoDate('omittable')
  endDate?: string;

  /** `requested` by default; other statuses record historical accreditations. */
  @OneOf(ACCREDITATION_STATUSES, { presence: 'omittable', default: 'requested' })
  status?: AccreditationStatus;

  /** Decision number or file reference. */
  @Text({ max: 100, presence: 'optional', untrimmed: true })
  reference?: string | null;

  /** Requested after a withdrawal (granted as conditional); detected from the holder's history when omitted. */
  @Omittable()
  @IsBoolean({ message: 'afterWithdrawal : true ou false.' })
  afterWithdrawal?: boolean;

  @Text({ max: 4000, presence: 'optional', untrimmed: true })
  notes?: string | null;
}

/** Status changes are actions (`/review`, `/grant`, `/withdraw`, `/expire`); the holder never changes. */
export class UpdateAccreditationDto extends IntersectionType(
  PartialType(OmitType(CreateAccreditationDto, ['professionalId', 'siteId', 'status'] as const), {
    skipNullProperties: false,
  }),
  VersionDto,
) {}
