import type { Role } from './roles';

/** The signed-in user as the API returns it (`GET /api/auth/me`). */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  /** `null` for a national account, which sees every département. */
  departementCode: string | null;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  expiresAt: string;
  user: AuthUser;
}

/** A user account as administrators list it (`GET /api/users`). */
export interface UserAccount extends AuthUser {
  isActive: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A colleague as others see it (no e-mail): to assign work or invite to a visit. */
export interface Colleague {
  id: string;
  displayName: string;
  role: Role;
  departementCode: string | null;
}

export const PASSWORD_MIN_LENGTH = 12;
