/** The list envelope of every `GET /api/<resource>` (see API.md). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const PAGE_SIZE_DEFAULT = 25;
export const PAGE_SIZE_MAX = 200;

export type SortDirection = 'asc' | 'desc';

export interface SortSpec<F extends string = string> {
  field: F;
  direction: SortDirection;
}

/**
 * Parses `field:asc|desc` against the fields a resource allows. Returns `null` when the text
 * is not a valid sort for that resource, so callers can answer 400.
 */
export function parseSort<F extends string>(text: string, allowed: readonly F[]): SortSpec<F> | null {
  const match = /^([A-Za-z][A-Za-z0-9]*)(?::(asc|desc))?$/.exec(text.trim());
  if (!match) return null;
  const field = match[1] as F;
  if (!allowed.includes(field)) return null;
  return { field, direction: (match[2] as SortDirection | undefined) ?? 'asc' };
}
