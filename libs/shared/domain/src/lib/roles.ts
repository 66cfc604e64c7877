/** Roles of the dashboard and the API (see API.md). */
export const ROLES = ['admin', 'mission_officer', 'cdom', 'departement', 'committee'] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: 'Administrateur',
  mission_officer: 'Chargé·e de mission',
  cdom: 'CDOM (Ordre des médecins)',
  departement: 'Département',
  committee: 'Membre de comité',
};

export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  admin: 'Gère les comptes, les rôles, les réglages et les données de référence.',
  mission_officer: 'Tient le registre des terrains de stage, des MSU, des visites et des comités.',
  cdom: 'Signale des candidats MSU et des intentions d’installation ; consulte le registre.',
  departement: 'Consulte l’ensemble des données, sans les modifier.',
  committee: 'Consulte les tableaux de bord, l’état de l’offre, les comités et les bilans.',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * A user without a département sees every département. Only administrators may be national:
 * every other account works for one département.
 */
export function mayBeNational(role: Role): boolean {
  return role === 'admin';
}
