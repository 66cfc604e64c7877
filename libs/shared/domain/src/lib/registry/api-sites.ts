import type {
  AccreditationStatus,
  AccreditationSummary,
  AccreditationType,
  AccreditationValidity,
} from './accreditations';
import { type Civility, CIVILITY_LABELS, type MsuStage } from './professionals';
import type { SiteCapacity, SiteDetail, SiteKind, SiteStatus } from './sites';
import { type Cycle, type Phase, STAGE_TYPES, type StageType } from './stage-types';

/** Every validity an accreditation list can be filtered on (see `accreditationValidity`). */
export const ACCREDITATION_VALIDITIES = [
  'valid',
  'expiring_soon',
  'renewed',
  'expired',
  'pending',
  'withdrawn',
] as const satisfies readonly AccreditationValidity[];

/** Sort fields of `GET /api/sites` and `GET /api/accreditations` (`sort=field:asc|desc`). */
export const SITE_SORT_FIELDS = ['name', 'commune', 'kind', 'status', 'updatedAt', 'createdAt'] as const;
export const ACCREDITATION_SORT_FIELDS = ['endDate', 'startDate', 'status', 'createdAt', 'updatedAt'] as const;

/** Audit `entityType` of the registry records (`GET /api/audit-events?entityType=`). */
export const AUDIT_ENTITY_TYPES = { site: 'training_site', accreditation: 'accreditation' } as const;

/** A professional linked to a site, as the site page shows it. */
export interface SiteProfessional {
  id: string;
  name: string;
  msuStage: MsuStage;
}

/** `GET /api/sites/:id`: the site with its professionals and its own accreditations. */
export interface SiteRecord extends SiteDetail {
  professionals: SiteProfessional[];
  accreditations: AccreditationSummary[];
}

/** Body of `POST /api/sites`; `PATCH` takes any subset plus `version`. */
export interface SiteInput {
  name: string;
  kind: SiteKind;
  status?: SiteStatus;
  addressLine1: string;
  addressLine2?: string | null;
  postalCode: string;
  communeCode: string;
  latitude?: number | null;
  longitude?: number | null;
  siret?: string | null;
  housingOnSite?: boolean;
  housingNearby?: boolean;
  publicTransport?: boolean;
  parking?: boolean;
  distanceToChuKm?: number | null;
  notes?: string | null;
  /** Replaces every capacity of the site when given. */
  capacities?: SiteCapacity[];
  /** Replaces the links to (live) professionals when given. */
  professionalIds?: string[];
}

/** `GET /api/accreditations/:id`. */
export interface AccreditationDetail extends AccreditationSummary {
  reference: string | null;
  afterWithdrawal: boolean;
  notes: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Body of `POST /api/accreditations`: exactly one of `professionalId` and `siteId`. */
export interface AccreditationInput {
  professionalId?: string;
  siteId?: string;
  cycle: Cycle;
  type: AccreditationType;
  stageTypes: StageType[];
  phases?: Phase[];
  maxStudents: number;
  authority: string;
  startDate?: string;
  endDate?: string;
  status?: AccreditationStatus;
  reference?: string | null;
  /** Defaults to whether the holder's last accreditation of this cycle was withdrawn. */
  afterWithdrawal?: boolean;
  notes?: string | null;
}

/** One entry of a record's history (`GET /api/audit-events`). */
export interface AuditEventView {
  id: string;
  occurredAt: string;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes: Record<string, { before: unknown; after: unknown }>;
}

/** Rough boxes around metropolitan France (with Corsica) and the five overseas départements. */
const FRANCE_BOUNDS: readonly { south: number; north: number; west: number; east: number }[] = [
  { south: 41.3, north: 51.1, west: -5.2, east: 9.6 },
  { south: 15.8, north: 16.55, west: -61.85, east: -60.95 }, // Guadeloupe
  { south: 14.35, north: 14.9, west: -61.25, east: -60.8 }, // Martinique
  { south: 2.1, north: 5.8, west: -54.65, east: -51.6 }, // Guyane
  { south: -21.4, north: -20.85, west: 55.2, east: 55.85 }, // La Réunion
  { south: -13.05, north: -12.6, west: 44.95, east: 45.35 }, // Mayotte
];

/** Whether a WGS 84 point lies in France (metropole, Corsica or an overseas département). */
export function isWithinFrance(latitude: number, longitude: number): boolean {
  return FRANCE_BOUNDS.some(
    (b) => latitude >= b.south && latitude <= b.north && longitude >= b.west && longitude <= b.east,
  );
}

/** Capacities as the history shows them: `{ N1: 2, SASPAS: 1 }`, in the order of the stage types. */
export function capacityMap(capacities: readonly SiteCapacity[]): Partial<Record<StageType, number>> {
  const out: Partial<Record<StageType, number>> = {};
  for (const stageType of STAGE_TYPES) {
    const found = capacities.find((c) => c.stageType === stageType);
    if (found) out[stageType] = found.places;
  }
  return out;
}

/** How the registry names a professional: "Dr Claire Martin". */
export function professionalDisplayName(p: { civility: Civility | null; firstName: string; lastName: string }): string {
  return [p.civility ? CIVILITY_LABELS[p.civility] : null, p.firstName, p.lastName].filter(Boolean).join(' ');
}
