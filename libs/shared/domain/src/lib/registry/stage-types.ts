/** Internship types hosted by ambulatory sites (see DOMAIN.md, "Stage types"). */
export const STAGE_TYPES = ['EXT_MG', 'N1', 'SAFE', 'LIBRE', 'SASPAS', 'DJ_MG'] as const;
export type StageType = (typeof STAGE_TYPES)[number];

export const STAGE_TYPE_LABELS: Readonly<Record<StageType, string>> = {
  EXT_MG: 'Externat en médecine générale',
  N1: 'Niveau 1 (stage praticien)',
  SAFE: 'Santé de la femme et de l’enfant',
  LIBRE: 'Stage libre',
  SASPAS: 'SASPAS (niveau 2)',
  DJ_MG: 'Docteur junior de médecine générale',
};

/** 2nd cycle (externes) or 3rd cycle (internes, docteurs juniors). */
export const CYCLES = ['2', '3'] as const;
export type Cycle = (typeof CYCLES)[number];

export const CYCLE_LABELS: Readonly<Record<Cycle, string>> = { '2': '2e cycle', '3': '3e cycle' };

export const STAGE_TYPE_CYCLE: Readonly<Record<StageType, Cycle>> = {
  EXT_MG: '2',
  N1: '3',
  SAFE: '3',
  LIBRE: '3',
  SASPAS: '3',
  DJ_MG: '3',
};

export const PHASES = ['socle', 'approfondissement', 'consolidation'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Readonly<Record<Phase, string>> = {
  socle: 'Phase socle',
  approfondissement: 'Phase d’approfondissement',
  consolidation: 'Phase de consolidation',
};
