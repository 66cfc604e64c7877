import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import type { Actor } from '../scope/territory-scope';
import type { FieldChange } from './audit-event.entity';

type Snapshot = Record<string, unknown>;

/** Fields never written to the history. */
const SECRET_FIELDS = new Set(['passwordHash', 'tokenHash']);
const TECHNICAL_FIELDS = new Set(['createdAt', 'updatedAt', 'version']);

/** Field-by-field difference between two snapshots of a record (dates compared by value). */
export function diffSnapshots(before: Snapshot | null, after: Snapshot | null): Record<string, FieldChange> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Record<string, FieldChange> = {};
  for (const key of keys) {
    if (SECRET_FIELDS.has(key) || TECHNICAL_FIELDS.has(key)) continue;
    // A missing field and a null one are the same: `null → null` is not a change.
    const a = normalise(before?.[key]) ?? null;
    const b = normalise(after?.[key]) ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = { before: a, after: b };
  }
  return changes;
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return JSON.parse(JSON.stringify(value));
  return value;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  departementCode: string | null;
  before?: Snapshot | null;
  after?: Snapshot | null;
}

/**
 * Writes history in the caller's transaction, so a change and its audit entry land together.
 * A plain INSERT (every edit writes one): no entity to build and hydrate back.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, actor: Actor & { email?: string }, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_events (actor_id, actor_email, action, entity_type, entity_id, departement_code, changes)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
      [
        actor.id,
        actor.email ?? null,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.departementCode,
        JSON.stringify(diffSnapshots(entry.before ?? null, entry.after ?? null)),
      ],
    );
  }
}
