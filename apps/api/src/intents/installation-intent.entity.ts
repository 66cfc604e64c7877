import type { IntentHorizon, IntentStatus } from '@maillage/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { ScopedEntity } from '../common/scope/scoped.entity';
import { Professional } from '../professionals/professional.entity';
import { User } from '../users/user.entity';

/** A young doctor's plan to settle, reported by the CDOM. Without consent only initials are kept. */
@Entity('installation_intents')
@Index('idx_installation_intents_dep_status', ['departementCode', 'status'])
@Index('idx_installation_intents_professional', ['professionalId'])
@Check('ck_installation_intents_status', `"status" IN ('intention', 'in_discussion', 'settled', 'abandoned')`)
@Check('ck_installation_intents_horizon', `"horizon" IN ('lt_6_months', '6_12_months', '1_2_years', 'gt_2_years')`)
@Check('ck_installation_intents_identity', `"consent" OR ("first_name" IS NULL AND "last_name" IS NULL)`)
export class InstallationIntent extends ScopedEntity {
  /** The doctor agreed to be named. */
  @Column({ type: 'boolean', default: false })
  consent!: boolean;

  @Column({ type: 'varchar', length: 100, nullable: true })
  firstName!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  lastName!: string | null;

  @Column({ type: 'varchar', length: 20 })
  initials!: string;

  @Column({ type: 'varchar', length: 120 })
  specialty!: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  faculty!: string | null;

  @Column({ type: 'varchar', length: 5, array: true, default: () => "'{}'" })
  targetCommuneCodes!: string[];

  @Column({ type: 'varchar', length: 20 })
  horizon!: IntentHorizon;

  @Column({ type: 'varchar', length: 20, default: 'intention' })
  status!: IntentStatus;

  @Column({ type: 'text', nullable: true })
  supportOffered!: string | null;

  /** Set once the doctor has settled and is in the registry. */
  @Column({ type: 'uuid', nullable: true })
  professionalId!: string | null;

  @ManyToOne(() => Professional, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'professional_id', foreignKeyConstraintName: 'fk_installation_intents_professional' })
  professional?: Professional | null;

  @Column({ type: 'uuid' })
  reportedById!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reported_by_id', foreignKeyConstraintName: 'fk_installation_intents_reported_by' })
  reportedBy?: User;

  @Column({ type: 'date', nullable: true })
  settledOn!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;
}
