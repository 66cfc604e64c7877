import { PRIORITIES, type Priority, TASK_SUBJECTS, type TaskInput, type TaskSubject } from '@maillage/shared/domain';
import { IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';

import { IsId, IsIsoDate, Omittable, OneOf, Text } from '../../common/validation/rules';
import { VersionDto } from '../../common/validation/version.dto';

/**
 * A task written by a person. Owner: a user of the task's département (`ownerId`), someone
 * outside the app (`ownerLabel`, e.g. "MSU", "mairie"), or neither (the whole team).
 * The subject, when given, decides the département.
 */
export class CreateTaskDto implements TaskInput {
  @Text({ max: 200, min: 2, notText: 'le titre est obligatoire.' })
  title!: string;

  @Text({ max: 4000, presence: 'optional' })
  description?: string | null;

  /** An active user of the task's département. */
  @IsOptional()
  @IsUUID('all', { message: 'ownerId : identifiant de compte (uuid) attendu.' })
  ownerId?: string | null;

  @Text({ max: 200, min: 2, presence: 'optional' })
  ownerLabel?: string | null;

  @IsIsoDate('optional')
  dueOn?: string | null;

  @OneOf(PRIORITIES, { presence: 'omittable', default: 'normal' })
  priority?: Priority;

  @OneOf(TASK_SUBJECTS, { presence: 'optional', nullable: true })
  subjectType?: TaskSubject | null;

  @IsId('optional')
  subjectId?: string | null;

  /** National administrators only, for a task without a subject. */
  @Omittable()
  @Matches(/^(?:\d{2}|2[AB]|97\d)$/, { message: 'departementCode : code de département attendu (ex. 77).' })
  departementCode?: string;
}

/** Status changes are actions (`/complete`, `/reopen`, `/cancel`); the département never changes. */
export class UpdateTaskDto extends IntersectionType(
  PartialType(OmitType(CreateTaskDto, ['departementCode'] as const), {
    skipNullProperties: false,
  }),
  VersionDto,
) {}
