import type { UserRef } from '@maillage/shared/domain';
import { type EntityManager, In } from 'typeorm';

import { User } from './user.entity';

/** Display names of the users named on a page of records, in one query. */
export async function userRefsOf(
  manager: EntityManager,
  ids: readonly (string | null)[],
): Promise<Map<string, UserRef>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const users = await manager
    .getRepository(User)
    .find({ select: { id: true, displayName: true }, where: { id: In(unique) } });
  return new Map(users.map((u) => [u.id, { id: u.id, displayName: u.displayName }]));
}
