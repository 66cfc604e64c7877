import type { Role } from './roles';

/**
 * The one permission map of Maillage. The API declares a permission on every route
 * (`@Allow('sites.write')`), the web builds its menus, route guards and buttons from the same map,
 * and the README's roles table is compared with it by a test. To give a role a right, change it
 * here: nothing else decides who may do what.
 *
 * Object-level rules come on top (a user sees only the records of their département, the CDOM
 * sees the outcome of its own referrals only…): see docs/adr/0005-who-sees-what.md.
 */
const ALL: readonly Role[] = ['admin', 'mission_officer', 'cdom', 'departement', 'committee'];
/** Those who work with the registry and read it whole: not the committee. */
const REGISTRY_READERS: readonly Role[] = ['admin', 'mission_officer', 'cdom', 'departement'];
/** The Département's own people (and the national administrator, who oversees). */
const DEPARTEMENT_READERS: readonly Role[] = ['admin', 'mission_officer', 'departement'];
/** Everyone who follows the offer and the committees' work. */
const REPORTING_READERS: readonly Role[] = ['admin', 'mission_officer', 'cdom', 'departement', 'committee'];
const MISSION: readonly Role[] = ['mission_officer'];

export const PERMISSIONS = {
  // Session and reference data
  'session.own': { roles: ALL, label: 'Se connecter, voir son compte, changer son mot de passe' },
  'territory.read': { roles: ALL, label: 'Consulter les communes, EPCI, zonages et contours' },
  'territory.write': { roles: ['admin', 'mission_officer'], label: 'Saisir le zonage ARS et charger les contours' },
  'users.manage': { roles: ['admin'], label: 'Gérer les comptes et les rôles' },
  'users.colleagues': { roles: ['admin', 'mission_officer'], label: 'Choisir un collègue (tâches, visites)' },
  'audit.read': { roles: DEPARTEMENT_READERS, label: 'Lire l’historique des enregistrements' },

  // Registry
  'sites.read': { roles: REGISTRY_READERS, label: 'Consulter les terrains de stage' },
  'sites.write': { roles: MISSION, label: 'Créer, modifier, archiver les terrains de stage' },
  'professionals.read': { roles: REGISTRY_READERS, label: 'Consulter les professionnels et les MSU' },
  'professionals.readRpps': { roles: REGISTRY_READERS, label: 'Voir les numéros RPPS' },
  'professionals.readContact': {
    roles: MISSION,
    label: 'Voir les coordonnées (avec consentement) et les notes des professionnels',
  },
  'professionals.write': { roles: MISSION, label: 'Créer, modifier les professionnels ; parcours MSU, formations' },
  'accreditations.read': { roles: REGISTRY_READERS, label: 'Consulter les agréments' },
  'accreditations.write': { roles: MISSION, label: 'Demander, accorder, renouveler, retirer un agrément' },
  'referrals.read': { roles: REGISTRY_READERS, label: 'Consulter les signalements CDOM' },
  'referrals.create': { roles: ['cdom', 'mission_officer'], label: 'Signaler un candidat MSU' },
  'referrals.handle': { roles: MISSION, label: 'Suivre, attribuer et clore un signalement' },
  'referrals.readFollowUps': { roles: DEPARTEMENT_READERS, label: 'Lire le suivi des signalements' },
  'intents.read': { roles: REGISTRY_READERS, label: 'Consulter les intentions d’installation' },
  'intents.write': { roles: ['cdom', 'mission_officer'], label: 'Signaler une intention d’installation' },

  // Field work
  'visits.read': { roles: REGISTRY_READERS, label: 'Consulter les visites (constats : équipe de la visite)' },
  'visits.write': { roles: MISSION, label: 'Planifier, enregistrer, corriger une visite' },
  'accessIssues.read': { roles: REGISTRY_READERS, label: 'Consulter les difficultés d’accès' },
  'accessIssues.propose': { roles: ['cdom', 'mission_officer'], label: 'Signaler une difficulté d’accès' },
  'accessIssues.handle': { roles: MISSION, label: 'Traiter et clore une difficulté d’accès' },
  'measures.read': { roles: DEPARTEMENT_READERS, label: 'Consulter les mesures et leurs budgets' },
  'measures.write': { roles: MISSION, label: 'Créer et suivre les mesures' },
  'tasks.read': { roles: DEPARTEMENT_READERS, label: 'Consulter les tâches' },
  'tasks.write': { roles: MISSION, label: 'Créer, attribuer, terminer les tâches' },
  'semesters.read': { roles: REPORTING_READERS, label: 'Consulter les semestres (places offertes et demandées)' },
  'semesters.write': { roles: MISSION, label: 'Saisir les demandes d’un semestre' },

  // Reporting
  'dashboard.read': { roles: REPORTING_READERS, label: 'Consulter le tableau de bord et la carte' },
  'offer.read': { roles: REPORTING_READERS, label: 'Consulter les états de l’offre' },
  'offer.write': { roles: MISSION, label: 'Arrêter un état de l’offre' },
  'committees.read': { roles: REPORTING_READERS, label: 'Consulter les comités' },
  'committees.write': { roles: MISSION, label: 'Préparer un comité, ses décisions et ses actions' },
  'reports.read': { roles: REPORTING_READERS, label: 'Consulter les bilans annuels' },
  'reports.write': { roles: MISSION, label: 'Rédiger, présenter, approuver le bilan annuel' },

  // Data in and out (exports follow the read permission of each list)
  'imports.run': { roles: MISSION, label: 'Importer des terrains, des professionnels et des agréments (tableur)' },
  'reference.import': {
    roles: ['admin'],
    label: 'Charger les données de référence : annuaire RPPS, zonage ARS, contours des communes',
  },
  'rpps.read': { roles: REGISTRY_READERS, label: 'Consulter l’annuaire RPPS (généralistes non MSU, densité médicale)' },
  'personalData.manage': {
    roles: MISSION,
    label: 'Exporter ou effacer les données personnelles d’un professionnel',
  },

  // Working together (documents follow the permissions of the record they are attached to;
  // bulk actions those of each single action)
  'notifications.own': {
    roles: ALL,
    label: 'Recevoir ses notifications, les lire, choisir celles envoyées aussi par e-mail',
  },
  'notifications.cdomInput': {
    roles: MISSION,
    label: 'Recevoir un avis des signalements et des intentions d’installation du CDOM',
  },
  'notifications.referralOutcome': { roles: ['cdom'], label: 'Recevoir un avis de l’issue des signalements du CDOM' },
  'notifications.digest': {
    roles: MISSION,
    label: 'Recevoir le récapitulatif hebdomadaire (tâches, agréments, visites)',
  },
  'documents.read': {
    roles: ALL,
    label: 'Consulter et télécharger les documents des enregistrements que son rôle peut lire',
  },
  'documents.write': {
    roles: MISSION,
    label: 'Joindre, remplacer, supprimer les documents des enregistrements que son rôle peut modifier',
  },
  'bulk.run': {
    roles: MISSION,
    label: 'Agir sur plusieurs enregistrements à la fois (chacun avec le droit de l’action)',
  },
  'outbox.manage': { roles: ['admin'], label: 'Voir les e-mails en attente ou en échec et les renvoyer' },
  'search.use': { roles: ALL, label: 'Rechercher dans ce que son rôle permet de consulter' },
} as const satisfies Record<string, { roles: readonly Role[]; label: string }>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PERMISSIONS, value);
}

/** The roles that hold `permission`. */
export function rolesWith(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission].roles;
}

/** Whether `role` holds `permission` (a missing role holds nothing). */
export function hasPermission(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && (PERMISSIONS[permission].roles as readonly Role[]).includes(role);
}

/** Every permission a role holds, in the map's order. */
export function permissionsOf(role: Role): Permission[] {
  return PERMISSION_NAMES.filter((permission) => hasPermission(role, permission));
}
