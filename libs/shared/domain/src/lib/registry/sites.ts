import type { Zonage } from '../territory';
import type { StageType } from './stage-types';

export const SITE_KINDS = [
  'cabinet_individuel',
  'cabinet_groupe',
  'msp',
  'centre_sante',
  'maison_sante_departementale',
  'pmi',
  'autre',
] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

export const SITE_KIND_LABELS: Readonly<Record<SiteKind, string>> = {
  cabinet_individuel: 'Cabinet individuel',
  cabinet_groupe: 'Cabinet de groupe',
  msp: 'Maison de santé pluriprofessionnelle (MSP)',
  centre_sante: 'Centre de santé',
  maison_sante_departementale: 'Maison de santé départementale',
  pmi: 'Centre de PMI',
  autre: 'Autre',
};

export const SITE_STATUSES = ['prospect', 'active', 'suspended', 'closed'] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];

export const SITE_STATUS_LABELS: Readonly<Record<SiteStatus, string>> = {
  prospect: 'Prospect',
  active: 'Actif',
  suspended: 'Suspendu',
  closed: 'Fermé',
};

export interface SiteCapacity {
  stageType: StageType;
  /** Places per semester for this stage type. */
  places: number;
}

export interface HostingConditions {
  housingOnSite: boolean;
  housingNearby: boolean;
  publicTransport: boolean;
  parking: boolean;
  /** Distance to the faculty / CHU, in km. */
  distanceToChuKm: number | null;
}

export interface SiteSummary {
  id: string;
  version: number;
  departementCode: string;
  name: string;
  kind: SiteKind;
  status: SiteStatus;
  communeCode: string;
  communeName: string;
  epciName: string | null;
  zonage: Zonage | null;
  capacities: SiteCapacity[];
  supervisorCount: number;
  openAccessIssues: number;
  updatedAt: string;
}

export interface SiteAddress {
  line1: string;
  line2: string | null;
  postalCode: string;
}

export interface SiteDetail extends SiteSummary {
  address: SiteAddress;
  latitude: number | null;
  longitude: number | null;
  siret: string | null;
  hosting: HostingConditions;
  notes: string | null;
  archivedAt: string | null;
  createdAt: string;
}
