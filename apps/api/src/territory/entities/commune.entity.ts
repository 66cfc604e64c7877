import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';

import { Departement } from './departement.entity';
import { Epci } from './epci.entity';

@Entity('communes')
@Index('idx_communes_departement_name', ['departementCode', 'searchName'])
@Index('idx_communes_epci', ['epciSiren'])
/** Trigram index for accent-insensitive search, written in the migration (opclass). */
@Index('idx_communes_search_trgm', { synchronize: false })
export class Commune {
  /** INSEE code. */
  @PrimaryColumn({ type: 'varchar', length: 5 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Name folded by `normalizeSearchText`, for search. */
  @Column({ type: 'varchar', length: 100 })
  searchName!: string;

  @Column({ type: 'varchar', length: 3 })
  departementCode!: string;

  @ManyToOne(() => Departement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'departement_code', foreignKeyConstraintName: 'fk_communes_departement' })
  departement?: Departement;

  @Column({ type: 'char', length: 9, nullable: true })
  epciSiren!: string | null;

  @ManyToOne(() => Epci, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'epci_siren', foreignKeyConstraintName: 'fk_communes_epci' })
  epci?: Epci | null;

  @Column({ type: 'integer', nullable: true })
  population!: number | null;

  @Column({ type: 'varchar', length: 5, array: true, default: () => "'{}'" })
  postalCodes!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
