import {
  REMINDER_RULES,
  type ReminderRule,
  TASK_STATUSES,
  TASK_SUBJECTS,
  type TaskStatus,
  type TaskSubject,
} from '@maillage/shared/domain';
import { ApiProperty, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';

import { PageQueryDto, toBoolean } from '../../common/http/page-query.dto';
import { IsIsoDate } from '../../sites/dto/field-rules';

const RULE_FILTERS = [...REMINDER_RULES, 'manual'] as const;

/**
 * `GET /api/tasks`: `q` searches the title; `sort` on dueOn (default), priority, status,
 * createdAt, updatedAt. Dates are inclusive.
 */
export class ListTasksQuery extends PageQueryDto {
  @ApiProperty({ enum: TASK_STATUSES, required: false })
  @IsOptional()
  @IsIn(TASK_STATUSES, { message: `status : valeurs possibles ${TASK_STATUSES.join(', ')}.` })
  status?: TaskStatus;

  /** A user id, `me`, or `none` (tasks of the whole team or of someone outside the app). */
  @IsOptional()
  @Matches(/^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: 'owner : identifiant de compte, « me » ou « none » attendu.',
  })
  owner?: string;

  @IsOptional()
  @IsIsoDate('dueBefore')
  dueBefore?: string;

  @IsOptional()
  @IsIsoDate('dueAfter')
  dueAfter?: string;

  /** `true`: open tasks due before today; `false`: the others. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'overdue : true ou false.' })
  overdue?: boolean;

  /** A reminder rule, or `manual` for tasks written by people. */
  @ApiProperty({ enum: RULE_FILTERS, required: false })
  @IsOptional()
  @IsIn(RULE_FILTERS, { message: `rule : valeurs possibles ${RULE_FILTERS.join(', ')}.` })
  rule?: ReminderRule | 'manual';

  @ApiProperty({ enum: TASK_SUBJECTS, required: false })
  @IsOptional()
  @IsIn(TASK_SUBJECTS, { message: `subjectType : valeurs possibles ${TASK_SUBJECTS.join(', ')}.` })
  subjectType?: TaskSubject;

  @IsOptional()
  @IsUUID('all', { message: 'subjectId : identifiant (uuid) attendu.' })
  subjectId?: string;

  /** Follow-up actions of a visit. */
  @IsOptional()
  @IsUUID('all', { message: 'visit : identifiant (uuid) attendu.' })
  visit?: string;

  /** `true`: archived tasks only; `false` (default): live tasks only. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'archived : true ou false.' })
  archived?: boolean;
}

/** `GET /api/tasks/todo`: paging only, the order is the to-do's. */
export class TodoQuery extends PickType(PageQueryDto, ['page', 'pageSize'] as const) {}
