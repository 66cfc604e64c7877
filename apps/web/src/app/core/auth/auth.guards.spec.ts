import { TestBed } from '@angular/core/testing';
import { type ActivatedRouteSnapshot, provideRouter, Router, type RouterStateSnapshot, UrlTree } from '@angular/router';
import type { AuthUser, Role } from '@maillage/shared/domain';
import { authGuard, guestGuard, roleGuard } from './auth.guards';
import { AuthStore } from './auth.store';
import { buildAuthUser } from './testing';

const route = {} as ActivatedRouteSnapshot;
const state = (url: string) => ({ url }) as RouterStateSnapshot;

function setUp(user: AuthUser | null) {
  const ensureLoaded = jest.fn().mockResolvedValue(user);
  TestBed.configureTestingModule({
    providers: [provideRouter([]), { provide: AuthStore, useValue: { ensureLoaded } }],
  });
  return TestBed.inject(Router);
}

const serialize = (router: Router, result: unknown) =>
  result instanceof UrlTree ? router.serializeUrl(result) : result;

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

describe('roleGuard', () => {
  it.each<[Role, Role[], string | boolean]>([
    ['admin', ['admin'], true],
    ['cdom', ['admin'], '/'],
    ['committee', ['mission_officer', 'committee'], true],
    ['departement', ['mission_officer', 'committee'], '/'],
  ])('%s on a page for %j → %s', async (role, allowed, expected) => {
    const router = setUp(buildAuthUser({ role }));
    const guard = roleGuard(...allowed);
    const result = await TestBed.runInInjectionContext(() => guard(route, state('/utilisateurs')));
    expect(serialize(router, result)).toBe(expected);
  });

  it('sends a visitor to the login page', async () => {
    const router = setUp(null);
    const guard = roleGuard('admin');
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
