import { AsyncLocalStorage } from 'node:async_hooks';

/** The create in progress under an `Idempotency-Key`, seen by the TypeORM subscriber. */
export interface IdempotencyContext {
  userId: string;
  key: string;
  /** The first business row inserted by the request (its `Location` if the answer is lost). */
  created: { table: string; id: string } | null;
  committed: boolean;
}

export const idempotencyStorage = new AsyncLocalStorage<IdempotencyContext>();

/** Tables whose rows are written alongside a create and are never "the" created record. */
export const NOT_CREATED_RECORDS = new Set(['audit_events', 'idempotency_keys', 'sessions', 'login_throttle']);
