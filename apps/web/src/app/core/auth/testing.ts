import type { Provider } from '@angular/core';
import { type AuthUser, hasPermission, type Permission, type Role } from '@maillage/shared/domain';
import { provideRole } from '@maillage/web/util';
import { AuthStore } from './auth.store';

/** Test data factory for a signed-in user. */
export function buildAuthUser(overrides: Partial<AuthUser> = {}): AuthUser {
  const role: Role = overrides.role ?? 'mission_officer';
  return {
    id: '7f1c9a52-3c1d-4e59-a3a4-8f0e7d2b9c11',
    email: `${role}@demo.maillage.fr`,
    displayName: 'Camille Martin',
    role,
    departementCode: role === 'admin' ? null : '77',
    ...overrides,
  };
}

/** A signed-in session as the screens read it: who, which role, what the role may do. */
export function authStoreStub(user: AuthUser) {
  return {
    user: () => user,
    role: () => user.role,
    ensureLoaded: () => Promise.resolve(user),
    isSignedIn: () => true,
    can: (permission: Permission) => hasPermission(user.role, permission),
  };
}

/** Test providers: the page is seen by a user of `role` (the real permission map decides). */
export function provideSignedIn(role: Role, overrides: Partial<AuthUser> = {}): Provider[] {
  const user = buildAuthUser({ ...overrides, role });
  return [{ provide: AuthStore, useValue: authStoreStub(user) }, provideRole(role)];
}
