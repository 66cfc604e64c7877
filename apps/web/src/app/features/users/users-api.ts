import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { PAGE_SIZE_DEFAULT, type Role, ROLES, type UserAccount } from '@maillage/shared/domain';
import { defineList, oneOfParam, textParam, yesNoParam } from '@maillage/web/util';
import type { Observable } from 'rxjs';

export const USERS_URL = '/api/users';

/** The users sorted by the API (`sort=field:asc|desc`). */
export const USER_SORT_FIELDS = ['email', 'displayName', 'role', 'lastLoginAt', 'createdAt'] as const;

/** The list, kept in the URL: `/utilisateurs?q=martin&role=cdom&actifs=non&tri=lastLoginAt:desc`. */
export const USER_LIST = defineList({
  filters: {
    q: textParam('q'),
    role: oneOfParam('role', ROLES),
    active: yesNoParam('actifs', { api: 'active' }),
  },
  sort: { fields: USER_SORT_FIELDS, default: { field: 'email', direction: 'asc' } },
  paging: { pageSize: PAGE_SIZE_DEFAULT },
});

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  /** `null` for a national administrator. */
  departementCode: string | null;
  password: string;
}

/** The writes of the users page; the list is an `httpResource` of the page itself. */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  create(user: NewUser): Observable<UserAccount> {
    return this.http.post<UserAccount>(USERS_URL, user);
  }

  changeRole(user: UserAccount, role: Role): Observable<UserAccount> {
    return this.http.patch<UserAccount>(`${USERS_URL}/${user.id}`, { version: user.version, role });
  }

  setActive(user: UserAccount, active: boolean): Observable<UserAccount> {
    const action = active ? 'activate' : 'deactivate';
    return this.http.post<UserAccount>(`${USERS_URL}/${user.id}/${action}`, { version: user.version });
  }
}
