import { join } from 'node:path';

export type RoleKey = 'mission_officer' | 'cdom' | 'departement' | 'committee' | 'admin';

export const DEMO_PASSWORD = 'demo-maillage-77';

export interface DemoAccount {
  role: RoleKey;
  email: string;
  roleLabel: string;
  /** Exactly the entries of the role's "Navigation principale", in order: the areas its permissions open. */
  navigation: readonly string[];
}

export const DEMO_ACCOUNTS: Readonly<Record<RoleKey, DemoAccount>> = {
  mission_officer: {
    role: 'mission_officer',
    email: 'chargee.mission@demo.maillage.fr',
    roleLabel: 'Chargé·e de mission',
    navigation: [
      'Accueil',
      'Terrains de stage',
      'Professionnels & MSU',
      'Agréments',
      'Signalements CDOM',
      'Généralistes non MSU',
      'Intentions d’installation',
      'Visites',
      'Difficultés d’accès',
      'Mesures',
      'Tâches',
      'Semestres',
      'Tableau de bord',
      'Carte',
      'État de l’offre',
      'Comités',
      'Bilan annuel',
      'Territoire',
      'Imports de tableurs',
    ],
  },
  cdom: {
    role: 'cdom',
    email: 'cdom@demo.maillage.fr',
    roleLabel: 'CDOM (Ordre des médecins)',
    navigation: [
      'Accueil',
      'Terrains de stage',
      'Professionnels & MSU',
      'Agréments',
      'Signalements CDOM',
      'Généralistes non MSU',
      'Intentions d’installation',
      'Visites',
      'Difficultés d’accès',
      'Semestres',
      'Tableau de bord',
      'Carte',
      'État de l’offre',
      'Comités',
      'Bilan annuel',
      'Territoire',
    ],
  },
  departement: {
    role: 'departement',
    email: 'departement@demo.maillage.fr',
    roleLabel: 'Département',
    navigation: [
      'Accueil',
      'Terrains de stage',
      'Professionnels & MSU',
      'Agréments',
      'Signalements CDOM',
      'Généralistes non MSU',
      'Intentions d’installation',
      'Visites',
      'Difficultés d’accès',
      'Mesures',
      'Tâches',
      'Semestres',
      'Tableau de bord',
      'Carte',
      'État de l’offre',
      'Comités',
      'Bilan annuel',
      'Territoire',
    ],
  },
  committee: {
    role: 'committee',
    email: 'comite@demo.maillage.fr',
    roleLabel: 'Membre de comité',
    navigation: [
      'Accueil',
      'Semestres',
      'Tableau de bord',
      'Carte',
      'État de l’offre',
      'Comités',
      'Bilan annuel',
      'Territoire',
    ],
  },
  admin: {
    role: 'admin',
    email: 'admin@demo.maillage.fr',
    roleLabel: 'Administrateur',
    navigation: [
      'Accueil',
      'Terrains de stage',
      'Professionnels & MSU',
      'Agréments',
      'Signalements CDOM',
      'Généralistes non MSU',
      'Intentions d’installation',
      'Visites',
      'Difficultés d’accès',
      'Mesures',
      'Tâches',
      'Semestres',
      'Tableau de bord',
      'Carte',
      'État de l’offre',
      'Comités',
      'Bilan annuel',
      'Territoire',
      'Données de référence',
      'Utilisateurs',
      'E-mails envoyés',
    ],
  },
};

export const ROLE_KEYS = Object.keys(DEMO_ACCOUNTS) as RoleKey[];

/**
 * Where the setup project saves the session of each role: beside Playwright's other output under
 * `dist/` (ignored by git and Prettier), since it holds live session cookies.
 */
export function storageStateFor(role: RoleKey): string {
  return join(__dirname, '..', '..', '..', '..', 'dist', '.playwright', 'apps', 'web-e2e', 'auth', `${role}.json`);
}

export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'screenshots');
