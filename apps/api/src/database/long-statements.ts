import type { EntityManager } from 'typeorm';

import { GuardedClient } from './guarded-client';

/**
 * Bulk work (an import applied, a directory swapped) runs statements longer than the
 * `DB_STATEMENT_TIMEOUT_MS` that protects everyday requests. Inside its transaction only, it
 * raises the server's `statement_timeout` and the client's stall window to `ms`; both return to
 * the everyday values when the transaction ends.
 */
export async function allowLongStatements(manager: EntityManager, ms: number): Promise<void> {
  const limit = Math.max(1, Math.floor(ms));
  await manager.query(`SET LOCAL statement_timeout = ${limit}`);
  const connection = (manager.queryRunner as { databaseConnection?: unknown } | undefined)?.databaseConnection;
  if (connection instanceof GuardedClient) connection.allowLongQueriesInTransaction(limit);
}
