import type { AuthUser, Role } from '@maillage/shared/domain';

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
