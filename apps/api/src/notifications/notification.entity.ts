import type { NotificationKind } from '@maillage/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { CreatedEntity } from '../common/persistence/base.entity';
import { User } from '../users/user.entity';

/**
 * A notice for one user, shown in the app (the bell). Written in the transaction of the event
 * that raised it; `dedupeKey` (kind, record, recipient) makes it exist once whoever writes it.
 */
@Entity('notifications')
@Index('uq_notifications_dedupe_key', ['dedupeKey'], { unique: true })
@Index('idx_notifications_user_created', ['userId', 'createdAt'])
@Index('idx_notifications_user_unread', ['userId', 'createdAt'], { where: '"read_at" IS NULL' })
@Check(
  'ck_notifications_kind',
  `"kind" IN ('referral_created', 'intent_reported', 'referral_converted', 'referral_closed', 'weekly_digest')`,
)
export class Notification extends CreatedEntity {
  /** The département of the record the notice is about. */
  @Column({ type: 'varchar', length: 3 })
  departementCode!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notifications_user' })
  user?: User;

  @Column({ type: 'varchar', length: 30 })
  kind!: NotificationKind;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  /** A route of the dashboard (`/signalements/<id>`). */
  @Column({ type: 'varchar', length: 300 })
  link!: string;

  @Column({ type: 'varchar', length: 200 })
  dedupeKey!: string;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
