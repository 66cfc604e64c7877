import { Column } from 'typeorm';

import { VersionedEntity } from '../persistence/base.entity';

/**
 * Every business record belongs to one département. Extend this class and read and write
 * through `scopeQuery` / `departementForWrite` so that users only ever see their own département.
 * Records with history are archived (restorable), never erased.
 */
export abstract class ScopedEntity extends VersionedEntity {
  @Column({ type: 'varchar', length: 3 })
  departementCode!: string;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;
}
