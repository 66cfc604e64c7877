import {
  ACCESS_ISSUE_CATEGORY_LABELS,
  ACCESS_ISSUE_SOURCE_LABELS,
  ACCESS_ISSUE_STATUS_LABELS,
  type AccessIssueSummary,
  type CandidateReferralView,
  CIVILITY_LABELS,
  type CommuneSummary,
  type InstallationIntentView,
  INTENT_HORIZON_LABELS,
  INTENT_STATUS_LABELS,
  MEASURE_STATUS_LABELS,
  MEASURE_TYPE_LABELS,
  type MeasureSummary,
  PARTICIPANT_KIND_LABELS,
  PRIORITY_LABELS,
  REFERRAL_STATUS_LABELS,
  ROLE_LABELS,
  SEVERITY_LABELS,
  type SiteVisitSummary,
  TASK_STATUS_LABELS,
  type TaskView,
  type UserAccount,
  VISIT_PURPOSE_LABELS,
  VISIT_STATUS_LABELS,
  ZONAGE_SHORT_LABELS,
} from '@maillage/shared/domain';

import { dateCell, type ExportColumn, instantCell } from '../spreadsheet/export-column';

export const REFERRAL_COLUMNS: ExportColumn<CandidateReferralView>[] = [
  { header: 'Civilité', value: (r) => (r.civility ? CIVILITY_LABELS[r.civility] : null) },
  { header: 'Nom', value: (r) => r.lastName, width: 20 },
  { header: 'Prénom', value: (r) => r.firstName, width: 18 },
  { header: 'N° RPPS', value: (r) => r.rpps, permission: 'professionals.readRpps', width: 14 },
  { header: 'Spécialité', value: (r) => r.specialty, width: 22 },
  { header: 'Code commune (INSEE)', value: (r) => r.communeCode },
  { header: 'Motif', value: (r) => r.reason, width: 40 },
  { header: 'Priorité', value: (r) => PRIORITY_LABELS[r.priority] },
  { header: 'Statut', value: (r) => REFERRAL_STATUS_LABELS[r.status], width: 24 },
  { header: 'Signalé par', value: (r) => r.referredBy?.displayName ?? null, width: 22 },
  { header: 'Suivi par', value: (r) => r.assignedTo?.displayName ?? null, width: 22 },
  { header: 'Dernier suivi', value: (r) => instantCell(r.lastFollowUpAt) },
  { header: 'Clos le', value: (r) => instantCell(r.closedAt) },
  { header: 'Note de clôture', value: (r) => r.outcomeNote, width: 40 },
  { header: 'Signalé le', value: (r) => instantCell(r.createdAt) },
];

export const INTENT_COLUMNS: ExportColumn<InstallationIntentView>[] = [
  { header: 'Initiales', value: (r) => r.initials },
  { header: 'Prénom', value: (r) => r.firstName },
  { header: 'Nom', value: (r) => r.lastName },
  { header: 'Consentement', value: (r) => r.consent },
  { header: 'Spécialité', value: (r) => r.specialty, width: 22 },
  { header: 'Faculté', value: (r) => r.faculty, width: 22 },
  { header: 'Communes visées', value: (r) => r.targetCommuneCodes.join(', '), width: 24 },
  { header: 'Horizon', value: (r) => INTENT_HORIZON_LABELS[r.horizon] },
  { header: 'Statut', value: (r) => INTENT_STATUS_LABELS[r.status] },
  { header: 'Aide proposée', value: (r) => r.supportOffered, width: 34 },
  { header: 'Installé le', value: (r) => dateCell(r.settledOn) },
  { header: 'Signalé par', value: (r) => r.reportedBy?.displayName ?? null, width: 22 },
  { header: 'Notes', value: (r) => r.notes, width: 40 },
  { header: 'Signalé le', value: (r) => instantCell(r.createdAt) },
];

export const VISIT_COLUMNS: ExportColumn<SiteVisitSummary>[] = [
  { header: 'Terrain', value: (r) => r.site.name, width: 34 },
  { header: 'Commune', value: (r) => r.site.communeName, width: 22 },
  { header: 'Objet', value: (r) => VISIT_PURPOSE_LABELS[r.purpose], width: 24 },
  { header: 'Statut', value: (r) => VISIT_STATUS_LABELS[r.status] },
  { header: 'Prévue le', value: (r) => dateCell(r.plannedOn) },
  { header: 'Heure', value: (r) => r.plannedTime },
  { header: 'Faite le', value: (r) => dateCell(r.visitedOn) },
  { header: 'Prochaine visite', value: (r) => dateCell(r.nextVisitOn) },
  {
    header: 'Participants',
    value: (r) => r.participants.map((p) => `${p.name} (${PARTICIPANT_KIND_LABELS[p.kind]})`).join(' | '),
    width: 50,
  },
];

export const ACCESS_ISSUE_COLUMNS: ExportColumn<AccessIssueSummary>[] = [
  { header: 'Terrain', value: (r) => r.site.name, width: 34 },
  { header: 'Commune', value: (r) => r.site.communeName, width: 22 },
  { header: 'Catégorie', value: (r) => ACCESS_ISSUE_CATEGORY_LABELS[r.category], width: 22 },
  { header: 'Gravité', value: (r) => SEVERITY_LABELS[r.severity] },
  { header: 'Description', value: (r) => r.description, width: 50 },
  { header: 'Source', value: (r) => ACCESS_ISSUE_SOURCE_LABELS[r.source] },
  { header: 'Statut', value: (r) => ACCESS_ISSUE_STATUS_LABELS[r.status] },
  { header: 'Signalée le', value: (r) => dateCell(r.raisedOn) },
  { header: 'Close le', value: (r) => dateCell(r.closedOn) },
  { header: 'Résolution', value: (r) => r.resolution, width: 40 },
];

export const MEASURE_COLUMNS: ExportColumn<MeasureSummary>[] = [
  { header: 'Mesure', value: (r) => r.name, width: 36 },
  { header: 'Type', value: (r) => MEASURE_TYPE_LABELS[r.type], width: 24 },
  { header: 'Statut', value: (r) => MEASURE_STATUS_LABELS[r.status] },
  { header: 'Budget prévu (€)', value: (r) => r.budgetPlanned },
  { header: 'Budget engagé (€)', value: (r) => r.budgetCommitted },
  { header: 'Début', value: (r) => dateCell(r.startDate) },
  { header: 'Fin', value: (r) => dateCell(r.endDate) },
  { header: 'Terrains', value: (r) => r.siteCount },
  { header: 'Difficultés traitées', value: (r) => r.issueCount },
];

export const TASK_COLUMNS: ExportColumn<TaskView>[] = [
  { header: 'Tâche', value: (r) => r.title, width: 40 },
  { header: 'Description', value: (r) => r.description, width: 40 },
  { header: 'Responsable', value: (r) => r.owner?.displayName ?? r.ownerLabel, width: 22 },
  { header: 'Échéance', value: (r) => dateCell(r.dueOn) },
  { header: 'Statut', value: (r) => TASK_STATUS_LABELS[r.status] },
  { header: 'Priorité', value: (r) => PRIORITY_LABELS[r.priority] },
  { header: 'En retard', value: (r) => r.overdue },
  { header: 'Concerne', value: (r) => r.subject?.label ?? null, width: 30 },
  { header: 'Terminée le', value: (r) => instantCell(r.completedAt) },
];

export const USER_COLUMNS: ExportColumn<UserAccount>[] = [
  { header: 'Nom', value: (r) => r.displayName, width: 24 },
  { header: 'Courriel', value: (r) => r.email, width: 30 },
  { header: 'Rôle', value: (r) => ROLE_LABELS[r.role], width: 24 },
  { header: 'Département', value: (r) => r.departementCode ?? 'national' },
  { header: 'Actif', value: (r) => r.isActive },
  { header: 'Dernière connexion', value: (r) => instantCell(r.lastLoginAt) },
  { header: 'Créé le', value: (r) => instantCell(r.createdAt) },
];

export const COMMUNE_COLUMNS: ExportColumn<CommuneSummary>[] = [
  { header: 'Code commune (INSEE)', value: (r) => r.code },
  { header: 'Commune', value: (r) => r.name, width: 26 },
  { header: 'Département', value: (r) => r.departementCode },
  { header: 'Codes postaux', value: (r) => r.postalCodes.join(', ') },
  { header: 'Population', value: (r) => r.population },
  { header: 'EPCI', value: (r) => r.epci?.name ?? null, width: 34 },
  { header: 'Zonage', value: (r) => (r.zonage ? ZONAGE_SHORT_LABELS[r.zonage] : null) },
  { header: 'Contour chargé', value: (r) => r.hasContour },
];
