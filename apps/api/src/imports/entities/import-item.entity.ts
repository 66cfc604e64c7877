import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { ImportJob } from './import-job.entity';

/**
 * A record an applied import created or updated, with its version right after the import and,
 * for an update, its state before: what undoing needs, and what tells a later edit apart.
 */
@Entity('import_items')
@Index('idx_import_items_entity', ['entityId'])
@Check('ck_import_items_action', `"action" IN ('created', 'updated')`)
export class ImportItem {
  @PrimaryColumn({ type: 'uuid' })
  jobId!: string;

  @ManyToOne(() => ImportJob, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id', foreignKeyConstraintName: 'fk_import_items_job' })
  job?: ImportJob;

  /** Audit entity type: `training_site`, `professional`, `accreditation`. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  entityType!: string;

  @PrimaryColumn({ type: 'uuid' })
  entityId!: string;

  @Column({ type: 'varchar', length: 10 })
  action!: 'created' | 'updated';

  @Column({ type: 'integer', nullable: true })
  versionBefore!: number | null;

  @Column({ type: 'integer' })
  versionAfter!: number;

  /** The importable fields before the update (null for a creation). */
  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  /** How to name the record in a message (« Terrain MSP de l’Almont »). */
  @Column({ type: 'varchar', length: 300 })
  label!: string;
}
