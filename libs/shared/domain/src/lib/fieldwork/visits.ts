export const VISIT_PURPOSES = ['prospection', 'follow_up', 'accreditation', 'issue_resolution'] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];
export const VISIT_PURPOSE_LABELS: Readonly<Record<VisitPurpose, string>> = {
  prospection: 'Prospection',
  follow_up: 'Suivi',
  accreditation: 'Agrément',
  issue_resolution: 'Résolution de difficultés',
};

export const VISIT_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export const VISIT_STATUS_LABELS: Readonly<Record<VisitStatus, string>> = {
  planned: 'Planifiée',
  done: 'Réalisée',
  cancelled: 'Annulée',
};

export const PARTICIPANT_KINDS = ['mission_officer', 'cdom', 'msu', 'other'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];
export const PARTICIPANT_KIND_LABELS: Readonly<Record<ParticipantKind, string>> = {
  mission_officer: 'Chargé·e de mission',
  cdom: 'Représentant du CDOM',
  msu: 'Maître de stage (MSU)',
  other: 'Autre participant',
};

/** The structured checklist of hosting conditions recorded at a visit. */
export const VISIT_CHECKLIST_ITEMS = [
  'consultation_room',
  'computer_access',
  'medical_software',
  'supervision_time',
  'housing_available',
  'public_transport',
  'parking',
  'welcome_booklet',
  'safety',
] as const;
export type VisitChecklistItem = (typeof VISIT_CHECKLIST_ITEMS)[number];
export const VISIT_CHECKLIST_LABELS: Readonly<Record<VisitChecklistItem, string>> = {
  consultation_room: 'Bureau de consultation disponible pour l’étudiant',
  computer_access: 'Poste informatique et accès au réseau',
  medical_software: 'Accès au logiciel métier',
  supervision_time: 'Temps de supervision et de débriefing prévu',
  housing_available: 'Solution de logement identifiée',
  public_transport: 'Accessible en transports en commun',
  parking: 'Stationnement possible',
  welcome_booklet: 'Livret d’accueil remis',
  safety: 'Conditions de sécurité satisfaisantes',
};

/** `ok` / `to_improve` / `missing`, or `not_checked`. */
export const CHECKLIST_ANSWERS = ['ok', 'to_improve', 'missing', 'not_checked'] as const;
export type ChecklistAnswer = (typeof CHECKLIST_ANSWERS)[number];
export const CHECKLIST_ANSWER_LABELS: Readonly<Record<ChecklistAnswer, string>> = {
  ok: 'Satisfaisant',
  to_improve: 'À améliorer',
  missing: 'Absent',
  not_checked: 'Non vérifié',
};
export type VisitChecklist = Partial<Record<VisitChecklistItem, { answer: ChecklistAnswer; comment?: string }>>;
