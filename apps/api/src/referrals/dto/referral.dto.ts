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
import { IsDateString, IsOptional, IsUUID, Matches } from 'class-validator';

import { PageQueryDto } from '../../common/http/page-query.dto';
import { IsRpps, NotInFuture, OneOf, QueryFlag, Text } from '../../common/validation/rules';
import { VersionDto } from '../../common/validation/version.dto';

/** Body of `POST /api/candidate-referrals`: `professionalId`, or a minimal identity. */
export class CreateReferralDto {
  /** A professional already in the registry (then give no identity). */
  @IsOptional()
  @IsUUID('all', { message: 'professionalId : identifiant invalide (uuid attendu).' })
  professionalId?: string;

  @OneOf(CIVILITIES, { presence: 'optional', nullable: true })
  civility?: Civility | null;

  @Text({
    max: 100,
    min: 1,
    tooShort: 'le prénom est obligatoire.',
    presence: 'optional',
    notText: 'le prénom est attendu en texte.',
  })
  firstName?: string;

  @Text({
    max: 100,
    min: 1,
    tooShort: 'le nom est obligatoire.',
    presence: 'optional',
    notText: 'le nom est attendu en texte.',
  })
  lastName?: string;

  @ApiProperty({ type: String, nullable: true, required: false })
  @IsOptional()
  @IsRpps()
  rpps?: string | null;

  @Text({ max: 120, presence: 'blank' })
  specialty?: string | null;

  /** INSEE code of the commune where the candidate practises (in the département). */
  @IsOptional()
  @Matches(INSEE_COMMUNE_CODE, { message: 'communeCode : code INSEE à 5 caractères attendu.' })
  communeCode?: string | null;

  /** Why this professional could become an MSU (no health information). */
  @Text({ max: 2000, min: 10, notText: 'le motif est obligatoire.' })
  reason!: string;

  @OneOf(PRIORITIES, { presence: 'optional', default: 'normal' })
  priority?: Priority;

  /** Only for a national administrator. */
  @IsOptional()
  @Matches(DEPARTEMENT_CODE, { message: 'departementCode : code de département invalide (ex. 77).' })
  departementCode?: string;
}

export class AssignReferralDto extends VersionDto {
  /** An active mission officer or administrator of the referral's département. */
  @IsUUID('all', { message: 'userId : identifiant de compte invalide (uuid attendu).' })
  userId!: string;
}

export class FollowUpDto {
  @Text({ max: 2000, min: 2, notText: 'la note est obligatoire.' })
  note!: string;

  /** When the call or meeting happened (default now). */
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'occurredAt : date et heure ISO 8601 attendues.' })
  @NotInFuture()
  occurredAt?: string;
}

export class CloseReferralDto extends VersionDto {
  @OneOf(REFERRAL_CLOSE_OUTCOMES)
  outcome!: ReferralCloseOutcome;

  /** Shown to the CDOM with the outcome. */
  @Text({ max: 2000, min: 2, notText: 'la note de clôture est obligatoire.' })
  note!: string;
}

export class ListReferralsQuery extends PageQueryDto {
  @OneOf(REFERRAL_STATUSES, { presence: 'optional', each: true })
  status?: ReferralStatus[];

  /** `true`: not closed yet; `false`: closed. */
  @QueryFlag()
  open?: boolean;

  @OneOf(PRIORITIES, { presence: 'optional' })
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
