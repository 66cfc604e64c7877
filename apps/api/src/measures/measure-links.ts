import { type EntityManager, type EntityTarget, In, IsNull, type ObjectLiteral } from 'typeorm';

import { AccessIssue } from '../access-issues/access-issue.entity';
import { DomainException } from '../common/errors/domain-exception';
import { TrainingSite } from '../sites/training-site.entity';
import { SupportMeasure } from './support-measure.entity';

/**
 * Links between measures, sites and issues (`measure_sites`, `measure_issues`): only live
 * records of the same département may be linked; anything else is a 400 naming the ids.
 */
async function checkLive(
  manager: EntityManager,
  target: EntityTarget<ObjectLiteral>,
  departementCode: string,
  ids: readonly string[],
  message: string,
): Promise<void> {
  if (ids.length === 0) return;
  const found = await manager.getRepository(target).find({
    select: { id: true },
    where: { id: In([...ids]), departementCode, archivedAt: IsNull() },
  });
  const missing = ids.filter((id) => !found.some((row) => row['id'] === id));
  if (missing.length > 0) throw new DomainException('BAD_INPUT', `${message} (${missing.join(', ')}).`);
}

export function checkMeasureSites(manager: EntityManager, departementCode: string, ids: readonly string[]) {
  return checkLive(manager, TrainingSite, departementCode, ids, 'siteIds : terrain introuvable dans le département');
}

export function checkMeasureIssues(manager: EntityManager, departementCode: string, ids: readonly string[]) {
  return checkLive(
    manager,
    AccessIssue,
    departementCode,
    ids,
    'issueIds : difficulté d’accès introuvable dans le département',
  );
}

export function checkMeasures(manager: EntityManager, departementCode: string, ids: readonly string[]) {
  return checkLive(
    manager,
    SupportMeasure,
    departementCode,
    ids,
    'measureIds : dispositif introuvable dans le département',
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

export async function replaceMeasureIssues(manager: EntityManager, measureId: string, ids: readonly string[]) {
  await manager.query('DELETE FROM measure_issues WHERE measure_id = $1', [measureId]);
  if (ids.length === 0) return;
  await manager.query('INSERT INTO measure_issues (measure_id, issue_id) SELECT $1, unnest($2::uuid[])', [
    measureId,
    ids,
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
