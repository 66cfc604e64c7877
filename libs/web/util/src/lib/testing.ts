import { signal, type Provider } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import type { Role } from '@maillage/shared/domain';
import { of } from 'rxjs';
import { CURRENT_ROLE } from './permissions/permissions';

/** Test provider: the page is opened with these query parameters (for `urlListState`). */
export function provideQueryParams(queryParams: Record<string, string> = {}): Provider {
  return {
    provide: ActivatedRoute,
    useValue: { queryParams: of(queryParams), snapshot: { queryParams, params: {}, data: {} } },
  };
}

/** Test provider: the signed-in user has `role` (for `injectCan`). */
export function provideRole(role: Role | null): Provider {
  return { provide: CURRENT_ROLE, useValue: signal(role) };
}
