import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { loginUrl } from './auth.guards';
import { AUTH_API, AuthStore } from './auth.store';

/** Calls whose 401 is an answer, not an expired session. */
const SESSION_CALLS: readonly string[] = [AUTH_API.login, AUTH_API.me, AUTH_API.logout];

function isApiCall(url: string): boolean {
  const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
  return path === '/api' || path.startsWith('/api/');
}

/**
 * A 401 from the API means the session cookie expired or was revoked: forget the user and send
 * them to `/connexion?retour=<where they were>`. The error still reaches the caller.
 */
export const unauthorizedInterceptor: HttpInterceptorFn = (request, next) => {
  const store = inject(AuthStore);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      const path = request.url.split('?')[0];
      if (
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        isApiCall(request.url) &&
        !SESSION_CALLS.includes(path)
      ) {
        store.markSignedOut();
        const current = router.url;
        if (!current.startsWith('/connexion')) {
          void router.navigateByUrl(loginUrl(router, current));
        }
      }
      return throwError(() => error);
    }),
  );
};
