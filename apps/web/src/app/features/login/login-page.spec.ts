import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { AUTH_API } from '../../core/auth/auth.store';
import { buildAuthUser } from '../../core/auth/testing';
import { DEMO_PASSWORD } from './demo-accounts';
import { LOGIN_MESSAGES, LoginPage, safeReturnUrl } from './login-page';

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;
  let root: HTMLElement;

  async function render(health: object = { status: 'ok' }, retour?: string): Promise<void> {
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(LoginPage);
    if (retour !== undefined) fixture.componentRef.setInput('retour', retour);
    root = fixture.nativeElement;
    fixture.detectChanges();
    http.expectOne('/api/health').flush(health);
    await fixture.whenStable();
  }

  const input = (label: string) =>
    [...root.querySelectorAll('mat-form-field')]
      .find((field) => field.querySelector('mat-label')?.textContent?.trim() === label)
      ?.querySelector('input') as HTMLInputElement;
  const submitButton = () => root.querySelector('button[type="submit"]') as HTMLButtonElement;

  function type(label: string, value: string): void {
    const field = input(label);
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    (root.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  }

  /** Lets the component's `async submit()` run to its end, then renders. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
    fixture.detectChanges();
  }

  async function answerLogin(body: object | null, status = 200): Promise<void> {
    const request = http.expectOne(AUTH_API.login);
    request.flush(body, { status, statusText: status === 200 ? 'OK' : 'Error' });
    await settle();
  }

  afterEach(() => http.verify());

  it('labels both fields and shows French errors instead of calling the API when empty', async () => {
    await render();
    expect(input('Adresse e-mail')).toBeTruthy();
    expect(input('Mot de passe')).toBeTruthy();
    await submit();
    fixture.detectChanges();
    http.expectNone(AUTH_API.login);
    expect(root.textContent).toContain('Saisissez votre adresse e-mail.');
    expect(root.textContent).toContain('Saisissez votre mot de passe.');
  });

  it('signs in, disables the button while pending and goes to the requested page', async () => {
    await render({ status: 'ok' }, '/territoire?q=melun');
    type('Adresse e-mail', 'cdom@demo.maillage.fr');
    type('Mot de passe', 'un-mot-de-passe');
    await submit();
    fixture.detectChanges();

    expect(submitButton().disabled).toBe(true);
    const request = http.expectOne(AUTH_API.login);
    expect(request.request.body).toEqual({ email: 'cdom@demo.maillage.fr', password: 'un-mot-de-passe' });
    request.flush({ accessToken: 't', expiresAt: '2026-12-01T00:00:00Z', user: buildAuthUser({ role: 'cdom' }) });
    await settle();

    expect(navigate).toHaveBeenCalledWith('/territoire?q=melun');
    expect(submitButton().disabled).toBe(false);
  });

  it.each([
    [401, LOGIN_MESSAGES.invalid],
    [429, LOGIN_MESSAGES.tooMany],
  ])('shows the message of a %s and empties the password', async (status, message) => {
    await render();
    type('Adresse e-mail', 'cdom@demo.maillage.fr');
    type('Mot de passe', 'mauvais-mot-de-passe');
    await submit();
    await answerLogin({ statusCode: status, message: 'Unauthorized' }, status);

    expect(root.querySelector('[role="alert"]')?.textContent).toContain(message);
    expect(input('Mot de passe').value).toBe('');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('toggles the password visibility with a labelled button', async () => {
    await render();
    const toggle = root.querySelector('button[aria-label="Afficher le mot de passe"]') as HTMLButtonElement;
    expect(input('Mot de passe').type).toBe('password');
    toggle.click();
    fixture.detectChanges();
    expect(input('Mot de passe').type).toBe('text');
    expect(toggle.getAttribute('aria-label')).toBe('Masquer le mot de passe');
  });

  it('hides the demo accounts outside demo mode', async () => {
    await render({ status: 'ok', demo: false });
    fixture.detectChanges();
    expect(root.textContent).not.toContain('Comptes de démonstration');
  });

  it('lists the five demo accounts in demo mode and fills the form with one', async () => {
    await render({ status: 'ok', demo: true });
    fixture.detectChanges();
    const buttons = [...root.querySelectorAll('.demo-list button')] as HTMLButtonElement[];
    expect(buttons.map((b) => b.querySelector('.demo-email')?.textContent)).toEqual([
      'chargee.mission@demo.maillage.fr',
      'cdom@demo.maillage.fr',
      'departement@demo.maillage.fr',
      'comite@demo.maillage.fr',
      'admin@demo.maillage.fr',
    ]);
    buttons[4].click();
    fixture.detectChanges();
    expect(input('Adresse e-mail').value).toBe('admin@demo.maillage.fr');
    expect(input('Mot de passe').value).toBe(DEMO_PASSWORD);
  });
});

describe('safeReturnUrl', () => {
  it.each([
    ['/utilisateurs?page=2', '/utilisateurs?page=2'],
    [undefined, '/'],
    ['', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
  ])('%s → %s', (value, expected) => {
    expect(safeReturnUrl(value)).toBe(expected);
  });
});
