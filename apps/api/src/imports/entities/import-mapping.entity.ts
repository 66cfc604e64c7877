import type { ImportKind } from '@maillage/shared/domain';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

import { User } from '../../users/user.entity';

/** The columns a user chose last time for a kind of import (field key → folded header). */
@Entity('import_mappings')
export class ImportMappingPreference {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_import_mappings_user' })
  user?: User;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  kind!: ImportKind;

  @Column({ type: 'jsonb' })
  headers!: Record<string, string>;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
