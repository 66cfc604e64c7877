import { hasPermission, ROLES } from '@maillage/shared/domain';
import { AREA_ORDER, areaOfUrl, AREAS, canOpen, navigationFor } from './areas';

describe('role navigation', () => {
  it.each([
    [
      'committee',
      ['Accueil', 'Semestres', 'Tableau de bord', 'Carte', 'État de l’offre', 'Comités', 'Bilan annuel', 'Territoire'],
    ],
    [
      'cdom',
      [
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
    ],
  ] as const)('%s sees exactly the areas its permissions open', (role, labels) => {
    expect(navigationFor(role).map((a) => a.label)).toEqual(labels);
  });

  it.each(ROLES)('the menu of %s lists exactly the areas whose permission it holds, home first', (role) => {
    const menu = navigationFor(role).map((a) => a.key);
    expect(menu[0]).toBe('home');
    expect(menu).toEqual(AREA_ORDER.filter((key) => hasPermission(role, AREAS[key].permission)));
  });

  it('keeps Utilisateurs for administrators only', () => {
    expect(ROLES.filter((role) => canOpen(role, 'users'))).toEqual(['admin']);
  });

  it('orders every area once', () => {
    expect([...AREA_ORDER].sort()).toEqual(Object.keys(AREAS).sort());
  });

  it('uses a distinct path for every area', () => {
    const paths = Object.values(AREAS).map((a) => a.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it.each([
    ['/terrains/12/modifier', 'sites'],
    ['/utilisateurs?page=2', 'users'],
    ['/', 'home'],
    ['/inconnu', null],
  ])('finds the area of %s', (url, key) => {
    expect(areaOfUrl(url)?.key ?? null).toBe(key);
  });
});
