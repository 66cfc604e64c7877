import { hasPermission, type Permission, type Role } from '@maillage/shared/domain';

export type AreaKey =
  | 'home'
  | 'dashboard'
  | 'map'
  | 'offer'
  | 'sites'
  | 'professionals'
  | 'accreditations'
  | 'referrals'
  | 'intents'
  | 'visits'
  | 'accessIssues'
  | 'measures'
  | 'tasks'
  | 'semesters'
  | 'committees'
  | 'reports'
  | 'territory'
  | 'imports'
  | 'generalPractitioners'
  | 'referenceData'
  | 'users'
  | 'outbox';

/** The groups of the navigation, in order. */
export type AreaGroup = 'home' | 'registry' | 'fieldwork' | 'reporting' | 'reference';

export const AREA_GROUP_LABELS: Readonly<Record<AreaGroup, string>> = {
  home: '',
  registry: 'Registre',
  fieldwork: 'Suivi',
  reporting: 'Pilotage',
  reference: 'Référentiel',
};

export interface Area {
  key: AreaKey;
  /** What opening the area requires (the one permission map of the domain library). */
  permission: Permission;
  group: AreaGroup;
  /** Router path below the shell, without a leading slash (`''` for the home page). */
  path: string;
  label: string;
  /** Material icon ligature. */
  icon: string;
  /** One sentence for the home page cards. */
  summary: string;
}

export const AREAS: Readonly<Record<AreaKey, Area>> = {
  home: {
    key: 'home',
    permission: 'session.own',
    group: 'home',
    path: '',
    label: 'Accueil',
    icon: 'home',
    summary: 'Votre page d’accueil.',
  },
  dashboard: {
    key: 'dashboard',
    permission: 'dashboard.read',
    group: 'reporting',
    path: 'tableau-de-bord',
    label: 'Tableau de bord',
    icon: 'insights',
    summary: 'Les chiffres clés de l’offre de stage et de son évolution.',
  },
  map: {
    key: 'map',
    permission: 'dashboard.read',
    group: 'reporting',
    path: 'carte',
    label: 'Carte',
    icon: 'travel_explore',
    summary: 'Les communes colorées par indicateur et les terrains de stage sur la carte.',
  },
  offer: {
    key: 'offer',
    permission: 'offer.read',
    group: 'reporting',
    path: 'etat-offre',
    label: 'État de l’offre',
    icon: 'fact_check',
    summary: 'Les terrains, les capacités d’accueil et les manques, arrêtés à une date.',
  },
  sites: {
    key: 'sites',
    permission: 'sites.read',
    group: 'registry',
    path: 'terrains',
    label: 'Terrains de stage',
    icon: 'local_hospital',
    summary: 'Cabinets, MSP, centres de santé et PMI qui accueillent des étudiants.',
  },
  professionals: {
    key: 'professionals',
    permission: 'professionals.read',
    group: 'registry',
    path: 'professionnels',
    label: 'Professionnels & MSU',
    icon: 'badge',
    summary: 'Le registre des professionnels de santé et des maîtres de stage.',
  },
  accreditations: {
    key: 'accreditations',
    permission: 'accreditations.read',
    group: 'registry',
    path: 'agrements',
    label: 'Agréments',
    icon: 'verified',
    summary: 'Les agréments des MSU et des terrains, leurs échéances et renouvellements.',
  },
  referrals: {
    key: 'referrals',
    permission: 'referrals.read',
    group: 'registry',
    path: 'signalements',
    label: 'Signalements CDOM',
    icon: 'campaign',
    summary: 'Les professionnels que le CDOM propose comme futurs MSU.',
  },
  intents: {
    key: 'intents',
    permission: 'intents.read',
    group: 'registry',
    path: 'intentions-installation',
    label: 'Intentions d’installation',
    icon: 'home_work',
    summary: 'Les projets d’installation des jeunes médecins signalés par le CDOM.',
  },
  visits: {
    key: 'visits',
    permission: 'visits.read',
    group: 'fieldwork',
    path: 'visites',
    label: 'Visites',
    icon: 'event_available',
    summary: 'Les visites de terrains, leurs constats et leurs suites.',
  },
  accessIssues: {
    key: 'accessIssues',
    permission: 'accessIssues.read',
    group: 'fieldwork',
    path: 'difficultes-acces',
    label: 'Difficultés d’accès',
    icon: 'report_problem',
    summary: 'Transport, logement, locaux : les obstacles relevés sur les terrains.',
  },
  measures: {
    key: 'measures',
    permission: 'measures.read',
    group: 'fieldwork',
    path: 'mesures',
    label: 'Mesures',
    icon: 'volunteer_activism',
    summary: 'Les dispositifs qui rendent les terrains plus accessibles et attractifs.',
  },
  tasks: {
    key: 'tasks',
    permission: 'tasks.read',
    group: 'fieldwork',
    path: 'taches',
    label: 'Tâches',
    icon: 'checklist',
    summary: 'Les relances, échéances et suites à donner.',
  },
  semesters: {
    key: 'semesters',
    permission: 'semesters.read',
    group: 'fieldwork',
    path: 'semestres',
    label: 'Semestres',
    icon: 'date_range',
    summary: 'Les capacités et les besoins planifiés par semestre et type de stage.',
  },
  committees: {
    key: 'committees',
    permission: 'committees.read',
    group: 'reporting',
    path: 'comites',
    label: 'Comités',
    icon: 'groups',
    summary: 'Les comités de suivi et stratégiques : réunions, présences, décisions.',
  },
  reports: {
    key: 'reports',
    permission: 'reports.read',
    group: 'reporting',
    path: 'bilans',
    label: 'Bilan annuel',
    icon: 'summarize',
    summary: 'Le bilan d’activité annuel présenté au comité stratégique.',
  },
  territory: {
    key: 'territory',
    permission: 'territory.read',
    group: 'reference',
    path: 'territoire',
    label: 'Territoire',
    icon: 'map',
    summary: 'Les communes, leur population, leur EPCI et leur zonage ARS.',
  },
  imports: {
    key: 'imports',
    permission: 'imports.run',
    group: 'reference',
    path: 'imports',
    label: 'Imports de tableurs',
    icon: 'upload_file',
    summary: 'Charger des terrains, des professionnels et des agréments depuis un tableur, et annuler un import.',
  },
  generalPractitioners: {
    key: 'generalPractitioners',
    permission: 'rpps.read',
    group: 'registry',
    path: 'generalistes-non-msu',
    label: 'Généralistes non MSU',
    icon: 'person_search',
    summary: 'Les médecins généralistes de l’annuaire RPPS qui ne sont pas encore maîtres de stage.',
  },
  referenceData: {
    key: 'referenceData',
    permission: 'reference.import',
    group: 'reference',
    path: 'donnees-de-reference',
    label: 'Données de référence',
    icon: 'dataset',
    summary: 'Charger l’annuaire RPPS, le zonage ARS et les contours des communes.',
  },
  users: {
    key: 'users',
    permission: 'users.manage',
    group: 'reference',
    path: 'utilisateurs',
    label: 'Utilisateurs',
    icon: 'manage_accounts',
    summary: 'Les comptes, leurs rôles et leur activation.',
  },
  outbox: {
    key: 'outbox',
    permission: 'outbox.manage',
    group: 'reference',
    path: 'envois',
    label: 'E-mails envoyés',
    icon: 'outgoing_mail',
    summary: 'Les e-mails en attente ou en échec, et leur renvoi.',
  },
};

/** The order of the navigation: home, then the registry, field work, reporting, reference data. */
export const AREA_ORDER: readonly AreaKey[] = [
  'home',
  'sites',
  'professionals',
  'accreditations',
  'referrals',
  'generalPractitioners',
  'intents',
  'visits',
  'accessIssues',
  'measures',
  'tasks',
  'semesters',
  'dashboard',
  'map',
  'offer',
  'committees',
  'reports',
  'territory',
  'imports',
  'referenceData',
  'users',
  'outbox',
];

/** Whether `role` may open the area: it holds the area's permission. */
export function canOpen(role: Role | null | undefined, key: AreaKey): boolean {
  return hasPermission(role, AREAS[key].permission);
}

/** The navigation of a role: every area whose permission it holds, in `AREA_ORDER`. */
export function navigationFor(role: Role): Area[] {
  return AREA_ORDER.filter((key) => canOpen(role, key)).map((key) => AREAS[key]);
}

/** The area an address belongs to (`/terrains/12/modifier` → sites), if any. */
export function areaOfUrl(url: string): Area | null {
  const first = url.split(/[?#]/)[0].split('/').filter(Boolean)[0] ?? '';
  return AREA_ORDER.map((key) => AREAS[key]).find((area) => area.path === first) ?? null;
}
