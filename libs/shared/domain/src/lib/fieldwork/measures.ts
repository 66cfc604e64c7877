export const MEASURE_TYPES = [
  'housing_aid',
  'intern_house',
  'transport_aid',
  'equipment_funding',
  'communication',
  'teleconsultation',
  'other',
] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];
export const MEASURE_TYPE_LABELS: Readonly<Record<MeasureType, string>> = {
  housing_aid: 'Aide au logement',
  intern_house: 'Maison des internes',
  transport_aid: 'Aide au transport',
  equipment_funding: 'Financement d’équipement',
  communication: 'Communication sur le territoire',
  teleconsultation: 'Cabine de téléconsultation',
  other: 'Autre dispositif',
};

export const MEASURE_STATUSES = ['planned', 'active', 'completed', 'cancelled'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const MEASURE_STATUS_LABELS: Readonly<Record<MeasureStatus, string>> = {
  planned: 'En projet',
  active: 'En cours',
  completed: 'Terminé',
  cancelled: 'Abandonné',
};
