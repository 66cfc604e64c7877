import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An intercommunality (EPCI), identified by its SIREN. */
@Entity('epcis')
export class Epci {
  @PrimaryColumn({ type: 'char', length: 9 })
  siren!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** CA, CC, CU, METRO… */
  @Column({ type: 'varchar', length: 10 })
  kind!: string;

  @Column({ type: 'integer', nullable: true })
  population!: number | null;
}
