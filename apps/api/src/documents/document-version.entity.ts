import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { CreatedEntity } from '../common/persistence/base.entity';
import { User } from '../users/user.entity';
import { StoredDocument } from './document.entity';

/** One uploaded content of a document; the chunks hold its bytes. */
@Entity('document_versions')
@Index('uq_document_versions_number', ['documentId', 'number'], { unique: true })
@Check('ck_document_versions_size', `"size_bytes" > 0`)
export class DocumentVersion extends CreatedEntity {
  @Column({ type: 'uuid' })
  documentId!: string;

  @ManyToOne(() => StoredDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'fk_document_versions_document' })
  document?: StoredDocument;

  @Column({ type: 'integer' })
  number!: number;

  /** The name the file was uploaded with (shown and used for downloads, never as a path). */
  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  /** Recognised from the content. */
  @Column({ type: 'varchar', length: 100 })
  mediaType!: string;

  @Column({
    type: 'bigint',
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  sizeBytes!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'uuid', nullable: true })
  uploadedById!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'uploaded_by_id', foreignKeyConstraintName: 'fk_document_versions_uploaded_by' })
  uploadedBy?: User | null;
}
