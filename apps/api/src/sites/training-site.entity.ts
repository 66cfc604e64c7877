import type { SiteKind, SiteStatus } from '@maillage/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany } from 'typeorm';

import { ScopedEntity } from '../common/scope/scoped.entity';
import { Commune } from '../territory/entities/commune.entity';
import { SiteCapacity } from './site-capacity.entity';

@Entity('training_sites')
@Index('idx_training_sites_dep_commune', ['departementCode', 'communeCode'])
@Index('idx_training_sites_dep_status', ['departementCode', 'status'])
@Index('idx_training_sites_dep_kind', ['departementCode', 'kind'])
@Index('idx_training_sites_dep_name', ['departementCode', 'searchText'])
/** Trigram index on search_text, written in the migration (opclass). */
@Index('idx_training_sites_search_trgm', { synchronize: false })
@Check(
  'ck_training_sites_kind',
  `"kind" IN ('cabinet_individuel', 'cabinet_groupe', 'msp', 'centre_sante', 'maison_sante_departementale', 'pmi', 'autre')`,
)
@Check('ck_training_sites_status', `"status" IN ('prospect', 'active', 'suspended', 'closed')`)
@Check('ck_training_sites_distance', `"distance_to_chu_km" IS NULL OR "distance_to_chu_km" >= 0`)
@Check('ck_training_sites_coordinates', `("latitude" IS NULL) = ("longitude" IS NULL)`)
export class TrainingSite extends ScopedEntity {
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 30 })
  kind!: SiteKind;

  @Column({ type: 'varchar', length: 20, default: 'prospect' })
  status!: SiteStatus;

  @Column({ type: 'varchar', length: 200 })
  addressLine1!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  addressLine2!: string | null;

  @Column({ type: 'varchar', length: 5 })
  postalCode!: string;

  @Column({ type: 'varchar', length: 5 })
  communeCode!: string;

  @ManyToOne(() => Commune, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'commune_code', foreignKeyConstraintName: 'fk_training_sites_commune' })
  commune?: Commune;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  @Column({ type: 'char', length: 14, nullable: true })
  siret!: string | null;

  @Column({ type: 'boolean', default: false })
  housingOnSite!: boolean;

  @Column({ type: 'boolean', default: false })
  housingNearby!: boolean;

  @Column({ type: 'boolean', default: false })
  publicTransport!: boolean;

  @Column({ type: 'boolean', default: false })
  parking!: boolean;

  @Column({
    type: 'numeric',
    precision: 6,
    scale: 1,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  distanceToChuKm!: number | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  /** Name and commune folded by `normalizeSearchText`, for search. */
  @Column({ type: 'varchar', length: 400 })
  searchText!: string;

  @OneToMany(() => SiteCapacity, (c) => c.site)
  capacities?: SiteCapacity[];
}
