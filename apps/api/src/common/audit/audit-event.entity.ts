import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export interface FieldChange {
  before: unknown;
  after: unknown;
}

/** Who changed what, when: written in the same transaction as the change. */
@Entity('audit_events')
@Index('idx_audit_events_entity', ['entityType', 'entityId', 'occurredAt'])
@Index('idx_audit_events_departement_time', ['departementCode', 'occurredAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt!: Date;

  /** `null` for system jobs; not a foreign key so history outlives accounts. */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  actorEmail!: string | null;

  /** created, updated, archived, restored, or a business action (granted, converted…). */
  @Column({ type: 'varchar', length: 40 })
  action!: string;

  @Column({ type: 'varchar', length: 60 })
  entityType!: string;

  @Column({ type: 'varchar', length: 64 })
  entityId!: string;

  @Column({ type: 'varchar', length: 3, nullable: true })
  departementCode!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes!: Record<string, FieldChange>;
}
