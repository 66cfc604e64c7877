import { inject } from '@angular/core';
import { type CanActivateFn, type CanMatchFn, Router, type UrlTree } from '@angular/router';
import type { Role } from '@maillage/shared/domain';
import { AuthStore } from './auth.store';

/** `/connexion?retour=<url>`: where an anonymous visitor of `url` is sent. */
export function loginUrl(router: Router, returnUrl: string): UrlTree {
  const queryParams = returnUrl && returnUrl !== '/' ? { retour: returnUrl } : {};
  return router.createUrlTree(['/connexion'], { queryParams });
}

/** Signed-in users only; others go to the login page and come back afterwards. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const store = inject(AuthStore);
  const router = inject(Router);
  const user = await store.ensureLoaded();
  return user ? true : loginUrl(router, state.url);
};

/** Users of one of `roles` only; other signed-in users land on their home page. */
export function roleGuard(...roles: Role[]): CanActivateFn {
  return async (_route, state) => {
    const store = inject(AuthStore);
    const router = inject(Router);
    const user = await store.ensureLoaded();
    if (!user) return loginUrl(router, state.url);
    return roles.includes(user.role) ? true : router.createUrlTree(['/']);
  };
}

/** The login page is for visitors: a signed-in user goes home. */
export const guestGuard: CanMatchFn = async () => {
  const store = inject(AuthStore);
  const router = inject(Router);
  const user = await store.ensureLoaded();
  return user ? router.createUrlTree(['/']) : true;
};
