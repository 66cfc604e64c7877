/** ARS zonage of a commune (see DOMAIN.md, "Zonage"). */
export const ZONAGES = ['ZIP', 'ZAC', 'QPV_ZIP', 'QPV_ZAC', 'ZV', 'HZ'] as const;

export type Zonage = (typeof ZONAGES)[number];

export const ZONAGE_LABELS: Readonly<Record<Zonage, string>> = {
  ZIP: 'Zone d’intervention prioritaire (ZIP)',
  ZAC: 'Zone d’action complémentaire (ZAC)',
  QPV_ZIP: 'Quartier prioritaire en ZIP',
  QPV_ZAC: 'Quartier prioritaire en ZAC',
  ZV: 'Zone de vigilance (ZV)',
  HZ: 'Hors zonage (HZ)',
};

export const ZONAGE_SHORT_LABELS: Readonly<Record<Zonage, string>> = {
  ZIP: 'ZIP',
  ZAC: 'ZAC',
  QPV_ZIP: 'QPV-ZIP',
  QPV_ZAC: 'QPV-ZAC',
  ZV: 'ZV',
  HZ: 'HZ',
};

/** ZIP and ZAC (with their QPV parts) are the under-served zones that open allowances. */
export function isUnderServed(zonage: Zonage | null | undefined): boolean {
  return zonage === 'ZIP' || zonage === 'ZAC' || zonage === 'QPV_ZIP' || zonage === 'QPV_ZAC';
}

export interface ZonagePeriod {
  zonage: Zonage;
  validFrom: string;
  validTo: string | null;
}

/** The classification in force on `date` (ISO `YYYY-MM-DD`), or `null` when none covers it. */
export function zonageOn(periods: readonly ZonagePeriod[], date: string): Zonage | null {
  const current = periods.find((p) => p.validFrom <= date && (p.validTo === null || date <= p.validTo));
  return current?.zonage ?? null;
}

export interface DepartementSummary {
  code: string;
  name: string;
}

export interface EpciSummary {
  siren: string;
  name: string;
}

export interface EpciListItem extends EpciSummary {
  kind: string;
  communeCount: number;
}

export interface CommuneSummary {
  code: string;
  name: string;
  departementCode: string;
  postalCodes: string[];
  population: number | null;
  epci: EpciSummary | null;
  zonage: Zonage | null;
  hasContour: boolean;
}

export interface CommuneDetail extends CommuneSummary {
  zonageHistory: ZonagePeriod[];
}

/** INSEE commune codes: 5 characters, digits except Corsica's 2A / 2B. */
export const INSEE_COMMUNE_CODE = /^(?:\d{5}|2[AB]\d{3})$/;
export const DEPARTEMENT_CODE = /^(?:\d{2}|2[AB]|97\d)$/;
