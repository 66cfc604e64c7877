import {
  PARTICIPANT_KINDS,
  VISIT_PURPOSES,
  type ParticipantKind,
  type SiteVisitInput,
  type VisitParticipantInput,
  type VisitPurpose,
} from '@maillage/shared/domain';
import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
  ValidateNested,
} from 'class-validator';

import { INT32_MAX, VERSION_MAX_MESSAGE } from '../../common/http/limits';
import { IsIsoDate, Omittable, trim } from '../../sites/dto/field-rules';

const VERSION_MESSAGE = 'version : la version lue est obligatoire (dans le corps ou l’en-tête If-Match).';

/** One participant: exactly one of `userId`, `professionalId` and `name` (checked by the service). */
export class VisitParticipantDto implements VisitParticipantInput {
  @ApiProperty({ enum: PARTICIPANT_KINDS })
  @IsIn(PARTICIPANT_KINDS, { message: `valeurs possibles ${PARTICIPANT_KINDS.join(', ')}.` })
  kind!: ParticipantKind;

  /** An active user of the visit's département (mission officer, CDOM member…). */
  @Omittable()
  @IsUUID('all', { message: 'identifiant (uuid) attendu.' })
  userId?: string;

  /** A professional of the registry (an MSU of the site). */
  @Omittable()
  @IsUUID('all', { message: 'identifiant (uuid) attendu.' })
  professionalId?: string;

  /** Name (and organisation) of a participant without an account. */
  @Omittable()
  @Transform(trim)
  @IsString({ message: 'texte attendu.' })
  @MinLength(2, { message: '2 caractères au moins.' })
  @MaxLength(200, { message: '200 caractères au plus.' })
  name?: string;
}

export class PlanVisitDto implements SiteVisitInput {
  /** A live site of the actor's département. */
  @IsUUID('all', { message: 'siteId : identifiant (uuid) du terrain attendu.' })
  siteId!: string;

  @ApiProperty({ enum: VISIT_PURPOSES })
  @IsIn(VISIT_PURPOSES, { message: `purpose : valeurs possibles ${VISIT_PURPOSES.join(', ')}.` })
  purpose!: VisitPurpose;

  @IsIsoDate('plannedOn')
  plannedOn!: string;

  /** Start time, `HH:MM` (24 h). */
  @IsOptional()
  @Matches(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { message: 'plannedTime : heure attendue au format HH:MM (ex. 14:30).' })
  plannedTime?: string | null;

  /** Practical notes (no health data). */
  @IsOptional()
  @IsString({ message: 'notes : texte attendu.' })
  @MaxLength(2000, { message: 'notes : 2000 caractères au plus.' })
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
export class UpdateVisitDto extends PartialType(OmitType(PlanVisitDto, ['siteId'] as const), {
  skipNullProperties: false,
}) {
  /** The version last read (or send it in `If-Match`). */
  @IsInt({ message: VERSION_MESSAGE })
  @Min(1, { message: VERSION_MESSAGE })
  @Max(INT32_MAX, { message: VERSION_MAX_MESSAGE })
  version!: number;
}

export class CancelVisitDto {
  /** The version last read (or send it in `If-Match`). */
  @IsInt({ message: VERSION_MESSAGE })
  @Min(1, { message: VERSION_MESSAGE })
  @Max(INT32_MAX, { message: VERSION_MAX_MESSAGE })
  version!: number;

  /** Kept, dated, in the notes of the visit. */
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'reason : texte attendu.' })
  @MaxLength(500, { message: 'reason : 500 caractères au plus.' })
  reason?: string;
}
