import { hasPermission, type Permission, type Role } from '@maillage/shared/domain';

/** Who reads: the role decides which personal fields are shown (permission map), the id who wrote what. */
export interface Viewer {
  id: string;
  role: Role;
}

/** Shown in the history in place of a personal value the reader may not see. */
export const MASKED = '(masqué)';

/**
 * Personal fields of each kind of record and the permission that shows them. Contact details
 * (e-mail, phone) and notes are the mission officer's; RPPS numbers are the registry readers'.
 * Audit snapshots use the same names, so the history hides what the record hides.
 */
const PERSONAL_FIELDS: Record<string, Record<string, Permission>> = {
  professional: {
    email: 'professionals.readContact',
    phone: 'professionals.readContact',
    notes: 'professionals.readContact',
    rpps: 'professionals.readRpps',
  },
  candidate_referral: { rpps: 'professionals.readRpps' },
  installation_intent: { notes: 'professionals.readContact' },
};

export function maySee(viewer: Pick<Viewer, 'role'>, permission: Permission): boolean {
  return hasPermission(viewer.role, permission);
}

/** A professional's contact details: only with its consent, and only for who may read them. */
export function contactOf<T extends string | null>(viewer: Pick<Viewer, 'role'>, consent: boolean, value: T): T | null {
  return consent && maySee(viewer, 'professionals.readContact') ? value : null;
}

/** A personal field of an entity type, or null for a reader who may not see it. */
export function personal<T>(viewer: Pick<Viewer, 'role'>, entityType: string, field: string, value: T): T | null {
  const permission = PERSONAL_FIELDS[entityType]?.[field];
  return permission && !maySee(viewer, permission) ? null : value;
}

/** The field-by-field changes of an audit event, personal values masked for this reader. */
export function maskChanges<C extends { before: unknown; after: unknown }>(
  viewer: Pick<Viewer, 'role'>,
  entityType: string,
  changes: Record<string, C>,
): Record<string, C> {
  const fields = PERSONAL_FIELDS[entityType] ?? {};
  return Object.fromEntries(
    Object.entries(changes).map(([field, change]) => {
      const permission = fields[field];
      if (!permission || maySee(viewer, permission)) return [field, change];
      const mask = (v: unknown) => (v === null || v === undefined ? v : MASKED);
      return [field, { ...change, before: mask(change.before), after: mask(change.after) }];
    }),
  );
}
