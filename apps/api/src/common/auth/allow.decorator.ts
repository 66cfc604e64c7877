import { isPermission, type Permission, PERMISSIONS } from '@maillage/shared/domain';
import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

export const PERMISSION_KEY = 'maillage:permission';
export const PUBLIC_KEY = 'maillage:public';
export const SESSION_COOKIE = 'maillage_session';

/**
 * Declares the permission a route needs (on a handler, or on a controller for all its handlers);
 * the roles come from the one permission map (`PERMISSIONS` in the shared lib). The global
 * `AuthGuard` answers 401 without a live session and 403 to a role without the permission.
 * A route that declares neither `@Allow` nor `@Public` is refused to everyone.
 */
export function Allow(permission: Permission) {
  if (!isPermission(permission)) throw new Error(`@Allow: unknown permission ${String(permission)}`);
  const { roles, label } = PERMISSIONS[permission];
  return applyDecorators(
    SetMetadata(PERMISSION_KEY, permission),
    ApiBearerAuth(),
    ApiCookieAuth(SESSION_COOKIE),
    ApiExtension('x-permission', permission),
    ApiUnauthorizedResponse({ description: 'Non authentifié' }),
    ApiForbiddenResponse({ description: `Permission ${permission} (${label}) : rôles ${roles.join(', ')}` }),
  );
}

/** The explicit exception: a route anyone may call without signing in. */
export function Public() {
  return SetMetadata(PUBLIC_KEY, true);
}
