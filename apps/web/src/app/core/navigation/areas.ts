import type { Role } from '@maillage/shared/domain';

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
  | 'users';

export interface Area {
  key: AreaKey;
  /** Router path below the shell, without a leading slash (`''` for the home page). */
  path: string;
  label: string;
  /** Material icon ligature. */
  icon: string;
  /** One sentence for the home page cards and the placeholder page. */
  summary: string;
  /** `false` while the screen is not built: the route shows a "bientôt disponible" page. */
  ready: boolean;
}

export const AREAS: Readonly<Record<AreaKey, Area>> = {
  home: { key: 'home', path: '', label: 'Accueil', icon: 'home', summary: 'Votre page d’accueil.', ready: true },
  dashboard: {
    key: 'dashboard',
    path: 'tableau-de-bord',
    label: 'Tableau de bord',
    icon: 'insights',
    ready: true,
    summary: 'Les chiffres clés de l’offre de stage et de son évolution.',
  },
  map: {
    key: 'map',
    path: 'carte',
    label: 'Carte',
    icon: 'travel_explore',
    ready: true,
    summary: 'Les communes colorées par indicateur et les terrains de stage sur la carte.',
  },
  offer: {
    key: 'offer',
    path: 'etat-offre',
    label: 'État de l’offre',
    icon: 'fact_check',
    ready: true,
    summary: 'Les terrains, les capacités d’accueil et les manques, arrêtés à une date.',
  },
  sites: {
    key: 'sites',
    path: 'terrains',
    label: 'Terrains de stage',
    icon: 'local_hospital',
    ready: true,
    summary: 'Cabinets, MSP, centres de santé et PMI qui accueillent des étudiants.',
  },
  professionals: {
    key: 'professionals',
    path: 'professionnels',
    label: 'Professionnels & MSU',
    icon: 'badge',
    ready: true,
    summary: 'Le registre des professionnels de santé et des maîtres de stage.',
  },
  accreditations: {
    key: 'accreditations',
    path: 'agrements',
    label: 'Agréments',
    icon: 'verified',
    ready: true,
    summary: 'Les agréments des MSU et des terrains, leurs échéances et renouvellements.',
  },
  referrals: {
    key: 'referrals',
    path: 'signalements',
    label: 'Signalements CDOM',
    icon: 'campaign',
    ready: true,
    summary: 'Les professionnels que le CDOM propose comme futurs MSU.',
  },
  intents: {
    key: 'intents',
    path: 'intentions-installation',
    label: 'Intentions d’installation',
    icon: 'home_work',
    ready: true,
    summary: 'Les projets d’installation des jeunes médecins signalés par le CDOM.',
  },
  visits: {
    key: 'visits',
    path: 'visites',
    label: 'Visites',
    icon: 'event_available',
    ready: true,
    summary: 'Les visites de terrains, leurs constats et leurs suites.',
  },
  accessIssues: {
    key: 'accessIssues',
    path: 'difficultes-acces',
    label: 'Difficultés d’accès',
    icon: 'report_problem',
    ready: true,
    summary: 'Transport, logement, locaux : les obstacles relevés sur les terrains.',
  },
  measures: {
    key: 'measures',
    path: 'mesures',
    label: 'Mesures',
    icon: 'volunteer_activism',
    ready: true,
    summary: 'Les dispositifs qui rendent les terrains plus accessibles et attractifs.',
  },
  tasks: {
    key: 'tasks',
    path: 'taches',
    label: 'Tâches',
    icon: 'checklist',
    ready: true,
    summary: 'Les relances, échéances et suites à donner.',
  },
  semesters: {
    key: 'semesters',
    path: 'semestres',
    label: 'Semestres',
    icon: 'date_range',
    ready: true,
    summary: 'Les capacités et les besoins planifiés par semestre et type de stage.',
  },
  committees: {
    key: 'committees',
    path: 'comites',
    label: 'Comités',
    icon: 'groups',
    ready: true,
    summary: 'Les comités de suivi et stratégiques : réunions, présences, décisions.',
  },
  reports: {
    key: 'reports',
    path: 'bilans',
    label: 'Bilan annuel',
    icon: 'summarize',
    ready: true,
    summary: 'Le bilan d’activité annuel présenté au comité stratégique.',
  },
  territory: {
    key: 'territory',
    path: 'territoire',
    label: 'Territoire',
    icon: 'map',
    ready: true,
    summary: 'Les communes, leur population, leur EPCI et leur zonage ARS.',
  },
  users: {
    key: 'users',
    path: 'utilisateurs',
    label: 'Utilisateurs',
    icon: 'manage_accounts',
    ready: true,
    summary: 'Les comptes, leurs rôles et leur activation.',
  },
};

/** The navigation of each role, in display order. */
export const ROLE_NAVIGATION: Readonly<Record<Role, readonly AreaKey[]>> = {
  mission_officer: [
    'home',
    'sites',
    'professionals',
    'accreditations',
    'referrals',
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
  ],
  cdom: ['home', 'referrals', 'intents', 'sites', 'professionals', 'territory'],
  departement: [
    'home',
    'dashboard',
    'map',
    'offer',
    'sites',
    'professionals',
    'accreditations',
    'committees',
    'reports',
    'territory',
  ],
  committee: ['home', 'dashboard', 'map', 'offer', 'committees', 'reports'],
  admin: ['home', 'users', 'territory'],
};

export function navigationFor(role: Role): Area[] {
  return ROLE_NAVIGATION[role].map((key) => AREAS[key]);
}

/** The roles whose navigation holds `key`: who may open that area. */
export function rolesFor(key: AreaKey): Role[] {
  return (Object.keys(ROLE_NAVIGATION) as Role[]).filter((role) => ROLE_NAVIGATION[role].includes(key));
}
