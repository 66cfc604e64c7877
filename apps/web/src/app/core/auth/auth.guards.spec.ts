import { TestBed } from '@angular/core/testing';
import {
  type ActivatedRouteSnapshot,
  provideRouter,
  RedirectCommand,
  Router,
  type RouterStateSnapshot,
  UrlTree,
} from '@angular/router';
import { type AuthUser, hasPermission, type Permission, type Role } from '@maillage/shared/domain';
import { authGuard, guestGuard, permissionGuard } from './auth.guards';
import { AuthStore } from './auth.store';
import { buildAuthUser } from './testing';

const route = {} as ActivatedRouteSnapshot;
const state = (url: string) => ({ url }) as RouterStateSnapshot;

function setUp(user: AuthUser | null) {
  const ensureLoaded = jest.fn().mockResolvedValue(user);
  const can = (permission: Permission) => hasPermission(user?.role, permission);
  TestBed.configureTestingModule({
    providers: [provideRouter([]), { provide: AuthStore, useValue: { ensureLoaded, can } }],
  });
  return TestBed.inject(Router);
}

/** A redirection as a URL; « Accès refusé » as `forbidden <address kept in the browser>`. */
const serialize = (router: Router, result: unknown) => {
  if (result instanceof UrlTree) return router.serializeUrl(result);
  if (result instanceof RedirectCommand) {
    return `${router.serializeUrl(result.redirectTo)} (adresse gardée : ${String(result.navigationBehaviorOptions?.browserUrl)})`;
  }
  return result;
};

describe('authGuard', () => {
  it('lets a signed-in user through', async () => {
    const router = setUp(buildAuthUser());
    const result = await TestBed.runInInjectionContext(() => authGuard(route, state('/territoire')));
    expect(serialize(router, result)).toBe(true);
  });

  it('sends a visitor to /connexion with the page to come back to', async () => {
    const router = setUp(null);
    const result = await TestBed.runInInjectionContext(() => authGuard(route, state('/territoire?q=melun')));
    expect(serialize(router, result)).toBe('/connexion?retour=%2Fterritoire%3Fq%3Dmelun');
  });

  it('does not add retour for the home page', async () => {
    const router = setUp(null);
    const result = await TestBed.runInInjectionContext(() => authGuard(route, state('/')));
    expect(serialize(router, result)).toBe('/connexion');
  });
});

describe('permissionGuard', () => {
  it.each<[Role, Permission, string | boolean]>([
    ['admin', 'users.manage', true],
    ['cdom', 'users.manage', '/acces-refuse (adresse gardée : /utilisateurs)'],
    ['committee', 'reports.read', true],
    ['committee', 'sites.read', '/acces-refuse (adresse gardée : /utilisateurs)'],
  ])('%s on a page that needs %s → %s', async (role, permission, expected) => {
    const router = setUp(buildAuthUser({ role }));
    const guard = permissionGuard(permission);
    const result = await TestBed.runInInjectionContext(() => guard(route, state('/utilisateurs')));
    expect(serialize(router, result)).toBe(expected);
  });

  it('sends a visitor to the login page', async () => {
    const router = setUp(null);
    const guard = permissionGuard('users.manage');
    const result = await TestBed.runInInjectionContext(() => guard(route, state('/utilisateurs')));
    expect(serialize(router, result)).toBe('/connexion?retour=%2Futilisateurs');
  });
});

describe('guestGuard', () => {
  it('sends a signed-in user home', async () => {
    const router = setUp(buildAuthUser());
    const result = await TestBed.runInInjectionContext(() => guestGuard(route as never, []));
    expect(serialize(router, result)).toBe('/');
  });

  it('shows the login page to a visitor', async () => {
    const router = setUp(null);
    const result = await TestBed.runInInjectionContext(() => guestGuard(route as never, []));
    expect(serialize(router, result)).toBe(true);
  });
});
