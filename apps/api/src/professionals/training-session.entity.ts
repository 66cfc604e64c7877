import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { CreatedEntity } from '../common/persistence/base.entity';
import { Professional } from './professional.entity';

/** Continuing MSU training followed by a professional (target: 21 h per 5 years, configurable). */
@Entity('msu_training_sessions')
@Index('idx_msu_training_sessions_professional', ['professionalId', 'date'])
@Check('ck_msu_training_sessions_hours', `"hours" > 0 AND "hours" <= 100`)
export class TrainingSession extends CreatedEntity {
  @Column({ type: 'uuid' })
  professionalId!: string;

  @ManyToOne(() => Professional, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'professional_id', foreignKeyConstraintName: 'fk_msu_training_sessions_professional' })
  professional?: Professional;

  @Column({ type: 'date' })
  date!: string;

  @Column({
    type: 'numeric',
    precision: 4,
    scale: 1,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  hours!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;
}
