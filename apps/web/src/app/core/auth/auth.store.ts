import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, ErrorHandler, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import {
  type AuthUser,
  hasPermission,
  type LoginRequest,
  type LoginResponse,
  type Permission,
  type Role,
} from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';

export const AUTH_API = {
  login: '/api/auth/login',
  logout: '/api/auth/logout',
  me: '/api/auth/me',
} as const;

export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out';

/**
 * The session of the browser. The API keeps it in an HttpOnly cookie: this store never sees a
 * token, it only knows who is signed in (from `GET /api/auth/me` or the login answer).
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly errors = inject(ErrorHandler);

  private readonly state = signal<{ status: SessionStatus; user: AuthUser | null }>({
    status: 'unknown',
    user: null,
  });
  private probe: Promise<AuthUser | null> | null = null;

  readonly status = computed(() => this.state().status);
  readonly user = computed(() => this.state().user);
  readonly role = computed<Role | null>(() => this.state().user?.role ?? null);
  readonly isSignedIn = computed(() => this.state().status === 'signed-in');

  /** Asks the API once who is signed in; later calls reuse the answer. */
  ensureLoaded(): Promise<AuthUser | null> {
    if (this.state().status !== 'unknown') return Promise.resolve(this.user());
    this.probe ??= firstValueFrom(this.http.get<AuthUser>(AUTH_API.me)).then(
      (user) => this.signIn(user),
      (error: unknown) => {
        // 401 is the normal answer for a visitor; anything else is worth reporting.
        if (!(error instanceof HttpErrorResponse) || error.status !== 401) this.errors.handleError(error);
        this.markSignedOut();
        return null;
      },
    );
    return this.probe;
  }

  /** Rejects with the `HttpErrorResponse` so the login form can tell 401 from 429. */
  async login(credentials: LoginRequest): Promise<AuthUser> {
    const response = await firstValueFrom(this.http.post<LoginResponse>(AUTH_API.login, credentials));
    return this.signIn(response.user);
  }

  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<unknown>(AUTH_API.logout, {}));
    } catch {
      // The cookie may already be gone (401): the browser is signed out all the same.
    }
    this.markSignedOut();
    await this.router.navigateByUrl('/connexion');
  }

  /** Called when the API answers 401: the cookie expired or was revoked. */
  markSignedOut(): void {
    this.probe = null;
    this.state.set({ status: 'signed-out', user: null });
  }

  /** Whether the signed-in user holds `permission` (the one map of the domain library). */
  can(permission: Permission): boolean {
    return hasPermission(this.role(), permission);
  }

  private signIn(user: AuthUser): AuthUser {
    this.state.set({ status: 'signed-in', user });
    return user;
  }
}
