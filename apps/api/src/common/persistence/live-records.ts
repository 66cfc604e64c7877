import type { EntityManager } from 'typeorm';

import { DomainException } from '../errors/domain-exception';

/**
 * Records named by id in a request (the sites of a measure, the professionals of a site…) must
 * be live records of the same département. One query whatever the count; a 400 names the ids
 * that are not, e.g. « siteIds : terrain introuvable dans le département (…). »
 * `table` is a scoped table (`departement_code`, `archived_at`): a read by id, across domains.
 */
export async function assertLiveIn(
  manager: EntityManager,
  table: string,
  departementCode: string,
  ids: readonly string[],
  message: string,
): Promise<void> {
  if (ids.length === 0) return;
  const found: { id: string }[] = await manager.query(
    `SELECT id FROM ${table} WHERE id = ANY($1::uuid[]) AND departement_code = $2 AND archived_at IS NULL`,
    [ids, departementCode],
  );
  const known = new Set(found.map((row) => row.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) throw new DomainException('BAD_INPUT', `${message} (${missing.join(', ')}).`);
}
