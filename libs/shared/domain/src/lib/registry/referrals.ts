export const REFERRAL_STATUSES = ['new', 'assigned', 'in_progress', 'converted', 'declined', 'not_eligible'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const REFERRAL_STATUS_LABELS: Readonly<Record<ReferralStatus, string>> = {
  new: 'Nouveau',
  assigned: 'Attribué',
  in_progress: 'En cours de suivi',
  converted: 'Converti (entré dans le parcours MSU)',
  declined: 'A décliné',
  not_eligible: 'Non éligible',
};
export const REFERRAL_OUTCOMES: readonly ReferralStatus[] = ['converted', 'declined', 'not_eligible'];

export function isReferralClosed(status: ReferralStatus): boolean {
  return REFERRAL_OUTCOMES.includes(status);
}

export const PRIORITIES = ['low', 'normal', 'high'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_LABELS: Readonly<Record<Priority, string>> = { low: 'Basse', normal: 'Normale', high: 'Haute' };

export const INTENT_STATUSES = ['intention', 'in_discussion', 'settled', 'abandoned'] as const;
export type IntentStatus = (typeof INTENT_STATUSES)[number];
export const INTENT_STATUS_LABELS: Readonly<Record<IntentStatus, string>> = {
  intention: 'Intention',
  in_discussion: 'En discussion',
  settled: 'Installé',
  abandoned: 'Abandonné',
};

export const INTENT_HORIZONS = ['lt_6_months', '6_12_months', '1_2_years', 'gt_2_years'] as const;
export type IntentHorizon = (typeof INTENT_HORIZONS)[number];
export const INTENT_HORIZON_LABELS: Readonly<Record<IntentHorizon, string>> = {
  lt_6_months: 'Moins de 6 mois',
  '6_12_months': '6 à 12 mois',
  '1_2_years': '1 à 2 ans',
  gt_2_years: 'Plus de 2 ans',
};

/** Without consent, only initials are kept: "Marie-Claire Dupont" → "M.-C. D." */
export function initialsOf(firstName: string, lastName: string): string {
  const part = (name: string) =>
    name
      .trim()
      .split(/([\s-]+)/)
      .filter((p) => p !== '')
      .map((p) => (/^[\s-]+$/.test(p) ? (p.includes('-') ? '-' : ' ') : `${p[0].toUpperCase()}.`))
      .join('')
      .replace(/\s+/g, ' ');
  return `${part(firstName)} ${part(lastName)}`.trim();
}
