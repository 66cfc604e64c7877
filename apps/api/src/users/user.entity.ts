import type { Role } from '@maillage/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { VersionedEntity } from '../common/persistence/base.entity';
import { Departement } from '../territory/entities/departement.entity';

@Entity('users')
@Index('uq_users_email', ['email'], { unique: true })
@Index('idx_users_departement_role', ['departementCode', 'role'])
@Check('ck_users_role', `"role" IN ('admin', 'mission_officer', 'cdom', 'departement', 'committee')`)
@Check('ck_users_national_admin_only', `"departement_code" IS NOT NULL OR "role" = 'admin'`)
export class User extends VersionedEntity {
  /** Stored lower-cased. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 120 })
  displayName!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  /** `null` for a national administrator. */
  @Column({ type: 'varchar', length: 3, nullable: true })
  departementCode!: string | null;

  @ManyToOne(() => Departement, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'departement_code', foreignKeyConstraintName: 'fk_users_departement' })
  departement?: Departement | null;

  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash!: string;

  @Column({ type: 'boolean', default: true })
  isActive!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;
}
