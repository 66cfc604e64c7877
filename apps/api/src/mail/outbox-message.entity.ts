import type { NotificationKind, OutboxStatus } from '@maillage/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';

import { CreatedEntity } from '../common/persistence/base.entity';
import { User } from '../users/user.entity';

/**
 * An e-mail to send, written in the transaction of the event that raised it. Instances claim
 * due rows with `FOR UPDATE SKIP LOCKED` and a lease (`lockedUntil`), so that each message is
 * sent by one instance; `dedupeKey` names the logical message (a digest: user + ISO week) so that
 * it is never written twice.
 */
@Entity('outbox_messages')
@Index('uq_outbox_messages_dedupe_key', ['dedupeKey'], { unique: true })
@Index('idx_outbox_messages_status_due', ['status', 'nextAttemptAt'])
@Index('idx_outbox_messages_dep_status_created', ['departementCode', 'status', 'createdAt'])
@Check('ck_outbox_messages_status', `"status" IN ('pending', 'sending', 'sent', 'failed')`)
export class OutboxMessage extends CreatedEntity {
  @Column({ type: 'varchar', length: 3 })
  departementCode!: string;

  @Column({ type: 'varchar', length: 30 })
  kind!: NotificationKind;

  @Column({ type: 'varchar', length: 200 })
  dedupeKey!: string;

  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_outbox_messages_user' })
  user?: User | null;

  @Column({ type: 'varchar', length: 254 })
  recipient!: string;

  @Column({ type: 'varchar', length: 250 })
  subject!: string;

  @Column({ type: 'text' })
  textBody!: string;

  @Column({ type: 'text' })
  htmlBody!: string;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status!: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'integer' })
  maxAttempts!: number;

  /** When a pending message may be tried (again). */
  @Column({ type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  /** The lease of the instance sending it; past it, another instance may take it over. */
  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  lockedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
