import { PRIORITIES, type Priority, TASK_SUBJECTS, type TaskInput, type TaskSubject } from '@maillage/shared/domain';
import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

import { INT32_MAX, VERSION_MAX_MESSAGE } from '../../common/http/limits';
import { IsIsoDate, Omittable, trim } from '../../sites/dto/field-rules';

const VERSION_MESSAGE = 'version : la version lue est obligatoire (dans le corps ou l’en-tête If-Match).';

/**
 * A task written by a person. Owner: a user of the task's département (`ownerId`), someone
 * outside the app (`ownerLabel`, e.g. "MSU", "mairie"), or neither (the whole team).
 * The subject, when given, decides the département.
 */
export class CreateTaskDto implements TaskInput {
  @Transform(trim)
  @IsString({ message: 'title : le titre est obligatoire.' })
  @MinLength(2, { message: 'title : 2 caractères au moins.' })
  @MaxLength(200, { message: 'title : 200 caractères au plus.' })
  title!: string;

  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'description : texte attendu.' })
  @MaxLength(4000, { message: 'description : 4000 caractères au plus.' })
  description?: string | null;

  /** An active user of the task's département. */
  @IsOptional()
  @IsUUID('all', { message: 'ownerId : identifiant de compte (uuid) attendu.' })
  ownerId?: string | null;

  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'ownerLabel : texte attendu.' })
  @MinLength(2, { message: 'ownerLabel : 2 caractères au moins.' })
  @MaxLength(200, { message: 'ownerLabel : 200 caractères au plus.' })
  ownerLabel?: string | null;

  @IsOptional()
  @IsIsoDate('dueOn')
  dueOn?: string | null;

  @ApiProperty({ enum: PRIORITIES, required: false, default: 'normal' })
  @Omittable()
  @IsIn(PRIORITIES, { message: `priority : valeurs possibles ${PRIORITIES.join(', ')}.` })
  priority?: Priority;

  @ApiProperty({ enum: TASK_SUBJECTS, required: false, nullable: true })
  @IsOptional()
  @IsIn(TASK_SUBJECTS, { message: `subjectType : valeurs possibles ${TASK_SUBJECTS.join(', ')}.` })
  subjectType?: TaskSubject | null;

  @IsOptional()
  @IsUUID('all', { message: 'subjectId : identifiant (uuid) attendu.' })
  subjectId?: string | null;

  /** National administrators only, for a task without a subject. */
  @Omittable()
  @Matches(/^(?:\d{2}|2[AB]|97\d)$/, { message: 'departementCode : code de département attendu (ex. 77).' })
  departementCode?: string;
}

/** Status changes are actions (`/complete`, `/reopen`, `/cancel`); the département never changes. */
export class UpdateTaskDto extends PartialType(OmitType(CreateTaskDto, ['departementCode'] as const), {
  skipNullProperties: false,
}) {
  /** The version last read (or send it in `If-Match`). */
  @IsInt({ message: VERSION_MESSAGE })
  @Min(1, { message: VERSION_MESSAGE })
  @Max(INT32_MAX, { message: VERSION_MAX_MESSAGE })
  version!: number;
}

export class TaskActionDto {
  /** The version last read (or send it in `If-Match`). */
  @IsInt({ message: VERSION_MESSAGE })
  @Min(1, { message: VERSION_MESSAGE })
  @Max(INT32_MAX, { message: VERSION_MAX_MESSAGE })
  version!: number;
}
