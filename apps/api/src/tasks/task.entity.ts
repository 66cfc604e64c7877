import type { Priority, ReminderRule, TaskStatus, TaskSubject } from '@maillage/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { ScopedEntity } from '../common/scope/scoped.entity';
import { User } from '../users/user.entity';

/**
 * A follow-up to do, written by a person or raised by a reminder rule. A reminder carries a
 * `reminderKey` unique among live tasks, so that a rule fires once whatever the number of
 * instances running the job.
 */
@Entity('tasks')
@Index('idx_tasks_dep_status_due', ['departementCode', 'status', 'dueOn'])
@Index('idx_tasks_owner_status_due', ['ownerId', 'status', 'dueOn'])
@Index('idx_tasks_subject', ['subjectType', 'subjectId'])
@Index('uq_tasks_reminder_key', ['reminderKey'], { unique: true, where: '"reminder_key" IS NOT NULL' })
@Check('ck_tasks_status', `"status" IN ('open', 'done', 'cancelled')`)
@Check('ck_tasks_priority', `"priority" IN ('low', 'normal', 'high')`)
@Check(
  'ck_tasks_subject',
  `("subject_type" IS NULL AND "subject_id" IS NULL) OR ("subject_type" IN ('site', 'professional', 'referral', 'access_issue', 'site_visit', 'accreditation', 'measure', 'committee_meeting') AND "subject_id" IS NOT NULL)`,
)
@Check(
  'ck_tasks_rule',
  `"rule" IS NULL OR "rule" IN ('accreditation_expiring', 'site_not_visited', 'referral_without_follow_up', 'visit_action_overdue')`,
)
export class Task extends ScopedEntity {
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'uuid', nullable: true })
  ownerId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'fk_tasks_owner' })
  owner?: User | null;

  /** Owner outside the app (e.g. "MSU", "mairie"), for visit follow-up actions. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  ownerLabel!: string | null;

  @Column({ type: 'date', nullable: true })
  dueOn!: string | null;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status!: TaskStatus;

  @Column({ type: 'varchar', length: 10, default: 'normal' })
  priority!: Priority;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  subjectType!: TaskSubject | null;

  @Column({ type: 'uuid', nullable: true })
  subjectId!: string | null;

  /** The visit whose follow-up action this is, if any. */
  @Column({ type: 'uuid', nullable: true })
  visitId!: string | null;

  /** The reminder rule that raised it; `null` for a task written by a person. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  rule!: ReminderRule | null;

  /** `rule:subject:occurrence`, e.g. `accreditation_expiring:<id>:2027-03-31`. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  reminderKey!: string | null;
}
