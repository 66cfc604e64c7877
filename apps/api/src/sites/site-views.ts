import {
  type AccreditationRules,
  type AllowanceRules,
  capacityMap,
  housingAllowance,
  isSupervisor,
  MSU_STAGES,
  professionalDisplayName,
  type SiteCapacity as SiteCapacityView,
  type SiteProfessional,
  type SiteRecordWithAllowances,
  type SiteSummary,
  STAGE_TYPES,
  transportAllowance,
  type Zonage,
} from '@maillage/shared/domain';
import { type EntityManager, In, IsNull } from 'typeorm';

import { renewalsOf, toAccreditationSummary } from '../accreditations/accreditation-views';
import { Accreditation } from '../accreditations/accreditation.entity';
import type { Snapshot } from '../common/persistence/scoped-records';
import { Professional } from '../professionals/professional.entity';
import { Commune } from '../territory/entities/commune.entity';
import { SiteCapacity } from './site-capacity.entity';
import { currentZonageSql, OPEN_ACCESS_ISSUES_SQL } from './site-query';
import type { TrainingSite } from './training-site.entity';

const SUPERVISOR_STAGES = MSU_STAGES.filter(isSupervisor);

interface SiteFacts {
  id: string;
  commune_name: string;
  epci_name: string | null;
  zonage: Zonage | null;
  supervisor_count: number;
  open_access_issues: number;
}

/**
 * Summaries of a page of sites in two queries, whatever its size: one for commune, EPCI,
 * current zonage, supervisor count and open access issues, one for the capacities.
 */
export async function siteSummaries(
  manager: EntityManager,
  sites: readonly TrainingSite[],
  today: string,
): Promise<SiteSummary[]> {
  if (sites.length === 0) return [];
  const ids = sites.map((s) => s.id);
  const rows = await manager
    .createQueryBuilder()
    .select('s.id', 'id')
    .addSelect('c.name', 'commune_name')
    .addSelect('e.name', 'epci_name')
    .addSelect(currentZonageSql('s.commune_code'), 'zonage')
    .addSelect(
      `(SELECT count(*)::int FROM professional_sites ps JOIN professionals p ON p.id = ps.professional_id
        WHERE ps.site_id = s.id AND p.archived_at IS NULL AND p.msu_stage IN (:...supervisorStages))`,
      'supervisor_count',
    )
    .addSelect(`(SELECT count(*)::int FROM (${OPEN_ACCESS_ISSUES_SQL}) o)`, 'open_access_issues')
    .from('training_sites', 's')
    .innerJoin('communes', 'c', 'c.code = s.commune_code')
    .leftJoin('epcis', 'e', 'e.siren = c.epci_siren')
    .where('s.id IN (:...ids)', { ids })
    .setParameters({ today, supervisorStages: SUPERVISOR_STAGES })
    .getRawMany<SiteFacts>();
  const facts = new Map(rows.map((f) => [f.id, f]));
  const capacitiesOf = new Map<string, SiteCapacity[]>();
  for (const c of await manager.getRepository(SiteCapacity).find({ where: { siteId: In(ids) } })) {
    capacitiesOf.set(c.siteId, [...(capacitiesOf.get(c.siteId) ?? []), c]);
  }
  return sites.map((site) => {
    const f = facts.get(site.id);
    return {
      id: site.id,
      version: site.version,
      departementCode: site.departementCode,
      name: site.name,
      kind: site.kind,
      status: site.status,
      communeCode: site.communeCode,
      communeName: f?.commune_name ?? site.communeCode,
      epciName: f?.epci_name ?? null,
      zonage: f?.zonage ?? null,
      capacities: orderedCapacities(capacitiesOf.get(site.id) ?? []),
      supervisorCount: f?.supervisor_count ?? 0,
      openAccessIssues: f?.open_access_issues ?? 0,
      updatedAt: site.updatedAt.toISOString(),
    };
  });
}

/**
 * Everything the site page shows: detail, live professionals, own (unarchived) accreditations,
 * and the allowances an intern may claim there (the intern's home is unknown at site level).
 */
export async function siteRecord(
  manager: EntityManager,
  site: TrainingSite,
  today: string,
  rules: AccreditationRules,
  allowanceRules: AllowanceRules,
): Promise<SiteRecordWithAllowances> {
  const [summary] = await siteSummaries(manager, [site], today);
  const accreditations = await manager.getRepository(Accreditation).find({
    where: { siteId: site.id, archivedAt: IsNull() },
    order: { startDate: { direction: 'DESC', nulls: 'FIRST' }, createdAt: 'DESC' },
  });
  const renewals = await renewalsOf(manager, accreditations);
  return {
    ...summary,
    address: { line1: site.addressLine1, line2: site.addressLine2, postalCode: site.postalCode },
    latitude: site.latitude,
    longitude: site.longitude,
    siret: site.siret,
    hosting: {
      housingOnSite: site.housingOnSite,
      housingNearby: site.housingNearby,
      publicTransport: site.publicTransport,
      parking: site.parking,
      distanceToChuKm: site.distanceToChuKm,
    },
    notes: site.notes,
    archivedAt: site.archivedAt?.toISOString() ?? null,
    createdAt: site.createdAt.toISOString(),
    professionals: await siteProfessionals(manager, site.id),
    accreditations: accreditations.map((a) =>
      toAccreditationSummary(a, site.name, today, rules, renewals.get(a.id) ?? null),
    ),
    allowances: {
      transport: transportAllowance(site.distanceToChuKm, null, allowanceRules),
      housing: housingAllowance(summary.zonage, allowanceRules),
    },
  };
}

/** The live professionals linked to a site, by name. */
export async function siteProfessionals(manager: EntityManager, siteId: string): Promise<SiteProfessional[]> {
  const rows = await manager
    .getRepository(Professional)
    .createQueryBuilder('p')
    .innerJoin('p.sites', 'ps', 'ps.siteId = :siteId', { siteId })
    .where('p.archivedAt IS NULL')
    .orderBy('p.lastName', 'ASC')
    .addOrderBy('p.firstName', 'ASC')
    .getMany();
  return rows.map((p) => ({ id: p.id, name: professionalDisplayName(p), msuStage: p.msuStage }));
}

/** What the history shows of a site: capacities as `{ N1: 2 }`, commune and professionals by name. */
export async function siteSnapshot(manager: EntityManager, site: TrainingSite): Promise<Snapshot> {
  const [capacities, professionals, commune] = [
    await manager.getRepository(SiteCapacity).find({ where: { siteId: site.id } }),
    await siteProfessionals(manager, site.id),
    await manager.getRepository(Commune).findOneBy({ code: site.communeCode }),
  ];
  return {
    name: site.name,
    kind: site.kind,
    status: site.status,
    addressLine1: site.addressLine1,
    addressLine2: site.addressLine2,
    postalCode: site.postalCode,
    commune: commune ? `${commune.name} (${commune.code})` : site.communeCode,
    latitude: site.latitude,
    longitude: site.longitude,
    siret: site.siret,
    housingOnSite: site.housingOnSite,
    housingNearby: site.housingNearby,
    publicTransport: site.publicTransport,
    parking: site.parking,
    distanceToChuKm: site.distanceToChuKm,
    notes: site.notes,
    archivedAt: site.archivedAt,
    capacities: capacityMap(capacities),
    professionals: professionals.map((p) => p.name),
  };
}

function orderedCapacities(rows: readonly SiteCapacity[]): SiteCapacityView[] {
  return [...rows]
    .sort((a, b) => STAGE_TYPES.indexOf(a.stageType) - STAGE_TYPES.indexOf(b.stageType))
    .map((c) => ({ stageType: c.stageType, places: c.places }));
}
