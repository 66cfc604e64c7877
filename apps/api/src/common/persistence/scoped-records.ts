import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

import type { AuditService } from '../audit/audit.service';
import { DomainException } from '../errors/domain-exception';
import type { ScopedEntity } from '../scope/scoped.entity';
import { type Actor, canSee } from '../scope/territory-scope';
import { updateVersioned } from './versioned-update';

export type AuditActor = Actor & { email?: string };
export type Snapshot = Record<string, unknown>;

/** Loads a record of the actor's départements, archived or not; others answer 404. */
export async function findScoped<T extends ScopedEntity>(
  manager: EntityManager,
  actor: Actor,
  target: EntityTarget<T>,
  id: string,
  label: string,
): Promise<T> {
  const row = await manager.getRepository(target).findOneBy({ id } as never);
  if (!row || !canSee(actor, row.departementCode)) throw DomainException.notFound(label);
  return row;
}

export interface VersionedChange<T extends ScopedEntity> {
  target: EntityTarget<T>;
  /** Audit entity type, e.g. `training_site`. */
  entityType: string;
  /** French label for 404 messages, e.g. `Terrain de stage`. */
  label: string;
  id: string;
  version: number;
  /** `updated`, `archived`, `restored`, or a business action. */
  action: string;
  /** What to write, computed from the current row (may throw a DomainException). */
  changes: (before: T) => Partial<T> | Promise<Partial<T>>;
  /** The audited view of a row (what the history shows). */
  snapshot: (row: T) => Snapshot | Promise<Snapshot>;
  /** Extra writes in the same transaction, after the update (children, events…). */
  after?: (after: T, before: T) => Promise<void>;
}

/**
 * The one way to edit a scoped record: load it within the actor's scope, update it only if the
 * version still matches (409 otherwise), run extra writes, and audit before → after, all in
 * the caller's transaction.
 */
export async function applyVersionedChange<T extends ScopedEntity>(
  manager: EntityManager,
  audit: AuditService,
  actor: AuditActor,
  change: VersionedChange<T>,
): Promise<T> {
  const before = await findScoped(manager, actor, change.target, change.id, change.label);
  const beforeSnapshot = await change.snapshot(before);
  const values = await change.changes(before);
  await updateVersioned(
    manager,
    change.target as EntityTarget<ObjectLiteral>,
    change.id,
    change.version,
    values,
    change.label,
  );
  const after = await manager.getRepository(change.target).findOneByOrFail({ id: change.id } as never);
  await change.after?.(after, before);
  await audit.record(manager, actor, {
    action: change.action,
    entityType: change.entityType,
    entityId: change.id,
    departementCode: after.departementCode,
    before: beforeSnapshot,
    after: await change.snapshot(after),
  });
  return after;
}

/**
 * The `changes` of an edit that only a live record takes: an archived one answers 400
 * INVALID_STATE with `message` (« Ce terrain est archivé : restaurez-le avant de le modifier. »).
 */
export function whileLive<T extends ScopedEntity>(
  message: string,
  changes: VersionedChange<T>['changes'],
): VersionedChange<T>['changes'] {
  return (before) => {
    if (before.archivedAt) throw new DomainException('INVALID_STATE', message);
    return changes(before);
  };
}

/** Archives (soft-deletes) a record; archived records stay restorable and keep their history. */
export function archiveChange<T extends ScopedEntity>(
  base: Omit<VersionedChange<T>, 'action' | 'changes'>,
  archived: boolean,
): VersionedChange<T> {
  return {
    ...base,
    action: archived ? 'archived' : 'restored',
    changes: (before) => {
      if (archived === (before.archivedAt !== null)) {
        throw new DomainException(
          'INVALID_STATE',
          archived ? 'Cet enregistrement est déjà archivé.' : 'Cet enregistrement n’est pas archivé.',
        );
      }
      return { archivedAt: archived ? new Date() : null } as Partial<T>;
    },
  };
}

/**
 * Archives (`true`) or restores a record in the caller's transaction. Without the version read,
 * the current one is used. `base(version)` is the record's change description.
 */
export async function setArchivedIn<T extends ScopedEntity>(
  manager: EntityManager,
  audit: AuditService,
  actor: AuditActor,
  version: number | undefined,
  archived: boolean,
  base: (version: number) => Omit<VersionedChange<T>, 'action' | 'changes'>,
): Promise<T> {
  let expected = version;
  if (expected === undefined) {
    const { target, id, label } = base(0);
    expected = (await findScoped(manager, actor, target, id, label)).version;
  }
  return applyVersionedChange(manager, audit, actor, archiveChange(base(expected), archived));
}
