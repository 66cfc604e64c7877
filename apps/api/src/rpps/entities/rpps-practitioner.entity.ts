import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One place of practice of a practitioner of the national directory (RPPS, « Annuaire Santé »),
 * in a département this installation serves. Reference data: the whole table is replaced by
 * each new extract (see `loader/rpps-loader.ts`), never edited.
 */
@Entity('rpps_practitioners')
@Index('idx_rpps_practitioners_dep_profession', ['departementCode', 'professionCode', 'savoirFaireCode'])
@Index('idx_rpps_practitioners_rpps', ['rpps'])
@Index('idx_rpps_practitioners_national_id', ['nationalId'])
@Index('idx_rpps_practitioners_commune', ['communeCode'])
export class RppsPractitioner {
  /** Line of the extract: unique within a load. */
  @PrimaryColumn({ type: 'integer' })
  lineNo!: number;

  /** « Identification nationale PP »: the person, whatever the place. */
  @Column({ type: 'text' })
  nationalId!: string;

  /** « Identifiant PP » when it is an RPPS number (11 digits). */
  @Column({ type: 'varchar', length: 11, nullable: true })
  rpps!: string | null;

  @Column({ type: 'text', nullable: true })
  civilityCode!: string | null;

  @Column({ type: 'text' })
  lastName!: string;

  @Column({ type: 'text' })
  firstName!: string;

  @Column({ type: 'text' })
  professionCode!: string;

  @Column({ type: 'text', nullable: true })
  professionLabel!: string | null;

  @Column({ type: 'text', nullable: true })
  savoirFaireCode!: string | null;

  @Column({ type: 'text', nullable: true })
  savoirFaireLabel!: string | null;

  @Column({ type: 'text', nullable: true })
  practiceModeCode!: string | null;

  @Column({ type: 'text', nullable: true })
  practiceModeLabel!: string | null;

  @Column({ type: 'text', nullable: true })
  siret!: string | null;

  @Column({ type: 'text', nullable: true })
  structureName!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'text', nullable: true })
  postalCode!: string | null;

  @Column({ type: 'varchar', length: 5 })
  communeCode!: string;

  @Column({ type: 'text', nullable: true })
  communeLabel!: string | null;

  @Column({ type: 'varchar', length: 3 })
  departementCode!: string;

  @Column({ type: 'text', nullable: true })
  sectorCode!: string | null;

  @Column({ type: 'text', nullable: true })
  sectorLabel!: string | null;

  /** Names, structure and commune folded by `normalizeSearchText`. */
  @Column({ type: 'text' })
  searchText!: string;
}
