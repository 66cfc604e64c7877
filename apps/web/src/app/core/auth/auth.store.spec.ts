import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ErrorHandler } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { AUTH_API, AuthStore } from './auth.store';
import { buildAuthUser } from './testing';

describe('AuthStore', () => {
  let store: AuthStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    store = TestBed.inject(AuthStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('starts unknown and signs in from GET /api/auth/me', async () => {
    expect(store.status()).toBe('unknown');
    const loaded = store.ensureLoaded();
    http.expectOne(AUTH_API.me).flush(buildAuthUser({ role: 'cdom' }));
    await expect(loaded).resolves.toMatchObject({ role: 'cdom' });
    expect(store.isSignedIn()).toBe(true);
    expect(store.role()).toBe('cdom');
    expect(store.can('referrals.create')).toBe(true);
    expect(store.can('users.manage')).toBe(false);
  });

  it('asks the API only once, even for concurrent callers', async () => {
    const first = store.ensureLoaded();
    const second = store.ensureLoaded();
    http.expectOne(AUTH_API.me).flush(buildAuthUser());
    await Promise.all([first, second]);
    await store.ensureLoaded();
    http.expectNone(AUTH_API.me);
  });

  it('reports an unexpected /me failure and treats the visitor as signed out', async () => {
    const handleError = jest.spyOn(TestBed.inject(ErrorHandler), 'handleError').mockImplementation(() => undefined);
    const loaded = store.ensureLoaded();
    http.expectOne(AUTH_API.me).flush({}, { status: 503, statusText: 'Service Unavailable' });
    await expect(loaded).resolves.toBeNull();
    expect(store.status()).toBe('signed-out');
    expect(handleError).toHaveBeenCalledTimes(1);
  });

  it('is signed out when /me answers 401', async () => {
    const loaded = store.ensureLoaded();
    http.expectOne(AUTH_API.me).flush({ message: 'Unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    await expect(loaded).resolves.toBeNull();
    expect(store.status()).toBe('signed-out');
    expect(store.user()).toBeNull();
  });

  it('posts the credentials on login and keeps the user, never a token', async () => {
    const login = store.login({ email: 'a@b.fr', password: 'secret-secret' });
    const request = http.expectOne(AUTH_API.login);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'a@b.fr', password: 'secret-secret' });
    request.flush({ accessToken: 'jwt', expiresAt: '2026-12-01T00:00:00Z', user: buildAuthUser() });
    await login;
    expect(store.user()?.displayName).toBe('Camille Martin');
    expect(JSON.stringify(store.user())).not.toContain('jwt');
  });

  it('rejects with the HTTP error when login fails', async () => {
    const login = store.login({ email: 'a@b.fr', password: 'wrong-password' });
    http.expectOne(AUTH_API.login).flush({}, { status: 401, statusText: 'Unauthorized' });
    await expect(login).rejects.toMatchObject({ status: 401 });
    expect(store.isSignedIn()).toBe(false);
  });

  it('logs out on the server, forgets the user and goes to /connexion', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const loaded = store.ensureLoaded();
    http.expectOne(AUTH_API.me).flush(buildAuthUser());
    await loaded;

    const logout = store.logout();
    const request = http.expectOne(AUTH_API.logout);
    expect(request.request.method).toBe('POST');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await logout;

    expect(store.status()).toBe('signed-out');
    expect(navigate).toHaveBeenCalledWith('/connexion');
  });

  it('still signs out locally when the logout call fails', async () => {
    jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const logout = store.logout();
    http.expectOne(AUTH_API.logout).flush({}, { status: 401, statusText: 'Unauthorized' });
    await logout;
    expect(store.status()).toBe('signed-out');
  });
});
