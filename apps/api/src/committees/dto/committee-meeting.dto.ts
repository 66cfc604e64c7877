import {
  COMMITTEE_KINDS,
  type CommitteeKind,
  type CommitteeMeetingInput,
  MEETING_STATUSES,
  type MeetingActionInput,
  type MeetingAttendee,
  type MeetingDecision,
  type MeetingStatus,
  ORGANISATIONS,
  type Organisation,
} from '@maillage/shared/domain';
import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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
import { PageQueryDto } from '../../common/http/page-query.dto';
import { IsIsoDate, Omittable, trim } from '../../sites/dto/field-rules';

export class AttendeeDto implements MeetingAttendee {
  @Transform(trim)
  @IsString({ message: 'le nom est obligatoire.' })
  @MinLength(2, { message: '2 caractères au moins.' })
  @MaxLength(200, { message: '200 caractères au plus.' })
  name!: string;

  @ApiProperty({ enum: ORGANISATIONS })
  @IsIn(ORGANISATIONS, { message: `valeurs possibles ${ORGANISATIONS.join(', ')}.` })
  organisation!: Organisation;

  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'texte attendu.' })
  @MaxLength(200, { message: '200 caractères au plus.' })
  title?: string | null;

  @IsBoolean({ message: 'present : vrai ou faux attendu.' })
  present!: boolean;
}

export class DecisionDto implements MeetingDecision {
  @Transform(trim)
  @IsString({ message: 'le texte de la décision est obligatoire.' })
  @MinLength(2, { message: '2 caractères au moins.' })
  @MaxLength(2000, { message: '2000 caractères au plus.' })
  text!: string;
}

export class CreateCommitteeMeetingDto implements CommitteeMeetingInput {
  @ApiProperty({ enum: COMMITTEE_KINDS })
  @IsIn(COMMITTEE_KINDS, { message: `kind : valeurs possibles ${COMMITTEE_KINDS.join(', ')}.` })
  kind!: CommitteeKind;

  @ApiProperty({ enum: MEETING_STATUSES, required: false, default: 'planned' })
  @Omittable()
  @IsIn(MEETING_STATUSES, { message: `status : valeurs possibles ${MEETING_STATUSES.join(', ')}.` })
  status?: MeetingStatus;

  @IsIsoDate('heldOn')
  heldOn!: string;

  @Transform(trim)
  @IsString({ message: 'title : le titre est obligatoire.' })
  @MinLength(2, { message: 'title : 2 caractères au moins.' })
  @MaxLength(200, { message: 'title : 200 caractères au plus.' })
  title!: string;

  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'location : texte attendu.' })
  @MaxLength(200, { message: 'location : 200 caractères au plus.' })
  location?: string | null;

  @Omittable()
  @IsArray({ message: 'attendees : liste attendue.' })
  @ArrayMaxSize(100, { message: 'attendees : 100 participants au plus.' })
  @ValidateNested({ each: true })
  @Type(() => AttendeeDto)
  attendees?: AttendeeDto[];

  @IsOptional()
  @IsString({ message: 'agenda : texte attendu.' })
  @MaxLength(10000, { message: 'agenda : 10000 caractères au plus.' })
  agenda?: string | null;

  @IsOptional()
  @IsString({ message: 'minutes : texte attendu.' })
  @MaxLength(50000, { message: 'minutes : 50000 caractères au plus.' })
  minutes?: string | null;

  @Omittable()
  @IsArray({ message: 'decisions : liste attendue.' })
  @ArrayMaxSize(100, { message: 'decisions : 100 décisions au plus.' })
  @ValidateNested({ each: true })
  @Type(() => DecisionDto)
  decisions?: DecisionDto[];

  /** A snapshot of the meeting's département. */
  @IsOptional()
  @IsUUID('all', { message: 'snapshotId : identifiant de relevé (uuid) attendu.' })
  snapshotId?: string | null;

  /** An annual report of the meeting's département. */
  @IsOptional()
  @IsUUID('all', { message: 'annualReportId : identifiant de rapport (uuid) attendu.' })
  annualReportId?: string | null;

  /** National administrators only. */
  @Omittable()
  @Matches(/^(?:\d{2}|2[AB]|97\d)$/, { message: 'departementCode : code de département attendu (ex. 77).' })
  departementCode?: string;
}

export class UpdateCommitteeMeetingDto extends PartialType(
  OmitType(CreateCommitteeMeetingDto, ['departementCode'] as const),
  { skipNullProperties: false },
) {
  @IsInt({ message: 'version : la version lue est obligatoire (dans le corps ou l’en-tête If-Match).' })
  @Min(1, { message: 'version : la version lue est obligatoire (dans le corps ou l’en-tête If-Match).' })
  @Max(INT32_MAX, { message: VERSION_MAX_MESSAGE })
  version!: number;
}

export class MeetingActionDto implements MeetingActionInput {
  @Transform(trim)
  @IsString({ message: 'le titre est obligatoire.' })
  @MinLength(2, { message: '2 caractères au moins.' })
  @MaxLength(200, { message: '200 caractères au plus.' })
  title!: string;

  @IsOptional()
  @IsUUID('all', { message: 'identifiant de compte (uuid) attendu.' })
  ownerId?: string | null;

  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'texte attendu.' })
  @MinLength(2, { message: '2 caractères au moins.' })
  @MaxLength(200, { message: '200 caractères au plus.' })
  ownerLabel?: string | null;

  @IsIsoDate('dueOn')
  dueOn!: string;
}

export class MeetingActionsDto {
  @IsArray({ message: 'items : liste attendue.' })
  @ArrayMinSize(1, { message: 'items : une action au moins.' })
  @ArrayMaxSize(50, { message: 'items : 50 actions au plus.' })
  @ValidateNested({ each: true })
  @Type(() => MeetingActionDto)
  items!: MeetingActionDto[];
}

export class ListCommitteeMeetingsQuery extends PageQueryDto {
  @ApiProperty({ enum: COMMITTEE_KINDS, required: false })
  @Omittable()
  @IsIn(COMMITTEE_KINDS, { message: `kind : valeurs possibles ${COMMITTEE_KINDS.join(', ')}.` })
  kind?: CommitteeKind;

  @ApiProperty({ enum: MEETING_STATUSES, required: false })
  @Omittable()
  @IsIn(MEETING_STATUSES, { message: `status : valeurs possibles ${MEETING_STATUSES.join(', ')}.` })
  status?: MeetingStatus;

  @Omittable()
  @Type(() => Number)
  @IsInt({ message: 'year : année attendue (ex. 2026).' })
  @Min(2000, { message: 'year : année attendue (ex. 2026).' })
  @Max(2100, { message: 'year : année attendue (ex. 2026).' })
  year?: number;
}

export class MeetingVersionDto {
  /** The version last read, or `If-Match` (optional: the current one when omitted). */
  @Omittable()
  @IsInt({ message: 'version : nombre entier attendu.' })
  @Min(1, { message: 'version : nombre entier attendu.' })
  @Max(INT32_MAX, { message: VERSION_MAX_MESSAGE })
  version?: number;
}
