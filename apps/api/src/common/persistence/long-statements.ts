import type { EntityManager } from 'typeorm';

/** What the pool's clients offer to bulk work (`database/guarded-client.ts`). */
interface StallWindow {
  allowLongQueriesInTransaction(ms: number): void;
}

function hasStallWindow(client: unknown): client is StallWindow {
  return typeof (client as Partial<StallWindow> | null)?.allowLongQueriesInTransaction === 'function';
}

/**
 * Until the current transaction of `client` ends, a query may go without an answer for `ms`
 * instead of the everyday stall window (a client without one is left as it is).
 */
export function extendStallWindow(client: unknown, ms: number): void {
  if (hasStallWindow(client)) client.allowLongQueriesInTransaction(ms);
}

/**
 * Bulk work (an import applied, a directory swapped) runs statements longer than the
 * `DB_STATEMENT_TIMEOUT_MS` that protects everyday requests. Inside its transaction only, it
 * raises the server's `statement_timeout` and the client's stall window to `ms`; both return to
 * the everyday values when the transaction ends.
 */
export async function allowLongStatements(manager: EntityManager, ms: number): Promise<void> {
  const limit = Math.max(1, Math.floor(ms));
  await manager.query(`SET LOCAL statement_timeout = ${limit}`);
  extendStallWindow((manager.queryRunner as { databaseConnection?: unknown } | undefined)?.databaseConnection, limit);
}
