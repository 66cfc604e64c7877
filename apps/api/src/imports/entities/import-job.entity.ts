import type { ImportKind, ImportMapping, ImportStatus } from '@maillage/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { ScopedEntity } from '../../common/scope/scoped.entity';
import { User } from '../../users/user.entity';

/** A spreadsheet import: its file, its mapping, its preview, and what applying it did. */
@Entity('import_jobs')
@Index('idx_import_jobs_dep_created', ['departementCode', 'createdAt'])
@Index('idx_import_jobs_created_by', ['createdById'])
@Check('ck_import_jobs_kind', `"kind" IN ('sites', 'professionals', 'accreditations')`)
@Check('ck_import_jobs_status', `"status" IN ('analysing', 'ready', 'applying', 'applied', 'failed', 'undone')`)
@Check('ck_import_jobs_format', `"file_format" IN ('csv', 'xlsx')`)
export class ImportJob extends ScopedEntity {
  @Column({ type: 'varchar', length: 20 })
  kind!: ImportKind;

  @Column({ type: 'varchar', length: 12, default: 'analysing' })
  status!: ImportStatus;

  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ type: 'varchar', length: 4 })
  fileFormat!: 'csv' | 'xlsx';

  @Column({ type: 'varchar', length: 20, nullable: true })
  encoding!: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  delimiter!: string | null;

  /** Header row of the file, cleaned (never empty, never twice the same). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  headers!: string[];

  /** Field key → column index. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  mapping!: ImportMapping;

  @Column({ type: 'integer', default: 0 })
  totalRows!: number;

  /** Rows analysed or applied so far: the progress bar. */
  @Column({ type: 'integer', default: 0 })
  processedRows!: number;

  @Column({ type: 'integer', default: 0 })
  createCount!: number;

  @Column({ type: 'integer', default: 0 })
  updateCount!: number;

  @Column({ type: 'integer', default: 0 })
  unchangedCount!: number;

  @Column({ type: 'integer', default: 0 })
  rejectedCount!: number;

  /** Why the file could not be read or the import was rolled back, in French. */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'uuid' })
  createdById!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'fk_import_jobs_created_by' })
  createdBy?: User;

  @Column({ type: 'timestamptz', nullable: true })
  appliedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  appliedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'applied_by_id', foreignKeyConstraintName: 'fk_import_jobs_applied_by' })
  appliedBy?: User | null;

  @Column({ type: 'timestamptz', nullable: true })
  undoneAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  undoneById!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'undone_by_id', foreignKeyConstraintName: 'fk_import_jobs_undone_by' })
  undoneBy?: User | null;
}
