import type { SiteRole } from '@maillage/shared/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';

import { Professional } from './professional.entity';

export const SITE_ROLE_CHECK = `"role" IN ('holder', 'partner', 'collaborator', 'employee', 'locum', 'coordinator')`;

/**
 * A professional practises at a site (and may supervise students there). The links belong to
 * the professionals' domain; the site is referred to by id (a foreign key, no import of sites).
 * A link that ends moves to `professional_site_periods` (its history).
 */
@Entity('professional_sites')
@Index('idx_professional_sites_site', ['siteId'])
@Index('uq_professional_sites_id', ['id'], { unique: true })
@Check('ck_professional_sites_role', SITE_ROLE_CHECK)
export class ProfessionalSite {
  @PrimaryColumn({ type: 'uuid' })
  professionalId!: string;

  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey('TrainingSite', { name: 'fk_professional_sites_site', onDelete: 'CASCADE' })
  siteId!: string;

  @ManyToOne(() => Professional, (p) => p.sites, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'professional_id', foreignKeyConstraintName: 'fk_professional_sites_professional' })
  professional?: Professional;

  /** The link's own id (`/api/professional-site-links/:id`). */
  @Column({ type: 'uuid' })
  @Generated('uuid')
  id!: string;

  /** Null on links recorded before roles (imports, the professional form). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  role!: SiteRole | null;

  @Column({ type: 'date', nullable: true })
  startDate!: string | null;

  /** Optimistic locking of the link (`If-Match`). */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
