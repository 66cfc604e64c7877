import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('departements')
export class Departement {
  @PrimaryColumn({ type: 'varchar', length: 3 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 3 })
  regionCode!: string;

  /** INSEE code of the prefecture commune. */
  @Column({ type: 'varchar', length: 5, nullable: true })
  chefLieu!: string | null;
}
