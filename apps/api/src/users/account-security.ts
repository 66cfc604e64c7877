import type { EntityManager } from 'typeorm';

/**
 * What account management needs from authentication: the hash of a new password, and the end
 * of every session of an account (deactivated, password changed). The auth module provides it
 * (`auth/auth-account-security.ts`), so that `users/` does not import `auth/`, which reads the
 * accounts to sign people in.
 */
export abstract class AccountSecurity {
  abstract hashPassword(password: string): Promise<string>;
  abstract endSessions(userId: string, manager: EntityManager): Promise<void>;
}
