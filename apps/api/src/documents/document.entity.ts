import type { DocumentRecordType } from '@maillage/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { ScopedEntity } from '../common/scope/scoped.entity';
import { User } from '../users/user.entity';

/**
 * A file attached to a record (site, accreditation, visit, referral, committee meeting), in the
 * record's département. Its content lives in `document_versions` / `document_chunks`: a
 * replacement adds a version, an archive keeps them all (restorable).
 */
@Entity('documents')
@Index('idx_documents_record', ['recordType', 'recordId', 'createdAt'])
@Index('idx_documents_dep_created', ['departementCode', 'createdAt'])
@Check(
  'ck_documents_record_type',
  `"record_type" IN ('site', 'accreditation', 'site_visit', 'referral', 'committee_meeting')`,
)
export class StoredDocument extends ScopedEntity {
  @Column({ type: 'varchar', length: 20 })
  recordType!: DocumentRecordType;

  @Column({ type: 'uuid' })
  recordId!: string;

  /** Number of the current version (the last one). */
  @Column({ type: 'integer' })
  currentVersion!: number;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'fk_documents_created_by' })
  createdBy?: User | null;
}
