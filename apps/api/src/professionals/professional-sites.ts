import { todayInFrance } from '@maillage/shared/domain';
import { type EntityManager, In } from 'typeorm';

import { DomainException } from '../common/errors/domain-exception';
import { assertLiveIn } from '../common/persistence/live-records';
import { ProfessionalSitePeriod } from './professional-site-period.entity';
import { ProfessionalSite } from './professional-site.entity';

/**
 * Where professionals practise: the links between professionals and sites belong to the
 * professionals' domain. A professional's `siteIds` (API, imports) and the site form's
 * professionals write through here; the links' own screen is `SiteLinksService`. Sites are read by
 * id only (no import of sites).
 */

/** Sites must be live sites of the département (a site already linked may stay even if archived). */
export async function assertSitesIn(
  manager: EntityManager,
  departementCode: string,
  siteIds: readonly string[],
  linked: readonly string[] = [],
) {
  if (siteIds.length === 0) return;
  const found: { id: string; archived: boolean }[] = await manager.query(
    `SELECT id, archived_at IS NOT NULL AS archived FROM training_sites
     WHERE id = ANY($1::uuid[]) AND departement_code = $2`,
    [siteIds, departementCode],
  );
  const usable = new Set(found.filter((s) => !s.archived || linked.includes(s.id)).map((s) => s.id));
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

/**
 * `PATCH /api/professionals/:id` with `siteIds`: never a silent overwrite. A link left out ends
 * `today` and stays in the history (as « Terminer le rattachement » does); a new link starts
 * `today`, its role to be given on the link itself.
 */
export async function moveSites(
  manager: EntityManager,
  professional: { id: string; departementCode: string },
  siteIds: readonly string[],
  today: string,
): Promise<void> {
  const repo = manager.getRepository(ProfessionalSite);
  const current = await repo.findBy({ professionalId: professional.id });
  await endLinks(
    manager,
    professional.departementCode,
    current.filter((link) => !siteIds.includes(link.siteId)),
    today,
  );
  const added = siteIds.filter((siteId) => !current.some((link) => link.siteId === siteId));
  if (added.length > 0) {
    await repo.insert(added.map((siteId) => ({ professionalId: professional.id, siteId, startDate: today })));
  }
}

/** Ends `links` on `today`: each becomes a period of the history, then the live link goes. */
async function endLinks(
  manager: EntityManager,
  departementCode: string,
  links: readonly ProfessionalSite[],
  today: string,
): Promise<void> {
  if (links.length === 0) return;
  await manager.getRepository(ProfessionalSitePeriod).save(
    // A link that was to start later ends the day it was to start (an empty period).
    links.map((link) =>
      endedPeriod(link, departementCode, link.startDate && link.startDate > today ? link.startDate : today),
    ),
  );
  await manager.getRepository(ProfessionalSite).delete({ id: In(links.map((link) => link.id)) });
}

/** The period of the history a link becomes when it ends on `endDate`. */
export function endedPeriod(
  link: Pick<ProfessionalSite, 'professionalId' | 'siteId' | 'role' | 'startDate'>,
  departementCode: string,
  endDate: string,
): ProfessionalSitePeriod {
  return Object.assign(new ProfessionalSitePeriod(), {
    departementCode,
    professionalId: link.professionalId,
    siteId: link.siteId,
    role: link.role,
    startDate: link.startDate,
    endDate,
    archivedAt: null,
  });
}

/** Professionals to link to a site must be live records of the site's département. */
export function assertProfessionalsIn(manager: EntityManager, departementCode: string, ids: readonly string[]) {
  return assertLiveIn(
    manager,
    'professionals',
    departementCode,
    ids,
    'professionalIds : professionnel introuvable dans le département',
  );
}

/**
 * The site form's professionals (`professionalIds`): the same rules as `moveSites` from the site's
 * side. A live professional left out has their link ended `today`, kept in the history; a new one
 * is linked from `today` (`null` when the site is being created: it starts with the site). Links
 * to archived professionals are kept, so that restoring a professional restores where they practise.
 */
export async function replaceProfessionalsOfSite(
  manager: EntityManager,
  site: { id: string; departementCode: string },
  ids: readonly string[],
  today: string | null,
): Promise<void> {
  const repo = manager.getRepository(ProfessionalSite);
  const current = await repo.findBy({ siteId: site.id });
  const leaving = current.filter((link) => !ids.includes(link.professionalId));
  if (leaving.length > 0) {
    const live: { id: string }[] = await manager.query(
      'SELECT id FROM professionals WHERE id = ANY($1::uuid[]) AND archived_at IS NULL',
      [leaving.map((link) => link.professionalId)],
    );
    const ending = leaving.filter((link) => live.some((p) => p.id === link.professionalId));
    await endLinks(manager, site.departementCode, ending, today ?? todayInFrance());
  }
  const added = ids.filter((id) => !current.some((link) => link.professionalId === id));
  if (added.length > 0) {
    await repo.insert(added.map((professionalId) => ({ professionalId, siteId: site.id, startDate: today })));
  }
}
