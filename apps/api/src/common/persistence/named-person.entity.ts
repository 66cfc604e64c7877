import type { Civility } from '@maillage/shared/domain';
import { Column } from 'typeorm';

import { ScopedEntity } from '../scope/scoped.entity';

/**
 * A record that names a doctor: the registry's professionals and the CDOM's candidate referrals
 * (a referral becomes a professional with the same civility and names).
 */
export abstract class NamedPersonEntity extends ScopedEntity {
  @Column({ type: 'varchar', length: 3, nullable: true })
  civility!: Civility | null;

  @Column({ type: 'varchar', length: 100 })
  firstName!: string;

  @Column({ type: 'varchar', length: 100 })
  lastName!: string;
}
