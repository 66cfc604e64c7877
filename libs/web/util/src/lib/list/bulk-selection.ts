import { computed, effect, untracked } from '@angular/core';
import {
  BULK_ACTION_LABELS,
  BULK_ACTIONS_OF,
  type BulkAction,
  type BulkResource,
  type Permission,
} from '@maillage/shared/domain';
import type { ApiParams } from './list-params';
import { RowSelection } from './row-selection';

/** The part of a list's API parameters that is not paging or order. */
export function bulkFilters(params: ApiParams): ApiParams {
  const filters: ApiParams = {};
  for (const [key, value] of Object.entries(params)) {
    if (key !== 'page' && key !== 'pageSize' && key !== 'sort') filters[key] = value;
  }
  return filters;
}

/**
 * The selection of a list page, started again whenever the list's filters change (other filters,
 * other rows); paging and sorting keep it. Call it in a field initialiser (it registers an effect).
 */
export function listSelection(params: () => ApiParams): RowSelection {
  const selection = new RowSelection();
  const filters = computed(() => JSON.stringify(bulkFilters(params())));
  effect(() => {
    filters();
    untracked(() => selection.clear());
  });
  return selection;
}

/** A bulk action the user may run on a list, with its French label. */
export interface BulkActionChoice {
  action: BulkAction;
  label: string;
}

/**
 * The bulk actions of a list that `can` allows: `bulk.run` and each action's own permission, in
 * the order of the contract (`BULK_ACTIONS_OF`).
 */
export function allowedBulkActions(
  resource: BulkResource,
  can: (permission: Permission) => boolean,
): BulkActionChoice[] {
  if (!can('bulk.run')) return [];
  return Object.entries(BULK_ACTIONS_OF[resource].actions)
    .filter(([, permission]) => can(permission))
    .map(([action]) => ({ action: action as BulkAction, label: BULK_ACTION_LABELS[action as BulkAction] }));
}

/** Whether the user may export a selection of the list (its read permission). */
export function canExportSelection(resource: BulkResource, can: (permission: Permission) => boolean): boolean {
  return can(BULK_ACTIONS_OF[resource].read);
}

/** `POST /api/<list>/bulk` (`/export` for the CSV). */
export function bulkUrl(resource: BulkResource, suffix: '' | '/export' = ''): string {
  return `/api/${resource}/bulk${suffix}`;
}

/** The file name of an `attachment; filename="…"` answer, or `fallback`. */
export function attachmentName(disposition: string | null, fallback: string): string {
  const match = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
  return match ? decodeURIComponent(match[1]) : fallback;
}

/** Saves a downloaded file under `fileName` (the browser's own download, nothing opened). */
export function saveFile(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  // After the click has handed the file to the browser.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
