import type { ImportRowOutcome } from '@maillage/shared/domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { ImportJob } from './import-job.entity';

/** A row of an imported file: its cells as read, and what it does (preview) or did (applied). */
@Entity('import_rows')
@Check('ck_import_rows_outcome', `"outcome" IS NULL OR "outcome" IN ('create', 'update', 'unchanged', 'rejected')`)
export class ImportRow {
  @PrimaryColumn({ type: 'uuid' })
  jobId!: string;

  @ManyToOne(() => ImportJob, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id', foreignKeyConstraintName: 'fk_import_rows_job' })
  job?: ImportJob;

  /** Row number as the spreadsheet shows it (header = 1). */
  @PrimaryColumn({ type: 'integer' })
  line!: number;

  @Column({ type: 'jsonb' })
  cells!: string[];

  /** A problem of the row as read (wrong column count, unreadable characters). */
  @Column({ type: 'text', nullable: true })
  problem!: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  outcome!: ImportRowOutcome | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  errors!: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  warnings!: string[];

  @Column({ type: 'uuid', nullable: true })
  entityId!: string | null;
}
