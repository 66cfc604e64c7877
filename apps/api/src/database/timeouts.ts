import type { AppConfig } from '../config/app-config';
import { GuardedClient } from './guarded-client';

/** How long the app waits for PostgreSQL before answering 503 (see docs/security.md). */
export interface DatabaseTimeouts {
  /** Waiting for a connection of the pool, or opening one. */
  connectMs: number;
  /** `statement_timeout`: the server cancels a statement running longer. */
  statementMs: number;
  /** `lock_timeout`: the server gives up waiting for a row or table lock. */
  lockMs: number;
  /** `idle_in_transaction_session_timeout`: a transaction left open by a lost client ends. */
  idleInTransactionMs: number;
  /** Client side (GuardedClient): no answer at all from the server (frozen, network cut) after this long. */
  queryMs: number;
}

export function timeoutsOf(config: AppConfig): DatabaseTimeouts {
  return {
    connectMs: config.DB_CONNECT_TIMEOUT_MS,
    statementMs: config.DB_STATEMENT_TIMEOUT_MS,
    lockMs: config.DB_LOCK_TIMEOUT_MS,
    idleInTransactionMs: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    // Just after the server's own timeout, which answers first when the server is alive.
    queryMs: config.DB_STATEMENT_TIMEOUT_MS + 500,
  };
}

/** Options of the pg pool (TypeORM's `extra`) that apply the timeouts to every connection. */
export function poolOptions(timeouts: DatabaseTimeouts | null): Record<string, unknown> {
  if (!timeouts) return {};
  return {
    Client: GuardedClient,
    keepAlive: true,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    lock_timeout: timeouts.lockMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    stall_timeout: timeouts.queryMs,
  };
}
