import type { Priority, ReferralStatus } from '@maillage/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { NamedPersonEntity } from '../common/persistence/named-person.entity';
import { Professional } from '../professionals/professional.entity';
import { User } from '../users/user.entity';

/** The CDOM flags a professional as a potential MSU; the mission officer follows it up. */
@Entity('candidate_referrals')
@Index('idx_candidate_referrals_dep_status_created', ['departementCode', 'status', 'createdAt'])
@Index('idx_candidate_referrals_referred_by', ['referredById'])
@Index('idx_candidate_referrals_assigned_to', ['assignedToId'])
@Index('idx_candidate_referrals_professional', ['professionalId'])
/** Trigram index on the folded names, for the search box: written in the migration (expression). */
@Index('idx_candidate_referrals_search_trgm', { synchronize: false })
@Check(
  'ck_candidate_referrals_status',
  `"status" IN ('new', 'assigned', 'in_progress', 'converted', 'declined', 'not_eligible')`,
)
@Check('ck_candidate_referrals_priority', `"priority" IN ('low', 'normal', 'high')`)
@Check('ck_candidate_referrals_civility', `"civility" IS NULL OR "civility" IN ('M', 'MME', 'DR')`)
export class CandidateReferral extends NamedPersonEntity {
  /** The professional of the registry, when known (always set once converted). */
  @Column({ type: 'uuid', nullable: true })
  professionalId!: string | null;

  @ManyToOne(() => Professional, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'professional_id', foreignKeyConstraintName: 'fk_candidate_referrals_professional' })
  professional?: Professional | null;

  @Column({ type: 'char', length: 11, nullable: true })
  rpps!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  specialty!: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  communeCode!: string | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'varchar', length: 10, default: 'normal' })
  priority!: Priority;

  @Column({ type: 'varchar', length: 20, default: 'new' })
  status!: ReferralStatus;

  @Column({ type: 'uuid' })
  referredById!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referred_by_id', foreignKeyConstraintName: 'fk_candidate_referrals_referred_by' })
  referredBy?: User;

  @Column({ type: 'uuid', nullable: true })
  assignedToId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'assigned_to_id', foreignKeyConstraintName: 'fk_candidate_referrals_assigned_to' })
  assignedTo?: User | null;

  /** Last follow-up (note, call, meeting): referrals without one for 30 days raise a reminder. */
  @Column({ type: 'timestamptz', nullable: true })
  lastFollowUpAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  outcomeNote!: string | null;
}
