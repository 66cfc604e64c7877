import {
  AUDIT_ENTITY_TYPES,
  FIELDWORK_AUDIT_ENTITY_TYPES,
  ISSUE_AUDIT_ENTITY_TYPES,
  PEOPLE_AUDIT_ENTITY_TYPES,
  VISIT_AUDIT_ENTITY_TYPES,
} from '@maillage/shared/domain';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import { AuditEvent } from '../common/audit/audit-event.entity';
import { diffSnapshots } from '../common/audit/audit.service';
import { User } from '../users/user.entity';
import { insertBatched } from './demo-kit';

/** Audit entity types of the registry, as the services write them (history pages query by these). */
export const REGISTRY_AUDIT_TYPES = { ...AUDIT_ENTITY_TYPES, ...PEOPLE_AUDIT_ENTITY_TYPES } as const;

/** Audit entity types of the field-work records (visits, access issues, measures, tasks, semester demands). */
export const FIELDWORK_DEMO_AUDIT_TYPES = {
  ...VISIT_AUDIT_ENTITY_TYPES,
  ...ISSUE_AUDIT_ENTITY_TYPES,
  ...FIELDWORK_AUDIT_ENTITY_TYPES,
} as const;

type AuditType =
  | (typeof REGISTRY_AUDIT_TYPES)[keyof typeof REGISTRY_AUDIT_TYPES]
  | (typeof FIELDWORK_DEMO_AUDIT_TYPES)[keyof typeof FIELDWORK_DEMO_AUDIT_TYPES];

export interface CreatedRecord {
  /** Who created it in the story: the mission officer, or the CDOM (referrals, intents). */
  by: 'missionOfficer' | 'cdom';
  entityType: AuditType;
  entityId: string;
  occurredAt: Date;
  snapshot: Record<string, unknown>;
}

/**
 * Collects the records a seed creates, for `auditCreations`. `record` returns the date it is
 * given, so that a record's `createdAt` is written in the same expression that logs it.
 */
export function creationLog() {
  const records: CreatedRecord[] = [];
  const record = (
    by: CreatedRecord['by'],
    entityType: CreatedRecord['entityType'],
    entityId: string,
    occurredAt: Date,
    snapshot: Record<string, unknown>,
  ) => {
    records.push({ by, entityType, entityId, occurredAt, snapshot });
    return occurredAt;
  };
  return { records, record };
}

/** One "created" audit event per record, dated like the record, so that history pages are not empty. */
export async function auditCreations(
  manager: EntityManager,
  departementCode: string,
  users: { missionOfficerId: string; cdomId: string },
  records: readonly CreatedRecord[],
): Promise<number> {
  const actors = await manager.getRepository(User).findBy([{ id: users.missionOfficerId }, { id: users.cdomId }]);
  const actor = (id: string) => ({ actorId: id, actorEmail: actors.find((u) => u.id === id)?.email ?? null });
  const byRole = { missionOfficer: actor(users.missionOfficerId), cdom: actor(users.cdomId) };
  await insertBatched(
    manager,
    AuditEvent,
    records.map((r) => ({
      ...byRole[r.by],
      action: 'created',
      entityType: r.entityType,
      entityId: r.entityId,
      departementCode,
      occurredAt: r.occurredAt,
      changes: diffSnapshots(null, r.snapshot) as QueryDeepPartialEntity<AuditEvent>['changes'],
    })),
  );
  return records.length;
}
