import { type SiteCapacity, STAGE_TYPES, type StageType } from '@maillage/shared/domain';

/** Short names of the stage types, for tables and summaries (the full labels go in `title`). */
export const STAGE_TYPE_SHORT_LABELS: Readonly<Record<StageType, string>> = {
  EXT_MG: 'Externe',
  N1: 'N1',
  SAFE: 'SAFE',
  LIBRE: 'Libre',
  SASPAS: 'SASPAS',
  DJ_MG: 'DJ',
};

/** "N1 ×2, SASPAS ×1": the stage types that have places, in the usual order. */
export function capacitySummary(capacities: readonly SiteCapacity[]): string {
  const parts = STAGE_TYPES.flatMap((type) => {
    const places = capacities.find((c) => c.stageType === type)?.places ?? 0;
    return places > 0 ? [`${STAGE_TYPE_SHORT_LABELS[type]} ×${places}`] : [];
  });
  return parts.length > 0 ? parts.join(', ') : 'Aucune place';
}

export function totalPlaces(capacities: readonly SiteCapacity[]): number {
  return capacities.reduce((sum, c) => sum + c.places, 0);
}

/** "123 456 789 00012": SIREN by threes, then the establishment number. */
export function formatSiret(siret: string | null): string {
  if (!siret) return 'Non renseigné';
  return /^\d{14}$/.test(siret)
    ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`
    : siret;
}
