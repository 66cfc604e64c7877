import {
  ACCREDITATION_STATUS_LABELS,
  ACCREDITATION_TYPE_LABELS,
  ACCREDITATION_VALIDITY_LABELS,
  type AccreditationSummary,
  capacityFieldKey,
  CIVILITY_LABELS,
  IMPORT_FIELDS,
  type ImportKind,
  MSU_STAGE_LABELS,
  PRACTICE_MODE_LABELS,
  SITE_KIND_LABELS,
  SITE_STATUS_LABELS,
  type SiteSummary,
  STAGE_TYPES,
  ZONAGE_SHORT_LABELS,
} from '@maillage/shared/domain';

import type { Accreditation } from '../../accreditations/accreditation.entity';
import { siteReference } from '../../imports/kinds/site-refs';
import type { Professional } from '../../professionals/professional.entity';
import type { TrainingSite } from '../../sites/training-site.entity';
import { type CellValue, dateCell, type ExportColumn, instantCell } from '../spreadsheet/export-column';

/** The header of an importable field: exporting and re-importing a list must change nothing. */
function importable<T>(
  kind: ImportKind,
  key: string,
  value: (row: T) => CellValue,
  extra: Partial<ExportColumn<T>> = {},
): ExportColumn<T> {
  const field = IMPORT_FIELDS[kind].find((f) => f.key === key);
  if (!field) throw new Error(`unknown import field ${kind}.${key}`);
  return { header: field.label, value, ...extra };
}

export interface SiteExportRow {
  summary: SiteSummary;
  site: TrainingSite;
}

export const SITE_COLUMNS: ExportColumn<SiteExportRow>[] = [
  importable('sites', 'name', (r) => r.site.name, { width: 36 }),
  importable('sites', 'kind', (r) => SITE_KIND_LABELS[r.site.kind], { width: 28 }),
  importable('sites', 'status', (r) => SITE_STATUS_LABELS[r.site.status]),
  importable('sites', 'addressLine1', (r) => r.site.addressLine1, { width: 32 }),
  importable('sites', 'addressLine2', (r) => r.site.addressLine2),
  importable('sites', 'postalCode', (r) => r.site.postalCode),
  importable('sites', 'communeCode', (r) => r.site.communeCode),
  importable('sites', 'communeName', (r) => r.summary.communeName, { width: 24 }),
  { header: 'EPCI', value: (r) => r.summary.epciName, width: 30 },
  { header: 'Zonage', value: (r) => (r.summary.zonage ? ZONAGE_SHORT_LABELS[r.summary.zonage] : null) },
  importable('sites', 'siret', (r) => r.site.siret, { width: 18 }),
  importable('sites', 'latitude', (r) => r.site.latitude),
  importable('sites', 'longitude', (r) => r.site.longitude),
  importable('sites', 'housingOnSite', (r) => r.site.housingOnSite),
  importable('sites', 'housingNearby', (r) => r.site.housingNearby),
  importable('sites', 'publicTransport', (r) => r.site.publicTransport),
  importable('sites', 'parking', (r) => r.site.parking),
  importable('sites', 'distanceToChuKm', (r) => r.site.distanceToChuKm),
  ...STAGE_TYPES.map((stageType) =>
    importable<SiteExportRow>(
      'sites',
      capacityFieldKey(stageType),
      (r) => r.summary.capacities.find((c) => c.stageType === stageType)?.places ?? null,
    ),
  ),
  { header: 'MSU', value: (r) => r.summary.supervisorCount },
  { header: 'Difficultés d’accès ouvertes', value: (r) => r.summary.openAccessIssues },
  importable('sites', 'notes', (r) => r.site.notes, { width: 40 }),
  { header: 'Mis à jour le', value: (r) => instantCell(r.summary.updatedAt) },
];

export interface ProfessionalExportRow {
  p: Professional;
  sites: Pick<TrainingSite, 'name' | 'siret' | 'communeCode'>[];
}

export const PROFESSIONAL_COLUMNS: ExportColumn<ProfessionalExportRow>[] = [
  importable('professionals', 'rpps', (r) => r.p.rpps, { permission: 'professionals.readRpps', width: 14 }),
  importable('professionals', 'civility', (r) => (r.p.civility ? CIVILITY_LABELS[r.p.civility] : null)),
  importable('professionals', 'lastName', (r) => r.p.lastName, { width: 20 }),
  importable('professionals', 'firstName', (r) => r.p.firstName, { width: 18 }),
  importable('professionals', 'profession', (r) => r.p.profession),
  importable('professionals', 'specialty', (r) => r.p.specialty, { width: 22 }),
  importable('professionals', 'practiceMode', (r) =>
    r.p.practiceMode ? PRACTICE_MODE_LABELS[r.p.practiceMode] : null,
  ),
  importable('professionals', 'email', (r) => r.p.email, { permission: 'professionals.readContact', width: 28 }),
  importable('professionals', 'phone', (r) => r.p.phone, { permission: 'professionals.readContact' }),
  importable('professionals', 'contactConsent', (r) => r.p.contactConsent, { permission: 'professionals.readContact' }),
  importable('professionals', 'firstInstallationYear', (r) => r.p.firstInstallationYear),
  importable('professionals', 'msuStage', (r) => MSU_STAGE_LABELS[r.p.msuStage]),
  importable('professionals', 'msuStageSince', (r) => dateCell(r.p.msuStageSince)),
  importable('professionals', 'initialTrainingDate', (r) => dateCell(r.p.initialTrainingDate)),
  importable('professionals', 'initialTrainingCycle', (r) => r.p.initialTrainingCycle),
  importable('professionals', 'sites', (r) => r.sites.map(siteReference).join(' | '), { width: 40 }),
  importable('professionals', 'notes', (r) => r.p.notes, { permission: 'professionals.readContact', width: 40 }),
];

export interface AccreditationExportRow {
  summary: AccreditationSummary;
  a: Accreditation;
  professional: Pick<Professional, 'rpps'> | null;
  site: Pick<TrainingSite, 'name' | 'siret' | 'communeCode'> | null;
}

export const ACCREDITATION_COLUMNS: ExportColumn<AccreditationExportRow>[] = [
  importable('accreditations', 'holderRpps', (r) => r.professional?.rpps ?? null, {
    permission: 'professionals.readRpps',
  }),
  importable('accreditations', 'holderName', (r) => r.summary.holder.name, { width: 30 }),
  importable('accreditations', 'holderSite', (r) => (r.site ? siteReference(r.site) : null), { width: 30 }),
  importable('accreditations', 'cycle', (r) => r.a.cycle),
  importable('accreditations', 'type', (r) => ACCREDITATION_TYPE_LABELS[r.a.type]),
  importable('accreditations', 'stageTypes', (r) => r.a.stageTypes.join(', ')),
  importable('accreditations', 'phases', (r) => r.a.phases.join(', ')),
  importable('accreditations', 'maxStudents', (r) => r.a.maxStudents),
  importable('accreditations', 'authority', (r) => r.a.authority, { width: 34 }),
  importable('accreditations', 'startDate', (r) => dateCell(r.a.startDate)),
  importable('accreditations', 'endDate', (r) => dateCell(r.a.endDate)),
  importable('accreditations', 'status', (r) => ACCREDITATION_STATUS_LABELS[r.a.status]),
  { header: 'Validité', value: (r) => ACCREDITATION_VALIDITY_LABELS[r.summary.validity] },
  importable('accreditations', 'reference', (r) => r.a.reference),
  importable('accreditations', 'notes', (r) => r.a.notes, { width: 40 }),
];
