import type { Zonage } from '@maillage/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { CreatedEntity } from '../../common/persistence/base.entity';
import { Commune } from './commune.entity';

/** The ARS classification of a commune over a period (`validTo` inclusive, `null` = open). */
@Entity('commune_zonages')
@Index('idx_commune_zonages_commune_from', ['communeCode', 'validFrom'])
@Check('ck_commune_zonages_zonage', `"zonage" IN ('ZIP', 'ZAC', 'QPV_ZIP', 'QPV_ZAC', 'ZV', 'HZ')`)
@Check('ck_commune_zonages_dates', `"valid_to" IS NULL OR "valid_to" >= "valid_from"`)
export class CommuneZonage extends CreatedEntity {
  @Column({ type: 'varchar', length: 5 })
  communeCode!: string;

  @ManyToOne(() => Commune, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'commune_code', foreignKeyConstraintName: 'fk_commune_zonages_commune' })
  commune?: Commune;

  @Column({ type: 'varchar', length: 8 })
  zonage!: Zonage;

  @Column({ type: 'date' })
  validFrom!: string;

  @Column({ type: 'date', nullable: true })
  validTo!: string | null;

  /** The decree or document the classification comes from. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  source!: string | null;
}
