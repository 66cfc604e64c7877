import type { MsuStage } from '@maillage/shared/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { CreatedEntity } from '../common/persistence/base.entity';
import { Professional } from './professional.entity';

/** One move in the MSU pipeline, with its date and note (the pipeline history). */
@Entity('msu_stage_events')
@Index('idx_msu_stage_events_professional', ['professionalId', 'occurredOn'])
@Index('idx_msu_stage_events_stage_date', ['toStage', 'occurredOn'])
export class MsuStageEvent extends CreatedEntity {
  @Column({ type: 'uuid' })
  professionalId!: string;

  @ManyToOne(() => Professional, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'professional_id', foreignKeyConstraintName: 'fk_msu_stage_events_professional' })
  professional?: Professional;

  /** `null` for the entry into the pipeline. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStage!: MsuStage | null;

  @Column({ type: 'varchar', length: 20 })
  toStage!: MsuStage;

  @Column({ type: 'date' })
  occurredOn!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;
}
