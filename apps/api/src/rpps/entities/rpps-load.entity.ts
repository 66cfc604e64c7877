import type { RppsLoadStatus } from '@maillage/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { User } from '../../users/user.entity';

/** A load of the national extract: who, when, which file, how far it went and what it found. */
@Entity('rpps_loads')
@Index('idx_rpps_loads_started', ['startedAt'])
@Check('ck_rpps_loads_status', `"status" IN ('loading', 'loaded', 'failed')`)
export class RppsLoad {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'varchar', length: 10, default: 'loading' })
  status!: RppsLoadStatus;

  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ type: 'smallint', nullable: true })
  columnCount!: number | null;

  @Column({
    type: 'bigint',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  bytesTotal!: number | null;

  @Column({ type: 'bigint', default: 0, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  bytesRead!: number;

  @Column({ type: 'integer', default: 0 })
  rowsRead!: number;

  @Column({ type: 'integer', default: 0 })
  rowsKept!: number;

  @Column({ type: 'integer', default: 0 })
  malformedLines!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  problems!: string[];

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** `null` when loaded from the command line. */
  @Column({ type: 'uuid', nullable: true })
  loadedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'loaded_by_id', foreignKeyConstraintName: 'fk_rpps_loads_loaded_by' })
  loadedBy?: User | null;
}
