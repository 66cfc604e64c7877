import { type MsuStage, normalizeSearchText } from '@maillage/shared/domain';
import { type EntityManager, IsNull, Not } from 'typeorm';

import type { AuditService } from '../common/audit/audit.service';
import { DomainException } from '../common/errors/domain-exception';
import type { AuditActor } from '../common/persistence/scoped-records';
import { MsuStageEvent } from './msu-stage-event.entity';
import { assertSitesIn, replaceSites } from './professional-sites';
import { Professional } from './professional.entity';
import { PROFESSIONAL_ENTITY, professionalSnapshot } from './professional.mapper';
import { DUPLICATE_RPPS_MESSAGE } from './rpps-conflict';

/** Writes shared by the professionals' routes and the conversion of a CDOM referral. */

export type NewProfessional = Omit<
  Professional,
  'id' | 'createdAt' | 'updatedAt' | 'version' | 'searchText' | 'archivedAt' | 'sites'
>;

export function searchTextOf(p: Pick<Professional, 'lastName' | 'firstName' | 'rpps'>): string {
  return normalizeSearchText(`${p.lastName} ${p.firstName} ${p.rpps ?? ''}`).slice(0, 250);
}

/**
 * A live professional of the same département already holds this RPPS → 409 (the unique index
 * backs this up). Other départements are never looked at: their registries are not this one's.
 */
export async function assertRppsFree(
  manager: EntityManager,
  departementCode: string,
  rpps: string | null | undefined,
  exceptId?: string,
): Promise<void> {
  if (!rpps) return;
  const taken = await manager
    .getRepository(Professional)
    .existsBy({ departementCode, rpps, archivedAt: IsNull(), ...(exceptId ? { id: Not(exceptId) } : {}) });
  if (taken) throw new DomainException('DUPLICATE', DUPLICATE_RPPS_MESSAGE);
}

export async function recordStageEvent(
  manager: EntityManager,
  actorId: string,
  event: {
    professionalId: string;
    fromStage: MsuStage | null;
    toStage: MsuStage;
    occurredOn: string;
    note: string | null;
  },
): Promise<void> {
  const repo = manager.getRepository(MsuStageEvent);
  await repo.insert(repo.create({ ...event, actorId }));
}

/** Inserts a professional with its sites, its entry in the pipeline and its audit event. */
export async function insertProfessional(
  manager: EntityManager,
  audit: AuditService,
  actor: AuditActor,
  values: NewProfessional,
  siteIds: readonly string[],
  entryNote: string | null,
): Promise<Professional> {
  await assertRppsFree(manager, values.departementCode, values.rpps);
  await assertSitesIn(manager, values.departementCode, siteIds);
  const repo = manager.getRepository(Professional);
  const professional = await repo.save(repo.create({ ...values, searchText: searchTextOf(values), archivedAt: null }));
  await replaceSites(manager, professional.id, siteIds);
  await recordStageEvent(manager, actor.id, {
    professionalId: professional.id,
    fromStage: null,
    toStage: professional.msuStage,
    occurredOn: professional.msuStageSince,
    note: entryNote,
  });
  await audit.record(manager, actor, {
    action: 'created',
    entityType: PROFESSIONAL_ENTITY,
    entityId: professional.id,
    departementCode: professional.departementCode,
    after: await professionalSnapshot(manager, professional),
  });
  return professional;
}
