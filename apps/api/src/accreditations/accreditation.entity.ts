import type { AccreditationStatus, AccreditationType, Cycle, Phase, StageType } from '@maillage/shared/domain';
import { Check, Column, Entity, ForeignKey, Index, JoinColumn, ManyToOne } from 'typeorm';

import { ScopedEntity } from '../common/scope/scoped.entity';
import { Professional } from '../professionals/professional.entity';

/** The accreditation (agrément) of a supervisor or of a site. */
@Entity('accreditations')
@Index('idx_accreditations_dep_status_end', ['departementCode', 'status', 'endDate'])
@Index('idx_accreditations_dep_end', ['departementCode', 'endDate'])
@Index('idx_accreditations_professional', ['professionalId'])
@Index('idx_accreditations_site', ['siteId'])
@Index('uq_accreditations_renews', ['renewsId'], { unique: true })
@Check('ck_accreditations_holder', `("professional_id" IS NULL) <> ("site_id" IS NULL)`)
@Check('ck_accreditations_cycle', `"cycle" IN ('2', '3')`)
@Check('ck_accreditations_type', `"type" IN ('principal', 'complementaire', 'fonctionnel')`)
@Check(
  'ck_accreditations_status',
  `"status" IN ('requested', 'under_review', 'granted', 'conditional', 'expired', 'withdrawn')`,
)
@Check('ck_accreditations_max_students', `"max_students" BETWEEN 1 AND 20`)
@Check('ck_accreditations_dates', `"end_date" IS NULL OR "start_date" IS NULL OR "end_date" >= "start_date"`)
export class Accreditation extends ScopedEntity {
  @Column({ type: 'uuid', nullable: true })
  professionalId!: string | null;

  @ManyToOne(() => Professional, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'professional_id', foreignKeyConstraintName: 'fk_accreditations_professional' })
  professional?: Professional | null;

  /** A site holder, referred to by id (sites list their accreditations, not the other way round). */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('TrainingSite', { name: 'fk_accreditations_site', onDelete: 'RESTRICT' })
  siteId!: string | null;

  @Column({ type: 'varchar', length: 1 })
  cycle!: Cycle;

  @Column({ type: 'varchar', length: 20 })
  type!: AccreditationType;

  @Column({ type: 'varchar', length: 10, array: true, default: () => "'{}'" })
  stageTypes!: StageType[];

  @Column({ type: 'varchar', length: 20, array: true, default: () => "'{}'" })
  phases!: Phase[];

  @Column({ type: 'smallint' })
  maxStudents!: number;

  /** ARS director general (3rd cycle) or UFR dean (2nd cycle), with the office. */
  @Column({ type: 'varchar', length: 200 })
  authority!: string;

  @Column({ type: 'date', nullable: true })
  startDate!: string | null;

  @Column({ type: 'date', nullable: true })
  endDate!: string | null;

  @Column({ type: 'varchar', length: 20, default: 'requested' })
  status!: AccreditationStatus;

  /** Decision number or reference of the file. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  reference!: string | null;

  /** Requested after a withdrawal: granted as conditional, for one year. */
  @Column({ type: 'boolean', default: false })
  afterWithdrawal!: boolean;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  /** The accreditation this one renews (it starts the day after that one ends); renewed once at most. */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('Accreditation', { name: 'fk_accreditations_renews', onDelete: 'RESTRICT' })
  renewsId!: string | null;
}
