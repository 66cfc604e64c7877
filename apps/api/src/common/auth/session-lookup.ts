import type { AuthUser } from '@maillage/shared/domain';

/**
 * What the global guard needs from the sessions: the live session behind a token, with its
 * user as it is now. Implemented by the auth module (`SessionsService`), so that `common/`
 * does not import `auth/`.
 */
export abstract class SessionLookup {
  abstract resolve(token: string): Promise<{ sessionId: string; user: AuthUser } | null>;
}
