import type { MeasureStatus, MeasureType } from '@maillage/shared/domain';
import { Check, Column, Entity, Index, JoinTable, ManyToMany } from 'typeorm';

import { AccessIssue } from '../access-issues/access-issue.entity';
import { ScopedEntity } from '../common/scope/scoped.entity';
import { TrainingSite } from '../sites/training-site.entity';

const money = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A dispositif that improves access to sites or their attractiveness. */
@Entity('support_measures')
@Index('idx_support_measures_dep_status', ['departementCode', 'status'])
@Check(
  'ck_support_measures_type',
  `"type" IN ('housing_aid', 'intern_house', 'transport_aid', 'equipment_funding', 'communication', 'teleconsultation', 'other')`,
)
@Check('ck_support_measures_status', `"status" IN ('planned', 'active', 'completed', 'cancelled')`)
@Check('ck_support_measures_budget', `"budget_planned" >= 0 AND "budget_committed" >= 0`)
@Check('ck_support_measures_dates', `"end_date" IS NULL OR "start_date" IS NULL OR "end_date" >= "start_date"`)
export class SupportMeasure extends ScopedEntity {
  @Column({ type: 'varchar', length: 20 })
  type!: MeasureType;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** Euros. */
  @Column({ type: 'numeric', precision: 12, scale: 2, default: 0, transformer: money })
  budgetPlanned!: number;

  @Column({ type: 'numeric', precision: 12, scale: 2, default: 0, transformer: money })
  budgetCommitted!: number;

  @Column({ type: 'date', nullable: true })
  startDate!: string | null;

  @Column({ type: 'date', nullable: true })
  endDate!: string | null;

  @Column({ type: 'varchar', length: 12, default: 'planned' })
  status!: MeasureStatus;

  /** Outcome indicators: name, target, value (e.g. "places de logement", 6, 4). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  indicators!: { name: string; target: number | null; value: number | null; unit?: string }[];

  @ManyToMany(() => TrainingSite)
  @JoinTable({
    name: 'measure_sites',
    joinColumn: { name: 'measure_id', foreignKeyConstraintName: 'fk_measure_sites_measure' },
    inverseJoinColumn: { name: 'site_id', foreignKeyConstraintName: 'fk_measure_sites_site' },
  })
  sites?: TrainingSite[];

  /** Mapping only: the links are written by the access-issues domain (`access-issues/issue-measures.ts`). */
  @ManyToMany(() => AccessIssue)
  @JoinTable({
    name: 'measure_issues',
    joinColumn: { name: 'measure_id', foreignKeyConstraintName: 'fk_measure_issues_measure' },
    inverseJoinColumn: { name: 'issue_id', foreignKeyConstraintName: 'fk_measure_issues_issue' },
  })
  issues?: AccessIssue[];
}
