import {
  PARTICIPANT_KINDS,
  type ParticipantKind,
  type SiteVisitInput,
  VISIT_PURPOSES,
  type VisitParticipantInput,
  type VisitPurpose,
} from '@maillage/shared/domain';
import { IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';

import { IsId, IsIsoDate, Omittable, OneOf, Text } from '../../common/validation/rules';
import { VersionDto } from '../../common/validation/version.dto';

/** One participant: exactly one of `userId`, `professionalId` and `name` (checked by the service). */
export class VisitParticipantDto implements VisitParticipantInput {
  @OneOf(PARTICIPANT_KINDS)
  kind!: ParticipantKind;

  /** An active user of the visit's département (mission officer, CDOM member…). */
  @IsId('omittable')
  userId?: string;

  /** A professional of the registry (an MSU of the site). */
  @IsId('omittable')
  professionalId?: string;

  /** Name (and organisation) of a participant without an account. */
  @Text({ max: 200, min: 2, presence: 'omittable' })
  name?: string;
}

export class PlanVisitDto implements SiteVisitInput {
  /** A live site of the actor's département. */
  @IsUUID('all', { message: 'siteId : identifiant (uuid) du terrain attendu.' })
  siteId!: string;

  @OneOf(VISIT_PURPOSES)
  purpose!: VisitPurpose;

  @IsIsoDate()
  plannedOn!: string;

  /** Start time, `HH:MM` (24 h). */
  @IsOptional()
  @Matches(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { message: 'plannedTime : heure attendue au format HH:MM (ex. 14:30).' })
  plannedTime?: string | null;

  /** Practical notes (no health data). */
  @Text({ max: 2000, presence: 'optional', untrimmed: true })
  notes?: string | null;

  /** Planned participants; replaced when given on PATCH. */
  @Omittable()
  @IsArray({ message: 'participants : liste attendue.' })
  @ArrayMaxSize(30, { message: 'participants : 30 participants au plus.' })
  @ValidateNested({ each: true })
  @Type(() => VisitParticipantDto)
  participants?: VisitParticipantDto[];
}

/** The plan of a visit still planned; the site never changes (plan another visit). */
export class UpdateVisitDto extends IntersectionType(
  PartialType(OmitType(PlanVisitDto, ['siteId'] as const), {
    skipNullProperties: false,
  }),
  VersionDto,
) {}

export class CancelVisitDto extends VersionDto {
  /** Kept, dated, in the notes of the visit. */
  @Text({ max: 500, presence: 'optional' })
  reason?: string;
}
