import type { EntityManager } from 'typeorm';

import type { ImportItem } from './entities/import-item.entity';

/** The table of each audited entity type an import writes. */
const TABLES: Readonly<Record<string, string>> = {
  training_site: 'training_sites',
  professional: 'professionals',
  accreditation: 'accreditations',
};

/** Rows that belong to their record and change its version when edited: never a dependent. */
const OWNED_PARTS = new Set(['site_capacities']);

const FRENCH_TABLES: Readonly<Record<string, string>> = {
  accreditations: 'des agréments',
  site_visits: 'des visites',
  visit_participants: 'des visites (participants)',
  access_issues: 'des difficultés d’accès',
  professional_sites: 'des liens entre professionnels et terrains',
  candidate_referrals: 'des signalements',
  installation_intents: 'des intentions d’installation',
  msu_stage_events: 'le parcours MSU',
  msu_training_sessions: 'des formations',
  measure_sites: 'des mesures',
  tasks: 'des tâches',
};

interface ForeignKey {
  table: string;
  column: string;
  has_created_at: boolean;
}

async function foreignKeysTo(manager: EntityManager, table: string): Promise<ForeignKey[]> {
  return manager.query<ForeignKey[]>(
    `SELECT cl.relname AS table, a.attname AS column,
            EXISTS (SELECT 1 FROM pg_attribute x WHERE x.attrelid = c.conrelid AND x.attname = 'created_at'
                      AND NOT x.attisdropped) AS has_created_at
       FROM pg_constraint c
       JOIN pg_class cl ON cl.oid = c.conrelid
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND c.confrelid = $1::regclass AND cl.relname NOT LIKE 'import\\_%'`,
    [table],
  );
}

/**
 * What stops undoing an import: a record edited since (its version moved on), archived or gone,
 * or a record the import created that other records now use (created after the import). Rows are
 * locked so that nothing changes between this check and the undo. Returns French lines.
 */
export async function undoConflicts(
  manager: EntityManager,
  jobId: string,
  items: readonly ImportItem[],
): Promise<string[]> {
  const conflicts: string[] = [];
  for (const [entityType, table] of Object.entries(TABLES)) {
    const ofType = items.filter((i) => i.entityType === entityType);
    if (ofType.length === 0) continue;
    const rows = await manager.query<{ id: string; version: number; archived: boolean }[]>(
      `SELECT id, version, archived_at IS NOT NULL AS archived FROM ${table} WHERE id = ANY($1::uuid[]) FOR UPDATE`,
      [ofType.map((i) => i.entityId)],
    );
    const current = new Map(rows.map((r) => [r.id, r]));
    for (const item of ofType) {
      const row = current.get(item.entityId);
      if (!row) conflicts.push(`${item.label} : supprimé depuis l’import.`);
      else if (row.version !== item.versionAfter) conflicts.push(`${item.label} : modifié depuis l’import.`);
      else if (row.archived) conflicts.push(`${item.label} : archivé depuis l’import.`);
    }
    const created = ofType.filter((i) => i.action === 'created' && current.has(i.entityId)).map((i) => i.entityId);
    if (created.length === 0) continue;
    for (const fk of await foreignKeysTo(manager, table)) {
      if (OWNED_PARTS.has(fk.table)) continue;
      const since = fk.has_created_at ? 'AND d.created_at > j.applied_at' : '';
      const used = await manager.query<{ id: string }[]>(
        `SELECT DISTINCT d."${fk.column}" AS id FROM "${fk.table}" d, import_jobs j
          WHERE j.id = $1 AND d."${fk.column}" = ANY($2::uuid[]) ${since}`,
        [jobId, created],
      );
      for (const { id } of used) {
        const item = ofType.find((i) => i.entityId === id);
        if (item) conflicts.push(`${item.label} : utilisé depuis l’import par ${FRENCH_TABLES[fk.table] ?? fk.table}.`);
      }
    }
  }
  return conflicts;
}
