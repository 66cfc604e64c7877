import type { ParticipantKind } from '@maillage/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { Professional } from '../professionals/professional.entity';
import { User } from '../users/user.entity';
import { SiteVisit } from './site-visit.entity';

/** Who took part in a visit: an account (mission officer, CDOM), an MSU of the registry, or a named person. */
@Entity('visit_participants')
@Index('idx_visit_participants_visit', ['visitId'])
@Index('idx_visit_participants_user', ['userId'])
@Check('ck_visit_participants_kind', `"kind" IN ('mission_officer', 'cdom', 'msu', 'other')`)
@Check('ck_visit_participants_who', `"user_id" IS NOT NULL OR "professional_id" IS NOT NULL OR "name" IS NOT NULL`)
export class VisitParticipant {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  visitId!: string;

  @ManyToOne(() => SiteVisit, (v) => v.participants, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'visit_id', foreignKeyConstraintName: 'fk_visit_participants_visit' })
  visit?: SiteVisit;

  @Column({ type: 'varchar', length: 20 })
  kind!: ParticipantKind;

  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_visit_participants_user' })
  user?: User | null;

  @Column({ type: 'uuid', nullable: true })
  professionalId!: string | null;

  @ManyToOne(() => Professional, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'professional_id', foreignKeyConstraintName: 'fk_visit_participants_professional' })
  professional?: Professional | null;

  /** Name (and organisation) of a participant without an account. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  name!: string | null;
}
