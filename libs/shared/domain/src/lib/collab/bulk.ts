import type { Permission } from '../permissions';

/** Lists with bulk actions, by API resource path. */
export const BULK_RESOURCES = ['sites', 'professionals', 'accreditations', 'tasks', 'candidate-referrals'] as const;
export type BulkResource = (typeof BULK_RESOURCES)[number];

export const BULK_ACTIONS = ['archive', 'assign_task', 'move_stage', 'assign', 'complete'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export const BULK_ACTION_LABELS: Readonly<Record<BulkAction, string>> = {
  archive: 'Archiver',
  assign_task: 'Créer une tâche pour chacun',
  move_stage: 'Changer d’étape du parcours MSU',
  assign: 'Attribuer',
  complete: 'Terminer',
};

/**
 * The actions of each list and the permission each needs: the same as the single action.
 * Export (CSV) needs the list's read permission.
 */
export const BULK_ACTIONS_OF: Readonly<
  Record<BulkResource, { read: Permission; actions: Partial<Record<BulkAction, Permission>> }>
> = {
  sites: { read: 'sites.read', actions: { archive: 'sites.write', assign_task: 'tasks.write' } },
  professionals: {
    read: 'professionals.read',
    actions: { archive: 'professionals.write', assign_task: 'tasks.write', move_stage: 'professionals.write' },
  },
  accreditations: {
    read: 'accreditations.read',
    actions: { archive: 'accreditations.write', assign_task: 'tasks.write' },
  },
  tasks: { read: 'tasks.read', actions: { archive: 'tasks.write', assign: 'tasks.write', complete: 'tasks.write' } },
  'candidate-referrals': {
    read: 'referrals.read',
    actions: { assign: 'referrals.handle', assign_task: 'tasks.write' },
  },
};

/** At most this many records change in one bulk action, and this many rows in one export. */
export const BULK_MAX_CHANGES = 1000;
export const BULK_MAX_EXPORT = 10000;

export interface BulkItem {
  id: string;
  /** How the list names the record ("MSP des Capucins", "Dr Claire Martin"); `null` when it is not visible. */
  label: string | null;
}

export interface BulkRefusal extends BulkItem {
  /** Why, in French. */
  reason: string;
}

/** What a bulk action did, record by record. */
export interface BulkResult {
  action: BulkAction;
  /** Records selected (ids given, or matching the filters). */
  selected: number;
  done: BulkItem[];
  refused: BulkRefusal[];
}
