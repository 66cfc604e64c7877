import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { Page, UserAccount } from '@maillage/shared/domain';
import { buildAuthUser, provideSignedIn } from '../../core/auth/testing';
import { CONFLICT_MESSAGE } from './user-create-dialog';
import { USERS_URL } from './users-api';
import { UsersPage } from './users-page';

function buildAccount(overrides: Partial<UserAccount> = {}): UserAccount {
  return {
    ...buildAuthUser({ id: 'u-1', email: 'cdom@demo.maillage.fr', displayName: 'Hélène Garnier', role: 'cdom' }),
    isActive: true,
    lastLoginAt: null,
    createdAt: '2026-11-01T08:00:00Z',
    updatedAt: '2026-11-01T08:00:00Z',
    version: 3,
    ...overrides,
  };
}

const page = (items: UserAccount[]): Page<UserAccount> => ({ items, total: items.length, page: 1, pageSize: 25 });

describe('UsersPage', () => {
  let fixture: ComponentFixture<UsersPage>;
  let http: HttpTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [UsersPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideNoopAnimations(),
        provideSignedIn('admin', { id: 'admin' }),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(UsersPage);
    root = fixture.nativeElement;
    // Not whenStable(): the pending list request keeps the app unstable until it is answered.
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const listRequest = (): TestRequest => http.expectOne((r) => r.url === USERS_URL && r.method === 'GET');

  async function answer(request: TestRequest, items: UserAccount[]): Promise<void> {
    request.flush(page(items));
    await fixture.whenStable();
    fixture.detectChanges();
  }

  it('asks the server for the first page sorted by e-mail and shows the rows', async () => {
    const request = listRequest();
    expect(request.request.params.toString()).toBe('page=1&pageSize=25&sort=email:asc');
    await answer(request, [buildAccount()]);
    expect(root.querySelector('tbody')?.textContent).toContain('cdom@demo.maillage.fr');
    expect(root.querySelector('tbody')?.textContent).toContain('CDOM (Ordre des médecins)');
    expect(root.querySelector('tbody')?.textContent).toContain('Actif');
  });

  it('filters by role on the server and goes back to the first page', async () => {
    await answer(listRequest(), [buildAccount()]);
    // The filters live in the URL: the page navigates, the list follows.
    const { list } = fixture.componentInstance as unknown as {
      list: {
        onPage(e: { pageIndex: number; pageSize: number }): Promise<boolean>;
        update(c: { role: string }): Promise<boolean>;
      };
    };
    await list.onPage({ pageIndex: 2, pageSize: 25 });
    fixture.detectChanges();
    expect(listRequest().request.params.get('page')).toBe('3');

    await list.update({ role: 'committee' });
    fixture.detectChanges();
    const request = listRequest();
    expect(request.request.params.get('role')).toBe('committee');
    expect(request.request.params.get('page')).toBe('1');
    await answer(request, []);
    expect(root.textContent).toContain('Aucun compte ne correspond à ces critères.');
  });

  it('on a 409 when deactivating, says the account changed and reloads the list', async () => {
    const account = buildAccount();
    await answer(listRequest(), [account]);
    const component = fixture.componentInstance as unknown as { setActive(u: UserAccount, a: boolean): Promise<void> };

    const done = component.setActive(account, false);
    const action = http.expectOne(`${USERS_URL}/u-1/deactivate`);
    expect(action.request.method).toBe('POST');
    expect(action.request.body).toEqual({ version: 3 });
    action.flush({ statusCode: 409, message: 'version périmée' }, { status: 409, statusText: 'Conflict' });
    await done;
    fixture.detectChanges();

    expect(root.querySelector('[role="alert"]')?.textContent).toContain(CONFLICT_MESSAGE);
    await answer(listRequest(), [buildAccount({ version: 4 })]);
  });

  it('shows the API’s 400 message when an action is refused', async () => {
    const account = buildAccount();
    await answer(listRequest(), [account]);
    const component = fixture.componentInstance as unknown as { setActive(u: UserAccount, a: boolean): Promise<void> };

    const done = component.setActive(account, false);
    http
      .expectOne(`${USERS_URL}/u-1/deactivate`)
      .flush(
        { statusCode: 400, message: ['Vous ne pouvez pas désactiver votre propre compte.'] },
        { status: 400, statusText: 'Bad Request' },
      );
    await done;
    fixture.detectChanges();

    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      'Vous ne pouvez pas désactiver votre propre compte.',
    );
    http.expectNone((r) => r.url === USERS_URL && r.method === 'GET');
  });
});
