import type { VisitChecklist, VisitPurpose, VisitStatus } from '@maillage/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany } from 'typeorm';

import { ScopedEntity } from '../common/scope/scoped.entity';
import { TrainingSite } from '../sites/training-site.entity';
import { VisitParticipant } from './visit-participant.entity';

/** A visit of a site by the mission officer: planned, then recorded with its findings. */
@Entity('site_visits')
@Index('idx_site_visits_dep_planned', ['departementCode', 'plannedOn'])
@Index('idx_site_visits_site_date', ['siteId', 'plannedOn'])
@Index('idx_site_visits_dep_status', ['departementCode', 'status'])
@Check('ck_site_visits_purpose', `"purpose" IN ('prospection', 'follow_up', 'accreditation', 'issue_resolution')`)
@Check('ck_site_visits_status', `"status" IN ('planned', 'done', 'cancelled')`)
@Check('ck_site_visits_done', `"status" <> 'done' OR "visited_on" IS NOT NULL`)
export class SiteVisit extends ScopedEntity {
  @Column({ type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => TrainingSite, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_site_visits_site' })
  site?: TrainingSite;

  @Column({ type: 'varchar', length: 20 })
  purpose!: VisitPurpose;

  @Column({ type: 'varchar', length: 12, default: 'planned' })
  status!: VisitStatus;

  @Column({ type: 'date' })
  plannedOn!: string;

  /** Start time, `HH:MM`, optional. */
  @Column({ type: 'varchar', length: 5, nullable: true })
  plannedTime!: string | null;

  @Column({ type: 'date', nullable: true })
  visitedOn!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  checklist!: VisitChecklist;

  @Column({ type: 'text', nullable: true })
  findings!: string | null;

  @Column({ type: 'date', nullable: true })
  nextVisitOn!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @OneToMany(() => VisitParticipant, (p) => p.visit)
  participants?: VisitParticipant[];
}
