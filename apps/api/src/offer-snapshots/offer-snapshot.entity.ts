import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { ScopedEntity } from '../common/scope/scoped.entity';
import { User } from '../users/user.entity';

/** "État de l'offre de stage" frozen at a date: written once, never updated. */
@Entity('offer_snapshots')
@Index('idx_offer_snapshots_dep_taken', ['departementCode', 'takenOn'])
export class OfferSnapshot extends ScopedEntity {
  /** The date the figures describe. */
  @Column({ type: 'date' })
  takenOn!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** The frozen figures (sites, MSUs, places by stage type and semester, gaps by zone, watched sites). */
  @Column({ type: 'jsonb' })
  figures!: Record<string, unknown>;

  @Column({ type: 'uuid', nullable: true })
  takenById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'taken_by_id', foreignKeyConstraintName: 'fk_offer_snapshots_taken_by' })
  takenBy?: User | null;
}
