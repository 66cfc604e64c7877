import type { EntityManager, EntityTarget } from 'typeorm';

import { applyVersionedChange, type Snapshot, type VersionedChange } from '../../common/persistence/scoped-records';
import type { ScopedEntity } from '../../common/scope/scoped.entity';
import type { ImportItem } from '../entities/import-item.entity';
import type { ImportContext, ItemDraft } from './import-kind';

/**
 * The writes every kind of import shares, so that an import is audited and undone the same way
 * for sites, professionals and accreditations: `imported` on the way in, `import_undone` back.
 */
export interface ImportedRecord<T extends ScopedEntity> {
  target: EntityTarget<T>;
  /** Audit entity type, e.g. `training_site`. */
  entityType: string;
  /** French label for 404 messages, e.g. `Terrain de stage`. */
  label: string;
  /** The audited view of a row. */
  snapshot: (manager: EntityManager, row: T) => Snapshot | Promise<Snapshot>;
}

/** What the import changes on a record, computed from the current row, and its extra writes. */
type RecordChange<T extends ScopedEntity> = Pick<VersionedChange<T>, 'changes' | 'after'>;

/** Audits a record the import created (`imported`, with its state after). */
export async function auditImported(ctx: ImportContext, entityType: string, row: ScopedEntity, after: Snapshot) {
  await ctx.audit.record(ctx.manager, ctx.actor, {
    action: 'imported',
    entityType,
    entityId: row.id,
    departementCode: row.departementCode,
    after,
  });
}

/** The item of a record the import created: undo deletes it. */
export function createdItem(entityType: string, row: ScopedEntity, label: string): ItemDraft {
  return {
    entityType,
    entityId: row.id,
    action: 'created',
    versionBefore: null,
    versionAfter: row.version,
    before: null,
    label,
  };
}

/**
 * Updates an existing record from a row (audited `imported`, 409 when it changed since the run
 * began) and returns its item: undo puts `before` back.
 */
export async function updateImported<T extends ScopedEntity>(
  ctx: ImportContext,
  record: ImportedRecord<T>,
  existing: T,
  before: Record<string, unknown>,
  labelOf: (row: T) => string,
  change: RecordChange<T>,
): Promise<ItemDraft> {
  const { manager, audit, actor } = ctx;
  const after = await applyVersionedChange(manager, audit, actor, {
    target: record.target,
    entityType: record.entityType,
    label: record.label,
    id: existing.id,
    version: existing.version,
    action: 'imported',
    snapshot: (row) => record.snapshot(manager, row),
    ...change,
  });
  return {
    entityType: record.entityType,
    entityId: existing.id,
    action: 'updated',
    versionBefore: existing.version,
    versionAfter: after.version,
    before,
    label: labelOf(after),
  };
}

/**
 * Undoes one item (`import_undone`): deletes the record the import created, or applies the change
 * `restore` computes from the item's `before` to the record it updated.
 */
export async function undoImported<T extends ScopedEntity>(
  ctx: ImportContext,
  item: ImportItem,
  record: ImportedRecord<T>,
  restore: () => RecordChange<T> | Promise<RecordChange<T>>,
): Promise<void> {
  const { manager, audit, actor } = ctx;
  if (item.action === 'created') {
    const repo = manager.getRepository(record.target);
    const row = await repo.findOneByOrFail({ id: item.entityId } as never);
    const before = await record.snapshot(manager, row);
    await repo.delete({ id: item.entityId } as never);
    await audit.record(manager, actor, {
      action: 'import_undone',
      entityType: record.entityType,
      entityId: item.entityId,
      departementCode: row.departementCode,
      before,
    });
    return;
  }
  await applyVersionedChange(manager, audit, actor, {
    target: record.target,
    entityType: record.entityType,
    label: record.label,
    id: item.entityId,
    version: item.versionAfter,
    action: 'import_undone',
    snapshot: (row) => record.snapshot(manager, row),
    ...(await restore()),
  });
}

/** An optional text cell: absent stays absent, an empty cell clears the field. */
export function blankToNull(text: string | undefined): string | null | undefined {
  return text === undefined ? undefined : text === '' ? null : text;
}
