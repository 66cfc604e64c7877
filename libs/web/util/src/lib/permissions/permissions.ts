import { computed, inject, InjectionToken, type Signal } from '@angular/core';
import { hasPermission, type Permission, type Role } from '@maillage/shared/domain';

/**
 * The role of the signed-in user, provided by the app (from its session store), so that any
 * screen can ask the one permission map what the user may do.
 */
export const CURRENT_ROLE = new InjectionToken<Signal<Role | null>>('CURRENT_ROLE');

/** `can('sites.write')`: whether the signed-in user holds a permission (reactive in templates). */
export type PermissionCheck = (permission: Permission) => boolean;

/** The permission check of the signed-in user (call it in an injection context). */
export function injectCan(): PermissionCheck {
  const role = inject(CURRENT_ROLE);
  return (permission) => hasPermission(role(), permission);
}

/** A signal of whether the signed-in user holds `permission`. */
export function injectPermission(permission: Permission): Signal<boolean> {
  const role = inject(CURRENT_ROLE);
  return computed(() => hasPermission(role(), permission));
}
