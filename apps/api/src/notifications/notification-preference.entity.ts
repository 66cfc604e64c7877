import type { NotificationKind } from '@maillage/shared/domain';
import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

import { User } from '../users/user.entity';

/** A user's choices: which notices also go by e-mail, and when the weekly digest comes. No row: the defaults. */
@Entity('notification_preferences')
@Check('ck_notification_preferences_weekday', `"digest_weekday" BETWEEN 1 AND 7`)
@Check('ck_notification_preferences_hour', `"digest_hour" BETWEEN 0 AND 23`)
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notification_preferences_user' })
  user?: User;

  @Column({ type: 'varchar', length: 30, array: true, default: () => "'{}'" })
  emailKinds!: NotificationKind[];

  /** ISO weekday, 1 = Monday … 7 = Sunday (Paris time). */
  @Column({ type: 'smallint', default: 1 })
  digestWeekday!: number;

  @Column({ type: 'smallint', default: 8 })
  digestHour!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
