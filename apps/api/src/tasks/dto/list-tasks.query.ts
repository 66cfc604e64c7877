import {
  REMINDER_RULES,
  type ReminderRule,
  TASK_STATUSES,
  TASK_SUBJECTS,
  type TaskStatus,
  type TaskSubject,
} from '@maillage/shared/domain';
import { PickType } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

import { PageQueryDto } from '../../common/http/page-query.dto';
import { IsId, IsIsoDate, OneOf, QueryFlag } from '../../common/validation/rules';

const RULE_FILTERS = [...REMINDER_RULES, 'manual'] as const;

/**
 * `GET /api/tasks`: `q` searches the title; `sort` on dueOn (default), priority, status,
 * createdAt, updatedAt. Dates are inclusive.
 */
export class ListTasksQuery extends PageQueryDto {
  @OneOf(TASK_STATUSES, { presence: 'optional' })
  status?: TaskStatus;

  /** A user id, `me`, or `none` (tasks of the whole team or of someone outside the app). */
  @IsOptional()
  @Matches(/^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: 'owner : identifiant de compte, « me » ou « none » attendu.',
  })
  owner?: string;

  @IsIsoDate('optional')
  dueBefore?: string;

  @IsIsoDate('optional')
  dueAfter?: string;

  /** `true`: open tasks due before today; `false`: the others. */
  @QueryFlag()
  overdue?: boolean;

  /** A reminder rule, or `manual` for tasks written by people. */
  @OneOf(RULE_FILTERS, { presence: 'optional' })
  rule?: ReminderRule | 'manual';

  @OneOf(TASK_SUBJECTS, { presence: 'optional' })
  subjectType?: TaskSubject;

  @IsId('optional')
  subjectId?: string;

  /** Follow-up actions of a visit. */
  @IsId('optional')
  visit?: string;

  /** `true`: archived tasks only; `false` (default): live tasks only. */
  @QueryFlag()
  archived?: boolean;
}

/** `GET /api/tasks/todo`: paging only, the order is the to-do's. */
export class TodoQuery extends PickType(PageQueryDto, ['page', 'pageSize'] as const) {}
