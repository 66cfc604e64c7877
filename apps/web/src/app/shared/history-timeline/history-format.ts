import {
  ACCESS_ISSUE_SOURCE_LABELS,
  ACCESS_ISSUE_STATUS_LABELS,
  ACCREDITATION_STATUS_LABELS,
  ACCREDITATION_TYPE_LABELS,
  type AuditEventView,
  CHECKLIST_ANSWER_LABELS,
  type ChecklistAnswer,
  CIVILITY_LABELS,
  CYCLE_LABELS,
  INTENT_HORIZON_LABELS,
  INTENT_STATUS_LABELS,
  MEASURE_STATUS_LABELS,
  MSU_STAGE_LABELS,
  PHASE_LABELS,
  PRACTICE_MODE_LABELS,
  PRIORITY_LABELS,
  REFERRAL_STATUS_LABELS,
  ROLE_LABELS,
  SITE_KIND_LABELS,
  SITE_ROLE_LABELS,
  SITE_STATUS_LABELS,
  STAGE_TYPE_LABELS,
  STAGE_TYPES,
  VISIT_CHECKLIST_LABELS,
  VISIT_PURPOSE_LABELS,
  VISIT_STATUS_LABELS,
  type VisitChecklistItem,
  ZONAGE_SHORT_LABELS,
} from '@maillage/shared/domain';

/**
 * How the history speaks French. The API records fields by their code name (`housingOnSite`)
 * and values as stored (`true`, `"active"`, `{ "N1": 2 }`); this file turns them into words.
 * A screen of a new record type adds its fields and actions here.
 */

type Labels = Readonly<Record<string, string>>;

/** Actions of `audit_events.action`, with an icon (decorative: the label carries the meaning). */
const ACTIONS: Readonly<Record<string, { label: string; icon: string }>> = {
  created: { label: 'Création', icon: 'add_circle' },
  updated: { label: 'Modification', icon: 'edit' },
  archived: { label: 'Archivage', icon: 'archive' },
  restored: { label: 'Restauration', icon: 'unarchive' },
  reviewed: { label: 'Mise en instruction', icon: 'pending_actions' },
  granted: { label: 'Agrément accordé', icon: 'verified' },
  withdrawn: { label: 'Agrément retiré', icon: 'remove_moderator' },
  expired: { label: 'Expiration constatée', icon: 'event_busy' },
  stage_changed: { label: 'Changement d’étape du parcours MSU', icon: 'swap_horiz' },
  training_session_added: { label: 'Formation continue enregistrée', icon: 'school' },
  assigned: { label: 'Attribution', icon: 'assignment_ind' },
  followed_up: { label: 'Suivi', icon: 'forum' },
  converted: { label: 'Clôture : converti en parcours MSU', icon: 'task_alt' },
  declined: { label: 'Clôture : a décliné', icon: 'do_not_disturb_on' },
  not_eligible: { label: 'Clôture : non éligible', icon: 'block' },
  zonage_added: { label: 'Zonage ARS enregistré', icon: 'map' },
  recorded: { label: 'Compte rendu de visite', icon: 'edit_note' },
  cancelled: { label: 'Annulation', icon: 'event_busy' },
  started: { label: 'Prise en charge', icon: 'play_circle' },
  resolved: { label: 'Résolution', icon: 'task_alt' },
  wont_fix: { label: 'Classement sans suite', icon: 'block' },
  reopened: { label: 'Réouverture', icon: 'replay' },
  renewed: { label: 'Agrément renouvelé', icon: 'autorenew' },
  corrected: { label: 'Correction du compte rendu', icon: 'edit' },
  site_linked: { label: 'Rattachement à un terrain', icon: 'link' },
  site_link_updated: { label: 'Rattachement modifié', icon: 'edit' },
  site_unlinked: { label: 'Fin de rattachement', icon: 'link_off' },
  presented: { label: 'Présentation au comité', icon: 'groups' },
  approved: { label: 'Approbation', icon: 'lock' },
  approval_confirmed: { label: 'Approbation confirmée malgré un bilan incomplet', icon: 'report' },
};

/** French names of the recorded fields, in the order the history lists them. */
const FIELDS: Labels = {
  // Identity (sites, professionals, referrals, intents)
  holder: 'Titulaire',
  civility: 'Civilité',
  firstName: 'Prénom',
  lastName: 'Nom de famille',
  name: 'Nom',
  displayName: 'Nom affiché',
  kind: 'Type de structure',
  status: 'Statut',
  rpps: 'N° RPPS',
  profession: 'Profession',
  specialty: 'Spécialité',
  practiceMode: 'Mode d’exercice',
  // Address and territory
  addressLine1: 'Adresse',
  addressLine2: 'Complément d’adresse',
  postalCode: 'Code postal',
  commune: 'Commune',
  communeCode: 'Commune (code INSEE)',
  latitude: 'Latitude',
  longitude: 'Longitude',
  zonage: 'Zonage ARS',
  validFrom: 'En vigueur du',
  validTo: 'En vigueur jusqu’au',
  siret: 'SIRET',
  // Hosting conditions and capacities
  housingOnSite: 'Logement sur place',
  housingNearby: 'Logement à proximité',
  publicTransport: 'Transports en commun',
  parking: 'Stationnement',
  distanceToChuKm: 'Distance au CHU',
  capacities: 'Capacités d’accueil',
  professionals: 'Professionnels du terrain',
  siteIds: 'Terrains d’exercice',
  // Accreditations
  cycle: 'Cycle',
  type: 'Type d’agrément',
  stageTypes: 'Types de stage',
  phases: 'Phases',
  maxStudents: 'Nombre maximal d’étudiants',
  authority: 'Autorité',
  startDate: 'Début',
  endDate: 'Fin',
  reference: 'Référence de la décision',
  afterWithdrawal: 'Après un retrait',
  renewsId: 'Renouvelle l’agrément',
  // Professional ↔ site links
  professional: 'Professionnel',
  siteRole: 'Rôle au sein du terrain',
  // Professionals and the MSU pipeline
  email: 'Adresse e-mail',
  phone: 'Téléphone',
  firstInstallationYear: 'Année de première installation',
  contactConsent: 'Accepte d’être contacté',
  msuStage: 'Étape du parcours MSU',
  msuStageSince: 'Étape depuis le',
  initialTrainingDate: 'Formation initiale MSU',
  initialTrainingCycle: 'Cycle de la formation initiale',
  // Referrals and intents
  professionalId: 'Professionnel lié',
  reason: 'Motif',
  priority: 'Priorité',
  referredById: 'Signalé par',
  assignedToId: 'Attribué à',
  lastFollowUpAt: 'Dernier suivi',
  closedAt: 'Clôturé le',
  outcomeNote: 'Note de clôture',
  faculty: 'Faculté',
  horizon: 'Horizon',
  targetCommunes: 'Communes visées',
  supportOffered: 'Accompagnement proposé',
  // Site visits
  siteId: 'Terrain',
  purpose: 'Objet de la visite',
  plannedOn: 'Prévue le',
  plannedTime: 'Heure',
  visitedOn: 'Réalisée le',
  participants: 'Participants',
  checklist: 'Conditions d’accueil',
  findings: 'Constats',
  nextVisitOn: 'Prochaine visite',
  // Access issues and support measures
  site: 'Terrain',
  category: 'Catégorie',
  severity: 'Gravité',
  description: 'Description',
  source: 'Source',
  raisedOn: 'Relevée le',
  closedOn: 'Close le',
  resolution: 'Résolution',
  measures: 'Mesures',
  budgetPlanned: 'Budget prévu',
  budgetCommitted: 'Budget engagé',
  indicators: 'Indicateurs',
  sites: 'Terrains concernés',
  issues: 'Difficultés traitées',
  // Annual reports
  year: 'Année',
  sections: 'Sections',
  presentedOn: 'Date de présentation',
  approvedOn: 'Date d’approbation',
  frozen: 'Chiffres figés',
  emptySections: 'Sections vides à l’approbation',
  yearNotOver: 'Année pas encore terminée',
  // Accounts
  role: 'Rôle',
  isActive: 'Compte actif',
  // Always last
  notes: 'Notes',
};

/** Never shown: technical, or said by the action itself (archived / restored). */
const HIDDEN_FIELDS = new Set(['archivedAt', 'departementCode', 'searchText', 'version', 'createdAt', 'updatedAt']);

/** `status` names a different list for each record type. */
const STATUS_LABELS: Readonly<Record<string, Labels>> = {
  training_site: SITE_STATUS_LABELS,
  accreditation: ACCREDITATION_STATUS_LABELS,
  candidate_referral: REFERRAL_STATUS_LABELS,
  installation_intent: INTENT_STATUS_LABELS,
  site_visit: VISIT_STATUS_LABELS,
  access_issue: ACCESS_ISSUE_STATUS_LABELS,
  support_measure: MEASURE_STATUS_LABELS,
};

const VALUE_LABELS: Readonly<Record<string, Labels>> = {
  kind: SITE_KIND_LABELS,
  type: ACCREDITATION_TYPE_LABELS,
  cycle: CYCLE_LABELS,
  initialTrainingCycle: CYCLE_LABELS,
  stageTypes: STAGE_TYPE_LABELS,
  phases: PHASE_LABELS,
  msuStage: MSU_STAGE_LABELS,
  practiceMode: PRACTICE_MODE_LABELS,
  civility: CIVILITY_LABELS,
  priority: PRIORITY_LABELS,
  horizon: INTENT_HORIZON_LABELS,
  zonage: ZONAGE_SHORT_LABELS,
  siteRole: SITE_ROLE_LABELS,
  role: ROLE_LABELS,
  purpose: VISIT_PURPOSE_LABELS,
  source: ACCESS_ISSUE_SOURCE_LABELS,
};

export const EMPTY_VALUE = 'non renseigné';

export interface HistoryChange {
  field: string;
  label: string;
  before: string;
  after: string;
  /** Values too long for one line (notes): shown one under the other. */
  long: boolean;
  /** References (ids) whose values mean nothing to a reader: only "modifié" is shown. */
  opaque: boolean;
}

export interface HistoryEntry {
  id: string;
  action: string;
  actionLabel: string;
  icon: string;
  occurredAt: string;
  actor: string;
  /** A creation lists initial values (`after` only); other actions list before → after. */
  isCreation: boolean;
  changes: HistoryChange[];
}

export function actionLabel(action: string): string {
  return ACTIONS[action]?.label ?? sentenceCase(action.replace(/_/g, ' '));
}

export function fieldLabel(field: string): string {
  return FIELDS[field] ?? sentenceCase(field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Paris',
});
const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 6 });

/** A recorded value in French: labels for codes, Oui/Non, French dates and numbers. */
export function formatValue(entityType: string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY_VALUE;
  if (field === 'capacities' && typeof value === 'object' && !Array.isArray(value)) {
    return capacityText(value as Record<string, unknown>);
  }
  if (field === 'checklist' && typeof value === 'object' && !Array.isArray(value)) {
    return checklistText(value as Record<string, { answer?: string } | undefined>);
  }
  const labels = field === 'status' ? STATUS_LABELS[entityType] : VALUE_LABELS[field];
  if (Array.isArray(value)) {
    if (value.length === 0) return 'aucun';
    return value.map((item) => formatScalar(item, labels)).join(', ');
  }
  if (field === 'distanceToChuKm' && typeof value === 'number') return `${NUMBER.format(value)} km`;
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${key} : ${formatScalar(item, undefined)}`)
      .join(', ');
  }
  return formatScalar(value, labels);
}

function formatScalar(value: unknown, labels: Labels | undefined): string {
  if (value === null || value === undefined || value === '') return EMPTY_VALUE;
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (typeof value === 'number') return NUMBER.format(value);
  if (typeof value === 'string') {
    if (labels?.[value]) return labels[value];
    const date = ISO_DATE.exec(value);
    if (date) return `${date[3]}/${date[2]}/${date[1]}`;
    if (ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) {
      return DATE_TIME.format(new Date(value)).replace(' ', ' à ');
    }
    return value;
  }
  return JSON.stringify(value);
}

/** A visit's checklist: "Stationnement possible : Satisfaisant, …". */
function checklistText(checklist: Record<string, { answer?: string } | undefined>): string {
  const items = Object.keys(checklist).filter((item) => checklist[item]?.answer);
  if (items.length === 0) return 'aucune';
  return items
    .map((item) => {
      const answer = checklist[item]?.answer as string;
      const label = VISIT_CHECKLIST_LABELS[item as VisitChecklistItem] ?? item;
      return `${label} : ${CHECKLIST_ANSWER_LABELS[answer as ChecklistAnswer] ?? answer}`;
    })
    .join(', ');
}

/** `{ N1: 2, SASPAS: 1 }` → "N1 ×2, SASPAS ×1", in the order of the stage types. */
function capacityText(capacities: Record<string, unknown>): string {
  const known = STAGE_TYPES.filter((t) => typeof capacities[t] === 'number' && (capacities[t] as number) > 0);
  const other = Object.keys(capacities).filter((k) => !(STAGE_TYPES as readonly string[]).includes(k));
  const parts = [...known, ...other].map((key) => `${key} ×${formatScalar(capacities[key], undefined)}`);
  return parts.length > 0 ? parts.join(', ') : 'aucune';
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value as object).length === 0;
  return false;
}

function order(field: string): number {
  const index = Object.keys(FIELDS).indexOf(field);
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}

/** One API event as the timeline shows it. */
export function toHistoryEntry(event: AuditEventView): HistoryEntry {
  const isCreation = event.action === 'created';
  const changes = Object.entries(event.changes ?? {})
    .filter(([field, change]) => !HIDDEN_FIELDS.has(field) && !(isCreation && isEmpty(change.after)))
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([field, change]): HistoryChange => {
      const before = formatValue(event.entityType, field, change.before);
      const after = formatValue(event.entityType, field, change.after);
      return {
        field,
        label: fieldLabel(field),
        before,
        after,
        long: before.length > 60 || after.length > 60 || /\n/.test(before + after),
        opaque: /Ids?$/.test(field),
      };
    });
  return {
    id: event.id,
    action: event.action,
    actionLabel: actionLabel(event.action),
    icon: ACTIONS[event.action]?.icon ?? 'history',
    occurredAt: event.occurredAt,
    actor: event.actorEmail ?? 'Traitement automatique',
    isCreation,
    changes,
  };
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
