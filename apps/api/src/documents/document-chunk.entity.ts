import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { DocumentVersion } from './document-version.entity';

/**
 * The bytes of a version, in order (`seq` from 0), written and read a chunk at a time so that
 * uploads and downloads stream; kept in PostgreSQL so that one backup holds everything.
 * The column is stored uncompressed (`STORAGE EXTERNAL`, in the migration): most files are.
 */
@Entity('document_chunks')
export class DocumentChunk {
  @PrimaryColumn({ type: 'uuid' })
  versionId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @ManyToOne(() => DocumentVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'fk_document_chunks_version' })
  version?: DocumentVersion;

  @Column({ type: 'bytea' })
  data!: Buffer;
}
