/**
 * Rows changed by a raw `UPDATE` / `DELETE` run through TypeORM's `query()`, which answers
 * `[rows, count]` for those commands and the rows alone for the others.
 */
export function affectedRows(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[1];
  }
  return Array.isArray(result) ? result.length : 0;
}
