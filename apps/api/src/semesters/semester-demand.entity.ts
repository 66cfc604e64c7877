import type { StageType } from '@maillage/shared/domain';
import { Check, Column, Entity, Index } from 'typeorm';

import { ScopedEntity } from '../common/scope/scoped.entity';

/** Places requested by the faculty / ARS and places filled, per semester and stage type. */
@Entity('semester_demands')
@Index('uq_semester_demands_dep_semester_stage', ['departementCode', 'semester', 'stageType'], { unique: true })
@Check('ck_semester_demands_semester', `"semester" ~ '^20[0-9]{2}-(W|S)$'`)
@Check('ck_semester_demands_stage_type', `"stage_type" IN ('EXT_MG', 'N1', 'SAFE', 'LIBRE', 'SASPAS', 'DJ_MG')`)
@Check('ck_semester_demands_places', `"places_requested" >= 0 AND ("places_filled" IS NULL OR "places_filled" >= 0)`)
export class SemesterDemand extends ScopedEntity {
  @Column({ type: 'varchar', length: 6 })
  semester!: string;

  @Column({ type: 'varchar', length: 10 })
  stageType!: StageType;

  @Column({ type: 'integer' })
  placesRequested!: number;

  /** Known after the interns' choice. */
  @Column({ type: 'integer', nullable: true })
  placesFilled!: number | null;

  /** Faculty, ARS, commission… */
  @Column({ type: 'varchar', length: 200, nullable: true })
  source!: string | null;
}
