import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

import { Commune } from './commune.entity';

/** A commune outline as a GeoJSON geometry (Polygon or MultiPolygon), loaded at run time. */
@Entity('commune_contours')
export class CommuneContour {
  @PrimaryColumn({ type: 'varchar', length: 5 })
  communeCode!: string;

  @OneToOne(() => Commune, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'commune_code', foreignKeyConstraintName: 'fk_commune_contours_commune' })
  commune?: Commune;

  @Column({ type: 'jsonb' })
  geometry!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 500 })
  source!: string;

  /** A point inside the commune, where the map places the sites without their own coordinates. */
  @Column({ type: 'double precision', nullable: true })
  anchorLatitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  anchorLongitude!: number | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  loadedAt!: Date;
}
