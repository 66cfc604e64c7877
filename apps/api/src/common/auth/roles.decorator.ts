import { type Role, ROLES } from '@maillage/shared/domain';
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

export const ROLES_KEY = 'maillage:roles';
export const PUBLIC_KEY = 'maillage:public';
export const SESSION_COOKIE = 'maillage_session';

/** Every role: for routes any signed-in user may call. */
export const ANY_ROLE: readonly Role[] = ROLES;
/** Roles that may read the whole registry. */
export const READERS: readonly Role[] = ROLES;

/**
 * Declares who may call a route (on a handler, or a controller for all its handlers).
 * A route that declares neither `@Roles` nor `@Public` is refused to everyone.
 */
export function Roles(...roles: readonly Role[]) {
  if (roles.length === 0) throw new Error('@Roles() needs at least one role');
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    ApiCookieAuth(SESSION_COOKIE),
    ApiUnauthorizedResponse({ description: 'Non authentifié' }),
    ApiForbiddenResponse({ description: `Réservé aux rôles : ${roles.join(', ')}` }),
  );
}

/** The explicit exception: a route anyone may call without signing in. */
export function Public() {
  return SetMetadata(PUBLIC_KEY, true);
}
