import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { CreatedEntity } from '../common/persistence/base.entity';
import { CandidateReferral } from './candidate-referral.entity';

/** A dated follow-up note on a referral (call, meeting, e-mail). */
@Entity('referral_follow_ups')
@Index('idx_referral_follow_ups_referral', ['referralId', 'occurredAt'])
export class ReferralFollowUp extends CreatedEntity {
  @Column({ type: 'uuid' })
  referralId!: string;

  @ManyToOne(() => CandidateReferral, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'fk_referral_follow_ups_referral' })
  referral?: CandidateReferral;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'text' })
  note!: string;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;
}
