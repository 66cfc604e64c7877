import { addYears } from '../dates';

/** The MSU pipeline: from a professional identified to an active supervisor (see DOMAIN.md). */
export const MSU_STAGES = [
  'identified',
  'contacted',
  'interested',
  'in_training',
  'file_submitted',
  'accredited',
  'active',
  'declined',
  'retired',
] as const;
export type MsuStage = (typeof MSU_STAGES)[number];

/** `declined` and `retired` are exits; the other stages make the funnel, in order. */
export const MSU_EXITS: readonly MsuStage[] = ['declined', 'retired'];
export const MSU_FUNNEL: readonly MsuStage[] = MSU_STAGES.filter((stage) => !MSU_EXITS.includes(stage));

export const MSU_STAGE_LABELS: Readonly<Record<MsuStage, string>> = {
  identified: 'Identifié',
  contacted: 'Contacté',
  interested: 'Intéressé',
  in_training: 'En formation MSU',
  file_submitted: 'Dossier déposé',
  accredited: 'Agréé',
  active: 'MSU actif',
  declined: 'A décliné',
  retired: 'Retiré',
};

/**
 * Which moves the pipeline allows: any other stage of the funnel (forward, or back to correct a
 * mistake), an exit from anywhere, and from an exit only back to `identified` or `contacted`.
 */
export function canMoveMsuStage(from: MsuStage, to: MsuStage): boolean {
  if (from === to) return false;
  if (MSU_EXITS.includes(from)) return to === 'identified' || to === 'contacted';
  return true;
}

/** A professional counts as an MSU once accredited. */
export function isSupervisor(stage: MsuStage): boolean {
  return stage === 'accredited' || stage === 'active';
}

export const PRACTICE_MODES = ['liberal', 'salarie', 'mixte'] as const;
export type PracticeMode = (typeof PRACTICE_MODES)[number];
export const PRACTICE_MODE_LABELS: Readonly<Record<PracticeMode, string>> = {
  liberal: 'Libéral',
  salarie: 'Salarié',
  mixte: 'Mixte',
};

export const CIVILITIES = ['M', 'MME', 'DR'] as const;
export type Civility = (typeof CIVILITIES)[number];
export const CIVILITY_LABELS: Readonly<Record<Civility, string>> = { M: 'M.', MME: 'Mme', DR: 'Dr' };

/** Continuing MSU training target over a rolling period (configurable reference data). */
export interface TrainingTarget {
  hours: number;
  years: number;
}
export const DEFAULT_TRAINING_TARGET: TrainingTarget = { hours: 21, years: 5 };

/** Hours done in the rolling window that ends on `today` (ISO dates), and what remains. */
export function continuingTrainingProgress(
  sessions: readonly { date: string; hours: number }[],
  today: string,
  target: TrainingTarget = DEFAULT_TRAINING_TARGET,
): { hours: number; remaining: number; windowStart: string } {
  const windowStart = addYears(today, -target.years);
  const hours = sessions.filter((s) => s.date > windowStart && s.date <= today).reduce((sum, s) => sum + s.hours, 0);
  return { hours, remaining: Math.max(0, target.hours - hours), windowStart };
}
