import { isUnderServed, type Zonage } from '../territory';

/** Allowance amounts and thresholds (configurable reference data; defaults from DOMAIN.md). */
export interface AllowanceRules {
  /** Transport allowance when the site is farther than this from both the CHU and home, in km. */
  transportDistanceKm: number;
  transportMonthly: number;
  housingMonthly: number;
}

export const DEFAULT_ALLOWANCE_RULES: AllowanceRules = {
  transportDistanceKm: 15,
  transportMonthly: 130,
  housingMonthly: 300,
};

/** Built once: `toLocaleString` with options would build a formatter on every call. */
const KM = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
/** "42,5" — distances as French readers write them. */
const km = (value: number) => KM.format(value);

export interface AllowanceEligibility {
  eligible: boolean;
  monthlyAmount: number;
  reason: string;
}

/**
 * Intern transport allowance: the site is more than `transportDistanceKm` from the CHU AND from
 * the intern's home. Unknown distances give no eligibility (and say so).
 */
export function transportAllowance(
  distanceToChuKm: number | null,
  distanceToHomeKm: number | null,
  rules: AllowanceRules = DEFAULT_ALLOWANCE_RULES,
): AllowanceEligibility {
  if (distanceToChuKm === null) {
    return { eligible: false, monthlyAmount: 0, reason: 'Distance au CHU inconnue.' };
  }
  if (distanceToChuKm <= rules.transportDistanceKm) {
    return {
      eligible: false,
      monthlyAmount: 0,
      reason: `À ${km(distanceToChuKm)} km du CHU (seuil : plus de ${km(rules.transportDistanceKm)} km).`,
    };
  }
  if (distanceToHomeKm !== null && distanceToHomeKm <= rules.transportDistanceKm) {
    return {
      eligible: false,
      monthlyAmount: 0,
      reason: `À ${km(distanceToHomeKm)} km du domicile de l’interne (seuil : plus de ${km(rules.transportDistanceKm)} km).`,
    };
  }
  const home =
    distanceToHomeKm === null
      ? ` si le domicile de l’interne est aussi à plus de ${km(rules.transportDistanceKm)} km`
      : '';
  return {
    eligible: true,
    monthlyAmount: rules.transportMonthly,
    reason: `À ${km(distanceToChuKm)} km du CHU${home}.`,
  };
}

/** Intern housing allowance: the site's commune is in ZIP or ZAC. */
export function housingAllowance(
  zonage: Zonage | null,
  rules: AllowanceRules = DEFAULT_ALLOWANCE_RULES,
): AllowanceEligibility {
  if (zonage === null) return { eligible: false, monthlyAmount: 0, reason: 'Zonage de la commune inconnu.' };
  return isUnderServed(zonage)
    ? { eligible: true, monthlyAmount: rules.housingMonthly, reason: `Commune classée ${zonage.replace('_', '-')}.` }
    : { eligible: false, monthlyAmount: 0, reason: `Commune classée ${zonage} (hors ZIP et ZAC).` };
}
