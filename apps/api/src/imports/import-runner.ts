import type { ImportCounts, ImportMapping, ImportRowOutcome } from '@maillage/shared/domain';
import type { EntityManager } from 'typeorm';

import type { ImportJob } from './entities/import-job.entity';
import { IMPORT_HANDLERS } from './kinds';
import type { ImportContext, ItemDraft, PlannedRow } from './kinds/import-kind';

const BATCH = 500;

interface StoredRow {
  line: number;
  cells: string[];
  problem: string | null;
}

interface RowOutcome {
  line: number;
  outcome: ImportRowOutcome;
  errors: string[];
  warnings: string[];
  entityId: string | null;
}

export interface PassResult {
  counts: ImportCounts;
  items: ItemDraft[];
}

/** The cells of the mapped fields of a row, by field key. */
export function valuesOf(cells: readonly string[], mapping: ImportMapping): Map<string, string> {
  const values = new Map<string, string>();
  for (const [key, index] of Object.entries(mapping)) if (index !== null) values.set(key, cells[index] ?? '');
  return values;
}

/**
 * One pass over the stored rows of a job: every row planned by its kind (preview), and when
 * `apply` is set, performed. Rows that repeat a natural key (or a record) of an earlier row are
 * rejected as duplicates. Outcomes are written back per batch; `progress` reports the rows done.
 */
export async function runPass(
  ctx: ImportContext,
  job: Pick<ImportJob, 'id' | 'kind' | 'mapping'>,
  apply: boolean,
  progress: (rows: number) => Promise<void>,
): Promise<PassResult> {
  const session = await IMPORT_HANDLERS[job.kind].begin(ctx);
  const counts: ImportCounts = { create: 0, update: 0, unchanged: 0, rejected: 0 };
  const seen = new Map<string, number>();
  const items: ItemDraft[] = [];
  let after = 0;
  let done = 0;
  for (;;) {
    const batch = await readBatch(ctx.manager, job.id, after);
    if (batch.length === 0) break;
    const outcomes: RowOutcome[] = [];
    for (const row of batch) {
      const planned = row.problem
        ? {
            outcome: 'rejected' as const,
            errors: [`Ligne illisible : ${row.problem}.`],
            warnings: [],
            key: null,
            entityId: null,
          }
        : duplicateOf(await session.plan({ line: row.line, values: valuesOf(row.cells, job.mapping) }), row.line, seen);
      let entityId = planned.entityId;
      if (apply && planned.apply && planned.outcome !== 'rejected') {
        const item = await planned.apply();
        items.push(item);
        entityId = item.entityId;
      }
      counts[planned.outcome] += 1;
      outcomes.push({
        line: row.line,
        outcome: planned.outcome,
        errors: planned.errors,
        warnings: planned.warnings,
        entityId,
      });
    }
    await writeOutcomes(ctx.manager, job.id, outcomes);
    after = batch[batch.length - 1].line;
    done += batch.length;
    await progress(done);
  }
  return { counts, items };
}

/** A second row with the natural key, or the record, of an earlier row is rejected. */
function duplicateOf(planned: PlannedRow, line: number, seen: Map<string, number>): PlannedRow {
  if (planned.outcome === 'rejected') return planned;
  const keys = [planned.key ? `key:${planned.key}` : null, planned.entityId ? `id:${planned.entityId}` : null].filter(
    (k): k is string => k !== null,
  );
  const earlier = keys.map((k) => seen.get(k)).find((n) => n !== undefined);
  if (earlier !== undefined) {
    return {
      outcome: 'rejected',
      errors: [
        `Doublon de la ligne ${earlier} (${planned.key ?? 'même enregistrement'}) : seule la première est importée.`,
      ],
      warnings: planned.warnings,
      key: null,
      entityId: null,
    };
  }
  for (const k of keys) seen.set(k, line);
  return planned;
}

async function readBatch(manager: EntityManager, jobId: string, after: number): Promise<StoredRow[]> {
  return manager.query<StoredRow[]>(
    'SELECT line, cells, problem FROM import_rows WHERE job_id = $1 AND line > $2 ORDER BY line LIMIT $3',
    [jobId, after, BATCH],
  );
}

async function writeOutcomes(manager: EntityManager, jobId: string, rows: readonly RowOutcome[]): Promise<void> {
  await manager.query(
    `UPDATE import_rows r SET outcome = v.outcome, errors = v.errors::jsonb, warnings = v.warnings::jsonb, entity_id = v.entity_id
       FROM unnest($2::int[], $3::varchar[], $4::text[], $5::text[], $6::uuid[]) AS v(line, outcome, errors, warnings, entity_id)
      WHERE r.job_id = $1 AND r.line = v.line`,
    [
      jobId,
      rows.map((r) => r.line),
      rows.map((r) => r.outcome),
      rows.map((r) => JSON.stringify(r.errors)),
      rows.map((r) => JSON.stringify(r.warnings)),
      rows.map((r) => r.entityId),
    ],
  );
}
