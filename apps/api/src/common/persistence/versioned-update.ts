import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

import { DomainException } from '../errors/domain-exception';

/**
 * Optimistic locking that holds: `UPDATE … WHERE id = :id AND version = :version`.
 * A stale version changes nothing and answers 409; an unknown id answers 404.
 * (TypeORM's `save()` would silently overwrite a newer row.)
 */
export async function updateVersioned<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  id: string,
  version: number,
  changes: Partial<T>,
  notFoundLabel: string,
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set(changes as never)
    .where('id = :id AND version = :version', { id, version })
    .execute();
  if (result.affected === 1) return;
  const exists = await manager.getRepository(target).existsBy({ id } as never);
  throw exists ? DomainException.versionConflict() : DomainException.notFound(notFoundLabel);
}
