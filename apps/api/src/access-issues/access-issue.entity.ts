import type { AccessIssueCategory, AccessIssueSource, AccessIssueStatus, Severity } from '@maillage/shared/domain';
import { Check, Column, Entity, ForeignKey, Index, JoinColumn, ManyToOne } from 'typeorm';

import { ScopedEntity } from '../common/scope/scoped.entity';
import { TrainingSite } from '../sites/training-site.entity';

/** An obstacle interns meet at a site (difficulté d'accès). */
@Entity('access_issues')
@Index('idx_access_issues_dep_status_category', ['departementCode', 'status', 'category'])
@Index('idx_access_issues_site_status', ['siteId', 'status'])
@Index('idx_access_issues_visit', ['visitId'])
@Check(
  'ck_access_issues_category',
  `"category" IN ('public_transport', 'distance', 'housing', 'parking', 'premises', 'it', 'supervision', 'pay', 'safety', 'other')`,
)
@Check('ck_access_issues_status', `"status" IN ('open', 'in_progress', 'resolved', 'wont_fix')`)
@Check('ck_access_issues_source', `"source" IN ('visit', 'intern', 'msu', 'cdom')`)
@Check('ck_access_issues_severity', `"severity" BETWEEN 1 AND 4`)
@Check('ck_access_issues_closed', `"status" NOT IN ('resolved', 'wont_fix') OR "closed_on" IS NOT NULL`)
export class AccessIssue extends ScopedEntity {
  @Column({ type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => TrainingSite, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_access_issues_site' })
  site?: TrainingSite;

  @Column({ type: 'varchar', length: 20 })
  category!: AccessIssueCategory;

  @Column({ type: 'smallint' })
  severity!: Severity;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 10 })
  source!: AccessIssueSource;

  @Column({ type: 'varchar', length: 12, default: 'open' })
  status!: AccessIssueStatus;

  @Column({ type: 'date' })
  raisedOn!: string;

  @Column({ type: 'date', nullable: true })
  closedOn!: string | null;

  @Column({ type: 'text', nullable: true })
  resolution!: string | null;

  /** The visit that raised it, if any (by id: visits raise issues through the issues' service). */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('SiteVisit', { name: 'fk_access_issues_visit', onDelete: 'SET NULL' })
  visitId!: string | null;

  /** Who recorded it (a CDOM user proposes, the mission officer qualifies). */
  @Column({ type: 'uuid', nullable: true })
  reportedById!: string | null;
}
