import { inject } from '@angular/core';
import { type CanActivateFn, type CanMatchFn, RedirectCommand, Router, type UrlTree } from '@angular/router';
import type { Permission } from '@maillage/shared/domain';
import { AuthStore } from './auth.store';

/** Where the « Accès refusé » page is routed (the browser keeps the address that was asked for). */
export const FORBIDDEN_PATH = 'acces-refuse';

/** `/connexion?retour=<url>`: where an anonymous visitor of `url` is sent. */
export function loginUrl(router: Router, returnUrl: string): UrlTree {
  const queryParams = returnUrl && returnUrl !== '/' ? { retour: returnUrl } : {};
  return router.createUrlTree(['/connexion'], { queryParams });
}

/**
 * « Accès refusé » for `url`: the forbidden page is shown while the address bar keeps `url`, so
 * the user sees what they asked for (and a reload asks again).
 */
export function forbiddenRedirect(router: Router, url: string, permission?: Permission): RedirectCommand {
  return new RedirectCommand(router.createUrlTree(['/', FORBIDDEN_PATH]), {
    browserUrl: url,
    state: { forbiddenUrl: url, permission },
  });
}

/** Signed-in users only; others go to the login page and come back afterwards. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const store = inject(AuthStore);
  const router = inject(Router);
  const user = await store.ensureLoaded();
  return user ? true : loginUrl(router, state.url);
};

/**
 * Users who hold `permission` (the one permission map) only. A visitor goes to the login page;
 * a signed-in user without the permission sees « Accès refusé » at the address asked for.
 */
export function permissionGuard(permission: Permission): CanActivateFn {
  return async (_route, state) => {
    const store = inject(AuthStore);
    const router = inject(Router);
    const user = await store.ensureLoaded();
    if (!user) return loginUrl(router, state.url);
    return store.can(permission) ? true : forbiddenRedirect(router, state.url, permission);
  };
}

/** The login page is for visitors: a signed-in user goes home. */
export const guestGuard: CanMatchFn = async () => {
  const store = inject(AuthStore);
  const router = inject(Router);
  const user = await store.ensureLoaded();
  return user ? router.createUrlTree(['/']) : true;
};
