import { QueryFailedError } from 'typeorm';

/**
 * PostgreSQL codes that say the server is unavailable, overloaded or too slow right now (not
 * that the request was wrong): the answer is 503 and the client may try again.
 */
const UNAVAILABLE_CODES = new Set([
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '57P05', // idle_session_timeout
  '25P03', // idle_in_transaction_session_timeout
  '25P04', // transaction_timeout
  '53300', // too_many_connections
  '53100', // disk_full
  '53200', // out_of_memory
  '40P01', // deadlock_detected
  '40001', // serialization_failure
]);

/** Errors of the pg driver and the socket when the server cannot be reached or stopped answering. */
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Connection terminated due to connection timeout',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'the database system is',
  'terminating connection',
];
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTCONN']);
/**
 * TypeORM's runner was released because its connection died under it (see GuardedClient): the
 * first error when the request's next query goes through the runner itself, the second when it
 * goes through the runner's `EntityManager` (`manager.query`, as the audit trail does).
 */
const RELEASED_RUNNER_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/** True when the error means "the database is not available now", whichever layer raised it. */
export function isDatabaseUnavailable(error: unknown): boolean {
  // Duck-typed: errors of Node's sockets may come from another realm than this module's `Error`.
  const cause = error instanceof QueryFailedError ? (error.driverError as unknown) : error;
  if (typeof cause !== 'object' || cause === null) return false;
  const { code, message, name } = cause as { code?: unknown; message?: unknown; name?: unknown };
  if (typeof name === 'string' && RELEASED_RUNNER_ERRORS.has(name)) return true;
  if (
    typeof code === 'string' &&
    (UNAVAILABLE_CODES.has(code) || code.startsWith('08') || UNAVAILABLE_ERRNOS.has(code))
  ) {
    return true;
  }
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((text) => message.includes(text));
}

/** Seconds a client should wait before trying again after a 503. */
export const RETRY_AFTER_SECONDS = 5;
