import type { MeasureRef } from '@maillage/shared/domain';
import type { EntityManager } from 'typeorm';

import { assertLiveIn } from '../common/persistence/live-records';

/**
 * The measures acting on an issue (`measure_issues`). The links are kept here, by the issues'
 * domain: a measure's form sets the issues it acts on, the resolution of an issue adds the
 * measures that solved it, and both write through these functions. Measures are read by id
 * from their table (the issues' domain does not import the measures').
 */

/** Issues to link must be live issues of the département. */
export function assertIssuesIn(manager: EntityManager, departementCode: string, ids: readonly string[]) {
  return assertLiveIn(
    manager,
    'access_issues',
    departementCode,
    ids,
    'issueIds : difficulté d’accès introuvable dans le département',
  );
}

/** Measures to link must be live measures of the département. */
export function assertMeasuresIn(manager: EntityManager, departementCode: string, ids: readonly string[]) {
  return assertLiveIn(
    manager,
    'support_measures',
    departementCode,
    ids,
    'measureIds : dispositif introuvable dans le département',
  );
}

/** Makes the issues a measure acts on exactly `issueIds`. */
export async function replaceIssuesOfMeasure(manager: EntityManager, measureId: string, issueIds: readonly string[]) {
  await manager.query('DELETE FROM measure_issues WHERE measure_id = $1', [measureId]);
  if (issueIds.length === 0) return;
  await manager.query('INSERT INTO measure_issues (measure_id, issue_id) SELECT $1, unnest($2::uuid[])', [
    measureId,
    issueIds,
  ]);
}

/** Adds measures to those acting on an issue (links already there are kept). */
export async function linkMeasuresToIssue(manager: EntityManager, issueId: string, measureIds: readonly string[]) {
  if (measureIds.length === 0) return;
  await manager.query(
    `INSERT INTO measure_issues (measure_id, issue_id) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING`,
    [measureIds, issueId],
  );
}

/** The live measures acting on an issue, by name. */
export function measuresOfIssue(manager: EntityManager, issueId: string): Promise<MeasureRef[]> {
  return manager.query(
    `SELECT m.id, m.name, m.type, m.status FROM support_measures m
     JOIN measure_issues mi ON mi.measure_id = m.id AND mi.issue_id = $1
     WHERE m.archived_at IS NULL ORDER BY m.name`,
    [issueId],
  );
}
