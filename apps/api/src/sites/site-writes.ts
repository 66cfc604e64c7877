import { isWithinFrance, normalizeSearchText } from '@maillage/shared/domain';
import { type EntityManager } from 'typeorm';

import { DomainException } from '../common/errors/domain-exception';
import { type Actor, canSee } from '../common/scope/territory-scope';
import { Commune } from '../territory/entities/commune.entity';
import type { CreateSiteDto, SiteCapacityDto, UpdateSiteDto } from './dto/site.dto';
import { SiteCapacity } from './site-capacity.entity';
import { TrainingSite } from './training-site.entity';

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

type SiteColumns = Partial<Omit<TrainingSite, 'capacities' | 'commune'>>;

/** The columns a create or a patch writes (children excluded), with the search text kept in step. */
export function siteColumns(dto: CreateSiteDto | UpdateSiteDto, communeName: string, name: string): SiteColumns {
  const { capacities: _capacities, professionalIds: _professionalIds, ...fields } = dto;
  const { version: _version, ...columns } = fields as UpdateSiteDto;
  const defined = Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined));
  return { ...defined, searchText: normalizeSearchText(`${name} ${communeName}`).slice(0, 400) };
}

/** Writes a new live site in its commune's département, with its capacities (the caller audits it). */
export async function insertSite(
  manager: EntityManager,
  dto: CreateSiteDto,
  commune: Commune,
  capacities: readonly SiteCapacityDto[],
): Promise<TrainingSite> {
  const repo = manager.getRepository(TrainingSite);
  const site = await repo.save(
    repo.create({
      ...siteColumns(dto, commune.name, dto.name),
      departementCode: commune.departementCode,
      archivedAt: null,
    }),
  );
  await replaceCapacities(manager, site.id, capacities);
  return site;
}
