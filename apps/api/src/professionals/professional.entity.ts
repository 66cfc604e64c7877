import type { Cycle, MsuStage, PracticeMode } from '@maillage/shared/domain';
import { Check, Column, Entity, Index, OneToMany } from 'typeorm';

import { NamedPersonEntity } from '../common/persistence/named-person.entity';
import { ProfessionalSite } from './professional-site.entity';

/** A practitioner of the registry (RPPS-keyed), MSU or not, with its place in the MSU pipeline. */
@Entity('professionals')
/** One live professional per RPPS within a département (a doctor may practise in two). */
@Index('uq_professionals_dep_rpps_live', ['departementCode', 'rpps'], {
  unique: true,
  where: '"archived_at" IS NULL AND "rpps" IS NOT NULL',
})
@Index('idx_professionals_dep_stage', ['departementCode', 'msuStage'])
@Index('idx_professionals_dep_name', ['departementCode', 'searchText'])
/** Trigram index on search_text, written in the migration (opclass). */
@Index('idx_professionals_search_trgm', { synchronize: false })
@Check('ck_professionals_civility', `"civility" IS NULL OR "civility" IN ('M', 'MME', 'DR')`)
@Check(
  'ck_professionals_practice_mode',
  `"practice_mode" IS NULL OR "practice_mode" IN ('liberal', 'salarie', 'mixte')`,
)
@Check(
  'ck_professionals_msu_stage',
  `"msu_stage" IN ('identified', 'contacted', 'interested', 'in_training', 'file_submitted', 'accredited', 'active', 'declined', 'retired')`,
)
/** Contact details are kept only with the professional's consent. */
@Check('ck_professionals_contact_consent', `"contact_consent" OR ("email" IS NULL AND "phone" IS NULL)`)
@Check('ck_professionals_rpps', `"rpps" IS NULL OR "rpps" ~ '^[0-9]{11}$'`)
@Check('ck_professionals_training_cycle', `"initial_training_cycle" IS NULL OR "initial_training_cycle" IN ('2', '3')`)
export class Professional extends NamedPersonEntity {
  /** Names and RPPS folded by `normalizeSearchText`. */
  @Column({ type: 'varchar', length: 250 })
  searchText!: string;

  @Column({ type: 'char', length: 11, nullable: true })
  rpps!: string | null;

  @Column({ type: 'varchar', length: 80, default: 'Médecin' })
  profession!: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  specialty!: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  practiceMode!: PracticeMode | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  phone!: string | null;

  @Column({ type: 'smallint', nullable: true })
  firstInstallationYear!: number | null;

  /** Consent to be contacted by the mission officer (GDPR). */
  @Column({ type: 'boolean', default: false })
  contactConsent!: boolean;

  @Column({ type: 'varchar', length: 20, default: 'identified' })
  msuStage!: MsuStage;

  @Column({ type: 'date' })
  msuStageSince!: string;

  @Column({ type: 'date', nullable: true })
  initialTrainingDate!: string | null;

  @Column({ type: 'varchar', length: 1, nullable: true })
  initialTrainingCycle!: Cycle | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @OneToMany(() => ProfessionalSite, (ps) => ps.professional)
  sites?: ProfessionalSite[];
}
