import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** uuid key and creation time, shared by every record (append-only ones have nothing more). */
export abstract class CreatedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** Adds the last update time and an optimistic-locking version, shared by editable records. */
export abstract class VersionedEntity extends CreatedEntity {
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn({ type: 'integer' })
  version!: number;
}
