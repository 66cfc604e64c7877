import { CreateDateColumn, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { Professional } from './professional.entity';

/**
 * A professional practises at a site (and may supervise students there). The links belong to
 * the professionals' domain; the site is referred to by id (a foreign key, no import of sites).
 */
@Entity('professional_sites')
@Index('idx_professional_sites_site', ['siteId'])
export class ProfessionalSite {
  @PrimaryColumn({ type: 'uuid' })
  professionalId!: string;

  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey('TrainingSite', { name: 'fk_professional_sites_site', onDelete: 'CASCADE' })
  siteId!: string;

  @ManyToOne(() => Professional, (p) => p.sites, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'professional_id', foreignKeyConstraintName: 'fk_professional_sites_professional' })
  professional?: Professional;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
