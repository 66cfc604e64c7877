import type { SiteRole } from '@maillage/shared/domain';
import { Check, Column, Entity, ForeignKey, Index } from 'typeorm';

import { ScopedEntity } from '../common/scope/scoped.entity';
import { SITE_ROLE_CHECK } from './professional-site.entity';

/** A link between a professional and a site that has ended: the history of where they practised. */
@Entity('professional_site_periods')
@Index('idx_professional_site_periods_dep_professional', ['departementCode', 'professionalId'])
@Index('idx_professional_site_periods_dep_site', ['departementCode', 'siteId'])
@Check('ck_professional_site_periods_role', SITE_ROLE_CHECK)
@Check('ck_professional_site_periods_dates', `"start_date" IS NULL OR "end_date" >= "start_date"`)
export class ProfessionalSitePeriod extends ScopedEntity {
  @Column({ type: 'uuid' })
  @ForeignKey('Professional', { name: 'fk_professional_site_periods_professional', onDelete: 'CASCADE' })
  professionalId!: string;

  @Column({ type: 'uuid' })
  @ForeignKey('TrainingSite', { name: 'fk_professional_site_periods_site', onDelete: 'CASCADE' })
  siteId!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  role!: SiteRole | null;

  @Column({ type: 'date', nullable: true })
  startDate!: string | null;

  @Column({ type: 'date' })
  endDate!: string;
}
