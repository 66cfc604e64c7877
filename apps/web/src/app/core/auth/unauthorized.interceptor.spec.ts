import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AUTH_API, AuthStore } from './auth.store';
import { unauthorizedInterceptor } from './unauthorized.interceptor';

describe('unauthorizedInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let router: Router;
  let markSignedOut: jest.Mock;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    markSignedOut = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([unauthorizedInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AuthStore, useValue: { markSignedOut } },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'url', 'get').mockReturnValue('/utilisateurs?page=2');
    navigate = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
  });

  afterEach(() => backend.verify());

  async function fail(url: string, status: number): Promise<unknown> {
    const call = firstValueFrom(http.get(url)).catch((error: unknown) => error);
    backend.expectOne(url).flush({ message: 'x' }, { status, statusText: 'Error' });
    return call;
  }

  it('signs out and sends the user to /connexion?retour=<current url> on a 401', async () => {
    const error = await fail('/api/users?page=2', 401);
    expect(error).toMatchObject({ status: 401 });
    expect(markSignedOut).toHaveBeenCalledTimes(1);
    const target = navigate.mock.calls[0][0];
    expect(router.serializeUrl(target)).toBe('/connexion?retour=%2Futilisateurs%3Fpage%3D2');
  });

  it.each([AUTH_API.login, AUTH_API.me])('leaves the 401 of %s to its caller', async (url) => {
    await fail(url, 401);
    expect(markSignedOut).not.toHaveBeenCalled();
    expect(navigate).not.toHaveBeenCalled();
  });

  it.each([403, 409, 500])('ignores a %s', async (status) => {
    await fail('/api/users', status);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('ignores calls outside /api', async () => {
    await fail('/assets/config.json', 401);
    await fail('/apiculture', 401);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('does not redirect again when already on the login page', async () => {
    jest.spyOn(router, 'url', 'get').mockReturnValue('/connexion?retour=%2F');
    await fail('/api/health', 401);
    expect(markSignedOut).toHaveBeenCalled();
    expect(navigate).not.toHaveBeenCalled();
  });
});
