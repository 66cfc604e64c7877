import type { ImportFieldDefinition, ImportKind, ImportRowOutcome } from '@maillage/shared/domain';
import type { EntityManager } from 'typeorm';

import type { AuditService } from '../../common/audit/audit.service';
import type { AuditActor } from '../../common/persistence/scoped-records';
import type { AppConfig } from '../../config/app-config';
import type { ImportItem } from '../entities/import-item.entity';

/** Where a kind of import reads and writes: one transaction when applying, the plain manager for a preview. */
export interface ImportContext {
  manager: EntityManager;
  audit: AuditService;
  actor: AuditActor;
  departementCode: string;
  config: AppConfig;
  today: string;
  fileName: string;
  jobId: string;
}

/** A row of the file as the kinds see it: the cells of the mapped fields, by field key. */
export interface RowInput {
  line: number;
  values: ReadonlyMap<string, string>;
}

/** What an applied row did, kept for undo. */
export type ItemDraft = Pick<
  ImportItem,
  'entityType' | 'entityId' | 'action' | 'versionBefore' | 'versionAfter' | 'before' | 'label'
>;

/** What a row will do. `apply` performs it (only when the import is applied). */
export interface PlannedRow {
  outcome: ImportRowOutcome;
  errors: string[];
  warnings: string[];
  /** The natural key, to report duplicates inside the file (« SIRET 123… »). */
  key: string | null;
  entityId: string | null;
  apply?: () => Promise<ItemDraft>;
}

/** One kind of import (sites, professionals, accreditations) for one run over a file. */
export interface ImportSession {
  plan(row: RowInput): Promise<PlannedRow>;
}

export interface ImportKindHandler {
  readonly kind: ImportKind;
  readonly fields: readonly ImportFieldDefinition[];
  /** Groups of fields of which at least one needs a column (e.g. commune code or commune name). */
  readonly requireOneOf?: readonly (readonly string[])[];
  /** Loads what rows are compared with (existing records by natural key), once per run. */
  begin(ctx: ImportContext): Promise<ImportSession>;
  /** Undoes one item (delete a creation, restore an update), after the caller checked nothing changed since. */
  undo(ctx: ImportContext, item: ImportItem): Promise<void>;
}

export const rejected = (errors: string[], warnings: string[] = []): PlannedRow => ({
  outcome: 'rejected',
  errors,
  warnings,
  key: null,
  entityId: null,
});

/** A row that creates a record: `apply` writes it. */
export const plannedCreate = (key: string, warnings: string[], apply: () => Promise<ItemDraft>): PlannedRow => ({
  outcome: 'create',
  errors: [],
  warnings,
  key,
  entityId: null,
  apply,
});

/** A row that matches the record `entityId` and changes it: `apply` writes the changes. */
export const plannedUpdate = (
  key: string,
  warnings: string[],
  entityId: string,
  apply: () => Promise<ItemDraft>,
): PlannedRow => ({ outcome: 'update', errors: [], warnings, key, entityId, apply });

/** A row that matches the record `entityId` and would change nothing. */
export const plannedUnchanged = (key: string, warnings: string[], entityId: string): PlannedRow => ({
  outcome: 'unchanged',
  errors: [],
  warnings,
  key,
  entityId,
});
