import type { ReportSection, ReportStatus } from '@maillage/shared/domain';
import { Check, Column, Entity, Index } from 'typeorm';

import { ScopedEntity } from '../common/scope/scoped.entity';

/** The mission officer's annual activity report: draft → presented → approved (figures frozen). */
@Entity('annual_reports')
@Index('uq_annual_reports_dep_year_live', ['departementCode', 'year'], { unique: true, where: '"archived_at" IS NULL' })
@Check('ck_annual_reports_status', `"status" IN ('draft', 'presented', 'approved')`)
@Check('ck_annual_reports_year', `"year" BETWEEN 2020 AND 2100`)
@Check('ck_annual_reports_frozen', `"status" <> 'approved' OR ("figures" IS NOT NULL AND "approved_on" IS NOT NULL)`)
export class AnnualReport extends ScopedEntity {
  @Column({ type: 'smallint' })
  year!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status!: ReportStatus;

  /** The narrative sections written by the mission officer. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  sections!: Partial<Record<ReportSection, string>>;

  /** Computed figures, frozen at approval (NULL while the report is live). */
  @Column({ type: 'jsonb', nullable: true })
  figures!: Record<string, unknown> | null;

  @Column({ type: 'date', nullable: true })
  presentedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  approvedOn!: string | null;

  @Column({ type: 'uuid', nullable: true })
  approvedById!: string | null;
}
