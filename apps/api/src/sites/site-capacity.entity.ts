import type { StageType } from '@maillage/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { TrainingSite } from './training-site.entity';

/** Places a site offers per semester for one stage type (part of the site). */
@Entity('site_capacities')
@Index('uq_site_capacities_site_stage', ['siteId', 'stageType'], { unique: true })
@Index('idx_site_capacities_stage', ['stageType'])
@Check('ck_site_capacities_stage_type', `"stage_type" IN ('EXT_MG', 'N1', 'SAFE', 'LIBRE', 'SASPAS', 'DJ_MG')`)
@Check('ck_site_capacities_places', `"places" >= 0 AND "places" <= 50`)
export class SiteCapacity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => TrainingSite, (s) => s.capacities, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_site_capacities_site' })
  site?: TrainingSite;

  @Column({ type: 'varchar', length: 10 })
  stageType!: StageType;

  @Column({ type: 'smallint' })
  places!: number;
}
