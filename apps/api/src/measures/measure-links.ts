import type { EntityManager } from 'typeorm';

import { assertLiveIn } from '../common/persistence/live-records';

/**
 * Links between measures and sites (`measure_sites`): only live sites of the same département
 * may be linked; anything else is a 400 naming the ids. The links to access issues
 * (`measure_issues`) are kept by the access-issues domain (`access-issues/issue-measures.ts`).
 */
export function checkMeasureSites(manager: EntityManager, departementCode: string, ids: readonly string[]) {
  return assertLiveIn(
    manager,
    'training_sites',
    departementCode,
    ids,
    'siteIds : terrain introuvable dans le département',
  );
}

export async function replaceMeasureSites(manager: EntityManager, measureId: string, ids: readonly string[]) {
  await manager.query('DELETE FROM measure_sites WHERE measure_id = $1', [measureId]);
  if (ids.length === 0) return;
  await manager.query('INSERT INTO measure_sites (measure_id, site_id) SELECT $1, unnest($2::uuid[])', [
    measureId,
    ids,
  ]);
}
