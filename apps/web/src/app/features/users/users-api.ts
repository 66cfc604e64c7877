import { HttpClient, type HttpResourceRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Role, UserAccount } from '@maillage/shared/domain';
import type { Observable } from 'rxjs';

export const USERS_URL = '/api/users';

export interface UserQuery {
  page: number;
  pageSize: number;
  /** `field:asc|desc`, e.g. `email:asc`. */
  sort: string;
  q: string;
  role: Role | '';
  active: 'true' | 'false' | '';
}

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  /** `null` for a national administrator. */
  departementCode: string | null;
  password: string;
}

/** The query string of `GET /api/users`: empty filters are left out. */
export function usersRequest(query: UserQuery): HttpResourceRequest {
  const params: Record<string, string | number> = {
    page: query.page,
    pageSize: query.pageSize,
    sort: query.sort,
  };
  if (query.q.trim()) params['q'] = query.q.trim();
  if (query.role) params['role'] = query.role;
  if (query.active) params['active'] = query.active;
  return { url: USERS_URL, params };
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
