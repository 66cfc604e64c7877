import {
  CIVILITIES,
  type Civility,
  DEPARTEMENT_CODE,
  INSEE_COMMUNE_CODE,
  PRIORITIES,
  type Priority,
  REFERRAL_CLOSE_OUTCOMES,
  REFERRAL_STATUSES,
  type ReferralCloseOutcome,
  type ReferralStatus,
} from '@maillage/shared/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
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
import { NotInFuture } from '../../professionals/support/dates';
import { IsRpps } from '../../professionals/support/rpps';

const emptyToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' || Array.isArray(value)
    ? [value].flat().flatMap((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()) : [v]))
    : value;

/** Body of `POST /api/candidate-referrals`: `professionalId`, or a minimal identity. */
export class CreateReferralDto {
  /** A professional already in the registry (then give no identity). */
  @IsOptional()
  @IsUUID('all', { message: 'professionalId : identifiant invalide (uuid attendu).' })
  professionalId?: string;

  @ApiProperty({ enum: CIVILITIES, nullable: true, required: false })
  @IsOptional()
  @IsIn(CIVILITIES, { message: `civility : valeurs possibles ${CIVILITIES.join(', ')}.` })
  civility?: Civility | null;

  @Transform(trim)
  @IsOptional()
  @IsString({ message: 'firstName : le prénom est attendu en texte.' })
  @MinLength(1, { message: 'firstName : le prénom est obligatoire.' })
  @MaxLength(100, { message: 'firstName : 100 caractères au plus.' })
  firstName?: string;

  @Transform(trim)
  @IsOptional()
  @IsString({ message: 'lastName : le nom est attendu en texte.' })
  @MinLength(1, { message: 'lastName : le nom est obligatoire.' })
  @MaxLength(100, { message: 'lastName : 100 caractères au plus.' })
  lastName?: string;

  @ApiProperty({ type: String, nullable: true, required: false })
  @IsOptional()
  @IsRpps()
  rpps?: string | null;

  @Transform(emptyToNull)
  @IsOptional()
  @IsString({ message: 'specialty : texte attendu.' })
  @MaxLength(120, { message: 'specialty : 120 caractères au plus.' })
  specialty?: string | null;

  /** INSEE code of the commune where the candidate practises (in the département). */
  @IsOptional()
  @Matches(INSEE_COMMUNE_CODE, { message: 'communeCode : code INSEE à 5 caractères attendu.' })
  communeCode?: string | null;

  /** Why this professional could become an MSU (no health information). */
  @Transform(trim)
  @IsString({ message: 'reason : le motif est obligatoire.' })
  @MinLength(10, { message: 'reason : 10 caractères au moins.' })
  @MaxLength(2000, { message: 'reason : 2000 caractères au plus.' })
  reason!: string;

  @ApiProperty({ enum: PRIORITIES, required: false, default: 'normal' })
  @IsOptional()
  @IsIn(PRIORITIES, { message: `priority : valeurs possibles ${PRIORITIES.join(', ')}.` })
  priority?: Priority;

  /** Only for a national administrator. */
  @IsOptional()
  @Matches(DEPARTEMENT_CODE, { message: 'departementCode : code de département invalide (ex. 77).' })
  departementCode?: string;
}

export class AssignReferralDto extends ReadVersionDto {
  /** An active mission officer or administrator of the referral's département. */
  @IsUUID('all', { message: 'userId : identifiant de compte invalide (uuid attendu).' })
  userId!: string;
}

export class FollowUpDto {
  @Transform(trim)
  @IsString({ message: 'note : la note est obligatoire.' })
  @MinLength(2, { message: 'note : 2 caractères au moins.' })
  @MaxLength(2000, { message: 'note : 2000 caractères au plus.' })
  note!: string;

  /** When the call or meeting happened (default now). */
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'occurredAt : date et heure ISO 8601 attendues.' })
  @NotInFuture('occurredAt')
  occurredAt?: string;
}

export class CloseReferralDto extends ReadVersionDto {
  @ApiProperty({ enum: REFERRAL_CLOSE_OUTCOMES })
  @IsIn(REFERRAL_CLOSE_OUTCOMES, { message: `outcome : valeurs possibles ${REFERRAL_CLOSE_OUTCOMES.join(', ')}.` })
  outcome!: ReferralCloseOutcome;

  /** Shown to the CDOM with the outcome. */
  @Transform(trim)
  @IsString({ message: 'note : la note de clôture est obligatoire.' })
  @MinLength(2, { message: 'note : 2 caractères au moins.' })
  @MaxLength(2000, { message: 'note : 2000 caractères au plus.' })
  note!: string;
}

export class ListReferralsQuery extends PageQueryDto {
  @ApiProperty({ enum: REFERRAL_STATUSES, isArray: true, required: false })
  @IsOptional()
  @Transform(toList)
  @IsIn(REFERRAL_STATUSES, { each: true, message: `status : valeurs possibles ${REFERRAL_STATUSES.join(', ')}.` })
  status?: ReferralStatus[];

  /** `true`: not closed yet; `false`: closed. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'open : true ou false.' })
  open?: boolean;

  @ApiProperty({ enum: PRIORITIES, required: false })
  @IsOptional()
  @IsIn(PRIORITIES, { message: `priority : valeurs possibles ${PRIORITIES.join(', ')}.` })
  priority?: Priority;

  /** A user id, or `me`. */
  @IsOptional()
  @Matches(/^(me|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: 'assignedTo : identifiant de compte ou « me » attendu.',
  })
  assignedTo?: string;

  @IsOptional()
  @Matches(/^(me|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: 'referredBy : identifiant de compte ou « me » attendu.',
  })
  referredBy?: string;

  @IsOptional()
  @IsUUID('all', { message: 'professional : identifiant invalide (uuid attendu).' })
  professional?: string;
}
