import { TestBed } from '@angular/core/testing';
import { NavigationEnd, provideRouter, Router } from '@angular/router';
import { hasPermission, type Permission, type Role, ROLES } from '@maillage/shared/domain';
import { filter, firstValueFrom } from 'rxjs';
import { FORBIDDEN_PATH } from '../core/auth/auth.guards';
import { provideSignedIn } from '../core/auth/testing';
import { AREA_ORDER, AREAS, navigationFor } from '../core/navigation/areas';
import { shellRoutes } from './shell.routes';

const ID = '3b6f1c8e-2a4d-4f7b-9c1e-5d8a7b6c4e21';

/**
 * Every routed address and the permissions it needs, written from the permission map's names
 * (not read back from the routes): the area's own, plus the one of a page that writes.
 */
const ADDRESSES: readonly (readonly [string, readonly Permission[]])[] = [
  ...AREA_ORDER.map((key) => [`/${AREAS[key].path}`, [AREAS[key].permission]] as const),
  ['/terrains/nouveau', ['sites.read', 'sites.write']],
  [`/terrains/${ID}`, ['sites.read']],
  [`/terrains/${ID}/modifier`, ['sites.read', 'sites.write']],
  [`/professionnels/${ID}`, ['professionals.read']],
  ['/signalements/nouveau', ['referrals.read', 'referrals.create']],
  [`/signalements/${ID}`, ['referrals.read']],
  ['/difficultes-acces/nouvelle', ['accessIssues.read', 'accessIssues.propose']],
  [`/difficultes-acces/${ID}`, ['accessIssues.read']],
  ['/mesures/nouvelle', ['measures.read', 'measures.write']],
  [`/mesures/${ID}`, ['measures.read']],
  [`/mesures/${ID}/modifier`, ['measures.read', 'measures.write']],
  [`/visites/${ID}`, ['visits.read']],
  [`/visites/${ID}/compte-rendu`, ['visits.read', 'visits.write']],
  ['/comites/nouvelle', ['committees.read', 'committees.write']],
  [`/comites/${ID}`, ['committees.read']],
  [`/comites/${ID}/modifier`, ['committees.read', 'committees.write']],
  ['/etat-offre/comparer', ['offer.read']],
  [`/etat-offre/${ID}`, ['offer.read']],
  [`/bilans/${ID}`, ['reports.read']],
  ['/imports/nouveau', ['imports.run']],
  [`/imports/${ID}`, ['imports.run']],
];

/** Navigates as `role` (guards only: there is no outlet, no page is drawn) and says where it ended. */
async function landing(role: Role, url: string): Promise<string> {
  TestBed.resetTestingModule();
  TestBed.configureTestingModule({ providers: [provideRouter(shellRoutes), provideSignedIn(role)] });
  const router = TestBed.inject(Router);
  const ended = firstValueFrom(router.events.pipe(filter((e) => e instanceof NavigationEnd)));
  await router.navigateByUrl(url);
  await ended;
  return router.url;
}

describe('routes and menus follow the one permission map', () => {
  describe.each(ROLES)('%s', (role) => {
    it.each(ADDRESSES)('%s opens exactly when the map allows it', async (url, needs) => {
      const allowed = needs.every((permission) => hasPermission(role, permission));
      expect(await landing(role, url)).toBe(allowed ? url : `/${FORBIDDEN_PATH}`);
    });

    it('lists in its menu exactly the areas it may open', () => {
      const permitted = AREA_ORDER.filter((key) => hasPermission(role, AREAS[key].permission));
      expect(navigationFor(role).map((area) => area.key)).toEqual(permitted);
    });
  });

  it('routes every area of the menu', () => {
    const routed = new Set((shellRoutes[0].children ?? []).map((route) => route.path));
    expect(AREA_ORDER.filter((key) => !routed.has(AREAS[key].path))).toEqual([]);
  });
});
