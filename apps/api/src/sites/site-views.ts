import {
  type AccreditationRules,
  type AllowanceRules,
  capacityMap,
  type Civility,
  housingAllowance,
  type MsuStage,
  professionalDisplayName,
  type SiteCapacity as SiteCapacityView,
  type SiteKind,
  type SiteRecordWithAllowances,
  type SiteStatus,
  type SiteSummary,
  transportAllowance,
  type Zonage,
} from '@maillage/shared/domain';
import type { DataSource, EntityManager } from 'typeorm';

import { RENEWED_SQL } from '../accreditations/accreditation-query';
import { type AccreditationFields, toAccreditationSummary } from '../accreditations/accreditation-views';
import type { Snapshot } from '../common/persistence/scoped-records';
import { isoSql, SqlParams, sqlRows } from '../common/persistence/sql';
import { capacitiesJsonSql, siteFactsJoins, siteFactsSql } from './site-query';
import type { TrainingSite } from './training-site.entity';

type Db = DataSource | EntityManager;

/** A row of the sites list: the site's summary columns and its facts (site-query.ts). */
export interface SiteSummaryRow {
  id: string;
  version: number;
  departement_code: string;
  name: string;
  kind: SiteKind;
  status: SiteStatus;
  commune_code: string;
  updated_at: string;
  commune_name: string;
  epci_name: string | null;
  zonage: Zonage | null;
  supervisor_count: number;
  open_access_issues: number;
  capacities: SiteCapacityView[];
}

interface ProfessionalRef {
  id: string;
  civility: Civility | null;
  firstName: string;
  lastName: string;
  msuStage: MsuStage;
}

/** A site's page in one row: every column, its facts, live professionals and own live accreditations. */
interface SiteDetailRow extends SiteSummaryRow {
  created_at: string;
  archived_at: string | null;
  address_line1: string;
  address_line2: string | null;
  postal_code: string;
  latitude: number | null;
  longitude: number | null;
  siret: string | null;
  housing_on_site: boolean;
  housing_nearby: boolean;
  public_transport: boolean;
  parking: boolean;
  distance_to_chu_km: number | null;
  notes: string | null;
  professionals: ProfessionalRef[];
  accreditations: (AccreditationFields & { renewedById: string | null; renewed: boolean })[];
}

/** A site's live professionals (by name), as JSON objects. */
const professionalsJsonSql = (siteId: string) => `(SELECT coalesce(json_agg(json_build_object(
    'id', p.id, 'civility', p.civility, 'firstName', p.first_name, 'lastName', p.last_name, 'msuStage', p.msu_stage)
    ORDER BY p.last_name, p.first_name), '[]'::json)
  FROM professional_sites ps JOIN professionals p ON p.id = ps.professional_id
  WHERE ps.site_id = ${siteId} AND p.archived_at IS NULL)`;

export function toSiteSummary(row: SiteSummaryRow): SiteSummary {
  return {
    id: row.id,
    version: row.version,
    departementCode: row.departement_code,
    name: row.name,
    kind: row.kind,
    status: row.status,
    communeCode: row.commune_code,
    communeName: row.commune_name ?? row.commune_code,
    epciName: row.epci_name,
    zonage: row.zonage,
    capacities: row.capacities,
    supervisorCount: row.supervisor_count,
    openAccessIssues: row.open_access_issues,
    updatedAt: row.updated_at,
  };
}

/**
 * Everything the site page shows, in one statement: detail, live professionals, own (unarchived)
 * accreditations, and the allowances an intern may claim there (the intern's home is unknown at
 * site level). `null` when there is no such site.
 */
export async function siteRecord(
  db: Db,
  id: string,
  today: string,
  rules: AccreditationRules,
  allowanceRules: AllowanceRules,
): Promise<SiteRecordWithAllowances | null> {
  const params = new SqlParams();
  const idParam = params.add(id);
  const [row] = await sqlRows<SiteDetailRow>(
    db,
    `SELECT s.id, s.version, s.departement_code, s.name, s.kind, s.status, s.commune_code,
      ${isoSql('s.updated_at')} AS updated_at, ${isoSql('s.created_at')} AS created_at,
      ${isoSql('s.archived_at')} AS archived_at, s.address_line1, s.address_line2, s.postal_code, s.latitude, s.longitude,
      s.siret, s.housing_on_site, s.housing_nearby, s.public_transport, s.parking,
      s.distance_to_chu_km::float8 AS distance_to_chu_km, s.notes,
      ${siteFactsSql('s', params, today)},
      ${professionalsJsonSql('s.id')} AS professionals,
      (SELECT coalesce(json_agg(json_build_object('id', a.id, 'version', a.version, 'departementCode', a.departement_code,
          'professionalId', a.professional_id, 'siteId', a.site_id, 'cycle', a.cycle, 'type', a.type,
          'stageTypes', a.stage_types, 'phases', a.phases, 'maxStudents', a.max_students, 'authority', a.authority,
          'startDate', a.start_date, 'endDate', a.end_date, 'status', a.status, 'renewsId', a.renews_id,
          'renewedById', (SELECT r.id FROM accreditations r WHERE r.renews_id = a.id),
          'renewed', ${RENEWED_SQL('a')})
          ORDER BY a.start_date DESC NULLS FIRST, a.created_at DESC), '[]'::json)
        FROM accreditations a WHERE a.site_id = s.id AND a.archived_at IS NULL) AS accreditations
    FROM training_sites s ${siteFactsJoins('s')}
    WHERE s.id = ${idParam}`,
    params.values,
  );
  if (!row) return null;
  const summary = toSiteSummary(row);
  return {
    ...summary,
    address: { line1: row.address_line1, line2: row.address_line2, postalCode: row.postal_code },
    latitude: row.latitude,
    longitude: row.longitude,
    siret: row.siret,
    hosting: {
      housingOnSite: row.housing_on_site,
      housingNearby: row.housing_nearby,
      publicTransport: row.public_transport,
      parking: row.parking,
      distanceToChuKm: row.distance_to_chu_km,
    },
    notes: row.notes,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    professionals: row.professionals.map((p) => ({ id: p.id, name: professionalDisplayName(p), msuStage: p.msuStage })),
    accreditations: row.accreditations.map((a) =>
      toAccreditationSummary(a, row.name, today, rules, a.renewedById, a.renewed),
    ),
    allowances: {
      transport: transportAllowance(row.distance_to_chu_km, null, allowanceRules),
      housing: housingAllowance(summary.zonage, allowanceRules),
    },
  };
}

/** What the history shows of a site beyond its own columns: capacities, live professionals, commune. */
export interface SiteExtras {
  commune: { code: string; name: string; departementCode: string } | null;
  capacities: SiteCapacityView[];
  professionals: string[];
}

/** The extras of a site's history entry, in one statement. */
export async function siteExtras(db: Db, siteId: string, communeCode: string): Promise<SiteExtras> {
  const [row] = await sqlRows<{
    code: string | null;
    name: string | null;
    departement_code: string | null;
    capacities: SiteCapacityView[];
    professionals: ProfessionalRef[];
  }>(
    db,
    `SELECT c.code, c.name, c.departement_code, ${capacitiesJsonSql('$1')} AS capacities,
      ${professionalsJsonSql('$1')} AS professionals
    FROM (SELECT 1) one LEFT JOIN communes c ON c.code = $2`,
    [siteId, communeCode],
  );
  return {
    commune:
      row.code && row.name && row.departement_code
        ? { code: row.code, name: row.name, departementCode: row.departement_code }
        : null,
    capacities: row.capacities,
    professionals: row.professionals.map(professionalDisplayName),
  };
}

/** What the history shows of a site: capacities as `{ N1: 2 }`, commune and professionals by name. */
export function siteSnapshotOf(site: TrainingSite, extras: SiteExtras): Snapshot {
  return {
    name: site.name,
    kind: site.kind,
    status: site.status,
    addressLine1: site.addressLine1,
    addressLine2: site.addressLine2,
    postalCode: site.postalCode,
    commune: extras.commune ? `${extras.commune.name} (${extras.commune.code})` : site.communeCode,
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
    capacities: capacityMap(extras.capacities),
    professionals: extras.professionals,
  };
}

/** What the history shows of a site, its extras read in one statement (imports, geocoding). */
export async function siteSnapshot(db: Db, site: TrainingSite): Promise<Snapshot> {
  return siteSnapshotOf(site, await siteExtras(db, site.id, site.communeCode));
}
