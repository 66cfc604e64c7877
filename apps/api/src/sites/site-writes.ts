import { isWithinFrance, normalizeSearchText } from '@maillage/shared/domain';
import { type EntityManager, In, IsNull } from 'typeorm';

import { DomainException } from '../common/errors/domain-exception';
import { type Actor, canSee } from '../common/scope/territory-scope';
import { Professional } from '../professionals/professional.entity';
import { Commune } from '../territory/entities/commune.entity';
import type { CreateSiteDto, SiteCapacityDto, UpdateSiteDto } from './dto/site.dto';
import { ProfessionalSite } from './professional-site.entity';
import { SiteCapacity } from './site-capacity.entity';
import type { TrainingSite } from './training-site.entity';

/**
 * The commune of a site: it must be served by this installation and lie in the actor's
 * département (and, once the site exists, in the site's). Anything else is a 400.
 */
export async function resolveCommune(
  manager: EntityManager,
  actor: Actor,
  code: string,
  siteDepartement?: string,
): Promise<Commune> {
  const commune = await manager.getRepository(Commune).findOneBy({ code });
  if (!commune) {
    throw new DomainException(
      'BAD_INPUT',
      `communeCode : la commune ${code} est inconnue ou hors du territoire suivi par cette installation.`,
    );
  }
  if (!canSee(actor, commune.departementCode)) {
    throw new DomainException(
      'BAD_INPUT',
      `communeCode : la commune ${commune.name} (${code}) n’est pas dans votre département.`,
    );
  }
  if (siteDepartement && commune.departementCode !== siteDepartement) {
    throw new DomainException(
      'BAD_INPUT',
      `communeCode : la commune ${commune.name} (${code}) n’est pas dans le département du terrain (${siteDepartement}).`,
    );
  }
  return commune;
}

/** Coordinates as they will be stored (after a partial edit): both or neither, and in France. */
export function checkCoordinates(latitude: number | null, longitude: number | null): void {
  if ((latitude === null) !== (longitude === null)) {
    throw new DomainException('BAD_INPUT', 'latitude, longitude : les deux coordonnées vont ensemble (ou aucune).');
  }
  if (latitude !== null && longitude !== null && !isWithinFrance(latitude, longitude)) {
    throw new DomainException(
      'BAD_INPUT',
      'longitude : ce point est hors de France (latitude et longitude inversées ?).',
    );
  }
}

/** Professionals to link must be live records of the site's département. */
export async function checkProfessionals(
  manager: EntityManager,
  departementCode: string,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  const found = await manager.getRepository(Professional).find({
    select: { id: true },
    where: { id: In([...ids]), departementCode, archivedAt: IsNull() },
  });
  const missing = ids.filter((id) => !found.some((p) => p.id === id));
  if (missing.length > 0) {
    throw new DomainException(
      'BAD_INPUT',
      `professionalIds : professionnel introuvable dans le département (${missing.join(', ')}).`,
    );
  }
}

export async function replaceCapacities(
  manager: EntityManager,
  siteId: string,
  capacities: readonly SiteCapacityDto[],
): Promise<void> {
  await manager.getRepository(SiteCapacity).delete({ siteId });
  if (capacities.length === 0) return;
  await manager
    .getRepository(SiteCapacity)
    .insert(capacities.map((c) => ({ siteId, stageType: c.stageType, places: c.places })));
}

/**
 * Replaces the links to live professionals; links to archived professionals are kept, so
 * that restoring a professional restores where they practise.
 */
export async function replaceProfessionals(
  manager: EntityManager,
  siteId: string,
  ids: readonly string[],
): Promise<void> {
  await manager.query(
    `DELETE FROM professional_sites ps USING professionals p
     WHERE ps.professional_id = p.id AND ps.site_id = $1 AND p.archived_at IS NULL AND NOT (ps.professional_id = ANY($2::uuid[]))`,
    [siteId, ids],
  );
  if (ids.length === 0) return;
  await manager
    .createQueryBuilder()
    .insert()
    .into(ProfessionalSite)
    .values(ids.map((professionalId) => ({ professionalId, siteId })))
    .orIgnore()
    .execute();
}

type SiteColumns = Partial<Omit<TrainingSite, 'capacities' | 'professionals' | 'commune'>>;

/** The columns a create or a patch writes (children excluded), with the search text kept in step. */
export function siteColumns(dto: CreateSiteDto | UpdateSiteDto, communeName: string, name: string): SiteColumns {
  const { capacities: _capacities, professionalIds: _professionalIds, ...fields } = dto;
  const { version: _version, ...columns } = fields as UpdateSiteDto;
  const defined = Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined));
  return { ...defined, searchText: normalizeSearchText(`${name} ${communeName}`).slice(0, 400) };
}
