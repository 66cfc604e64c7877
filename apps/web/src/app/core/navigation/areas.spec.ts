import { ROLES } from '@maillage/shared/domain';
import { AREAS, navigationFor, ROLE_NAVIGATION, rolesFor } from './areas';

describe('role navigation', () => {
  it.each([
    [
      'cdom',
      [
        'Accueil',
        'Signalements CDOM',
        'Intentions d’installation',
        'Terrains de stage',
        'Professionnels & MSU',
        'Territoire',
      ],
    ],
    ['committee', ['Accueil', 'Tableau de bord', 'Carte', 'État de l’offre', 'Comités', 'Bilan annuel']],
    ['admin', ['Accueil', 'Utilisateurs', 'Territoire']],
  ] as const)('%s sees exactly its entries', (role, labels) => {
    expect(navigationFor(role).map((a) => a.label)).toEqual(labels);
  });

  it('gives every role a navigation that starts at home', () => {
    for (const role of ROLES) expect(ROLE_NAVIGATION[role][0]).toBe('home');
  });

  it('keeps Utilisateurs for administrators only', () => {
    expect(rolesFor('users')).toEqual(['admin']);
  });

  it('lists Territoire in every navigation but the committee’s', () => {
    expect(rolesFor('territory').sort()).toEqual(['admin', 'cdom', 'departement', 'mission_officer']);
  });

  it('uses a distinct path for every area', () => {
    const paths = Object.values(AREAS).map((a) => a.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
