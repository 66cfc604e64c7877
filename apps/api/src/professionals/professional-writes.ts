import { type MsuStage, normalizeSearchText } from '@maillage/shared/domain';
import { type EntityManager, In, IsNull, Not } from 'typeorm';

import type { AuditService } from '../audit/audit.service';
import { DomainException } from '../common/errors/domain-exception';
import type { AuditActor } from '../common/persistence/scoped-records';
import { ProfessionalSite } from '../sites/professional-site.entity';
import { TrainingSite } from '../sites/training-site.entity';
import { MsuStageEvent } from './msu-stage-event.entity';
import { Professional } from './professional.entity';
import { PROFESSIONAL_ENTITY, professionalSnapshot } from './professional.mapper';
import { DUPLICATE_RPPS_MESSAGE } from './support/rpps';

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

/** Sites must be live sites of the département (a site already linked may stay even if archived). */
export async function assertSitesIn(
  manager: EntityManager,
  departementCode: string,
  siteIds: readonly string[],
  linked: readonly string[] = [],
) {
  if (siteIds.length === 0) return;
  const found = await manager.getRepository(TrainingSite).find({
    select: { id: true, archivedAt: true },
    where: { id: In([...siteIds]), departementCode },
  });
  const usable = new Set(found.filter((s) => s.archivedAt === null || linked.includes(s.id)).map((s) => s.id));
  const unknown = siteIds.filter((id) => !usable.has(id));
  if (unknown.length > 0) {
    throw new DomainException(
      'BAD_INPUT',
      `siteIds : site inconnu, archivé ou d’un autre département (${unknown.join(', ')}).`,
    );
  }
}

export async function linkedSiteIds(manager: EntityManager, professionalId: string): Promise<string[]> {
  const links = await manager
    .getRepository(ProfessionalSite)
    .find({ select: { siteId: true }, where: { professionalId } });
  return links.map((l) => l.siteId);
}

/** Makes the links of a professional exactly `siteIds`. */
export async function replaceSites(
  manager: EntityManager,
  professionalId: string,
  siteIds: readonly string[],
): Promise<void> {
  const repo = manager.getRepository(ProfessionalSite);
  const current = await linkedSiteIds(manager, professionalId);
  const removed = current.filter((id) => !siteIds.includes(id));
  const added = siteIds.filter((id) => !current.includes(id));
  if (removed.length > 0) await repo.delete({ professionalId, siteId: In(removed) });
  if (added.length > 0) await repo.insert(added.map((siteId) => ({ professionalId, siteId })));
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
