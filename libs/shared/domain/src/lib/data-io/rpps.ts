import type { CandidateReferralInput, ProfessionalInput, UserRef } from '../registry/api-people';
import type { MsuStage } from '../registry/professionals';
import type { Zonage } from '../territory';
import type { SupervisionIncome } from './supervision-income';

/** The national directory (Annuaire Santé, RPPS): what makes a general practitioner. */
export const RPPS_PHYSICIAN_PROFESSION = '10';
/** Savoir-faire of general medicine (qualified specialist, ordinal specialty). */
export const RPPS_GENERAL_PRACTICE_CODES = ['SM53', 'SM54'] as const;

/** Practice modes of the directory. */
export const RPPS_PRACTICE_MODE_LABELS: Readonly<Record<string, string>> = {
  L: 'Libéral',
  S: 'Salarié',
  B: 'Bénévole',
};

/** The activity sectors the mission officer meets most (the file carries the others' labels). */
export const RPPS_SECTOR_LABELS: Readonly<Record<string, string>> = {
  SA05: 'Centre de santé',
  SA07: 'Cabinet individuel',
  SA08: 'Cabinet de groupe',
  SA09: 'Exercice en société',
};

export const RPPS_SORT_FIELDS = ['lastName', 'commune', 'sector', 'practiceMode'] as const;

/** A row of `GET /api/rpps/general-practitioners`: one GP at one place of practice. */
export interface GeneralPractitionerRow {
  /** Line of the directory file (stable within one load). */
  id: number;
  rpps: string | null;
  civility: string | null;
  lastName: string;
  firstName: string;
  practiceMode: { code: string | null; label: string | null };
  sector: { code: string | null; label: string | null };
  structureName: string | null;
  siret: string | null;
  address: string | null;
  postalCode: string | null;
  commune: { code: string; name: string | null };
  zonage: Zonage | null;
  /** Other places of practice of the same GP in the directory. */
  otherPlaces: number;
  /** The professional of the registry with this RPPS (not yet MSU), if any. */
  registry: { professionalId: string; msuStage: MsuStage } | null;
  /** An open CDOM referral for this RPPS, if any. */
  openReferralId: string | null;
  /** Ready for `POST /api/candidate-referrals` (add the reason). */
  referralDraft: CandidateReferralInput;
  /** Ready for `POST /api/professionals`. */
  professionalDraft: ProfessionalInput;
}

/** General practitioners per 10,000 inhabitants of an area (commune, EPCI or département). */
export interface GpDensityRow {
  code: string;
  name: string;
  population: number | null;
  /** Distinct GPs with a place of practice in the area. */
  generalPractitioners: number;
  /** `null` without population. */
  per10000: number | null;
}

export const DENSITY_LEVELS = ['commune', 'epci', 'departement'] as const;
export type DensityLevel = (typeof DENSITY_LEVELS)[number];

export const RPPS_LOAD_STATUSES = ['loading', 'loaded', 'failed'] as const;
export type RppsLoadStatus = (typeof RPPS_LOAD_STATUSES)[number];

/** `GET /api/rpps/loads/:id`: a load of the national extract, with its progress. */
export interface RppsLoadView {
  id: string;
  fileName: string;
  status: RppsLoadStatus;
  /** 52 or 56 columns. */
  columnCount: number | null;
  bytesTotal: number | null;
  bytesRead: number;
  rowsRead: number;
  /** Rows of the served départements kept as reference data. */
  rowsKept: number;
  malformedLines: number;
  /** The first malformed lines, in French (« ligne 12 : 40 colonnes au lieu de 52 »). */
  problems: string[];
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  loadedBy: UserRef | null;
}

/** `GET /api/rpps/professionals/:id`: whether the directory still lists a registry professional. */
export interface DirectoryListing {
  professionalId: string;
  rpps: string | null;
  /** Date of the last loaded extract, or null when none was ever loaded. */
  directoryLoadedAt: string | null;
  listed: boolean;
  places: {
    structureName: string | null;
    siret: string | null;
    address: string | null;
    communeCode: string;
    communeName: string | null;
    practiceMode: string | null;
    sector: string | null;
    profession: string | null;
    savoirFaire: string | null;
  }[];
}

/** `GET /api/rpps/general-practitioners/:rpps/supervision-income`. */
export interface SupervisionIncomeEstimate {
  rpps: string;
  name: string;
  places: { commune: { code: string; name: string | null }; structureName: string | null; income: SupervisionIncome }[];
}
