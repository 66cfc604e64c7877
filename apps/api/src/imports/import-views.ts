import {
  IMPORT_FIELDS,
  type ImportFieldDefinition,
  type ImportJobView,
  type ImportRowView,
  type UserRef,
} from '@maillage/shared/domain';

import type { ImportJob } from './entities/import-job.entity';
import type { ImportRow } from './entities/import-row.entity';
import { valuesOf } from './import-runner';
import { IMPORT_HANDLERS } from './kinds';

/** A job still "analysing" or "applying" without news for this long was interrupted (server restart). */
export const STALE_MINUTES = 10;

export function isStale(job: Pick<ImportJob, 'status' | 'updatedAt'>, now = Date.now()): boolean {
  return (
    (job.status === 'analysing' || job.status === 'applying') && now - job.updatedAt.getTime() > STALE_MINUTES * 60_000
  );
}

/** Labels of the required fields (and groups of alternatives) that have no column. */
export function missingRequired(job: Pick<ImportJob, 'kind' | 'mapping'>): string[] {
  const fields = IMPORT_FIELDS[job.kind];
  const labelOf = (key: string) => fields.find((f) => f.key === key)?.label ?? key;
  const mapped = (key: string) => job.mapping[key] !== null && job.mapping[key] !== undefined;
  const missing = fields.filter((f) => f.required && !mapped(f.key)).map((f) => f.label);
  for (const group of IMPORT_HANDLERS[job.kind].requireOneOf ?? []) {
    if (!group.some(mapped)) missing.push(group.map(labelOf).join(' ou '));
  }
  return missing;
}

export function toJobView(job: ImportJob, users: Map<string, UserRef>): ImportJobView {
  const stale = isStale(job);
  const fields: ImportFieldDefinition[] = [...IMPORT_FIELDS[job.kind]];
  const used = new Set(Object.values(job.mapping).filter((i): i is number => i !== null));
  const missing = missingRequired(job);
  const status = stale ? 'failed' : job.status;
  const user = (id: string | null) => (id ? (users.get(id) ?? null) : null);
  return {
    id: job.id,
    departementCode: job.departementCode,
    kind: job.kind,
    status,
    fileName: job.fileName,
    fileFormat: job.fileFormat,
    encoding: job.encoding,
    delimiter: job.delimiter,
    headers: job.headers,
    mapping: job.mapping,
    fields,
    unmappedHeaders: job.headers.filter((_, i) => !used.has(i)),
    missingRequired: missing,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    counts: {
      create: job.createCount,
      update: job.updateCount,
      unchanged: job.unchangedCount,
      rejected: job.rejectedCount,
    },
    error: stale
      ? 'Traitement interrompu (redémarrage du serveur) : rien n’a été importé. Relancez l’aperçu.'
      : job.error,
    canApply: status === 'ready' && missing.length === 0 && job.totalRows > 0,
    canUndo: status === 'applied' && job.createCount + job.updateCount > 0,
    createdBy: user(job.createdById),
    createdAt: job.createdAt.toISOString(),
    appliedAt: job.appliedAt?.toISOString() ?? null,
    appliedBy: user(job.appliedById),
    undoneAt: job.undoneAt?.toISOString() ?? null,
    undoneBy: user(job.undoneById),
    updatedAt: job.updatedAt.toISOString(),
  };
}

export function toRowView(row: ImportRow, job: Pick<ImportJob, 'mapping'>): ImportRowView {
  return {
    line: row.line,
    outcome: row.outcome,
    errors: row.errors,
    warnings: row.warnings,
    values: Object.fromEntries(valuesOf(row.cells, job.mapping)),
    entityId: row.entityId,
  };
}
