import {
  COMMITTEE_KINDS,
  type CommitteeKind,
  type CommitteeMeetingInput,
  MEETING_STATUSES,
  type MeetingActionInput,
  type MeetingAttendee,
  type MeetingDecision,
  type MeetingStatus,
  type Organisation,
  ORGANISATIONS,
} from '@maillage/shared/domain';
import { IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

import { PageQueryDto } from '../../common/http/page-query.dto';
import { IsIsoDate, Omittable, OneOf, Text } from '../../common/validation/rules';
import { VersionDto } from '../../common/validation/version.dto';

export class AttendeeDto implements MeetingAttendee {
  @Text({ max: 200, min: 2, notText: 'le nom est obligatoire.' })
  name!: string;

  @OneOf(ORGANISATIONS)
  organisation!: Organisation;

  @Text({ max: 200, presence: 'optional' })
  title?: string | null;

  @IsBoolean({ message: 'present : vrai ou faux attendu.' })
  present!: boolean;
}

export class DecisionDto implements MeetingDecision {
  @Text({ max: 2000, min: 2, notText: 'le texte de la décision est obligatoire.' })
  text!: string;
}

export class CreateCommitteeMeetingDto implements CommitteeMeetingInput {
  @OneOf(COMMITTEE_KINDS)
  kind!: CommitteeKind;

  @OneOf(MEETING_STATUSES, { presence: 'omittable', default: 'planned' })
  status?: MeetingStatus;

  @IsIsoDate()
  heldOn!: string;

  @Text({ max: 200, min: 2, notText: 'le titre est obligatoire.' })
  title!: string;

  @Text({ max: 200, presence: 'optional' })
  location?: string | null;

  @Omittable()
  @IsArray({ message: 'attendees : liste attendue.' })
  @ArrayMaxSize(100, { message: 'attendees : 100 participants au plus.' })
  @ValidateNested({ each: true })
  @Type(() => AttendeeDto)
  attendees?: AttendeeDto[];

  @Text({ max: 10000, presence: 'optional', untrimmed: true })
  agenda?: string | null;

  @Text({ max: 50000, presence: 'optional', untrimmed: true })
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

export class UpdateCommitteeMeetingDto extends IntersectionType(
  PartialType(OmitType(CreateCommitteeMeetingDto, ['departementCode'] as const), { skipNullProperties: false }),
  VersionDto,
) {}

export class MeetingActionDto implements MeetingActionInput {
  @Text({ max: 200, min: 2, notText: 'le titre est obligatoire.' })
  title!: string;

  @IsOptional()
  @IsUUID('all', { message: 'identifiant de compte (uuid) attendu.' })
  ownerId?: string | null;

  @Text({ max: 200, min: 2, presence: 'optional' })
  ownerLabel?: string | null;

  @IsIsoDate()
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
  @OneOf(COMMITTEE_KINDS, { presence: 'omittable' })
  kind?: CommitteeKind;

  @OneOf(MEETING_STATUSES, { presence: 'omittable' })
  status?: MeetingStatus;

  @Omittable()
  @Type(() => Number)
  @IsInt({ message: 'year : année attendue (ex. 2026).' })
  @Min(2000, { message: 'year : année attendue (ex. 2026).' })
  @Max(2100, { message: 'year : année attendue (ex. 2026).' })
  year?: number;
}
