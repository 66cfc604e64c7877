import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { Professional } from '../professionals/professional.entity';
import { TrainingSite } from './training-site.entity';

/** A professional practises at a site (and may supervise students there). */
@Entity('professional_sites')
@Index('idx_professional_sites_site', ['siteId'])
export class ProfessionalSite {
  @PrimaryColumn({ type: 'uuid' })
  professionalId!: string;

  @PrimaryColumn({ type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => Professional, (p) => p.sites, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'professional_id', foreignKeyConstraintName: 'fk_professional_sites_professional' })
  professional?: Professional;

  @ManyToOne(() => TrainingSite, (s) => s.professionals, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_professional_sites_site' })
  site?: TrainingSite;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
